import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRegistryIndex, type Registry, type Supplier } from '../../core/index.ts';
import { findSupplierMentions } from '../../extension/content/scan/mentions.ts';
import { badgeVerdict } from '../../extension/content/scan/verdict.ts';

const provenance = { source: 'Test registry', url: null, retrieved: '2026-11-01', expires: null, demo: false };
function supplier(orgnr: string, name: string, extra: Partial<Supplier> = {}): Supplier {
  return {
    orgnr, name, jurisdiction: orgnr.length === 9 ? 'NO' : 'SE', altNames: [], kind: 'asf', purposeAttested: true,
    share: { percent: 45, denominator: orgnr.length === 9 ? 'employees' : 'occupied', asOf: '2026-06-30' },
    regions: [], categories: ['9091'], provenance, ...extra,
  };
}
const registry: Registry = {
  provenance,
  suppliers: [
    supplier('972418013', 'Bodø Vekst AS'),
    supplier('5560868225', 'Exempel Arbetsintegrering AB'),
    supplier('974761157', 'Twin AS'),
    supplier('943184097', 'Twin AS'),
    supplier('920144950', 'Gammel Bevis AS', { share: { percent: 40, denominator: 'employees', asOf: '2020-01-01' } }),
  ],
};
const index = buildRegistryIndex(registry);

describe('supplier mentions in a text', () => {
  it('finds numbers in and out of the registry, in text order, with the matched span', () => {
    const text = 'Leverandør 972 418 013 og 988077917, svensk 556086-8225.';
    const found = findSupplierMentions(text, index);
    expect(found.map((m) => [text.slice(m.index, m.index + m.length), m.via, m.digits, m.suppliers.length])).toEqual([
      ['972 418 013', 'orgnr', '972418013', 1],
      ['988077917', 'orgnr', '988077917', 0],
      ['556086-8225', 'orgnr', '5560868225', 1],
    ]);
  });

  it('skips numbers whose check digit fails', () => {
    expect(findSupplierMentions('988077918 and 999000001', index)).toEqual([]);
  });

  it('finds registry names and gives them the supplier\'s number', () => {
    const text = 'Avtale med Exempel Arbetsintegrering AB om städ.';
    const [m] = findSupplierMentions(text, index);
    expect(m && text.slice(m.index, m.index + m.length)).toBe('Exempel Arbetsintegrering AB');
    expect(m?.via).toBe('name');
    expect(m?.digits).toBe('5560868225');
  });

  it('gives a name followed by its own number one mention, not two', () => {
    const found = findSupplierMentions('Bodø Vekst AS (972418013)', index);
    expect(found.map((m) => m.via)).toEqual(['orgnr']);
  });

  it('lists every supplier that shares a name in one mention', () => {
    const found = findSupplierMentions('Vinner: Twin AS', index);
    expect(found).toHaveLength(1);
    expect(found[0]?.suppliers.map((s) => s.orgnr).sort()).toEqual(['943184097', '974761157']);
  });

  it('without a registry finds numbers only', () => {
    expect(findSupplierMentions('Bodø Vekst AS 972418013', null).map((m) => [m.via, m.suppliers.length])).toEqual([['orgnr', 0]]);
  });

  it('never throws and never overlaps, whatever the text', () => {
    const words = fc.constantFrom('Twin', 'AS', 'Bodø', 'Vekst', '972418013', '972 418 013', '556086-8225', ' ', '(', ')', 'x');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((a) => a.join(' '))), (text) => {
        const found = findSupplierMentions(text, index);
        for (let i = 0; i < found.length; i++) {
          const m = found[i]!;
          expect(m.index + m.length).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(m.index).toBeGreaterThanOrEqual(found[i - 1]!.index + found[i - 1]!.length);
        }
      }),
    );
  });
});

describe('badge verdict', () => {
  it('eligible when the registered share meets the rule at the date', () => {
    expect(badgeVerdict([registry.suppliers[0]!], '2026-11-23')).toMatchObject({ state: 'eligible', status: 'eligible', sharePercent: 45 });
  });
  it('in registry but stale when the evidence is old', () => {
    expect(badgeVerdict([registry.suppliers[4]!], '2026-11-23')).toMatchObject({ state: 'in-registry', status: 'stale' });
  });
  it('in registry but unverified without a share', () => {
    expect(badgeVerdict([supplier('972418013', 'X', { share: null })], '2026-11-23')).toMatchObject({ state: 'in-registry', status: 'unverified' });
  });
  it('not in registry without a supplier', () => {
    expect(badgeVerdict([], '2026-11-23')).toEqual({ state: 'not-in-registry', status: null, sharePercent: null });
  });
});
