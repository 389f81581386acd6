import type { IsoDate } from '../dates.ts';
import type { ParameterValue, RulePack } from './schema.ts';

export interface Resolution {
  readonly parameter: string;
  /** The verified value applied at the date, or null when the pack has none at or before it. */
  readonly applied: ParameterValue | null;
  /**
   * Set when no verified value covers the date and an earlier verified value is applied instead:
   * the period that covers the date but has no verified value (or null when the pack has none).
   */
  readonly fallbackFor: ParameterValue | 'none' | null;
  /** Pending or unverified values that could apply at the date: never applied, always reported. */
  readonly alternatives: readonly ParameterValue[];
}

/** Whether a period could be in force on `date`. A proposal without a date counts from its announcement. */
export function covers(value: ParameterValue, date: IsoDate): boolean {
  const starts = value.from ?? value.announced ?? null;
  if (value.from !== null && value.from > date) return false;
  if (value.from === null && starts !== null && starts > date) return false;
  return value.to === null || date <= value.to;
}

const latestFirst = (a: ParameterValue, b: ParameterValue) => ((a.from ?? '') < (b.from ?? '') ? 1 : -1);

/**
 * The value of one parameter at one date. Only verified values are applied; when none covers the
 * date, the latest earlier verified value is applied and the resolution says so (`fallbackFor`).
 */
export function resolveParameter(pack: RulePack, parameter: string, date: IsoDate): Resolution {
  // Packs are treated as immutable once loaded, so a resolution per (pack, parameter, date) can be kept.
  let memo = memos.get(pack);
  if (!memo) {
    memo = new Map();
    memos.set(pack, memo);
  }
  const key = `${parameter}|${date}`;
  let resolution = memo.get(key);
  if (!resolution) {
    resolution = resolveUncached(pack, parameter, date);
    memo.set(key, resolution);
  }
  return resolution;
}

const memos = new WeakMap<RulePack, Map<string, Resolution>>();

function resolveUncached(pack: RulePack, parameter: string, date: IsoDate): Resolution {
  const values = pack.parameters[parameter]?.values ?? [];
  const covering = values.filter((v) => covers(v, date));
  const verified = covering.filter((v) => v.status === 'verified' && v.value !== null).sort(latestFirst);
  const alternatives = covering.filter((v) => v.status !== 'verified' && v.value !== null);
  if (verified[0]) return { parameter, applied: verified[0], fallbackFor: null, alternatives };
  const earlier = values
    .filter((v) => v.status === 'verified' && v.value !== null && v.to !== null && v.to < date)
    .sort(latestFirst);
  const gap = covering.find((v) => v.value === null) ?? 'none';
  return { parameter, applied: earlier[0] ?? null, fallbackFor: gap, alternatives };
}
