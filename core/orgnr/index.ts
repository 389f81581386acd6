/**
 * Norwegian (9 digits, MOD11) and Swedish (10 digits, Luhn, third digit ≥ 2) organisation numbers.
 * Input is free text as found in sheets, notices (BT-501) and pages: `972 418 005`, `NO943184097MVA`,
 * `Org.nr. 978693024`, `556086-8225`, `SE556086822501`, with zero-width and no-break spaces.
 */
import { luhnValid, mod11Control } from './check-digits.ts';
import { findPersonalNumbers, personalNumberKind } from './personal-number.ts';
import { formsNearRuns } from './run-search.ts';

export { luhnValid, mod11Control } from './check-digits.ts';
export * from './personal-number.ts';

export type OrgnrJurisdiction = 'NO' | 'SE';

export type OrgnrProblem =
  | 'empty'
  | 'not-numeric'
  | 'length'
  | 'checksum'
  /**
   * A personal identity number of either country (see personal-number.ts), or a Swedish number whose
   * third digit is below 2 (never a legal person): not an organisation number, and never kept.
   */
  | 'personal-number';

export interface Orgnr {
  /** The text as given; empty when it is a personal identity number, which is never kept. */
  readonly raw: string;
  /** Canonical digits (NO 9, SE 10) when the checksum holds, else null. */
  readonly digits: string | null;
  readonly jurisdiction: OrgnrJurisdiction | null;
  readonly problem: OrgnrProblem | null;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SEPARATORS = /[\s\u00A0\u202F\u2007.\-–/:]/g;
const LABEL = /^(?:ORG(?:ANI[SZ]A(?:SJONS|TIONS)?)?\.?\s*NR\.?|ORG(?:ANI[SZ]A(?:SJONS|TIONS)?)?NUMMER|ORGNO)[:.]?/;

const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** MOD11 with weights 3,2,7,6,5,4,3,2; remainder 1 gives check digit 10, which no valid number has. */
export function isValidNorwegianOrgnr(digits: string): boolean {
  return /^\d{9}$/.test(digits) && mod11Control(digits, ORGNR_WEIGHTS) === Number(digits[8]);
}

export function isValidSwedishOrgnr(digits: string): boolean {
  return /^\d{10}$/.test(digits) && luhnValid(digits) && Number(digits[2]) >= 2;
}

/** Strips labels, country prefixes, VAT suffixes and separators; returns what is left, upper-cased. */
export function compactOrgnr(raw: string): string {
  let s = raw.replace(INVISIBLE, '').toUpperCase().trim();
  s = s.replace(LABEL, '');
  s = s.replace(SEPARATORS, '');
  s = s.replace(LABEL, '');
  return s;
}

function result(raw: string, jurisdiction: OrgnrJurisdiction | null, digits: string | null, problem: OrgnrProblem | null): Orgnr {
  return { raw, jurisdiction, digits, problem };
}

/** The raw text is dropped: a personal identity number is never kept, not even in what is handed on. */
function personal(jurisdiction: OrgnrJurisdiction): Orgnr {
  return result('', jurisdiction, null, 'personal-number');
}

function checkNo(raw: string, d: string): Orgnr {
  return isValidNorwegianOrgnr(d) ? result(raw, 'NO', d, null) : result(raw, 'NO', null, 'checksum');
}

function checkSe(raw: string, d: string): Orgnr {
  if (!luhnValid(d)) return result(raw, 'SE', null, 'checksum');
  if (Number(d[2]) < 2) return personal('SE');
  return result(raw, 'SE', d, null);
}

/** Untyped callers (cells, messages, JSON) may hand over anything, even an object whose toString throws. */
function textOf(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  return '';
}

/**
 * Whether `compact` (compactOrgnr's output) is a personal identity number: `+` forms, and an `SE`/`NO`
 * prefix or `MVA` suffix around one, are looked through.
 */
function isPersonalNumber(compact: string): 'NO' | 'SE' | null {
  const bare = compact.replace(/^(?:SE|NO)/, '').replace(/MVA$/, '');
  const plus = /^(\d{6}|\d{8})\+(\d{4})$/.exec(bare);
  const digits = plus ? `${plus[1]}${plus[2]}` : bare;
  const kind = personalNumberKind(digits);
  return kind === null ? null : kind.startsWith('no-') ? 'NO' : 'SE';
}

/** The country of a personal identity number written somewhere in `text` ("pnr 850101-…"), or null. */
function personalIn(text: string): 'NO' | 'SE' | null {
  const found = findPersonalNumbers(text)[0];
  return found === undefined ? null : found.kind.startsWith('no-') ? 'NO' : 'SE';
}

/**
 * Parses one organisation number. Personal identity numbers of both countries are recognised first
 * (problem `personal-number`, raw not kept); only an `SE`-prefixed text is read as the Swedish VAT form
 * `SE…01`. `country` (NO/SE or eForms NOR/SWE) breaks ties; otherwise the length decides: 9 digits
 * Norwegian, 10 Swedish. Never throws, whatever it is given.
 */
export function parseOrgnr(raw: string, country?: string | null): Orgnr {
  const text = textOf(raw);
  let s = compactOrgnr(text);
  if (s === '') return result(text, null, null, 'empty');
  const personalCountry = isPersonalNumber(s) ?? personalIn(text);
  if (personalCountry !== null) return personal(personalCountry);
  const hint = typeof country === 'string' ? country.toUpperCase().slice(0, 2) : null;

  // Norwegian VAT form NO999999999MVA and Swedish VAT form SE999999999901.
  let prefix: OrgnrJurisdiction | null = null;
  if (s.startsWith('NO')) {
    prefix = 'NO';
    s = s.slice(2);
  } else if (s.startsWith('SE')) {
    prefix = 'SE';
    s = s.slice(2);
  }
  if (s.endsWith('MVA')) {
    prefix ??= 'NO';
    s = s.slice(0, -3);
  }
  if (!/^\d+$/.test(s)) return result(text, prefix ?? (hint === 'NO' || hint === 'SE' ? hint : null), null, 'not-numeric');

  const jurisdiction = prefix ?? (hint === 'NO' || hint === 'SE' ? hint : null);
  if (s.length === 9 && jurisdiction !== 'SE') return checkNo(text, s);
  if (s.length === 10 && jurisdiction !== 'NO') return checkSe(text, s);
  if (s.length === 12 && jurisdiction !== 'NO') {
    if (prefix === 'SE' && s.endsWith('01')) return checkSe(text, s.slice(0, 10));
    if (s.startsWith('16')) return checkSe(text, s.slice(2));
    // Twelve digits starting with a century: a birth date with a mistyped check digit, never an organisation.
    if (s.startsWith('18') || s.startsWith('19') || s.startsWith('20')) return personal('SE');
  }
  return result(text, jurisdiction, null, 'length');
}

/** `972 418 005` or `556086-8225`, the way each country writes them. */
export function formatOrgnr(digits: string, jurisdiction: OrgnrJurisdiction): string {
  if (jurisdiction === 'NO') return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export interface OrgnrMatch {
  readonly index: number;
  readonly length: number;
  readonly orgnr: Orgnr & { digits: string; jurisdiction: OrgnrJurisdiction };
}

const SP = '[ \\u00A0\\u202F]?';
// Candidate shapes in running text, tried where they may start (`formsNearRuns`); digits glued to
// other digits are not candidates (phone numbers, amounts).
const CANDIDATE_AT = new RegExp(
  [
    `(?:NO${SP})?\\d{3}${SP}\\d{3}${SP}\\d{3}(?:${SP}MVA)?`,
    `(?:SE)?\\d{6}-?\\d{4}(?:01)?`,
  ].map((p) => `(?<![\\d\\p{L}])${p}(?![\\d\\p{L}])`).join('|'),
  'uy',
);
/** How every candidate starts: a prefix or none, three digits. The shapes are tried where this is found. */
const CANDIDATE_START = /(?:NO[ \u00A0\u202F]?|SE)?\d{3}/g;

/**
 * Nine digits in threes, as running text writes a Norwegian number: what parseOrgnr would make of it
 * is checkNo on the digits (no label, prefix or suffix to strip, too short for a personal identity
 * number), so pages full of numbers skip its general reading.
 */
const NINE_DIGITS = new RegExp(`^\\d{3}${SP}\\d{3}${SP}\\d{3}$`);

/**
 * Ten digits, a hyphen after the sixth or none, as running text writes a Swedish number: what
 * parseOrgnr would make of it is checkSe on the digits (a personal identity number among them has a
 * month's first digit third, so checkSe does not take it either).
 */
const TEN_DIGITS = /^\d{6}-?\d{4}$/;

/**
 * Every valid organisation number in a text, with its position. Invalid checksums are skipped, and so
 * is every number inside a personal identity number (a sole trader's number is the owner's).
 */
export function findOrgnrs(text: string): OrgnrMatch[] {
  const personal = findPersonalNumbers(text);
  const insidePersonal = (index: number, length: number) => personal.some((p) => index < p.index + p.length && p.index < index + length);
  const out: OrgnrMatch[] = [];
  for (const m of formsNearRuns(text, CANDIDATE_START, CANDIDATE_AT, 0)) {
    const written = m[0];
    if (insidePersonal(m.index, written.length)) continue;
    const parsed = NINE_DIGITS.test(written) ? checkNo(written, written.replace(SEPARATORS, '')) : TEN_DIGITS.test(written) ? checkSe(written, written.replace('-', '')) : parseOrgnr(written);
    if (parsed.digits !== null && parsed.jurisdiction !== null) {
      out.push({ index: m.index, length: written.length, orgnr: parsed as OrgnrMatch['orgnr'] });
    }
  }
  return out;
}
