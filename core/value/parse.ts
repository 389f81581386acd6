/**
 * Amounts as people type them in Norwegian, Swedish and English sheets and pages, read into exact
 * minor units. Digits are read as text and scaled with bigint arithmetic, never through parseFloat.
 *
 * Accepted shapes (case-insensitive, in any mix that makes sense):
 * - grouping with spaces (also U+00A0, U+202F, thin spaces), `.`, `,` or an apostrophe:
 *   `1 234 567,50`, `1.234.567,50`, `1,234,567.50`, `1'234`;
 * - currency before or after: `kr`, `kroner`, `kronor`, NOK, SEK, DKK, EUR, `€`, USD, `$`, GBP, `£`;
 * - zero øre written as a dash: `100 000,-`, `kr 100.000,-`, `50.-`, `1 200 000:-`;
 * - scale words after the number: `150k`, `150 tkr`, `150 tNOK`, `2,5 MNOK`, `2,5 mkr`, `1,2 mill.`,
 *   `1,2 millioner`, `1,2 milj.`, `1 mnkr`, `3 mrd`, `2 bn`;
 * - a rate after the amount: `250 tkr per år`, `250 000 kr/år`, `1,2 mill. pr. år`, `40 000 per mnd`
 *   (returned as `per`, for the caller to turn into a contract value);
 * - VAT hints anywhere: `inkl. mva`, `inkl. moms`, `incl. VAT`, `med moms`, `m/mva` (included) and
 *   `ekskl. mva`, `eks. mva`, `exkl. moms`, `ex moms`, `excl. VAT`, `u/mva`, `+ mva` (excluded);
 * - `ca.`, `cirka`, `approx.` before the number (an estimated value is an estimate anyway).
 *
 * Anything else is a typed error, never a guess and never an exception.
 */
import type { Lang } from '../i18n/catalogue.ts';
import { money, type Money } from './money.ts';

export const AMOUNT_ERROR_CODES = [
  /** Nothing typed, only spaces, or a lone dash (a common "none" in sheets). */
  'empty',
  /** No digits at all, or a value of a type that cannot be an amount (boolean, object, NaN). */
  'not-a-number',
  /** Digits plus words or signs that are not a currency, scale or VAT note (`kr/mnd`, ranges). */
  'unexpected-text',
  /** `1.234` or `1,234` with nothing that says whether the mark groups thousands or starts decimals. */
  'ambiguous-separator',
  /** Digit groups that are not threes (`1 23 456`), mixed grouping marks, or two decimal marks. */
  'invalid-grouping',
  /** More than two decimals typed, or a scaled value below one øre (`1,234567 mill.`). */
  'too-many-decimals',
  'negative',
  /** Above MAX_AMOUNT_MINOR, or Infinity. */
  'too-large',
  /** Two different currencies, e.g. `EUR 100 kr`. */
  'conflicting-currency',
  /** Both an "including VAT" and an "excluding VAT" note. */
  'conflicting-vat',
  /** Two units that contradict each other, e.g. `100 000 kr MNOK` (kroner or millions?). */
  'conflicting-units',
  /** Both "per year" and "per month". */
  'conflicting-rate',
  /** Longer than MAX_AMOUNT_TEXT characters: a note or a pasted paragraph, not an amount. */
  'too-long',
] as const;
export type AmountErrorCode = (typeof AMOUNT_ERROR_CODES)[number];

export interface AmountError {
  readonly code: AmountErrorCode;
  /** The input as given (numbers as their JS string form; '' for objects). */
  readonly raw: string;
  /** Catalogue key, with `{raw}` as its one parameter. */
  readonly messageKey: `value.error.${AmountErrorCode}`;
}

/** A rate written in the amount itself (`250 tkr per år`); null for a plain amount. */
export type AmountRate = 'year' | 'month' | null;

export interface AmountUnit {
  /** Power of ten the typed number was multiplied by (`MNOK`: 6); 0 when no scale word was written. */
  readonly scale: number;
  /** A currency written in the text (`NOK`, or `kr` read through the locale), null when none was. */
  readonly currency: string | null;
}

export type AmountResult =
  | { readonly ok: true; readonly value: Money; readonly vatIncluded: boolean | null; readonly raw: string; readonly per: AmountRate; readonly unit: AmountUnit }
  | { readonly ok: false; readonly error: AmountError };

