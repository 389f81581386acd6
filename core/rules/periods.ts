/**
 * The periods of a rule pack. Every reading of a pack at a date (a parameter's value and its
 * fallbacks and alternatives, a provision in force, a CPV list entry in force) compares the date
 * with the dates the pack names — a value's from, to and announced, a provision's and a CPV entry's
 * from and to — and with nothing else. So all dates that fall in the same place among those dates get
 * the same readings, and a sheet of a thousand dates keeps its readings per period: a pack names a
 * dozen dates, so it has a few dozen periods.
 */
import type { IsoDate } from '../dates.ts';
import type { RulePack } from './schema.ts';

/** Where `x` falls among sorted, distinct `cuts`: 2 × (how many are below it), plus 1 when it equals the next. */
export function placeAmong<T extends bigint | string>(cuts: readonly T[], x: T): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cuts[mid] as T) < x) low = mid + 1;
    else high = mid;
  }
  return 2 * low + (cuts[low] === x ? 1 : 0);
}

export interface PackPeriods {
  /** Every date the pack names, sorted and distinct. */
  readonly boundaries: readonly IsoDate[];
  /** How many periods there are: each period of a date is below this. */
  readonly count: number;
}

/** Packs are immutable once loaded: their dates are gathered once. */
const periodsOf = new WeakMap<RulePack, PackPeriods>();

export function packPeriods(pack: RulePack): PackPeriods {
  let periods = periodsOf.get(pack);
  if (!periods) {
    const dates = new Set<IsoDate>();
    for (const parameter of Object.values(pack.parameters)) {
      for (const v of parameter.values) for (const date of [v.from, v.to, v.announced]) if (date) dates.add(date);
    }
    for (const p of pack.provisions) for (const date of [p.from, p.to]) if (date) dates.add(date);
    for (const e of pack.cpv?.socialServices?.entries ?? []) for (const date of [e.from, e.to]) if (date) dates.add(date);
    const boundaries = [...dates].sort();
    periods = { boundaries, count: 2 * boundaries.length + 1 };
    periodsOf.set(pack, periods);
  }
  return periods;
}

/** The period of `date` under `pack` (0 ≤ period < packPeriods(pack).count). */
export function periodOf(pack: RulePack, date: IsoDate): number {
  return placeAmong(packPeriods(pack).boundaries, date);
}

/** A date with its period under the pack it is read by: readings kept per period look it up by number. */
export interface RuleDate {
  readonly date: IsoDate;
  readonly period: number;
}
