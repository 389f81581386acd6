/**
 * Supplier mentions split between the page and the background: the page reads numbers and name
 * candidates (readTexts), the background says which are registry suppliers (matchForPage), the page
 * resolves both into mentions (resolveMentions). Together they must find what core's findNames finds
 * on the whole text, with the registry never in the page.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRegistryIndex, findOrgnrs, nameCandidates, nameKeyIndex, translator, type Registry, type Supplier } from '../../core/index.ts';
import { matchForPage } from '../../extension/background/registry-match.ts';
import { ProvenanceTable, supplierMatch } from '../../extension/background/supplier-wording.ts';
import { supplierWords } from '../../extension/shared/supplier-words.ts';
import { candidatesToText, nameHitsFromText, supplierDetailsToText, supplierFromText } from '../../extension/shared/match-text.ts';
import { readTexts, resolveMentions, type TextFound } from '../../extension/content/scan/mentions.ts';

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
    supplier('889640782', 'Stiftelsen Demo Arbeid', { altNames: ['Vekst Partner'] }),
  ],
};
const index = buildRegistryIndex(registry);
const loaded = { registry, index };
const keys = nameKeyIndex(index.nameKeys.firstWords, index.nameKeys.maxWords);
const NOTHING: TextFound = { numbers: [], candidates: [] };
const t = translator('en');

/** The whole round trip, as the content script and the background run it. */
function mentionsIn(text: string, withRegistry = true) {
  const found = readTexts([text], withRegistry ? keys : nameKeyIndex([], 0))[0] ?? NOTHING;
  const names = found.candidates.map((c) => c.text);
  const answer = matchForPage({ type: 'registry/match', orgnrs: found.numbers.map((n) => n.digits).join(','), names: candidatesToText(names) }, withRegistry ? loaded : null);
  if (!answer.ok) throw new Error('match failed');
  const named = nameHitsFromText(answer.names).map((hit) => ({ index: found.candidates[hit.candidate]!.index, length: hit.length, orgnrs: hit.orgnrs }));
  return { mentions: resolveMentions(found, named), answer };
}

