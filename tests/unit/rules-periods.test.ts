/**
 * A pack's periods (core/rules/periods.ts): the sheet check keeps its readings of the rules per
 * period, so every date of a period must read the same — parameters (value, fallback, alternatives),
 * provisions in force, CPV kinds, VAT rates — checked on the bundled packs at, just before and just
 * after every date they name, and at dates far between.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, addDays, contractKindFromCpv, resolveParameter, vatRatesFor, type RulePack } from '../../core/index.ts';
import { packPeriods, periodOf } from '../../core/rules/periods.ts';
import { provisionsInForce } from '../../core/sheet/judge/thresholds.ts';

const CODES = ['85311000-2', '85000000', '85323000', '55510000', '79710000', '80000000', '75231000', '98000000', '45000000', '30190000', '90910000'];

/** Every reading of `pack` at `date` that the sheet check keeps per period. */
function readings(pack: RulePack, date: string): unknown {
  return {
    parameters: Object.keys(pack.parameters).map((p) => resolveParameter(pack, p, date)),
    provisions: provisionsInForce(
      pack,
      pack.provisions.map((p) => p.id),
      date,
    ),
    kinds: CODES.map((code) => contractKindFromCpv(code, pack, date)),
    vat: [null, ...CODES].map((cpv) => vatRatesFor(pack, date, { cpv, kind: 'services' })),
  };
}

describe.each(Object.entries(DEFAULT_RULES))('periods of the %s pack', (_name, pack) => {
  const { boundaries, count } = packPeriods(pack);

  it('names every date of the pack: values, provisions and CPV entries', () => {
    const named = [
      ...Object.values(pack.parameters).flatMap((p) => p.values.flatMap((v) => [v.from, v.to, v.announced])),
      ...pack.provisions.flatMap((p) => [p.from, p.to]),
      ...(pack.cpv?.socialServices?.entries ?? []).flatMap((e) => [e.from, e.to]),
    ].filter((d): d is string => typeof d === 'string');
    expect(new Set(boundaries)).toEqual(new Set(named));
    expect([...boundaries].sort()).toEqual(boundaries);
  });

  it('every date of a period reads the same, and periods are numbered below the count', () => {
    const dates = new Set<string>(['1990-01-01', '2099-12-31']);
    for (const b of boundaries) for (const d of [-400, -1, 0, 1, 400]) dates.add(addDays(b, d));
    const first = new Map<number, { date: string; read: unknown }>();
    for (const date of [...dates].sort()) {
      const period = periodOf(pack, date);
      expect(period).toBeGreaterThanOrEqual(0);
      expect(period).toBeLessThan(count);
      const read = readings(pack, date);
      const seen = first.get(period);
      if (seen) expect(read, `${date} in the period of ${seen.date}`).toEqual(seen.read);
      else first.set(period, { date, read });
    }
  });

  it('a date on a boundary has a period of its own, between the days around it', () => {
    for (const b of boundaries) {
      const on = periodOf(pack, b);
      expect(periodOf(pack, addDays(b, -1))).toBeLessThan(on);
      expect(periodOf(pack, addDays(b, 1))).toBeGreaterThan(on);
    }
  });
});
