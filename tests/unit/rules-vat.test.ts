import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, classifyPurchase, describeFinding, fromMajor, vatRatesFor, type ContractKind, type PurchaseJurisdiction } from '../../core/index.ts';

const rates = (j: PurchaseJurisdiction, date: string, cpv: string | null, kind: ContractKind | null = null) => vatRatesFor(DEFAULT_RULES[j], date, { cpv, kind });

describe('vatRatesFor: the rate by category, as far as CPV tells it', () => {
  it.each<[PurchaseJurisdiction, string, string, number[], boolean, string | null]>([
    // jurisdiction, date, cpv, rates, certain, category
    ['NO', '2026-06-01', '15800000-6', [15], true, 'food'],
    ['NO', '2026-06-01', '55510000-8', [25], true, 'serving'],
    ['NO', '2026-06-01', '55520000-1', [25], true, 'serving'],
    ['NO', '2026-06-01', '55524000-9', [25, 0], false, 'school-catering'],
    ['NO', '2026-06-01', '85311000-2', [0], true, 'social'],
    ['NO', '2026-06-01', '85100000-0', [0], true, 'health'],
    ['NO', '2026-06-01', '80100000-5', [0], true, 'education'],
    ['NO', '2026-06-01', '45214200-2', [25], true, 'standard'],
    ['NO', '2026-06-01', '90910000-9', [25], true, 'standard'],
    ['NO', '2026-06-01', '72000000-5', [25], true, 'standard'],
    ['SE', '2026-06-01', '90910000-9', [25], true, 'standard'],
    ['SE', '2026-06-01', '30200000-1', [25], true, 'standard'],
    ['SE', '2026-03-31', '15800000-6', [12], true, 'food'],
    ['SE', '2026-04-01', '15800000-6', [12, 6], false, 'food'],
    ['SE', '2027-12-31', '15800000-6', [12, 6], false, 'food'],
    ['SE', '2028-01-01', '15800000-6', [12], true, 'food'],
    ['SE', '2026-06-01', '55520000-1', [12], true, 'serving'],
    ['SE', '2026-06-01', '85311000-2', [0], false, 'health-social'],
    ['SE', '2026-06-01', '80100000-5', [0], false, 'education'],
  ])('%s %s CPV %s → %j (certain %s)', (j, date, cpv, expected, certain, category) => {
    const r = rates(j, date, cpv);
    expect(r.rates.map((c) => c.rate)).toEqual(expected);
    expect(r.certain).toBe(certain);
    expect(r.category).toBe(category);
    expect(r.evidence?.code).toBe(cpv.slice(0, 8));
  });

  it('veterinary (852), animal feed (157) and beverages (159) are not put in a category', () => {
    for (const cpv of ['85200000-1', '15700000-5', '15900000-7', '60100000-9', '22110000-4']) {
      const r = rates('NO', '2026-06-01', cpv);
      expect(r).toMatchObject({ certain: false, reason: 'cpv-not-mapped', category: null });
      expect(r.rates[0]).toMatchObject({ rate: 25, category: 'standard' });
    }
  });

  it('without a CPV code the standard rate is one candidate among several', () => {
    expect(rates('NO', '2026-06-01', null)).toMatchObject({ certain: false, reason: 'no-cpv' });
    expect(rates('NO', '2026-06-01', null).rates.map((r) => r.rate)).toEqual([25, 15, 0]);
    expect(rates('SE', '2026-06-01', null).rates.map((r) => r.rate)).toEqual([25, 12, 6, 0]);
  });

  it('works without a CPV code are construction at the standard rate', () => {
    expect(rates('NO', '2026-06-01', null, 'works')).toMatchObject({ certain: true, category: 'standard', evidence: null, rates: [{ rate: 25, ruleId: 'NO-MVA-25' }] });
  });

  it('a pending rate is offered, never applied alone', () => {
    const r = rates('SE', '2026-06-01', '15800000');
    expect(r.rates).toMatchObject([
      { rate: 12, ruleId: 'SE-MOMS-MAT-12', status: 'verified' },
      { rate: 6, ruleId: 'SE-MOMS-MAT-6', status: 'pending' },
    ]);
    expect(r.reason).toBe('category-rate-unsure');
  });
});