describe('supplier mentions across page and background', () => {
  it('finds numbers in and out of the registry, in text order, with the matched span', () => {
    const text = 'Leverandør 972 418 013 og 988077917, svensk 556086-8225.';
    const { mentions, answer } = mentionsIn(text);
    expect(mentions.map((m) => [text.slice(m.index, m.index + m.length), m.via, m.orgnrs])).toEqual([
      ['972 418 013', 'orgnr', ['972418013']],
      ['988077917', 'orgnr', ['988077917']],
      ['556086-8225', 'orgnr', ['5560868225']],
    ]);
    // Only the registry suppliers come back, never the number that is not in it.
    expect(answer.ok && answer.orgnrs.split(',').sort()).toEqual(['5560868225', '972418013']);
  });

  it('finds registry names, a legal-form prefix and an alternative name, giving the supplier\'s number', () => {
    const text = 'Avtale med Exempel Arbetsintegrering AB og med Stiftelsen Demo Arbeid og Vekst Partner.';
    const { mentions } = mentionsIn(text);
    expect(mentions.map((m) => [text.slice(m.index, m.index + m.length), m.via, m.orgnrs])).toEqual([
      ['Exempel Arbetsintegrering AB', 'name', ['5560868225']],
      ['Stiftelsen Demo Arbeid', 'name', ['889640782']],
      ['Vekst Partner', 'name', ['889640782']],
    ]);
  });

  it('gives a name followed by its own number one mention, not two', () => {
    expect(mentionsIn('Bodø Vekst AS (972418013)').mentions.map((m) => m.via)).toEqual(['orgnr']);
  });

  it('lists every supplier that shares a name in one mention', () => {
    const { mentions } = mentionsIn('Vinner: Twin AS');
    expect(mentions).toHaveLength(1);
    expect([...(mentions[0]?.orgnrs ?? [])].sort()).toEqual(['943184097', '974761157']);
  });

  it('without a registry finds numbers only and says there is none', () => {
    const { mentions, answer } = mentionsIn('Bodø Vekst AS 972418013', false);
    expect(mentions.map((m) => m.via)).toEqual(['orgnr']);
    expect(answer).toEqual({ ok: true, hasRegistry: false, orgnrs: '', details: '', provenances: [], names: '' });
  });

  it('a name that yields to a number leaves its legal-form word to the next name (found by the property below)', () => {
    // The whole text reads "bodø Vekst Stiftelsen" (Bodø Vekst AS, a foundation word after it) and "Twin";
    // Bodø Vekst AS is given by its number, so the page reads "Stiftelsen Twin" for Twin AS.
    const text = '972418013 bodø Vekst Stiftelsen Twin';
    const { mentions } = mentionsIn(text);
    expect(mentions.map((m) => [text.slice(m.index, m.index + m.length), m.via, [...m.orgnrs].sort()])).toEqual([
      ['972418013', 'orgnr', ['972418013']],
      ['Stiftelsen Twin', 'name', ['943184097', '974761157']],
    ]);
  });

  it('overlapping names: the one whose supplier the text also gives by number yields to the other', () => {
    // "bodø Vekst" (Bodø Vekst AS, whose number follows) overlaps "Vekst Partner" (another supplier's alternative name).
    const { mentions } = mentionsIn('bodø Vekst Partner 972418013');
    expect(mentions.map((m) => [m.via, m.index, m.length, m.orgnrs])).toEqual([
      ['name', 5, 13, ['889640782']],
      ['orgnr', 19, 9, ['972418013']],
    ]);
  });

  it('finds the same names as core\'s findNames on the whole text, and never overlaps', () => {
    const words = fc.constantFrom('Twin', 'AS', 'Bodø', 'bodø', 'Vekst', 'vekst', 'Partner', 'Stiftelsen', 'Demo', 'Arbeid', 'Exempel', 'Arbetsintegrering', 'AB', '972418013', '556086-8225', '(', ')', 'og', 'x');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words, { maxLength: 30 }).map((a) => a.join(' '))), (text) => {
        const { mentions } = mentionsIn(text);
        for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.index).toBeGreaterThanOrEqual(mentions[i - 1]!.index + mentions[i - 1]!.length);
        const expected = new Map<number, number>();
        for (const m of index.findNames(text)) expected.set(m.index, m.length);
        const numbers = (readTexts([text], keys)[0] ?? NOTHING).numbers;
        const byName = mentions.filter((m) => m.via === 'name');
        // Every name mention is a findNames span, on the whole text or on the text from its first word (a
        // name the whole-text reading left out because an overlapping name came first, whose supplier the
        // text then gives by number); every findNames span not hidden by a number is found, as that span
        // or inside such a name mention of the same supplier (the whole text's `bodø Vekst Stiftelsen` +
        // `Twin` is the page's number + `Stiftelsen Twin`).
        for (const m of byName) {
          const fromHere = index.findNames(text.slice(m.index)).some((f) => f.index === 0 && f.length === m.length);
          expect(expected.get(m.index) === m.length || fromHere, `${text}: ${m.index}+${m.length}`).toBe(true);
        }
        for (const [at, length] of expected) {
          const hidden = numbers.some((n) => n.index < at + length && at < n.index + n.length) || mentions.some((m) => m.via === 'orgnr' && index.findNames(text).some((f) => f.index === at && f.supplier.orgnr === m.orgnrs[0]));
          const suppliers = index.findNames(text).filter((f) => f.index === at && f.length === length).map((f) => f.supplier.orgnr);
          const found = byName.some((m) => (m.index === at && m.length === length) || (m.index <= at && at + length <= m.index + m.length && suppliers.every((o) => m.orgnrs.includes(o))));
          if (!hidden) expect(found, `${text}: ${at}+${length}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('reading a page\'s text nodes together', () => {
  /** One text read on its own with core's finders: what the scanner read node by node before. */
  function alone(text: string): TextFound | null {
    const numbers = findOrgnrs(text).map((m) => ({ index: m.index, length: m.length, digits: m.orgnr.digits, jurisdiction: m.orgnr.jurisdiction }));
    const candidates = nameCandidates(text, keys);
    return numbers.length === 0 && candidates.length === 0 ? null : { numbers, candidates };
  }

  it('gives each text what reading it alone gives, however the texts end and begin (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('Bodø Vekst AS', 'Twin AS', 'Stiftelsen Demo Arbeid', 'Vekst', 'Partner', '972 418 013', '972418013', '556086-8225', '5560868225', 'SE556086822501', 'NO943184097MVA', '850101-1230', '19850101-1230', '0', '12', ' ', '-', '\u00A0', '\u0000', 'og', 'Org.nr.'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        expect(readTexts(texts, keys)).toEqual(texts.map(alone));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('how a page speaks of a registry supplier', () => {
  const today = '2026-11-23';
  /** As the page gets it: core's verdict from the background, sent as text, read back and worded with its provenance. */
  const words = (s: Supplier) => {
    const table = new ProvenanceTable();
    const match = supplierFromText(s.orgnr, supplierDetailsToText([supplierMatch(s, today, table)]));
    if (!match) throw new Error('the details must read back');
    return { ...match, ...supplierWords(match, table.list[match.provenance]!, t) };
  };
  it('says "in your registry (source, date)" for any page, never the 30 % rule', () => {
    for (const s of registry.suppliers) {
      const inRegistry = words(s).inRegistry;
      expect(inRegistry).toBe('in your registry (Test registry, 2026-11-01)');
      expect(inRegistry).not.toContain('30');
    }
  });

  it.each([
    ['eligible', supplier('972418013', 'A'), 'share 45 % as of 2026-06-30 (Test registry, 2026-11-01); meets the 30 % rule today'],
    ['stale', supplier('920144950', 'B', { share: { percent: 40, denominator: 'employees', asOf: '2020-01-01' } }), 'the evidence is too old'],
    ['ineligible', supplier('972418013', 'C', { share: { percent: 29.9, denominator: 'employees', asOf: '2026-06-30' } }), 'share 29.9 % as of 2026-06-30 (Test registry, 2026-11-01); below the 30 % rule'],
    ['unverified', supplier('972418013', 'D', { share: null }), 'the 30 % share is not verified'],
    ['unverified', supplier('972418013', 'E', { purposeAttested: false }), 'the 30 % share is not verified'],
  ])('on a notice reserved under the 30 %% rule: %s, exactly as core decides', (status, s, expected) => {
    const match = words(s);
    expect(match.status).toBe(status);
    expect(match.reserved).toContain(expected);
  });

  it('marks demo data', () => {
    const demo = supplier('972418013', 'A', { provenance: { ...provenance, demo: true } });
    expect(words(demo).inRegistry).toBe('in your registry (Test registry, 2026-11-01) (DEMO DATA)');
  });
});
