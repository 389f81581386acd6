/**
 * Contract terms as people type them: `2 år`, `24 mnd`, `6 månader`, `2 years`, `2+1+1 år` (a base term
 * plus options to extend), `2 år + opsjon 2 x 1 år`, `løpende`, `tillsvidare`, `open-ended`.
 * The first term is the base; every later term is an option or extension, counted in full because the
 * estimated value includes options as if exercised. Never throws.
 */
export const DURATION_ERROR_CODES = [
  'empty',
  /** Words or signs that are not numbers, units, `+`, `x` or option wording. */
  'not-a-duration',
  /** A bare number with no unit and no defaultUnit: 24 what? */
  'missing-unit',
  /** `1,3 år` is 15.6 months; the estimate counts whole months. */
  'not-whole-months',
  /** More than MAX_DURATION_MONTHS in total. */
  'too-long',
] as const;
export type DurationErrorCode = (typeof DURATION_ERROR_CODES)[number];

export interface DurationError {
  readonly code: DurationErrorCode;
  readonly raw: string;
  readonly messageKey: `value.duration.error.${DurationErrorCode}`;
}

export type DurationResult =
  | {
      readonly ok: true;
      /** The base term in months; null when no term is given (open-ended). */
      readonly months: number | null;
      /** No fixed end: `løpende`, `tillsvidare`, also `2 år, deretter løpende`. */
      readonly openEnded: boolean;
      /** Months of options and extensions after the base term (`2+1+1 år` → 24). */
      readonly optionMonths: number;
      readonly raw: string;
    }
  | { readonly ok: false; readonly error: DurationError };

export interface ParseDurationOptions {
  /** The unit of a bare number, e.g. when the column header says "Varighet (mnd)". */
  readonly defaultUnit?: 'months' | 'years' | null;
}

/** 100 years: longer terms are typing errors, not contracts. */
export const MAX_DURATION_MONTHS = 1200;

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// Longest phrases first so `tills vidare` is not read as a stray `tills`.
const OPEN_ENDED = new RegExp(
  [
    'inntil videre',
    'til videre',
    'tills ?vidare(?:avtal)?',
    'uten sluttdato',
    'utan slutdatum',
    'tidsubestemt',
    'ubestemt tid',
    'løpende',
    'open[- ]ended',
    'no fixed term',
    'indefinite(?:ly)?',
    'ongoing',
    'rolling',
  ].join('|'),
  'gu',
);

const MONTHS_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ...['år', 'års', 'året', 'åren', 'ar', 'year', 'years', 'yr', 'yrs', 'y'].map((u) => [u, 12] as const),
  ...['mnd', 'md', 'mån', 'måned', 'måneder', 'måneders', 'månad', 'månader', 'månaders', 'month', 'months', 'mo', 'mos', 'mth', 'mths'].map(
    (u) => [u, 1] as const,
  ),
]);

// Words that mark the next term as an option or extension.
const OPTION_WORDS = new Set([
  '+', 'opsjon', 'opsjoner', 'option', 'optioner', 'options', 'forlengelse', 'forlengelser', 'förlängning',
  'förlängningar', 'förlängningsoption', 'förlängningsoptioner', 'extension', 'extensions', 'renewal',
  'renewals', 'med', 'with', 'pluss', 'plus', 'ytterligere', 'ytterligare', 'further', 'additional',
]);

// Words around the terms that carry no number: joiners, prepositions, articles.
const FILLER = new Set([
  'mulighet', 'möjlighet', 'for', 'för', 'til', 'till', 'på', 'i', 'om', 'of', 'to', 'an', 'a', 'en', 'ett',
  'ei', 'og', 'och', 'and', 'deretter', 'därefter', 'sedan', 'then', 'thereafter', 'avtale', 'avtal',
  'kontrakt', 'contract', 'periode', 'period', 'inntil', 'upp', 'up', ',', '(', ')', ':', '.',
]);

const TOKEN = /\d+(?:[.,]\d+)?|\p{L}+\.?|[+x×*]|\S/gu;

interface Term {
  /** The number as a fraction over a power of ten, kept exact: `1,5` → 15 / 10. */
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** `2 x 1 år`: two terms of one year. */
  readonly times: number;
  /** Preceded by `+` or option wording. */
  readonly option: boolean;
  unit: number | null;
}

function fail(code: DurationErrorCode, raw: string): DurationResult {
  return { ok: false, error: { code, raw, messageKey: `value.duration.error.${code}` } };
}

