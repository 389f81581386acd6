import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AGGREGATE_ERROR_CODES, CATALOGUES, LANGS, addDays, money, sumWithin12Months, twelveMonthWindowEnd, type DatedPurchase } from '../../core/index.ts';

const nok = (kroner: number) => money(BigInt(kroner) * 100n, 'NOK');
const p = (date: string, kroner: number): DatedPurchase => ({ date, value: nok(kroner) });

describe('twelveMonthWindowEnd', () => {
  it('is the day before the same date a year later', () => {
    expect(twelveMonthWindowEnd('2025-03-15')).toBe('2026-03-14');
    expect(twelveMonthWindowEnd('2025-01-01')).toBe('2025-12-31');
    expect(twelveMonthWindowEnd('2024-02-29')).toBe('2025-02-27');
  });
});

describe('sumWithin12Months, sliding window', () => {
  it('finds the 12 months with the largest total and names its purchases', () => {
    const purchases = [p('2025-01-10', 40_000), p('2025-06-01', 30_000), p('2025-12-20', 35_000), p('2026-01-10', 50_000), p('2027-03-01', 90_000)];
    expect(sumWithin12Months(purchases)).toEqual({
      ok: true,
      window: { from: '2025-06-01', to: '2026-05-31', total: nok(115_000), members: [1, 2, 3] },
    });
  });

  it('counts the last day of the window and not the day after', () => {
    expect(sumWithin12Months([p('2025-03-15', 60_000), p('2026-03-14', 50_000)])).toMatchObject({ ok: true, window: { total: nok(110_000), members: [0, 1] } });
    expect(sumWithin12Months([p('2025-03-15', 60_000), p('2026-03-15', 50_000)])).toMatchObject({ ok: true, window: { total: nok(60_000), members: [0] } });
  });

  it('sorts by date, keeps input indices, takes the earliest window on ties', () => {
    const purchases = [p('2026-05-01', 10), p('2024-01-01', 10), p('2024-01-01', 5), p('2025-12-01', 5)];
    expect(sumWithin12Months(purchases)).toEqual({
      ok: true,
      window: { from: '2024-01-01', to: '2024-12-31', total: nok(15), members: [1, 2] },
    });
  });

  it('returns null for no purchases and a one-purchase window for one', () => {
    expect(sumWithin12Months([])).toBeNull();
    expect(sumWithin12Months([p('2025-01-01', 7)])).toEqual({ ok: true, window: { from: '2025-01-01', to: '2025-12-31', total: nok(7), members: [0] } });
  });

  it('matches a brute-force search over every window start', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((d) => addDays('2024-01-01', d));
    const purchase = fc.record({ date: day, value: fc.bigInt({ min: 0n, max: 10n ** 9n }).map((m) => money(m, 'SEK')) });
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 40 }), (purchases) => {
        const result = sumWithin12Months(purchases);
        if (!result?.ok) throw new Error('expected a window');
        let best = -1n;
        for (const start of purchases) {
          const end = twelveMonthWindowEnd(start.date);
          const total = purchases.filter((q) => q.date >= start.date && q.date <= end).reduce((s, q) => s + q.value.minor, 0n);
          if (total > best) best = total;
        }
        expect(result.window.total.minor).toBe(best);
        const memberTotal = result.window.members.reduce((s, i) => s + (purchases[i]?.value.minor ?? 0n), 0n);
        expect(memberTotal).toBe(best);
        for (const i of result.window.members) {
          const date = purchases[i]?.date ?? '';
          expect(date >= result.window.from && date <= result.window.to).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('sumWithin12Months, ending on a date', () => {
  const purchases = [p('2024-06-30', 1), p('2024-07-01', 10), p('2025-01-15', 100), p('2025-06-30', 1000), p('2025-07-01', 10000)];
  it('sums the 12 months up to and including windowEnd', () => {
    expect(sumWithin12Months(purchases, '2025-06-30')).toEqual({
      ok: true,
      window: { from: '2024-07-01', to: '2025-06-30', total: nok(1110), members: [1, 2, 3] },
    });
  });
  it('gives a zero total with no purchases in the window', () => {
    expect(sumWithin12Months([], '2025-06-30')).toEqual({ ok: true, window: { from: '2024-07-01', to: '2025-06-30', total: money(0n, null), members: [] } });
  });
});

describe('sumWithin12Months, bad input', () => {
  it('rejects bad dates, negative values and mixed currencies with the first offending index', () => {
    expect(sumWithin12Months([p('2025-01-01', 1), p('2025-02-30', 1)])).toEqual({
      ok: false,
      error: { code: 'invalid-date', index: 1, messageKey: 'value.aggregate.error.invalid-date' },
    });
    expect(sumWithin12Months([p('2025-01-01', 1)], '31.12.2025')).toMatchObject({ ok: false, error: { code: 'invalid-date', index: -1 } });
    expect(sumWithin12Months([{ date: '2025-01-01', value: money(-1n, 'NOK') }])).toMatchObject({ ok: false, error: { code: 'negative-value', index: 0 } });
    expect(sumWithin12Months([p('2025-01-01', 1), { date: '2025-01-02', value: money(1n, null) }, { date: '2025-01-03', value: money(1n, 'SEK') }])).toMatchObject({
      ok: false,
      error: { code: 'currency-mismatch', index: 2 },
    });
  });

  it('a purchase without currency joins the others', () => {
    expect(sumWithin12Months([p('2025-01-01', 1), { date: '2025-01-02', value: money(100n, null) }])).toMatchObject({ ok: true, window: { total: nok(2) } });
  });

  it('every error code has a message in every language', () => {
    for (const code of AGGREGATE_ERROR_CODES) {
      for (const lang of LANGS) expect(CATALOGUES[lang][`value.aggregate.error.${code}`], `${lang} ${code}`).toBeTruthy();
    }
  });
});
