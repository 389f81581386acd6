import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LANGS,
  DEFAULT_RULES,
  LEGAL_BASIS_IDS,
  assessNotice,
  buildRegistryIndex,
  importRegistry,
  legalBasisFor,
  noticeJson,
  readNotice,
  summariseNotice,
  translator,
  type Notice,
  type Supplier,
} from '../../core/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.resolve(repoRoot, '../shared/fixtures/eforms');
const OWN = path.resolve(repoRoot, 'tests/fixtures/notice');

function parse(xml: string): Notice {
  const r = readNotice(xml);
  if (!r.ok) throw new Error(r.error.code);
  return r.notice;
}
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const fixture = (name: string) => parse(text(name));
const own = (name: string) => parse(readFileSync(path.join(OWN, name), 'utf8'));

/** Per assessed lot: [lot, [signal kind, rule id of its legal basis]…]. */
const signals = (n: Notice) =>
  assessNotice(n).lots.map((l) => [l.lot, l.signals.map((s) => [s.kind, s.legalBasis?.ruleId ?? null])]);

/** A fixture with its only BT-71 `none` turned into `res-ws`. */
function withResWs(name: string): Notice {
  const original = text(name);
  const none = 'listName="reserved-procurement">none<';
  expect(original.split(none)).toHaveLength(2);
  return parse(original.replace(none, 'listName="reserved-procurement">res-ws<'));
}

describe('assessNotice: reservations and social signals per lot', () => {
  it('a real Norwegian res-ws notice on an EU form cites the section its value falls under', () => {
    // Bodø: works worth NOK 12 000 000 in April 2024, below the EEA works threshold (57.8 MNOK): part II, § 8-8.
    const bodo = 'doffin-via-ted-and-doffin-to-ocds/ContractNotice_pin-cfc-standard_2024-106286.xml';
    const notice = fixture(bodo);
    expect([notice.contractNature, notice.issueDate, notice.buyerLegalType]).toEqual(['works', '2024-04-29', 'body-pl-la']);
    expect(signals(notice)).toEqual([['LOT-0000', [['work-integration', 'NO-RES-II']]]]);
    // The same notice at NOK 60 000 000 is at or above the threshold: part III, § 16-9.
    const above = parse(text(bodo).replaceAll('>12000000.00<', '>60000000.00<'));
    expect(above.estimatedValue?.minor).toBe(6_000_000_000n);
    expect(signals(above)).toEqual([['LOT-0000', [['work-integration', 'NO-RES-III']]]]);
    // Without a value the form decides: an EU form means part III.
    const noValue = parse(text(bodo).replace(/<cbc:EstimatedOverallContractAmount[^>]*>[^<]*<\/cbc:EstimatedOverallContractAmount>/g, ''));
    expect(noValue.estimatedValue).toBeNull();
    expect(signals(noValue)).toEqual([['LOT-0000', [['work-integration', 'NO-RES-III']]]]);
  });

  it('a Norwegian national (N16) form cites § 8-8 and a light-regime form § 30-3', () => {
    expect(signals(withResWs('doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-standard_2023-697632.xml'))).toEqual([
      ['LOT-0000', [['work-integration', 'NO-RES-II']]],
    ]);
    expect(signals(withResWs('doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-social_2022-396301.xml'))).toEqual([
      ['LOT-0000', [['work-integration', 'NO-RES-HS']]],
    ]);
  });

  it('a buyer outside Norway and Sweden gets the directive: art. 20 for res-ws, art. 77 for res-pub-ser', () => {
    expect(signals(fixture('op-ted-eforms-sdk/pin-cfc-social_24.xml'))).toEqual([['LOT-0001', [['work-integration', 'EU-RES-20-P']]]]);
    expect(signals(fixture('op-ted-eforms-sdk/pin-cfc-social_23.xml'))).toEqual([['LOT-0001', [['public-service-mission', 'EU-RES-77']]]]);
  });

  it('assesses mixed lots separately, leaves the group out, and reads BT-736 yes as sheltered execution', () => {
    expect(signals(fixture('op-ted-eforms-sdk/cn_24_maximal.xml'))).toEqual([
      ['LOT-0001', [['public-service-mission', 'EU-RES-77'], ['sheltered-execution', 'EU-RES-20-P']]],
      ['LOT-0002', [['sheltered-execution', 'EU-RES-20-P']]],
    ]);
  });

  it('reads BT-775 opp as a social signal without BT-06', () => {
    expect(signals(fixture('op-ted-eforms-sdk/cn-social_25.xml'))).toEqual([
      ['LOT-0001', [['sheltered-execution', 'EU-RES-20-P'], ['social-employment-objective', null]]],
    ]);
  });

  it('a Swedish lot with both res-ws and res-pub-ser gets both, each on its own Swedish basis', () => {
    expect(signals(own('cn-both-reservations-se.xml'))).toEqual([
      [
        'LOT-0001',
        [
          ['work-integration', 'SE-RES-418-P'],
          ['public-service-mission', 'SE-RES-77'],
          ['social-employment-objective', null],
          ['social-strategic-procurement', null],
        ],
      ],
      ['LOT-0002', []],
    ]);
  });

  it('finds nothing in unreserved and award notices', () => {
    for (const name of ['op-ted-eforms-sdk/cn_24_minimal.xml', 'doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml']) {
      for (const lot of assessNotice(fixture(name)).lots) expect(lot.signals).toEqual([]);
    }
  });
});

