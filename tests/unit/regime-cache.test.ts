/**
 * The sheet's cached classifier must give exactly classifyPurchase's verdict: checked over random
 * purchases whose values sit on, just below and just above every figure of the packs and whose
 * dates sit on and around every period boundary, run through one classifier so that later inputs
 * meet verdicts cached for earlier ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUYER_KINDS, CONTRACT_KINDS, DEFAULT_RULES, addDays, cachedClassifier, classifyPurchase, money, vatRatesFor, type PurchaseInput, type RuleSet, type VatRateCandidate } from '../../core/index.ts';
import { periodOf } from '../../core/rules/periods.ts';

// Candidate VAT rates as a sheet's check gets them: one list per category and date, kept by the caller
// (the same list object each time), plus made-up lists of one, two and three rates, agreeing or not.
const made = (rates: readonly number[]): VatRateCandidate[] =>
  rates.map((rate, i) => ({ rate, ruleId: `TEST-VAT-${rate}`, category: i === 0 ? 'standard' : `cat-${rate}`, status: 'verified', title: 'test', url: 'https://example.org' }));
const RATE_LISTS = (rules: RuleSet, jurisdiction: 'NO' | 'SE'): readonly (readonly VatRateCandidate[])[] => [
  ...['2020-06-01', '2026-03-01', '2027-01-01'].flatMap((date) =>
    [null, '15000000', '55500000', '45000000', '85000000'].map((cpv) => vatRatesFor(rules[jurisdiction], date, { cpv, kind: 'services' }).rates),
  ),
  made([25]),
  made([25, 15]),
  made([25, 12, 6]),
  made([0, 25]),
].filter((list) => list.length > 0);

function packEdges(rules: RuleSet, jurisdiction: 'NO' | 'SE') {
  const figures = new Set<bigint>();
  const dates = new Set<string>();
  for (const parameter of Object.values(rules[jurisdiction].parameters)) {
    for (const v of parameter.values) {
      if (v.value === null) continue;
      const figure = BigInt(Math.round(v.value * 100));
      for (const d of [-1n, 0n, 1n]) figures.add(figure + d);
      // Gross values whose net value at a VAT rate sits on the figure.
      for (const rate of [25, 15, 12, 6]) for (const d of [-1n, 0n, 1n]) figures.add((figure * BigInt(100 + rate)) / 100n + d);
      for (const date of [v.from, v.to, v.announced]) if (date) for (const d of [-1, 0, 1]) dates.add(addDays(date, d));
    }
  }
  return { figures: [...figures], dates: [...dates] };
}

function purchases(rules: RuleSet): fc.Arbitrary<PurchaseInput[]> {
  const one = fc.constantFrom('NO' as const, 'SE' as const).chain((jurisdiction) => {
    const edges = packEdges(rules, jurisdiction);
    return fc.record({
      jurisdiction: fc.constant(jurisdiction),
      buyer: fc.constantFrom(...BUYER_KINDS),
      contractKind: fc.constantFrom(...CONTRACT_KINDS),
      value: fc.oneof(
        fc.constant(null),
        fc.record({
          minor: fc.oneof(fc.constantFrom(...edges.figures), fc.bigInt({ min: 0n, max: 10_000_000_000n })),
          currency: fc.constantFrom(null, rules[jurisdiction].currency, 'EUR'),
        }).map(({ minor, currency }) => money(minor, currency)),
      ),
      vatIncluded: fc.constantFrom(undefined, null, false, true),
      vatRates: fc.constantFrom(undefined, ...RATE_LISTS(rules, jurisdiction)),
      date: fc.oneof(fc.constantFrom(...edges.dates), fc.integer({ min: 0, max: 6000 }).map((d) => addDays('2014-01-01', d))),
    });
  });
  return fc.array(one, { minLength: 1, maxLength: 60 });
}

describe('cachedClassifier', () => {
  it('gives classifyPurchase’s verdict for every purchase, cached or not', () => {
    fc.assert(
      fc.property(purchases(DEFAULT_RULES), (inputs) => {
        const classify = cachedClassifier(DEFAULT_RULES);
        for (const input of inputs) expect(classify(input)).toEqual(classifyPurchase(input));
        // The second pass meets only cached verdicts, and gives the date's period as the sheet check does.
        for (const input of inputs) expect(classify(input, periodOf(DEFAULT_RULES[input.jurisdiction], input.date))).toEqual(classifyPurchase(input));
        // Values one øre and one krone away mostly sit at the same place: their verdicts come from the cache, filled in.
        for (const d of [1n, 100n]) {
          for (const input of inputs) {
            const near = { ...input, value: input.value && money(input.value.minor + d, input.value.currency) };
            expect(classify(near)).toEqual(classifyPurchase(near));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fills in each purchase’s own value at the same place among the figures', () => {
    const classify = cachedClassifier(DEFAULT_RULES);
    const at = (kroner: bigint) => classify({ jurisdiction: 'NO', buyer: 'municipal', contractKind: 'services', value: money(kroner * 100n, null), date: '2026-03-01' });
    expect(at(200_000n)).toMatchObject({ regime: 'NO-PART-I', valueExclVat: { minor: 20_000_000n, currency: 'NOK' } });
    expect(at(300_000n)).toMatchObject({ regime: 'NO-PART-I', valueExclVat: { minor: 30_000_000n, currency: 'NOK' } });
    expect(at(99_999n).regime).toBe('NO-EXEMPT');
    expect(at(100_000n).regime).toBe('NO-PART-I');
  });
});
