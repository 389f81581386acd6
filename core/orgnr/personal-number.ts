/**
 * Personal identity numbers of Sweden and Norway, recognised so that they are never read as an
 * organisation number and never stored, echoed, logged or persisted (GDPR: Inkludo keeps counts and
 * attestations, never data about people). Recognition needs a possible birth date and the number's
 * own check digits, so a valid organisation number is never one of these:
 * - Sweden, personnummer: `YYMMDD-NNNC`, `YYMMDD+NNNC` (from the year the person turns 100),
 *   `YYMMDDNNNC`, `YYYYMMDD-NNNC`, `YYYYMMDDNNNC`; Luhn over the last ten digits. Samordningsnummer add
 *   60 to the day. A sole trader's organisation number is the owner's personnummer, and its VAT form is
 *   `SE` + those ten digits + `01`. (Legal persons have a third digit of 2 or more: never a month.)
 * - Norway, fødselsnummer: `DDMMYY` + three individual digits + two MOD11 control digits. D-numbers add
 *   4 to the first digit, H-numbers add 4 to the third. (Organisation numbers have nine digits.)
 * The birth date is checked without its century (29 February passes in any year divisible by 4), so
 * that no real number is missed; a random digit string rarely passes both date and check digits.
 */
import { luhnValid, mod11Control } from './check-digits.ts';
import { formsNearRuns } from './run-search.ts';

export type PersonalNumberKind =
  | 'se-personnummer'
  | 'se-samordningsnummer'
  | 'no-fodselsnummer'
  | 'no-d-number'
  | 'no-h-number';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** With only two year digits the century is unknown: 29 February then needs a year divisible by 4. */
function isPossibleDate(year: number, yearDigits: 2 | 4, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0)) return false;
  if (month === 2 && day === 29) return yearDigits === 2 ? year % 4 === 0 : year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return true;
}

function swedishKind(digits: string): PersonalNumberKind | null {
  const long = digits.length === 12;
  const year = Number(digits.slice(0, long ? 4 : 2));
  if (long && (year < 1800 || year >= 2100)) return null;
  const rest = long ? digits.slice(2) : digits;
  const month = Number(rest.slice(2, 4));
  const day = Number(rest.slice(4, 6));
  // The date first: an organisation number's third digit (2 or more) is never a month, so it ends here.
  const kind = isPossibleDate(year, long ? 4 : 2, month, day) ? 'se-personnummer' : day > 60 && isPossibleDate(year, long ? 4 : 2, month, day - 60) ? 'se-samordningsnummer' : null;
  return kind !== null && luhnValid(rest) ? kind : null;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function norwegianKind(digits: string): PersonalNumberKind | null {
  if (mod11Control(digits, K1_WEIGHTS) !== Number(digits[9])) return null;
  if (mod11Control(digits, K2_WEIGHTS) !== Number(digits[10])) return null;
  let day = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 6));
  let kind: PersonalNumberKind = 'no-fodselsnummer';
  if (day > 40) {
    day -= 40;
    kind = 'no-d-number';
  } else if (month > 40) {
    month -= 40;
    kind = 'no-h-number';
  }
  return isPossibleDate(year, 2, month, day) ? kind : null;
}

/**
 * The kind of personal identity number a run of digits is, or null. Ten digits: Swedish; eleven:
 * Norwegian; twelve: Swedish with the century, or the VAT form (ten digits + `01`) of a sole trader.
 */
export function personalNumberKind(digits: string): PersonalNumberKind | null {
  if (!/^\d+$/.test(digits)) return null;
  switch (digits.length) {
    case 10:
      return swedishKind(digits);
    case 11:
      return norwegianKind(digits);
    case 12:
      return swedishKind(digits) ?? (digits.endsWith('01') ? swedishKind(digits.slice(0, 10)) : null);
    default:
      return null;
  }
}

export interface PersonalNumberMatch {
  readonly index: number;
  readonly length: number;
  readonly kind: PersonalNumberKind;
}

const SEP = '[-+ \\u00A0\\u202F\\u2007]?';
// The written forms, longest first; digits glued to other digits are part of something else.
const FORMS = [`(?:SE${SEP})?(?:\\d{8}|\\d{6})${SEP}\\d{4}(?:${SEP}01)?`, `\\d{6}${SEP}\\d{5}`]
  .map((p) => `(?<!\\d)${p}(?!\\d)`)
  .join('|');
/** The written forms, tried where they may start (`formsNearRuns`). */
const FORM_AT = new RegExp(FORMS, 'iy');
/**
 * Six digits, a separator or none, four digits: every written form holds this run, at most
 * RUN_REACH characters after its start ("SE-" and a century's two digits before it). Text without
 * one (most text, JSON with amounts and CPV codes too) is passed at once.
 */
const TEN_DIGITS = new RegExp(`\\d{6}${SEP}\\d{4}`, 'g');
const RUN_REACH = 5;

/** False when `text` certainly holds no personal identity number (true does not say it does). */
export function mayHoldPersonalNumber(text: string): boolean {
  TEN_DIGITS.lastIndex = 0;
  return TEN_DIGITS.test(text);
}

/** Every personal identity number written in a text, in any of its forms, with its position. */
export function findPersonalNumbers(text: string): PersonalNumberMatch[] {
  const out: PersonalNumberMatch[] = [];
  for (const form of formsNearRuns(text, TEN_DIGITS, FORM_AT, RUN_REACH)) {
    const kind = personalNumberKind(form[0].replace(/\D/g, ''));
    if (kind) out.push({ index: form.index, length: form[0].length, kind });
  }
  return out;
}

/**
 * What stored data (import issues, findings' parameters) holds in place of a personal identity number;
 * messages show it as `privacy.personal-number` in the user's language.
 */
export const PERSONAL_NUMBER_MARK = '[personal identity number]';

/**
 * The text with every personal identity number replaced by `replacement` (or what it returns for each
 * one); a PERSONAL_NUMBER_MARK that data already carries is replaced by a string replacement too, so a
 * message shows it in the user's language.
 */
export function hidePersonalNumbers(text: string, replacement: string | ((match: PersonalNumberMatch) => string) = PERSONAL_NUMBER_MARK): string {
  if (typeof replacement === 'string' && replacement !== PERSONAL_NUMBER_MARK && text.includes(PERSONAL_NUMBER_MARK)) {
    text = text.replaceAll(PERSONAL_NUMBER_MARK, replacement);
  }
  const found = findPersonalNumbers(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.index) + (typeof replacement === 'string' ? replacement : replacement(m));
    at = m.index + m.length;
  }
  return out + text.slice(at);
}

/**
 * A value with its personal identity numbers hidden: text as hidePersonalNumbers does it, and a whole
 * number that is one (a cell of bare digits read as an amount) as `replacement` itself.
 */
export function hidePersonalNumbersIn<T>(value: T, replacement: string = PERSONAL_NUMBER_MARK): T | string {
  if (typeof value === 'string') return hidePersonalNumbers(value, replacement);
  if ((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint') {
    return personalNumberKind(String(value)) === null ? value : replacement;
  }
  return value;
}

/** A JSON.stringify replacer that hides personal identity numbers; the document stays valid JSON. */
export function personalNumberReplacer(_key: string, value: unknown): unknown {
  return hidePersonalNumbersIn(value);
}