export function parseDurationMonths(input: unknown, options: ParseDurationOptions = {}): DurationResult {
  if (input === null || input === undefined) return fail('empty', '');
  if (typeof input === 'number') return fromNumber(input, options);
  if (typeof input !== 'string') return fail('not-a-duration', typeof input === 'bigint' || typeof input === 'boolean' ? String(input) : '');
  return fromText(input, options);
}

function fromNumber(n: number, options: ParseDurationOptions): DurationResult {
  const raw = String(n);
  if (!Number.isFinite(n) || n < 0) return fail('not-a-duration', raw);
  if (!options.defaultUnit) return fail('missing-unit', raw);
  const months = n * (options.defaultUnit === 'years' ? 12 : 1);
  if (!Number.isInteger(months)) return fail('not-whole-months', raw);
  if (months > MAX_DURATION_MONTHS) return fail('too-long', raw);
  return { ok: true, months, openEnded: false, optionMonths: 0, raw };
}

function fromText(raw: string, options: ParseDurationOptions): DurationResult {
  let s = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (s === '' || /^[-–—]+$/.test(s)) return fail('empty', raw);
  let openEnded = false;
  s = s.replace(OPEN_ENDED, () => {
    openEnded = true;
    return ' ';
  });

  const terms: Term[] = [];
  let pendingTimes: number | null = null;
  let option = false;
  for (const token of s.match(TOKEN) ?? []) {
    if (/^\d/.test(token)) {
      const [whole = '', fraction = ''] = token.split(/[.,]/);
      if (whole.length + fraction.length > 6) return fail('too-long', raw);
      terms.push({
        numerator: BigInt(whole + fraction),
        denominator: 10n ** BigInt(fraction.length),
        times: pendingTimes ?? 1,
        option,
        unit: null,
      });
      pendingTimes = null;
      option = false;
      continue;
    }
    const word = token.length > 1 && token.endsWith('.') ? token.slice(0, -1) : token;
    const unit = MONTHS_PER_UNIT.get(word);
    const last = terms.at(-1);
    if (unit !== undefined) {
      // A unit belongs to the number right before it and to the bare numbers before that (`2+1+1 år`).
      if (!last || last.unit !== null) return fail('not-a-duration', raw);
      for (let i = terms.length - 1; i >= 0 && terms[i]?.unit === null; i--) (terms[i] as Term).unit = unit;
    } else if (word === 'x' || word === '×' || word === '*') {
      // `2 x 1 år`: the number before the sign counts how many terms follow.
      const count = terms.pop();
      if (!count || count.unit !== null || count.denominator !== 1n || pendingTimes !== null) return fail('not-a-duration', raw);
      pendingTimes = Number(count.numerator) * count.times;
      option = count.option;
    } else if (OPTION_WORDS.has(word)) {
      option = true;
    } else if (!FILLER.has(word)) {
      return fail('not-a-duration', raw);
    }
  }
  if (pendingTimes !== null) return fail('not-a-duration', raw);
  if (terms.length === 0) {
    return openEnded ? { ok: true, months: null, openEnded, optionMonths: 0, raw } : fail('not-a-duration', raw);
  }

  // Bare numbers after the last unit take that unit (`2 år + 1 + 1`); with no unit at all, the default.
  const lastUnit = [...terms].reverse().find((t) => t.unit !== null)?.unit ?? null;
  const fallback = lastUnit ?? (options.defaultUnit === 'years' ? 12 : options.defaultUnit === 'months' ? 1 : null);
  if (fallback === null) return fail('missing-unit', raw);

  // Every later term is an option, except months straight after years without `+` or option wording:
  // `1 år og 6 mnd` is one term of 18 months.
  const months: number[] = [];
  let previousUnit: number | null = null;
  for (const term of terms) {
    const unit = term.unit ?? fallback;
    const scaled = term.numerator * BigInt(unit);
    if (scaled % term.denominator !== 0n) return fail('not-whole-months', raw);
    const value = Number(scaled / term.denominator) * term.times;
    if (!term.option && previousUnit !== null && previousUnit > unit && months.length > 0) {
      months[months.length - 1] = (months.at(-1) ?? 0) + value;
    } else {
      months.push(value);
    }
    previousUnit = unit;
  }
  const [base = 0, ...rest] = months;
  const optionMonths = rest.reduce((a, b) => a + b, 0);
  if (base + optionMonths > MAX_DURATION_MONTHS) return fail('too-long', raw);
  return { ok: true, months: base, openEnded, optionMonths, raw };
}
