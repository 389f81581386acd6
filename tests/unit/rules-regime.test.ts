import { describe, expect, it } from 'vitest';
import { classifyPurchase, fromMajor, type BuyerKind, type ContractKind, type PurchaseJurisdiction, type RegimeCode } from '../../core/index.ts';

function regimeOf(jurisdiction: PurchaseJurisdiction, value: number, date: string, buyer: BuyerKind = 'municipal', contractKind: ContractKind = 'services') {
  return classifyPurchase({ jurisdiction, buyer, contractKind, date, value: fromMajor(value, null) });
}

describe('Norwegian regimes at every threshold (in scope at value ≥ threshold)', () => {
  const cases: [number, BuyerKind, ContractKind, string, RegimeCode][] = [
    [99_999, 'municipal', 'services', '2026-01-15', 'NO-EXEMPT'],
    [100_000, 'municipal', 'services', '2026-01-15', 'NO-PART-I'],
    [1_299_999, 'municipal', 'services', '2026-01-15', 'NO-PART-I'],
    [1_300_000, 'municipal', 'services', '2026-01-15', 'NO-PART-II'],
    [2_299_999, 'municipal', 'services', '2026-01-15', 'NO-PART-II'],
    [2_300_000, 'municipal', 'services', '2026-01-15', 'NO-PART-III'],
    [1_489_999, 'state', 'goods', '2026-01-15', 'NO-PART-II'],
    [1_490_000, 'state', 'goods', '2026-01-15', 'NO-PART-III'],
    [57_799_999, 'municipal', 'works', '2026-01-15', 'NO-PART-II'],
    [57_800_000, 'municipal', 'works', '2026-01-15', 'NO-PART-III'],
    [99_999, 'municipal', 'social-services', '2026-01-15', 'NO-EXEMPT'],
    [7_799_999, 'municipal', 'social-services', '2026-01-15', 'NO-PART-I'],
    [7_800_000, 'municipal', 'social-services', '2026-01-15', 'NO-PART-III'],
  ];
  it.each(cases)('NOK %d, %s %s on %s → %s', (value, buyer, kind, date, expected) => {
    expect(regimeOf('NO', value, date, buyer, kind).regime).toBe(expected);
  });

  it('the national threshold was 1.1 MNOK until 2018-04-05 (and the pack has no EEA value for 2018: said, not guessed)', () => {
    const before = regimeOf('NO', 1_100_000, '2018-04-05');
    expect(before.ruleIds).toContain('NO-NAT-2017');
    expect(before.regime).toBe('UNKNOWN');
    expect(before.findings.find((f) => f.code === 'RULE-MISSING')?.params).toEqual({ parameter: 'eea-threshold-other' });
    const after = regimeOf('NO', 1_100_000, '2018-04-06');
    expect(after.regime).toBe('NO-PART-I');
    expect(after.ruleIds).toContain('NO-NAT');
  });

  it('counts øre: 99 999,99 is still below the lower threshold', () => {
    const v = classifyPurchase({ jurisdiction: 'NO', buyer: 'municipal', contractKind: 'goods', date: '2025-06-01', value: fromMajor('99999.99', 'NOK') });
    expect(v.regime).toBe('NO-EXEMPT');
  });

  it('names the rule ids and sources it applied', () => {
    const v = regimeOf('NO', 2_300_000, '2026-01-15');
    expect(v.ruleIds).toEqual(['NO-LOW-100K', 'NO-NAT', 'NO-EEA-2024-OTHER']);
    expect(v.rules.every((r) => r.status === 'verified' && r.url.startsWith('http'))).toBe(true);
  });

  it('EEA thresholds of 2024-03-14 apply from that day, not the day before (the older values are unverified)', () => {
    const after = regimeOf('NO', 1_490_000, '2024-03-14', 'state', 'goods');
    expect(after.regime).toBe('NO-PART-III');
    const before = regimeOf('NO', 1_490_000, '2024-03-13', 'state', 'goods');
    expect(before.regime).toBe('UNKNOWN');
    expect(before.findings.map((f) => f.code)).toContain('RULE-MISSING');
    // The unverified 2022 value is reported with what it would mean, never applied.
    expect(before.findings.find((f) => f.code === 'RULE-PENDING')?.ruleIds).toEqual(['NO-EEA-2022-STATE']);
    // Below the national threshold the EEA threshold is not needed at all.
    expect(regimeOf('NO', 1_299_999, '2024-03-13', 'state', 'goods').regime).toBe('NO-PART-I');
  });
});