describe('legal bases', () => {
  it('picks the provision by jurisdiction and notice form', () => {
    const eu = { noticeType: 'cn-standard', national: false };
    expect(legalBasisFor('work-integration', 'SWE', eu).ruleId).toBe('SE-RES-418-P');
    expect(legalBasisFor('work-integration', 'NOR', eu).ruleId).toBe('NO-RES-III');
    expect(legalBasisFor('work-integration', 'NOR', { noticeType: 'cn-standard', national: true }).ruleId).toBe('NO-RES-II');
    expect(legalBasisFor('work-integration', 'NOR', { noticeType: 'pin-cfc-social', national: false }).ruleId).toBe('NO-RES-HS');
    expect(legalBasisFor('work-integration', null, eu).ruleId).toBe('EU-RES-20-P');
    expect(legalBasisFor('public-service-mission', 'NOR', eu).ruleId).toBe('NO-RES-77');
    expect(legalBasisFor('public-service-mission', 'SWE', eu).ruleId).toBe('SE-RES-77');
  });

  it('cites the provisions of the rule packs; the unverified Norwegian Art. 77 counterpart says so', () => {
    const eu = { noticeType: 'cn-standard', national: false };
    const cited = [
      ...(['NOR', 'SWE', null] as const).map((country) => legalBasisFor('public-service-mission', country, eu)),
      ...(['NOR', 'SWE', null] as const).map((country) => legalBasisFor('work-integration', country, eu)),
    ];
    for (const basis of cited) {
      const provision = DEFAULT_RULES[basis.jurisdiction].provisions.find((p) => p.id === basis.ruleId);
      expect(provision?.reference, basis.ruleId).toEqual(basis.reference);
      expect(provision?.status).toBe(basis.status);
      expect(basis.reference.url).toMatch(/^https:\/\//);
    }
    expect(legalBasisFor('public-service-mission', 'NOR', eu).status).toBe('unverified');
    const ids = Object.values(LEGAL_BASIS_IDS).flatMap((byPlace) => Object.values(byPlace));
    expect(ids.every((id) => Object.values(DEFAULT_RULES).some((pack) => pack.provisions.some((p) => p.id === id)))).toBe(true);
  });
});

describe('summariseNotice', () => {
  it('never presents res-pub-ser as a sheltered-workshop reservation, in any language', () => {
    const n = fixture('op-ted-eforms-sdk/pin-cfc-social_23.xml');
    for (const lang of LANGS) {
      const t = translator(lang);
      const lines = summariseNotice(n, assessNotice(n), t).join('\n');
      const workIntegration = t('notice.signal.work-integration', { citation: '' });
      expect(lines).not.toContain(workIntegration.slice(0, 30));
      expect(lines).toContain(t('notice.signal.public-service-mission', { citation: '' }).slice(0, 40));
      expect(lines).toContain('Directive 2014/24/EU art. 77');
    }
  });

  it('shows the unverified status of a Norwegian res-pub-ser citation and the equal-treatment note', () => {
    const n = withResPubSerNor();
    const t = translator('nb');
    const lines = summariseNotice(n, assessNotice(n), t);
    expect(lines.join('\n')).toContain(`Anskaffelsesforskriften (FOA) kapittel 30 <${legalBasisFor('public-service-mission', 'NOR', n).reference.url}> (${t('status.unverified')})`);
    expect(lines.at(-1)).toBe(t('note.equal-treatment'));
  });

  it('writes org numbers the national way, flags invalid ones, and points award notices to the contract notice', () => {
    const t = translator('en');
    const se = own('cn-both-reservations-se.xml');
    const lines = summariseNotice(se, assessNotice(se), t);
    expect(lines).toContain('Buyer: Exempelstads kommun (212000-0001, SWE)');
    expect(lines).toContain('Buyer: Exempelstads Hamn AB ("556000-0002", not a valid organisation number, SWE)');
    expect(lines).toContain('Buyer: Grenseinnkjøp IKS (999 999 999, NOR)');
    expect(lines).toContain(t('notice.warning.value-unparseable', { raw: '900000.125', at: 'LOT-0002' }));
    const award = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    const awardLines = summariseNotice(award, assessNotice(award), t);
    expect(awardLines).toContain(t('notice.award-hint', { procedureId: award.procedureId }));
    expect(awardLines).toContain('  LOT-0000: Iss Facility Services AS (914 791 723)');
    const legacy = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2022-927623.xml');
    expect(summariseNotice(legacy, assessNotice(legacy), t)).toContain('  lot not stated: Avarn Security AS (943 184 097)');
  });
});

function withResPubSerNor(): Notice {
  const original = text('doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-standard_2023-649037.xml');
  return parse(original.replace('listName="reserved-procurement">none<', 'listName="reserved-procurement">res-pub-ser<'));
}

describe('noticeJson (stable interface)', () => {
  it('has the fields of ARCHITECTURE.md with canonical org numbers and plain amounts', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2022-927623.xml');
    const out = JSON.parse(JSON.stringify(noticeJson(n, assessNotice(n))));
    expect(out).toMatchObject({ id: '2022-927623', subtype: '33' });
    expect(out.buyers).toEqual([{ name: 'Politiets fellestjenester', orgnr: '974761157', orgnrRaw: '974 761 157', country: 'NOR' }]);
    expect(out.winners.map((w: Record<string, unknown>) => [w.lot, w.name, w.orgnr, w.orgnrRaw])).toEqual([
      [null, 'Avarn Security AS', '943184097', 'NO943184097MVA'],
      [null, 'Securitas AS', '920144950', '920 144 950'],
    ]);
    const pin = fixture('doffin-via-ted-and-doffin-to-ocds/ContractNotice_pin-cfc-standard_2024-106286.xml');
    const lot = JSON.parse(JSON.stringify(noticeJson(pin))).lots[0];
    expect(lot).toMatchObject({
      id: 'LOT-0000',
      reserved: ['res-ws'],
      reservedExecution: 'no',
      socialObjectives: [],
      estimatedValue: { amount: 12000000, currency: 'NOK' },
      cpv: ['45000000'],
    });
  });

  it('gives null for an invalid or foreign org number and keeps the raw text', () => {
    const out = noticeJson(own('cn-both-reservations-se.xml'));
    expect(out.buyers[2]).toEqual({ name: 'Exempelstads Hamn AB', orgnr: null, orgnrRaw: '556000-0002', country: 'SWE' });
    expect(out.buyers[5]).toEqual({ name: 'Grænsekommune', orgnr: null, orgnrRaw: '987654325', country: 'DNK' });
    expect(out.lots[1]!.estimatedValue).toBeNull();
  });
});