describe('classifyPurchase with candidate VAT rates', () => {
  const classify = (j: PurchaseJurisdiction, amount: number, kind: ContractKind, cpv: string | null, date = '2025-06-01', buyer: 'state' | 'municipal' = 'municipal') =>
    classifyPurchase({
      jurisdiction: j,
      buyer,
      contractKind: kind,
      date,
      value: fromMajor(amount, j === 'NO' ? 'NOK' : 'SEK'),
      vatIncluded: true,
      vatRates: rates(j, date, cpv, kind).rates,
    });

  it('food catering incl. VAT, Norway: the serving rate (25 %) is certain from CPV', () => {
    const v = classify('NO', 1_700_000, 'services', '55520000-1');
    expect(v.regime).toBe('NO-PART-II');
    expect(v.valueExclVat?.minor).toBe(136_000_000n);
    expect(v.dependsOn).toBeUndefined();
    expect(v.findings.find((f) => f.code === 'VAT-INCLUDED')).toMatchObject({ messageKey: 'finding.VAT-INCLUDED.rate', ruleIds: ['NO-MVA-25'] });
  });

  it('food goods incl. VAT, Norway: 15 %', () => {
    const v = classify('NO', 1_449_000, 'goods', '15800000-6');
    expect(v.valueExclVat?.minor).toBe(126_000_000n);
    expect(v.regime).toBe('NO-PART-I');
  });

  it('food goods incl. VAT, Sweden in the temporary-rate window: depends on the VAT rate (12 % or 6 %)', () => {
    // 745 000 incl. VAT: 665 178.57 at 12 % (direct award), 702 830.19 at 6 % (not).
    const v = classify('SE', 745_000, 'goods', '15800000-6', '2026-06-01');
    expect(v.regime).toBe('UNKNOWN');
    expect(v.valueExclVat).toBeNull();
    expect(v.dependsOn?.outcomes.map((o) => [o.rate, o.regime])).toEqual([
      [12, 'SE-DIRECT'],
      [6, 'SE-BELOW-EU'],
    ]);
    const f = v.findings.find((x) => x.code === 'VAT-RATE-DEPENDS');
    expect(f?.ruleIds).toEqual(['SE-MOMS-MAT-12', 'SE-MOMS-MAT-6']);
    expect(describeFinding('en', f!)).toContain('12 %: SE-DIRECT; 6 %: SE-BELOW-EU');
    expect(v.findings.some((x) => x.code === 'VAT-INCLUDED')).toBe(false);
  });

  it('the same value before the window: 12 % only, a single regime', () => {
    const v = classify('SE', 745_000, 'goods', '15800000-6', '2026-03-31');
    expect(v).toMatchObject({ regime: 'SE-DIRECT' });
    expect(v.dependsOn).toBeUndefined();
  });

  it('no CPV: when the regime differs between rates the headline is UNKNOWN, with every regime', () => {
    const v = classify('NO', 1_500_000, 'services', null);
    expect(v.regime).toBe('UNKNOWN');
    expect(v.dependsOn?.outcomes.map((o) => [o.rate, o.regime])).toEqual([
      [25, 'NO-PART-I'],
      [15, 'NO-PART-II'],
      [0, 'NO-PART-II'],
    ]);
  });

  it('no CPV: when every rate gives the same regime, that regime, and the finding says the rate did not matter', () => {
    const v = classify('NO', 50_000, 'services', null);
    expect(v.regime).toBe('NO-EXEMPT');
    expect(v.findings.find((f) => f.code === 'VAT-INCLUDED')?.messageKey).toBe('finding.VAT-INCLUDED.rates-agree');
  });

  it('without vatRates the standard rate is used, as before', () => {
    const v = classifyPurchase({ jurisdiction: 'NO', buyer: 'municipal', contractKind: 'goods', date: '2025-06-01', value: fromMajor(125_000, 'NOK'), vatIncluded: true });
    expect(v.valueExclVat?.minor).toBe(10_000_000n);
    expect(v.findings.find((f) => f.code === 'VAT-INCLUDED')?.messageKey).toBe('finding.VAT-INCLUDED');
  });

  it('rates are ignored when the value excludes VAT', () => {
    const v = classifyPurchase({ jurisdiction: 'NO', buyer: 'municipal', contractKind: 'goods', date: '2025-06-01', value: fromMajor(1_500_000, 'NOK'), vatIncluded: false, vatRates: rates('NO', '2025-06-01', null).rates });
    expect(v.regime).toBe('NO-PART-II');
    expect(v.findings.some((f) => f.code.startsWith('VAT'))).toBe(false);
  });

  it('every new message exists in nb, sv and en', () => {
    const v = classify('SE', 745_000, 'goods', '15800000-6', '2026-06-01');
    for (const lang of ['nb', 'sv', 'en'] as const) for (const f of v.findings) expect(describeFinding(lang, f)).not.toMatch(/\{|finding\./);
  });
});