describe('pending and unverified Norwegian changes are reported, never applied', () => {
  it('on 2026-06-30 a NOK 400 000 purchase is in part I and only the proposal is mentioned', () => {
    const v = regimeOf('NO', 400_000, '2026-06-30');
    expect(v.regime).toBe('NO-PART-I');
    expect(v.findings.filter((f) => f.code === 'RULE-PENDING').flatMap((f) => f.ruleIds)).toEqual([]);
  });

  it('from 2026-07-01 the reported NOK 500 000 threshold would make it exempt: RULE-PENDING with its source', () => {
    const v = regimeOf('NO', 400_000, '2026-07-01');
    expect(v.regime).toBe('NO-PART-I');
    const pending = v.findings.filter((f) => f.code === 'RULE-PENDING');
    expect(pending.map((f) => f.ruleIds[0])).toEqual(['NO-LOW-2026']);
    expect(pending[0]?.params).toMatchObject({ status: 'unverified', value: 500_000, regime: 'NO-EXEMPT', from: '2026-07-01' });
    expect(String(pending[0]?.params.source)).toContain('lovdata.no');
  });

  it('a NOK 150 000 purchase after the proposal was tabled carries both the proposal and the reported change', () => {
    const v = regimeOf('NO', 150_000, '2026-11-23');
    expect(v.findings.filter((f) => f.code === 'RULE-PENDING').map((f) => f.ruleIds[0]).sort()).toEqual(['NO-LOW-2026', 'NO-LOW-PROP-300K']);
  });

  it('the 2026 EEA values change a state purchase of NOK 1 500 000 only as a pending finding', () => {
    const v = regimeOf('NO', 1_500_000, '2026-05-01', 'state', 'services');
    expect(v.regime).toBe('NO-PART-III');
    expect(v.findings.find((f) => f.code === 'RULE-PENDING')?.params).toMatchObject({ rule: 'NO-EEA-2026-STATE', regime: 'NO-PART-II' });
  });
});

describe('Swedish regimes (direct award only strictly below the limit)', () => {
  const cases: [number, BuyerKind, ContractKind, string, RegimeCode][] = [
    [699_999, 'municipal', 'services', '2025-06-01', 'SE-DIRECT'],
    [700_000, 'municipal', 'services', '2025-06-01', 'SE-BELOW-EU'],
    [2_389_584, 'municipal', 'services', '2025-06-01', 'SE-BELOW-EU'],
    [2_389_585, 'municipal', 'services', '2025-06-01', 'SE-ABOVE-EU'],
    [1_546_201, 'state', 'goods', '2025-06-01', 'SE-BELOW-EU'],
    [1_546_202, 'state', 'goods', '2025-06-01', 'SE-ABOVE-EU'],
    [59_880_178, 'municipal', 'works', '2025-06-01', 'SE-BELOW-EU'],
    [59_880_179, 'municipal', 'works', '2025-06-01', 'SE-ABOVE-EU'],
    [8_109_449, 'municipal', 'social-services', '2025-06-01', 'SE-DIRECT'],
    [8_109_450, 'municipal', 'social-services', '2025-06-01', 'SE-ABOVE-EU'],
    // The fixed 700 000 limit from 2022-02-01; 626 284 in January 2022.
    [650_000, 'municipal', 'goods', '2022-01-31', 'SE-BELOW-EU'],
    [650_000, 'municipal', 'goods', '2022-02-01', 'SE-DIRECT'],
    [2_300_000, 'municipal', 'services', '2023-12-31', 'SE-ABOVE-EU'],
    [2_300_000, 'municipal', 'services', '2024-01-01', 'SE-BELOW-EU'],
  ];
  it.each(cases)('SEK %d, %s %s on %s → %s', (value, buyer, kind, date, expected) => {
    expect(regimeOf('SE', value, date, buyer, kind).regime).toBe(expected);
  });

  it('direct awards above SEK 100 000 must be documented', () => {
    expect(regimeOf('SE', 100_000, '2025-06-01').findings.map((f) => f.code)).not.toContain('DIRECT-AWARD-DOCUMENT');
    expect(regimeOf('SE', 100_001, '2025-06-01').findings.map((f) => f.code)).toContain('DIRECT-AWARD-DOCUMENT');
  });

  it('for 2026–27 the SEK thresholds are missing: the verdict falls back explicitly', () => {
    const v = regimeOf('SE', 2_400_000, '2026-01-01');
    expect(v.regime).toBe('SE-ABOVE-EU');
    const fallback = v.findings.find((f) => f.code === 'RULE-FALLBACK');
    expect(fallback?.ruleIds).toEqual(['SE-THR-2024-SUB', 'SE-THR-2026-SUB']);
    expect(fallback?.params).toMatchObject({ used: 'SE-THR-2024-SUB', missing: 'SE-THR-2026-SUB' });
    // On 2025-12-31 the 2024–25 value is simply in force.
    expect(regimeOf('SE', 2_400_000, '2025-12-31').findings.map((f) => f.code)).not.toContain('RULE-FALLBACK');
    // A direct award never needs the EU threshold, so no fallback is mentioned.
    expect(regimeOf('SE', 500_000, '2026-03-01').findings.map((f) => f.code)).not.toContain('RULE-FALLBACK');
  });
});