const DEMO = importRegistry(readFileSync(path.join(repoRoot, 'samples/registry.demo.csv')));
if (!DEMO.ok) throw new Error('the demo registry must import');
const demoSource = { lookup: buildRegistryIndex(DEMO.registry), provenance: DEMO.registry.provenance };

const testProvenance = { source: 'Test registry', url: null, retrieved: '2026-10-01', expires: null, demo: false } as const;
function supplier(orgnr: string, name: string, jurisdiction: 'NO' | 'SE' = 'NO'): Supplier {
  return {
    orgnr,
    jurisdiction,
    name,
    altNames: [],
    kind: 'other',
    share: null,
    purposeAttested: false,
    regions: [],
    categories: ['98'],
    provenance: testProvenance,
  };
}

describe('assessNotice with a registry', () => {
  it('lists suppliers whose CPV prefix covers the lot, in the buyer’s jurisdiction, with provenance', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    const [lot] = assessNotice(n, demoSource).lots;
    const fitting = lot!.fitting!;
    expect(fitting.map((f) => f.supplier.orgnr)).toContain('102733169');
    for (const f of fitting) {
      expect(f.cpv).toBe('55512000');
      expect(f.supplier.categories.some((c) => '55512000'.startsWith(c))).toBe(true);
      expect(f.supplier.jurisdiction).toBe('NO');
      expect(f.supplier.provenance.demo).toBe(true);
    }
    const others = DEMO.registry.suppliers.filter((s) => !fitting.some((f) => f.supplier === s));
    for (const s of others) expect(s.jurisdiction === 'NO' && s.categories.some((c) => '55512000'.startsWith(c))).toBe(false);
  });

  it('matches a Swedish buyer’s lot to Swedish suppliers only, across main and additional CPV', () => {
    const [lot] = assessNotice(own('cn-both-reservations-se.xml'), demoSource).lots;
    expect(lot!.fitting!.length).toBeGreaterThan(0);
    for (const f of lot!.fitting!) {
      expect(f.supplier.jurisdiction).toBe('SE');
      expect(['90910000', '90919200']).toContain(f.cpv);
    }
  });

  it('finds winners in the registry by org number; by name only when the notice has no valid number', () => {
    const registry = {
      provenance: testProvenance,
      suppliers: [
        supplier('914791723', 'Iss Facility Services AS'),
        supplier('999999999', 'Elbit Systems of America'),
        // Same name as a winner with a valid, different number: someone else.
        supplier('987654325', 'Focus Software AS'),
      ],
    };
    const source = { lookup: buildRegistryIndex(registry), provenance: registry.provenance };
    const found = (name: string) =>
      assessNotice(fixture(name), source).winnersInRegistry!.map((w) => [w.lot, w.supplier.orgnr, w.matchedBy]);
    expect(found('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml')).toEqual([['LOT-0000', '914791723', 'orgnr']]);
    expect(found('doffin-via-ted-and-doffin-to-ocds/2024-110489.xml')).toEqual([['LOT-0000', '999999999', 'name']]);
    expect(found('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-standard_2024-100829.xml')).toEqual([]);
  });

  it('labels a supplier of a demo registry as demo data even if its own row does not say so', () => {
    const registry = { provenance: { ...testProvenance, demo: true }, suppliers: [supplier('914791723', 'Iss Facility Services AS')] };
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    const t = translator('en');
    const lines = summariseNotice(n, assessNotice(n, { lookup: buildRegistryIndex(registry), provenance: registry.provenance }), t);
    expect(lines).toContain(`  LOT-0000: Iss Facility Services AS (914 791 723); source: Test registry (${t('label.demo-data')}), 2026-10-01`);
  });

  it('ranks suppliers serving the place of performance first (NUTS → county) and says which codes it does not know', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    const cpv = n.lots[0]!.cpv[0]!;
    const at = (orgnr: string, name: string, regions: string[]): Supplier => ({ ...supplier(orgnr, name), regions, categories: [cpv.slice(0, 4)] });
    const registry = {
      provenance: testProvenance,
      suppliers: [at('974760673', 'Oslo AS', ['0301']), at('914791723', 'Landsdekkende AS', []), at('102733169', 'Bergen AS', ['4601']), at('100427311', 'Vestland AS', ['46'])],
    };
    const source = { lookup: buildRegistryIndex(registry), provenance: registry.provenance };
    const [lot] = assessNotice(n, source).lots;
    expect(lot!.places).toEqual({ known: ['NO0A2'], counties: ['NO:46'], unknown: [] });
    expect(lot!.fitting!.map((f) => [f.supplier.name, f.inRegion])).toEqual([
      ['Landsdekkende AS', true],
      ['Bergen AS', true],
      ['Vestland AS', true],
      ['Oslo AS', false],
    ]);
    const odd = { ...n, lots: n.lots.map((l) => ({ ...l, places: ['NOZZZ', 'FI1D9', 'NO082'] })) };
    const [oddLot] = assessNotice(odd, source).lots;
    expect(oddLot!.places).toEqual({ known: ['NO082'], counties: ['NO:31', 'NO:32', 'NO:33'], unknown: ['NOZZZ', 'FI1D9'] });
    const t = translator('nb');
    const lines = summariseNotice(odd, assessNotice(odd, source), t).map((l) => l.trim());
    expect(lines).toContain(t('registry.nuts.unknown', { code: 'NOZZZ' }));
    expect(lines).toContain(t('registry.nuts.unknown', { code: 'FI1D9' }));
    expect(lines).toContain(t('registry.nuts.ranked', { regions: 'NO082' }));
    // A candidate from an industry code, and its register status, are said with it.
    const flagged = { ...registry, suppliers: registry.suppliers.map((x, i) => (i === 0 ? { ...x, candidate: true, status: { state: 'bankrupt' as const, checked: '2026-11-30' } } : x)) };
    const flaggedLines = summariseNotice(n, assessNotice(n, { lookup: buildRegistryIndex(flagged), provenance: flagged.provenance }), t).map((l) => l.trim());
    expect(flaggedLines).toContain(t('registry.candidate'));
    expect(flaggedLines).toContain(t('registry.status.line', { state: t('registry.status.bankrupt'), checked: '2026-11-30' }));
    // Without a known place, nothing is ranked and the registry order stays.
    const none = assessNotice({ ...n, lots: n.lots.map((l) => ({ ...l, places: [] })) }, source).lots[0]!;
    expect(none.fitting!.map((f) => f.inRegion)).toEqual([null, null, null, null]);
  });

  it('labels demo registry data and states which regions were compared', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    const t = translator('sv');
    const lines = summariseNotice(n, assessNotice(n, demoSource), t).join('\n');
    expect(lines).toContain(t('label.demo-data'));
    expect(lines).toContain(t('registry.nuts.ranked', { regions: 'NO0A2' }));
    expect(lines).toContain(t('notice.registry-winners-none'));
    const out = JSON.parse(JSON.stringify(noticeJson(n, assessNotice(n, demoSource))));
    expect(out.assessment.registry).toMatchObject({ demo: true, retrieved: DEMO.registry.provenance.retrieved });
    expect(out.assessment.lots[0].fitting[0]).toMatchObject({ orgnr: '102733169', cpv: '55512000', provenance: { demo: true } });
  });
});

describe('Norwegian national-e forms', () => {
  it('treats subtype E3 with the national-e customization as national (FOA § 8-8)', () => {
    const original = text('doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-standard_2023-697632.xml');
    expect(original).toContain('>N16</cbc:SubTypeCode>');
    const e3 = original
      .replace('>N16</cbc:SubTypeCode>', '>E3</cbc:SubTypeCode>')
      .replace(/<cbc:CustomizationID>[^<]*<\/cbc:CustomizationID>/, '<cbc:CustomizationID>eforms-sdk-1.13#extended#urn:fdc:anskaffelser.no:2026:eforms:national-e</cbc:CustomizationID>')
      .replace('listName="reserved-procurement">none<', 'listName="reserved-procurement">res-ws<');
    const n = parse(e3);
    expect([n.subtype, n.national]).toEqual(['E3', true]);
    expect(signals(n)).toEqual([['LOT-0000', [['work-integration', 'NO-RES-II']]]]);
  });
});
