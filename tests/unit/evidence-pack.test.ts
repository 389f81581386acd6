import { describe, expect, it } from 'vitest';
import {
  buildEvidencePack,
  citationText,
  classifyPurchase,
  documentText,
  fromMajor,
  reservationBasis,
  singlePurchase,
  type BuyerKind,
  type ContractKind,
  type Lang,
  type PurchaseJurisdiction,
} from '../../core/index.ts';

function purchase(jurisdiction: PurchaseJurisdiction, amount: number | null, contractKind: ContractKind = 'services', buyer: BuyerKind = 'municipal', registry: { byOrgnr(d: string): undefined } | null = null) {
  const currency = jurisdiction === 'NO' ? 'NOK' : 'SEK';
  const date = '2026-11-25';
  const verdict = classifyPurchase({ jurisdiction, buyer, contractKind, value: amount === null ? null : fromMajor(amount, currency), date });
  return singlePurchase({
    jurisdiction,
    date,
    description: 'Test',
    verdict,
    contractKind,
    buyer,
    defaults: { contractKind: 'services', buyer: 'municipal' },
    cpv: [],
    supplierOrgnr: jurisdiction === 'NO' ? '100427311' : '734127-5100'.replace('-', ''),
    registry,
    eligibility: null,
  });
}

describe('the legal basis for a reservation follows the regime, from the rule pack', () => {
  it.each([
    ['NO', 99_999, 'services', 'NO-EXEMPT', 'outside-act', null, 'NO-LOW-100K'],
    ['NO', 100_000, 'services', 'NO-PART-I', 'reservation', 'NO-RES-I', null],
    ['NO', 1_299_999, 'services', 'NO-PART-I', 'reservation', 'NO-RES-I', null],
    ['NO', 1_300_000, 'services', 'NO-PART-II', 'reservation', 'NO-RES-II', null],
    ['NO', 2_300_000, 'services', 'NO-PART-III', 'reservation', 'NO-RES-III', null],
    ['NO', 7_800_000, 'social-services', 'NO-PART-III', 'reservation', 'NO-RES-HS', null],
    ['NO', 7_799_999, 'social-services', 'NO-PART-I', 'reservation', 'NO-RES-I', null],
    ['SE', 699_999, 'services', 'SE-DIRECT', 'reservation', 'SE-RES-418-P', null],
    ['SE', 700_000, 'services', 'SE-BELOW-EU', 'reservation', 'SE-RES-418-P', null],
    ['SE', 3_000_000, 'services', 'SE-ABOVE-EU', 'reservation', 'SE-RES-418-P', null],
    ['NO', null, 'services', 'UNKNOWN', 'unknown', null, null],
  ] as const)('%s %s %s → %s: %s %s', (jurisdiction, amount, kind, regime, basisKind, provision, threshold) => {
    const p = purchase(jurisdiction, amount, kind);
    expect(p.regime).toBe(regime);
    const basis = reservationBasis(p);
    expect(basis.kind).toBe(basisKind);
    expect(basis.provision?.ruleId ?? null).toBe(provision);
    expect(basis.threshold?.ruleId ?? null).toBe(threshold);
    expect(basis.share?.percent).toBe(30);
    expect(basis.denominator).toBe(jurisdiction === 'NO' ? 'employees' : 'occupied');
  });

  it('writes an unverified provision out as such, in every language', () => {
    const basis = reservationBasis(purchase('NO', 800_000));
    expect(basis.provision?.status).toBe('unverified');
    const provision = basis.provision;
    if (!provision) throw new Error('no provision');
    expect(citationText('en', provision)).toContain('unverified: re-check before relying on it');
    expect(citationText('nb', provision)).toContain('ikke bekreftet');
    expect(citationText('sv', provision)).toContain('ej bekräftad');
  });
});

describe('the pack says what it knows about the supplier, and how it knows', () => {
  const text = (lang: Lang, registry: { byOrgnr(d: string): undefined } | null) => {
    const doc = buildEvidencePack(purchase('NO', 1_500_000, 'services', 'municipal', registry), lang, '2026-11-30');
    return documentText(doc, (c) => citationText(lang, c));
  };

  it('tells "no registry loaded" from "not in the registry"', () => {
    expect(text('en', null)).toContain('No supplier registry was loaded');
    expect(text('en', { byOrgnr: () => undefined })).toContain('The supplier is not in the loaded registry');
  });

  it('every language has the same parts, and no template placeholder is left', () => {
    for (const lang of ['nb', 'sv', 'en'] as const) {
      const t = text(lang, null);
      expect(t).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(t.match(/res-ws/g)?.length).toBe(1);
      expect(t).toContain('2043338f-a38a-490b-b3ec-2607cb25a017');
    }
  });
});