describe('values with VAT, missing values and foreign currencies', () => {
  it('estimates the net value at the standard rate and says so', () => {
    const v = classifyPurchase({ jurisdiction: 'NO', buyer: 'municipal', contractKind: 'goods', date: '2025-06-01', value: fromMajor(125_000, 'NOK'), vatIncluded: true });
    expect(v.regime).toBe('NO-PART-I');
    expect(v.valueExclVat?.minor).toBe(10_000_000n);
    const f = v.findings.find((x) => x.code === 'VAT-INCLUDED');
    expect(f?.ruleIds).toEqual(['NO-MVA-25']);
    expect(f?.messageKey).toBe('finding.VAT-INCLUDED');
  });

  it('warns when a lower VAT rate would change the regime', () => {
    const v = classifyPurchase({ jurisdiction: 'SE', buyer: 'municipal', contractKind: 'goods', date: '2025-06-01', value: fromMajor(800_000, 'SEK'), vatIncluded: true });
    expect(v.regime).toBe('SE-DIRECT');
    expect(v.findings.find((x) => x.code === 'VAT-INCLUDED')).toMatchObject({ messageKey: 'finding.VAT-INCLUDED.regime-depends', params: { otherRegime: 'SE-BELOW-EU' } });
  });

  it('a missing value or a value in another currency gives UNKNOWN with the reason', () => {
    expect(classifyPurchase({ jurisdiction: 'NO', buyer: 'state', contractKind: 'goods', date: '2025-01-01', value: null })).toMatchObject({ regime: 'UNKNOWN', findings: [{ code: 'VALUE-MISSING' }] });
    expect(regimeOf('NO', 1, '2025-01-01').regime).toBe('NO-EXEMPT');
    const eur = classifyPurchase({ jurisdiction: 'SE', buyer: 'state', contractKind: 'goods', date: '2025-01-01', value: fromMajor(142_999, 'EUR') });
    expect(eur).toMatchObject({ regime: 'UNKNOWN', findings: [{ code: 'CURRENCY-MISMATCH', params: { currency: 'EUR', expected: 'SEK' } }] });
    const nok = classifyPurchase({ jurisdiction: 'NO', buyer: 'state', contractKind: 'goods', date: '2025-01-01', value: fromMajor(5_000_000, 'EUR') });
    expect(nok).toMatchObject({ regime: 'UNKNOWN', findings: [{ code: 'CURRENCY-MISMATCH' }] });
  });

  it('a Swedish value in EUR at or above the EU threshold in EUR is above it whatever the exchange rate; never converted', () => {
    const at = classifyPurchase({ jurisdiction: 'SE', buyer: 'state', contractKind: 'goods', date: '2025-01-01', value: fromMajor(143_000, 'EUR') });
    expect(at).toMatchObject({ regime: 'SE-ABOVE-EU', ruleIds: ['EU-THR-2024-CENTRAL'] });
    const sub = classifyPurchase({ jurisdiction: 'SE', buyer: 'municipal', contractKind: 'services', date: '2026-03-01', value: fromMajor(215_999, 'EUR') });
    expect(sub.regime).toBe('UNKNOWN');
    const works = classifyPurchase({ jurisdiction: 'SE', buyer: 'municipal', contractKind: 'works', date: '2026-03-01', value: fromMajor(5_404_000, 'EUR') });
    expect(works).toMatchObject({ regime: 'SE-ABOVE-EU', ruleIds: ['EU-THR-2026-WORKS'] });
  });
});