export interface ParseAmountOptions {
  /** Currency for amounts that name none, and the meaning of a bare `kr` when it is NOK, SEK or DKK. */
  readonly defaultCurrency?: string | null;
  /** The writer's language: decides `1.234` / `1,234`, and `kr` means NOK (nb) or SEK (sv). */
  readonly locale?: Lang | null;
}

/**
 * The largest amount accepted: 2^53 − 1 øre (about 90 000 billion kroner). Above it the JSON form
 * (`moneyJson`, a JS number) would stop being exact; no public contract comes near it.
 */
export const MAX_AMOUNT_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Excel hands amounts over as binary floats (1234567.5, or 0.30000000000000004 after a sum). Such a
 * float is taken as the nearest two-decimal amount only when it lies within this relative distance of
 * it (measured against at least 1 unit, so float residue near zero also rounds); otherwise the cell
 * really holds more than two decimals and the result is `too-many-decimals`.
 */
export const FLOAT_TOLERANCE = 1e-9;

/** The longest text read as an amount; longer cells are refused before any pattern runs on them. */
export const MAX_AMOUNT_TEXT = 200;

const NO_UNIT: AmountUnit = { scale: 0, currency: null };

const KRONER = new Set(['NOK', 'SEK', 'DKK']);
const LOCAL_KRONE: Readonly<Partial<Record<Lang, string>>> = { nb: 'NOK', sv: 'SEK' };

type Hint = 'nordic' | 'en';

/** What one word around the number means. */
interface Word {
  /** An ISO 4217 code the word names outright. */
  readonly currency?: string;
  /**
   * A krone of unstated country: `any` (kr, kroner) follows defaultCurrency or the locale and is
   * otherwise null; `sv` (tkr, mkr, mdkr: Swedish abbreviations) falls back to SEK.
   */
  readonly krone?: 'any' | 'sv';
  /** Power of ten the number is multiplied by. */
  readonly scale?: number;
  /** Which way the word tips `1.234` / `1,234`. */
  readonly hint?: Hint;
  /** `ca.`, `cirka`: allowed before the number and otherwise ignored. */
  readonly approx?: true;
}

const N: Hint = 'nordic';
const WORDS: ReadonlyMap<string, Word> = new Map<string, Word>([
  ['nok', { currency: 'NOK', hint: N }],
  ['nkr', { currency: 'NOK', hint: N }],
  ['sek', { currency: 'SEK', hint: N }],
  ['skr', { currency: 'SEK', hint: N }],
  ['dkk', { currency: 'DKK', hint: N }],
  ['eur', { currency: 'EUR' }],
  ['euro', { currency: 'EUR' }],
  ['euros', { currency: 'EUR' }],
  ['€', { currency: 'EUR' }],
  ['usd', { currency: 'USD' }],
  ['$', { currency: 'USD' }],
  ['gbp', { currency: 'GBP' }],
  ['£', { currency: 'GBP' }],
  ['chf', { currency: 'CHF' }],
  ['kr', { krone: 'any', hint: N }],
  ['krone', { krone: 'any', hint: N }],
  ['kroner', { krone: 'any', hint: N }],
  ['krona', { krone: 'any', hint: N }],
  ['kronor', { krone: 'any', hint: N }],
  ['k', { scale: 3 }],
  ['tusen', { scale: 3, hint: N }],
  ['thousand', { scale: 3, hint: 'en' }],
  ['tkr', { scale: 3, krone: 'sv', hint: N }],
  ['tnok', { scale: 3, currency: 'NOK', hint: N }],
  ['tsek', { scale: 3, currency: 'SEK', hint: N }],
  ['knok', { scale: 3, currency: 'NOK', hint: N }],
  ['ksek', { scale: 3, currency: 'SEK', hint: N }],
  ['keur', { scale: 3, currency: 'EUR' }],
  ['teur', { scale: 3, currency: 'EUR' }],
  ['m', { scale: 6 }],
  ['mn', { scale: 6 }],
  ['mln', { scale: 6 }],
  ['mio', { scale: 6 }],
  ['mill', { scale: 6, hint: N }],
  ['milj', { scale: 6, hint: N }],
  ['mnkr', { scale: 6, krone: 'sv', hint: N }],
  ['million', { scale: 6, hint: 'en' }],
  ['millions', { scale: 6, hint: 'en' }],
  ['millioner', { scale: 6, hint: N }],
  ['miljon', { scale: 6, hint: N }],
  ['miljoner', { scale: 6, hint: N }],
  ['mkr', { scale: 6, krone: 'sv', hint: N }],
  ['mnok', { scale: 6, currency: 'NOK', hint: N }],
  ['msek', { scale: 6, currency: 'SEK', hint: N }],
  ['meur', { scale: 6, currency: 'EUR' }],
  ['mrd', { scale: 9, hint: N }],
  ['milliard', { scale: 9, hint: N }],
  ['milliarder', { scale: 9, hint: N }],
  ['miljard', { scale: 9, hint: N }],
  ['miljarder', { scale: 9, hint: N }],
  ['mdkr', { scale: 9, krone: 'sv', hint: N }],
  ['bn', { scale: 9, hint: 'en' }],
  ['billion', { scale: 9, hint: 'en' }],
  ['billions', { scale: 9, hint: 'en' }],
  ['ca', { approx: true }],
  ['cirka', { approx: true }],
  ['circa', { approx: true }],
  ['omkring', { approx: true }],
  ['omtrent', { approx: true }],
  ['ungefär', { approx: true }],
  ['approx', { approx: true }],
  ['about', { approx: true }],
]);

