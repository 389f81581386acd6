import { describe, expect, it } from 'vitest';
import { buildRegistryIndex, normaliseName, type Provenance, type Registry, type Supplier } from '../../core/index.ts';

describe('name normalisation', () => {
  it.each([
    ['Demo Vekst AS', 'demo vekst'],
    ['DEMO VEKST A/S', 'demo vekst'],
    ['Demo-Vekst  ASA', 'demo vekst'],
    ['Eksempel Drift SA', 'eksempel drift'],
    ['Eksempel Drift BA', 'eksempel drift'],
    ['Eksempel Drift DA', 'eksempel drift'],
    ['Eksempel Drift ANS', 'eksempel drift'],
    ['Testby Arbeidssenter KF', 'testby arbeidssenter'],
    ['Testby Arbeidssenter IKS', 'testby arbeidssenter'],
    ['Exempel Städ AB', 'exempel stad'],
    ['Exempel Städ AB (publ)', 'exempel stad'],
    ['Exempel Arbetsintegrering ek. för.', 'exempel arbetsintegrering'],
    ['Exempel Arbetsintegrering Ekonomisk Förening', 'exempel arbetsintegrering'],
    ['Exempel Arbetsintegrering ek förening', 'exempel arbetsintegrering'],
    ['Testorten Tryckeri ideell förening', 'testorten tryckeri'],
    ['Exempel Bygg HB', 'exempel bygg'],
    ['Exempel Bygg KB', 'exempel bygg'],
    ['Aktiebolaget Exempel', 'exempel'],
    ['Stiftelsen Demo Ombruk', 'demo ombruk'],
    ['Demo Ombruk stiftelse', 'demo ombruk'],
    ['Prøvebyen Vaskeri', 'provebyen vaskeri'],
    ['Nærøy Næring', 'naeroy naering'],
    ['Låtsas Tvätteri', 'latsas tvatteri'],
    ['Drömstad Återvinning', 'dromstad atervinning'],
    ['Café Élan', 'cafe elan'],
    ['Straße & Søn', 'strasse son'],
    ['  Rydd,  Vask\tog\nBær!  ', 'rydd vask og baer'],
    // decomposed å (a + ring) folds like the composed one
    ['La\u030Atsas', 'latsas'],
    // a name of legal-form words only is kept rather than vanish
    ['AS', 'as'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it('does not strip legal-form words from the middle of a name', () => {
    expect(normaliseName('Fretex AS Vest AS')).toBe('fretex as vest');
    expect(normaliseName('AB Demo Bygg')).toBe('ab demo bygg');
  });
});

const PROVENANCE: Provenance = { source: 'Test', url: null, retrieved: '2026-10-01', expires: null, demo: true };

function supplier(orgnr: string, name: string, extra: Partial<Supplier> = {}): Supplier {
  return {
    orgnr,
    jurisdiction: orgnr.length === 9 ? 'NO' : 'SE',
    name,
    altNames: [],
    kind: 'asf',
    share: null,
    purposeAttested: true,
    regions: [],
    categories: [],
    provenance: PROVENANCE,
    ...extra,
  };
}

const demoVekst = supplier('100427311', 'Demo Vekst AS', { altNames: ['Vekst Bodø'], regions: ['1804'], categories: ['9091', '7731'] });
const demoVekstSe = supplier('7341275100', 'Demo Vekst AB', { regions: ['2180'], categories: ['9091'] });
const demoVekstNord = supplier('101588246', 'Demo Vekst Nord AS', { regions: ['18'], categories: ['90911'] });
const ombruk = supplier('107380612', 'Stiftelsen Demo Ombruk', { regions: ['0301'], categories: ['9051'] });
const exempel = supplier('7352904614', 'Exempel Arbetsintegrering ek. för.', { regions: ['21'], categories: ['555'] });
const vekst = supplier('102733169', 'Vekst AS', { regions: [], categories: ['983'] });
const hudik = supplier('7364188321', 'Låtsas Tvätteri ek. för.', { regions: ['2184'], categories: ['983'] });
const registry: Registry = { provenance: PROVENANCE, suppliers: [demoVekst, demoVekstSe, demoVekstNord, ombruk, exempel, vekst, hudik] };
const index = buildRegistryIndex(registry);

describe('byOrgnr and byName', () => {
  it('finds by canonical digits only', () => {
    expect(index.byOrgnr('100427311')).toBe(demoVekst);
    expect(index.byOrgnr('7341275100')).toBe(demoVekstSe);
    expect(index.byOrgnr('100427312')).toBeUndefined();
  });

  it('finds by any spelling of the name or an alternative name', () => {
    expect(index.byName('DEMO-VEKST')).toEqual([demoVekst, demoVekstSe]);
    expect(index.byName('demo vekst as')).toEqual([demoVekst, demoVekstSe]);
    expect(index.byName('Vekst Bodo')).toEqual([demoVekst]);
    expect(index.byName('Demo Ombruk')).toEqual([ombruk]);
    expect(index.byName('Exempel Arbetsintegrering ekonomisk förening')).toEqual([exempel]);
    expect(index.byName('Demo')).toEqual([]);
  });
});

describe('findNames in running text', () => {
  function found(text: string): [string, string][] {
    return index.findNames(text).map((m) => [text.slice(m.index, m.index + m.length), m.supplier.orgnr]);
  }

  it('longest match wins, legal forms included in the span', () => {
    expect(found('Kontrakten gikk til Demo Vekst Nord AS i fjor.')).toEqual([['Demo Vekst Nord AS', '101588246']]);
  });

  it('a name shared by two suppliers gives both', () => {
    expect(found('Leverandør: Demo Vekst.')).toEqual([
      ['Demo Vekst', '100427311'],
      ['Demo Vekst', '7341275100'],
    ]);
  });

  it('respects word boundaries and folds case and letters', () => {
    expect(found('DemoVekst og Demo Vekster er ikke treff')).toEqual([]);
    expect(found('Avtale med DEMO VEKST AS, se vedlegg')).toEqual([
      ['DEMO VEKST AS', '100427311'],
      ['DEMO VEKST AS', '7341275100'],
    ]);
    expect(found('Tilldelning: Exempel Arbetsintegrering Ekonomisk Förening (Gävle).')).toEqual([
      ['Exempel Arbetsintegrering Ekonomisk Förening', '7352904614'],
    ]);
    expect(found('vinnare: latsas tvatteri ek. för.')).toEqual([['latsas tvatteri ek. för.', '7364188321']]);
  });

  it('a legal form written before the name is part of the span', () => {
    expect(found('Stiftelsen Demo Ombruk og Vekst Bodø leverer.')).toEqual([
      ['Stiftelsen Demo Ombruk', '107380612'],
      ['Vekst Bodø', '100427311'],
    ]);
  });

  it('a one-word name counts only when capitalised or followed by its legal form', () => {
    expect(found('Målet er grønn vekst i regionen.')).toEqual([]);
    expect(found('Vekst leverer vask.')).toEqual([['Vekst', '102733169']]);
    expect(found('Vinner: vekst AS.')).toEqual([['vekst AS', '102733169']]);
    expect(found('Vinner: vekst as.')).toEqual([]);
  });

  it('lower-case everyday words that look like legal forms are not part of the name', () => {
    expect(found('Demo Vekst Nord sa at de vil levere.')).toEqual([['Demo Vekst Nord', '101588246']]);
    expect(found('Demo Vekst Nord SA leverer.')).toEqual([['Demo Vekst Nord SA', '101588246']]);
  });

  it('finds several names in one text, in order, with positions in the original text', () => {
    const text = 'Tilbud fra Låtsas Tvätteri ek. för., Demo Vekst Nord AS og Vekst AS.';
    const matches = index.findNames(text);
    expect(matches.map((m) => [m.index, m.length, m.supplier.name])).toEqual([
      [11, 24, 'Låtsas Tvätteri ek. för.'],
      [37, 18, 'Demo Vekst Nord AS'],
      [59, 8, 'Vekst AS'],
    ]);
  });

  it('"(publ)" is part of the span, and text without names gives nothing', () => {
    const se = buildRegistryIndex({ provenance: PROVENANCE, suppliers: [supplier('7341275100', 'Exempel Städ AB (publ)')] });
    const text = 'Exempel Städ AB (publ) vann.';
    expect(se.findNames(text).map((m) => text.slice(m.index, m.index + m.length))).toEqual(['Exempel Städ AB (publ)']);
    expect(se.findNames('')).toEqual([]);
    expect(se.findNames('!!! ---')).toEqual([]);
  });
});

describe('fitting by CPV and region', () => {
  const names = (q: Parameters<typeof index.fitting>[0]) => index.fitting(q).map((s) => s.name);

  it('a category prefix must start one of the CPV codes; the check digit is ignored', () => {
    expect(names({ cpv: ['90911200-8'] })).toEqual(['Demo Vekst AS', 'Demo Vekst AB', 'Demo Vekst Nord AS']);
    expect(names({ cpv: ['90919200-4'] })).toEqual(['Demo Vekst AS', 'Demo Vekst AB']);
    expect(names({ cpv: ['98310000-9', '55520000-1'] })).toEqual(['Exempel Arbetsintegrering ek. för.', 'Vekst AS', 'Låtsas Tvätteri ek. för.']);
    expect(names({ cpv: ['45000000-7'] })).toEqual([]);
    expect(names({ cpv: ['not a code', ''] })).toEqual([]);
  });

  it('a county contains its municipalities, in both directions; no regions means nationwide', () => {
    // Bodø 1804 lies in Nordland 18.
    expect(names({ cpv: ['90911200'], regions: ['1804'], jurisdiction: 'NO' })).toEqual(['Demo Vekst AS', 'Demo Vekst Nord AS']);
    expect(names({ cpv: ['90911200'], regions: ['18'], jurisdiction: 'NO' })).toEqual(['Demo Vekst AS', 'Demo Vekst Nord AS']);
    expect(names({ cpv: ['90911200'], regions: ['0301'], jurisdiction: 'NO' })).toEqual([]);
    // Gävle 2180 and Hudiksvall 2184 lie in Gävleborg 21.
    expect(names({ cpv: ['55500000', '98310000'], regions: ['2180'], jurisdiction: 'SE' })).toEqual(['Exempel Arbetsintegrering ek. för.']);
    expect(names({ cpv: ['98310000'], regions: ['21'], jurisdiction: 'SE' })).toEqual(['Låtsas Tvätteri ek. för.']);
    expect(names({ cpv: ['98310000'], regions: ['0301'], jurisdiction: 'NO' })).toEqual(['Vekst AS']);
  });

  it('filters by jurisdiction, and restores a dropped leading zero in region codes', () => {
    expect(names({ cpv: ['90510000'], regions: ['301'] })).toEqual(['Stiftelsen Demo Ombruk']);
    expect(names({ cpv: ['90911000'], jurisdiction: 'SE' })).toEqual(['Demo Vekst AB']);
  });
});
