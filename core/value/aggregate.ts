/**
 * Twelve-month aggregation of recurring purchases (EU dir. 2014/24 art. 5(11), FOA § 5-4, LOU 5 kap.
 * 11 §): purchases of the same kind are added up over 12 months, so a need split into small orders
 * still meets the threshold it would meet as one. The sheet's split-purchase check builds on this.
 *
 * A 12-month window runs from a date up to and including the day before the same date a year later
 * (2025-03-15 … 2026-03-14; from a 29 February, to 27 February).
 */
import { addDays, addMonths, isIsoDate, type IsoDate } from '../dates.ts';
import { money, type Money } from './money.ts';

export interface DatedPurchase {
  readonly date: IsoDate;
  readonly value: Money;
}

export interface TwelveMonthWindow {
  /** First and last day of the window, both inclusive. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly total: Money;
  /** Indices into the input of the purchases inside the window, in date order (input order on ties). */
  readonly members: readonly number[];
}

export const AGGREGATE_ERROR_CODES = ['invalid-date', 'negative-value', 'currency-mismatch'] as const;
export type AggregateErrorCode = (typeof AGGREGATE_ERROR_CODES)[number];

export type TwelveMonthResult =
  | { readonly ok: true; readonly window: TwelveMonthWindow }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: AggregateErrorCode;
        /** The first offending purchase; -1 when windowEnd itself is not a date. */
        readonly index: number;
        readonly messageKey: `value.aggregate.error.${AggregateErrorCode}`;
      };
    };

export function twelveMonthWindowEnd(from: IsoDate): IsoDate {
  return addDays(addMonths(from, 12), -1);
}

function fail(code: AggregateErrorCode, index: number): TwelveMonthResult {
  return { ok: false, error: { code, index, messageKey: `value.aggregate.error.${code}` } };
}

/** Checks dates, signs and currencies; returns the shared currency (null when none is named). */
function check(purchases: readonly DatedPurchase[]): { currency: string | null } | TwelveMonthResult {
  let currency: string | null = null;
  for (const [i, p] of purchases.entries()) {
    if (!isIsoDate(p.date)) return fail('invalid-date', i);
    // Credit notes would make "the largest window" depend on where a window happens to end; they are
    // netted against their purchase before aggregation.
    if (p.value.minor < 0n) return fail('negative-value', i);
    if (p.value.currency !== null) {
      if (currency !== null && currency !== p.value.currency) return fail('currency-mismatch', i);
      currency = p.value.currency;
    }
  }
  return { currency };
}

function byDate(purchases: readonly DatedPurchase[]): number[] {
  return purchases.map((_, i) => i).sort((a, b) => {
    const da = purchases[a]?.date ?? '';
    const db = purchases[b]?.date ?? '';
    return da < db ? -1 : da > db ? 1 : a - b;
  });
}

/**
 * The 12-month total. With `windowEnd`: the 12 months ending that day (the look-back of art. 5(11)(a));
 * an empty list gives a zero total. Without: the window with the largest total anywhere in the list
 * (earliest on ties), or null for an empty list, which has no window to show.
 */
export function sumWithin12Months(purchases: readonly DatedPurchase[], windowEnd: IsoDate): TwelveMonthResult;
export function sumWithin12Months(purchases: readonly DatedPurchase[]): TwelveMonthResult | null;
export function sumWithin12Months(purchases: readonly DatedPurchase[], windowEnd?: IsoDate): TwelveMonthResult | null {
  const checked = check(purchases);
  if ('ok' in checked) return checked;
  const order = byDate(purchases);
  const minorAt = (i: number) => purchases[i]?.value.minor ?? 0n;
  const dateAt = (i: number) => purchases[i]?.date ?? '';

  if (windowEnd !== undefined) {
    if (!isIsoDate(windowEnd)) return fail('invalid-date', -1);
    const from = addDays(addMonths(windowEnd, -12), 1);
    const members = order.filter((i) => dateAt(i) >= from && dateAt(i) <= windowEnd);
    const total = members.reduce((sum, i) => sum + minorAt(i), 0n);
    return { ok: true, window: { from, to: windowEnd, total: money(total, checked.currency), members } };
  }

  if (order.length === 0) return null;
  // Sliding window: the best window can always start on a purchase date (moving its start forward to
  // its first member loses nothing, as values are not negative), so two pointers over sorted dates suffice.
  let best = { start: 0, end: 0, total: -1n };
  let end = 0;
  let running = 0n;
  for (let start = 0; start < order.length; start++) {
    const startIndex = order[start] ?? 0;
    const to = twelveMonthWindowEnd(dateAt(startIndex));
    while (end < order.length && dateAt(order[end] ?? 0) <= to) running += minorAt(order[end++] ?? 0);
    const sameDayAsPrevious = start > 0 && dateAt(order[start - 1] ?? 0) === dateAt(startIndex);
    if (!sameDayAsPrevious && running > best.total) best = { start, end, total: running };
    running -= minorAt(startIndex);
  }
  const from = dateAt(order[best.start] ?? 0);
  return {
    ok: true,
    window: {
      from,
      to: twelveMonthWindowEnd(from),
      total: money(best.total, checked.currency),
      members: order.slice(best.start, best.end),
    },
  };
}
