/**
 * Money as exact minor units (øre, öre, cent: two decimals) in a bigint, so sums of 100 000 rows and
 * comparisons at a threshold never drift the way binary floats do.
 */
export interface Money {
  readonly minor: bigint;
  /** ISO 4217 code (NOK, SEK, EUR, …) or null when the input did not say. */
  readonly currency: string | null;
}

export const MINOR_PER_MAJOR = 100n;

export function money(minor: bigint, currency: string | null): Money {
  return { minor, currency };
}

/** From whole currency units, e.g. a threshold in a rule pack. Only integers and up to two decimals. */
export function fromMajor(major: number | string, currency: string | null): Money {
  const text = typeof major === 'number' ? major.toFixed(2) : major.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new RangeError(`not a decimal amount: ${text}`);
  const minor = BigInt(m[2] ?? '0') * MINOR_PER_MAJOR + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return money(m[1] ? -minor : minor, currency);
}

/** Whole units as a JS number for JSON and display; exact up to 2^53 øre (about 90 000 billion). */
export function toMajorNumber(value: Money): number {
  return Number(value.minor) / Number(MINOR_PER_MAJOR);
}

/** The stable JSON form of ARCHITECTURE.md: `{amount, currency}`. */
export function moneyJson(value: Money | null): { amount: number; currency: string | null } | null {
  return value === null ? null : { amount: toMajorNumber(value), currency: value.currency };
}
