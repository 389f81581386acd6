/**
 * The sheet's cached classifier must give exactly classifyPurchase's verdict: checked over random
 * purchases whose values sit on, just below and just above every figure of the packs and whose
 * dates sit on and around every period boundary, run through one classifier so that later inputs
 * meet verdicts cached for earlier ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUYER_KINDS, CONTRACT_KINDS, DEFAULT_RULES, addDays, cachedClassifier, classifyPurchase, money, type PurchaseInput, type RuleSet } from '../../core/index.ts';

function packEdges(rules: RuleSet, jurisdiction: 'NO' | 'SE') {
  const figures = new Set<bigint>();
  const dates = new Set<string>();
  for (const parameter of Object.values(rules[jurisdiction].parameters)) {
    for (const v of parameter.values) {
      if (v.value !== null) for (const d of [-1n, 0n, 1n]) figures.add(BigInt(Math.round(v.value * 100)) + d);
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
        // The second pass meets only cached verdicts.
        for (const input of inputs) expect(classify(input)).toEqual(classifyPurchase(input));
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