/** What a unit word means (`MNOK`: ×10^6 NOK; `tkr`: ×1000 kronor; `kr`: a krone), or null; for reading headers. */
export function amountUnitWord(token: string): { readonly scale: number; readonly currency: string | null; readonly krone: boolean } | null {
  const word = WORDS.get(token.toLowerCase().replace(/\.$/, ''));
  if (!word || word.approx) return null;
  return { scale: word.scale ?? 0, currency: word.currency ?? null, krone: word.krone !== undefined };
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const VAT_WORD = '(mva|moms|vat|merverdiavgift|mervärdesskatt)';
// The written phrases; the optional parentheses let `100 000 (ekskl. mva)` read cleanly.
const VAT_INCLUDED = new RegExp(
  `\\(?\\s*(?:\\binkl(?:usiv[et]?)?\\.?|\\bincl(?:uding|usive)?\\.?|\\bink\\.|\\binkludert|\\bmed|\\bm\\/|\\bwith)\\s*${VAT_WORD}\\b\\.?\\s*\\)?`,
  'gu',
);
const VAT_EXCLUDED = new RegExp(
  `\\(?\\s*(?:\\bekskl(?:usiv[et]?)?\\.?|\\beks(?:kludert)?\\.?|\\bexkl(?:usive)?\\.?|\\bexcl(?:uding|usive)?\\.?|\\bex\\.?|\\buten|\\butan|\\bu\\/|\\bwithout|\\bplus|\\+)\\s*${VAT_WORD}\\b\\.?\\s*\\)?`,
  'gu',
);
// The first run of digits with the marks that may sit between them; it starts and ends on a digit.
const NUMBER = /\d(?:[\d.,' ]*\d)?/;
// `,-` `.-` `:-` `,--` `,–`: whole kroner, no øre (`:-` is the Swedish way).
const DASH_DECIMALS = /^ ?([.,:]) ?[-–—]{1,2}/;
// A rate after the amount: `per år`, `pr. år`, `/år`, `årlig`, `per mnd`, `/månad`, `per month`.
const NOT_LETTER_BEFORE = '(?<!\\p{L})';
const NOT_LETTER_AFTER = '(?!\\p{L})';
// Every rate phrase contains one of these; a text without any cannot be a rate.
const MAYBE_RATE = /\/|år|aar|year|yr|mån|mnd|md|month|mo|annual/;
const RATE_YEAR = new RegExp(`(?:${NOT_LETTER_BEFORE}(?:per|pr\\.?)\\s*|/\\s*)(?:år|aar|year|yr)${NOT_LETTER_AFTER}\\.?|${NOT_LETTER_BEFORE}(?:årlig|årligen|yearly|annually)${NOT_LETTER_AFTER}`, 'gu');
const RATE_MONTH = new RegExp(`(?:${NOT_LETTER_BEFORE}(?:per|pr\\.?)\\s*|/\\s*)(?:måned|mnd|månad|mån|md|month|mo)${NOT_LETTER_AFTER}\\.?|${NOT_LETTER_BEFORE}(?:månedlig|månatlig|monthly)${NOT_LETTER_AFTER}`, 'gu');
const TOKEN = /\p{L}+\.?|[€$£]|[-−–—]|\S/gu;
const MINUS = new Set(['-', '−', '–', '—']);

function fail(code: AmountErrorCode, raw: string): AmountResult {
  return { ok: false, error: { code, raw, messageKey: `value.error.${code}` } };
}

function normaliseCurrency(code: string | null | undefined): string | null {
  const c = (code ?? '').trim().toUpperCase();
  return c === '' ? null : c;
}

/**
 * Parses one amount. Strings are read as described above; JS numbers (from Excel) and bigints (whole
 * units) are converted exactly; every other value is `not-a-number`. Never throws.
 */
export function parseAmount(input: unknown, options: ParseAmountOptions = {}): AmountResult {
  switch (typeof input) {
    case 'string':
      return parseAmountText(input, options);
    case 'number':
      return fromFloat(input, options);
    case 'bigint':
      return fromWholeUnits(input, options);
    case 'undefined':
      return fail('empty', '');
    case 'boolean':
    case 'symbol':
      return fail('not-a-number', String(input));
    case 'object':
      // Untyped input: an object's toString may throw; it is not an amount either way.
      return input === null ? fail('empty', '') : fail('not-a-number', '');
    default:
      return input === null ? fail('empty', '') : fail('not-a-number', '');
  }
}

function fromWholeUnits(units: bigint, options: ParseAmountOptions): AmountResult {
  const raw = String(units);
  if (units < 0n) return fail('negative', raw);
  const minor = units * 100n;
  if (minor > MAX_AMOUNT_MINOR) return fail('too-large', raw);
  return { ok: true, value: money(minor, normaliseCurrency(options.defaultCurrency)), vatIncluded: null, raw, per: null, unit: NO_UNIT };
}

function fromFloat(n: number, options: ParseAmountOptions): AmountResult {
  const raw = String(n);
  if (Number.isNaN(n)) return fail('not-a-number', raw);
  if (Math.abs(n) * 100 > Number.MAX_SAFE_INTEGER) return fail(n < 0 ? 'negative' : 'too-large', raw);
  // toFixed rounds the float's exact binary value, so the digits are the true nearest two-decimal amount.
  const fixed = Math.abs(n).toFixed(2);
  if (Math.abs(Math.abs(n) - Number(fixed)) > FLOAT_TOLERANCE * Math.max(Math.abs(n), 1)) {
    return fail('too-many-decimals', raw);
  }
  const minor = BigInt(fixed.replace('.', ''));
  if (n < 0 && minor > 0n) return fail('negative', raw);
  return { ok: true, value: money(minor, normaliseCurrency(options.defaultCurrency)), vatIncluded: null, raw, per: null, unit: NO_UNIT };
}

function parseAmountText(raw: string, options: ParseAmountOptions): AmountResult {
  if (raw.length > MAX_AMOUNT_TEXT) return fail('too-long', raw.slice(0, 40) + '…');
  let s = raw
    .replace(INVISIBLE, '')
    .replace(/[’ʼ′]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  // A leading apostrophe is Excel's "store as text" marker, not part of the amount.
  if (s.startsWith("'")) s = s.slice(1).trim();
  if (s === '' || /^[-–—−]+$/.test(s)) return fail('empty', raw);

  const hints = new Set<Hint>();
  let included = false;
  let excluded = false;
  s = s
    .replace(VAT_INCLUDED, (_whole, word: string) => {
      included = true;
      hints.add(word === 'vat' ? 'en' : 'nordic');
      return ' ';
    })
    .replace(VAT_EXCLUDED, (_whole, word: string) => {
      excluded = true;
      hints.add(word === 'vat' ? 'en' : 'nordic');
      return ' ';
    })
    .replace(/ +/g, ' ')
    .trim();
  if (included && excluded) return fail('conflicting-vat', raw);
  const vatIncluded = included ? true : excluded ? false : null;
  let yearly = false;
  let monthly = false;
  // Most amounts name no period: one cheap look before the two rate patterns.
  if (MAYBE_RATE.test(s)) {
    s = s
      .replace(RATE_YEAR, () => ((yearly = true), ' '))
      .replace(RATE_MONTH, () => ((monthly = true), ' '))
      .replace(/ +/g, ' ')
      .trim();
  }
  if (yearly && monthly) return fail('conflicting-rate', raw);
  const per: AmountRate = yearly ? 'year' : monthly ? 'month' : null;

  const found = NUMBER.exec(s);
  if (!found) return fail(s === '' ? 'empty' : 'not-a-number', raw);
  let suffix = s.slice(found.index + found[0].length);
  let dashMark: '.' | ',' | null = null;
  const dash = DASH_DECIMALS.exec(suffix);
  if (dash) {
    dashMark = dash[1] === '.' ? '.' : ',';
    if (dash[1] === ':' && found[0].includes(',')) dashMark = '.';
    suffix = suffix.slice(dash[0].length);
  }
  // A full stop ending a sentence ("… 100 000 kr.") is not part of the amount.
  suffix = suffix.replace(/\.$/, '');

  const before = readWords(s.slice(0, found.index), 'prefix');
  const after = readWords(suffix, 'suffix');
  if (!before || !after) return fail('unexpected-text', raw);
  const words = [...before.words, ...after.words];
  for (const w of words) if (w.hint) hints.add(w.hint);

  const currency = resolveCurrency(words, options);
  if (currency === CONFLICT) return fail('conflicting-currency', raw);
  // A unit that carries its own scale (MNOK, tkr) beside another currency word (kr, NOK) says two things.
  const unitWords = words.filter((w) => w.currency !== undefined || w.krone !== undefined);
  if (unitWords.length > 1 && unitWords.some((w) => (w.scale ?? 0) > 0)) return fail('conflicting-units', raw);

  const digits = readDigits(found[0], dashMark, separatorContext(hints, options));
  if (typeof digits === 'string') return fail(digits, raw);

  const scale = words.reduce((sum, w) => sum + (w.scale ?? 0), 0);
  const minor = toMinor(digits.whole, digits.fraction, scale);
  if (typeof minor === 'string') return fail(minor, raw);
  if (before.negative && minor > 0n) return fail('negative', raw);
  const written = unitWords.length > 0 ? currency : null;
  return { ok: true, value: money(minor, currency), vatIncluded, raw, per, unit: { scale, currency: written } };
}

/**
 * The words before or after the number. Scale words belong after it, `ca.` and a minus before it,
 * currencies on either side; at most one scale word. Returns null for anything else.
 */
function readWords(text: string, side: 'prefix' | 'suffix'): { words: Word[]; negative: boolean } | null {
  const words: Word[] = [];
  let negative = false;
  let scales = 0;
  for (const token of text.match(TOKEN) ?? []) {
    if (side === 'prefix' && MINUS.has(token)) {
      if (negative) return null;
      negative = true;
      continue;
    }
    const word = WORDS.get(token.endsWith('.') ? token.slice(0, -1) : token);
    if (!word) return null;
    if (word.approx && side !== 'prefix') return null;
    if (word.scale !== undefined && (side !== 'suffix' || ++scales > 1)) return null;
    words.push(word);
  }
  return { words, negative };
}

const CONFLICT = Symbol('conflicting currency');

function resolveCurrency(words: readonly Word[], options: ParseAmountOptions): string | null | typeof CONFLICT {
  const codes = new Set(words.flatMap((w) => (w.currency ? [w.currency] : [])));
  const kroner = words.flatMap((w) => (w.krone ? [w.krone] : []));
  const fallback = normaliseCurrency(options.defaultCurrency);
  if (codes.size > 1) return CONFLICT;
  const [code] = codes;
  if (code !== undefined) return kroner.length > 0 && !KRONER.has(code) ? CONFLICT : code;
  if (kroner.length === 0) return fallback;
  if (fallback !== null && KRONER.has(fallback)) return fallback;
  const local = options.locale ? LOCAL_KRONE[options.locale] : undefined;
  if (local) return local;
  return kroner.includes('sv') ? 'SEK' : null;
}

/**
 * Which convention decides `1.234` and `1,234`: the caller's locale first, then what the text itself
 * says (kr, NOK, mill., mva → Nordic; million, VAT → English; both → undecided), then a krone as
 * default currency. Null means no context: such an amount is `ambiguous-separator`.
 */
function separatorContext(hints: ReadonlySet<Hint>, options: ParseAmountOptions): Hint | null {
  if (options.locale === 'nb' || options.locale === 'sv') return 'nordic';
  if (options.locale === 'en') return 'en';
  if (hints.size === 1) return hints.has('nordic') ? 'nordic' : 'en';
  if (hints.size === 0 && KRONER.has(normaliseCurrency(options.defaultCurrency) ?? '')) return 'nordic';
  return null;
}

/**
 * Splits the number into whole and fraction digits. The rules, in order:
 * 1. `,-` / `.-` after the number: that mark is the decimal mark, the other one can only group.
 * 2. Both `.` and `,` present: the last one is the decimal mark (`1.234,50`, `1,234.50`) and may occur
 *    only once.
 * 3. One mark occurring more than once groups thousands (`1.234.567`).
 * 4. One mark occurring once is the decimal mark, except in the one ambiguous shape: 1–3 digits (not a
 *    lone 0), the mark, then exactly 3 digits (`1.234`, `12,500`). There the context decides: Nordic
 *    reads `.` as grouping and `,` as decimals, English the reverse; without context it is an error.
 *    When spaces or apostrophes already group the digits, the mark is the decimal mark.
 * Groups after the first must be exactly three digits; one number uses one kind of grouping mark.
 */
function readDigits(
  text: string,
  dashMark: '.' | ',' | null,
  context: Hint | null,
): { whole: string; fraction: string } | AmountErrorCode {
  const dots = countOf(text, '.');
  const commas = countOf(text, ',');
  let decimal: '.' | ',' | null = null;
  if (dashMark) {
    if (text.includes(dashMark)) return 'invalid-grouping';
  } else if (dots > 0 && commas > 0) {
    decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    if (countOf(text, decimal) > 1) return 'invalid-grouping';
  } else if (dots + commas === 1) {
    const mark = dots ? '.' : ',';
    const [head = '', tail = ''] = text.split(mark);
    const ambiguous = /^[1-9]\d{0,2}$/.test(head) && /^\d{3}$/.test(tail);
    if (!ambiguous) decimal = mark;
    else if (context === null) return 'ambiguous-separator';
    else decimal = (context === 'nordic') === (mark === ',') ? mark : null;
  }

  const cut = decimal ? text.lastIndexOf(decimal) : -1;
  const whole = cut < 0 ? text : text.slice(0, cut);
  const fraction = cut < 0 ? '' : text.slice(cut + 1);
  if (!/^\d+$/.test(fraction) && fraction !== '') return 'invalid-grouping';

  const marks = new Set(whole.replace(/\d/g, ''));
  if (marks.size === 0) return { whole, fraction };
  if (marks.size > 1) return 'invalid-grouping';
  const [mark = ''] = marks;
  const groups = whole.split(mark);
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return 'invalid-grouping';
  return { whole: groups.join(''), fraction };
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

// More digits than this can never fit under MAX_AMOUNT_MINOR (16 digits); checked before any bigint work.
const MAX_DIGITS = 40;

/**
 * whole.fraction × 10^scale in minor units, exactly. Without a scale word, more than two typed decimals
 * is an error even when they are zeros (`1,000` read as decimals is a typing slip, not one krone);
 * with one, the scaled value must come out in whole øre (`2,5 MNOK` yes, `1,234567 mill.` no).
 */
function toMinor(whole: string, fraction: string, scale: number): bigint | AmountErrorCode {
  if (scale === 0 && fraction.length > 2) return 'too-many-decimals';
  const significant = whole.replace(/^0+/, '');
  if (significant.length + scale > MAX_DIGITS) return 'too-large';
  if (fraction.length > MAX_DIGITS) return 'too-many-decimals';
  const numerator = BigInt((significant || '0') + fraction) * 10n ** BigInt(scale + 2);
  const denominator = 10n ** BigInt(fraction.length);
  if (numerator % denominator !== 0n) return 'too-many-decimals';
  const minor = numerator / denominator;
  return minor > MAX_AMOUNT_MINOR ? 'too-large' : minor;
}
