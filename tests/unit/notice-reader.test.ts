import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromMajor, readNotice, type Notice } from '../../core/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.resolve(repoRoot, '../shared/fixtures/eforms');
const OWN = path.resolve(repoRoot, 'tests/fixtures/notice');

interface ExpectedOrg {
  ref: string;
  name: string;
  'BT-501': string | null;
  country: string;
  roles: string[];
  national_checksum_ok: boolean | null;
}
interface ExpectedLot {
  id: string;
  'BT-71': string[];
  'BT-736': string[];
  'BT-06': string[];
  'BT-775': string[];
  'BT-27': { amount: string; currency: string }[];
  'BT-262': string[];
}
interface Expected {
  file: string;
  root: string;
  'OPP-070 subtype': string;
  'BT-02 noticeType': string;
  'BT-702 lang': string;
  'BT-21-Procedure title': string;
  'BT-262-Procedure': string[];
  'BT-27-Procedure': { amount: string; currency: string }[];
  lots: ExpectedLot[];
  organizations: ExpectedOrg[];
}

const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Expected[];

function read(file: string): Notice {
  const result = readNotice(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.error.code}`);
  return result.notice;
}

const fixture = (name: string) => read(path.join(FIXTURES, name));
const money = (v: { amount: string; currency: string } | undefined) => (v ? fromMajor(v.amount, v.currency) : null);

describe('readNotice on every shared eForms fixture agrees with expected.json', () => {
  it('covers all fixtures', () => expect(EXPECTED.length).toBe(18));

  it.each(EXPECTED.map((e) => [e.file, e] as const))('%s', (file, e) => {
    const n = fixture(file);
    expect(n.root).toBe(e.root);
    expect(n.subtype).toBe(e['OPP-070 subtype']);
    expect(n.noticeType).toBe(e['BT-02 noticeType']);
    expect(n.language).toBe(e['BT-702 lang']);
    expect(n.title).toBe(e['BT-21-Procedure title']);
    expect(n.cpv).toEqual(e['BT-262-Procedure']);
    expect(n.estimatedValue).toEqual(money(e['BT-27-Procedure'][0]));

    expect(n.lots.map((l) => l.id)).toEqual(e.lots.map((l) => l.id));
    for (const [i, lot] of n.lots.entries()) {
      const x = e.lots[i]!;
      expect(lot.reserved, `${lot.id} BT-71`).toEqual(x['BT-71']);
      expect(lot.reservedExecution, `${lot.id} BT-736`).toBe(x['BT-736'][0] ?? null);
      expect(lot.strategic, `${lot.id} BT-06`).toEqual(x['BT-06']);
      expect(lot.socialObjectives, `${lot.id} BT-775`).toEqual(x['BT-775']);
      expect(lot.estimatedValue, `${lot.id} BT-27`).toEqual(money(x['BT-27'][0]));
      expect(lot.cpv, `${lot.id} BT-262`).toEqual(x['BT-262']);
    }

    const withRole = (role: string) => e.organizations.filter((o) => o.roles.includes(role));
    expect(n.buyers.map((b) => [b.ref, b.name, b.orgnrRaw, b.country])).toEqual(
      withRole('buyer').map((o) => [o.ref, o.name, o['BT-501'], o.country]),
    );
    expect([...new Set(n.winners.map((w) => w.party.ref))].sort()).toEqual(withRole('winner').map((o) => o.ref).sort());
    for (const loser of withRole('tenderer')) expect(n.tenderers.map((t) => t.party.ref)).toContain(loser.ref);

    // Org-number validity: canonical digits exactly when the national checksum holds; unchecked abroad.
    for (const party of [...n.buyers, ...n.winners.map((w) => w.party)]) {
      const org = e.organizations.find((o) => o.ref === party.ref)!;
      if (org.national_checksum_ok === true) expect(party.orgnr, party.ref).toBe(org['BT-501']!.replace(/\D/g, '').slice(-9));
      else expect(party.orgnr, party.ref).toBeNull();
      expect(party.orgnrProblem !== null, party.ref).toBe(org.national_checksum_ok === false);
    }
    expect(n.warnings).toEqual([]);
  });
});

describe('readNotice details', () => {
  it('reads BT-71 on a Part in a PIN-only notice', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/PriorInformationNotice_pin-only_2023-101219.xml');
    expect(n.lots).toMatchObject([{ id: 'PAR-0000', kind: 'Part', reserved: ['none'] }]);
  });

  it('finds no BT-71 in award notices, where it is forbidden', () => {
    const awards = EXPECTED.filter((e) => e.root === 'ContractAwardNotice').map((e) => fixture(e.file));
    expect(awards).toHaveLength(6);
    for (const n of awards) for (const lot of n.lots) expect(lot.reserved).toEqual([]);
  });

  it('marks Norwegian national subtypes N16 and N29 as national, EU subtypes not', () => {
    const n16 = fixture('doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-standard_2023-697632.xml');
    const n29 = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-standard_2024-100829.xml');
    const eu16 = fixture('doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-standard_2023-649037.xml');
    expect([n16.subtype, n16.national]).toEqual(['N16', true]);
    expect([n29.subtype, n29.national]).toEqual(['N29', true]);
    expect([eu16.subtype, eu16.national]).toEqual(['16', false]);
  });

  it('keeps a LotsGroup as a group, never with a reservation, and resolves a group winner', () => {
    const n = fixture('op-ted-eforms-sdk/can_24_maximal.xml');
    expect(n.lots[0]).toMatchObject({ id: 'GLO-0001', kind: 'LotsGroup', reserved: [] });
    expect(n.winners.map((w) => [w.lot, w.party.name, w.party.size])).toEqual([
      ['GLO-0001', 'Gyro Soft SA', 'large'],
      ['GLO-0001', 'The best App Ltd.', 'micro'],
      ['LOT-0001', 'Competitor', 'large'],
    ]);
    // TEN-0003 (LOT-0002) was never settled: its tenderer lost that lot although it won another.
    expect(n.tenderers.map((t) => [t.lot, t.tender, t.party.name])).toEqual([['LOT-0002', 'TEN-0003', 'Competitor']]);
  });

  it('separates winner and losing tenderer of a real Norwegian award', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    expect(n.winners.map((w) => [w.lot, w.party.name, w.party.orgnr])).toEqual([['LOT-0000', 'Iss Facility Services AS', '914791723']]);
    expect(n.tenderers.map((t) => [t.lot, t.party.name, t.party.orgnr])).toEqual([['LOT-0000', 'Toma AS', '984684037']]);
  });

  it('leaves the lot of a re-converted legacy award unknown rather than guessing', () => {
    const n = fixture('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2022-927623.xml');
    expect(n.winners.map((w) => [w.lot, w.party.orgnrRaw, w.party.orgnr])).toEqual([
      [null, 'NO943184097MVA', '943184097'],
      [null, '920 144 950', '920144950'],
    ]);
  });

  it('reads both res-ws and res-pub-ser on one lot, and social signals, regardless of namespace prefixes', () => {
    const n = read(path.join(OWN, 'cn-both-reservations-se.xml'));
    expect(n.lots[0]).toMatchObject({
      id: 'LOT-0001',
      reserved: ['res-ws', 'res-pub-ser'],
      reservedExecution: 'no',
      strategic: ['soc-obj'],
      socialObjectives: ['opp'],
      estimatedValue: fromMajor('1500000.50', 'SEK'),
      cpv: ['90910000'],
      cpvAdditional: ['90919200'],
      places: ['SE121'],
    });
  });

  it('normalises messy BT-501 values and only checks Norwegian and Swedish numbers', () => {
    const n = read(path.join(OWN, 'cn-both-reservations-se.xml'));
    expect(n.buyers.map((b) => [b.ref, b.orgnr, b.orgnrJurisdiction, b.orgnrProblem])).toEqual([
      ['ORG-0001', '2120000001', 'SE', null],
      ['ORG-0002', '5569999997', 'SE', null],
      ['ORG-0003', null, 'SE', 'checksum'],
      ['ORG-0004', '987654325', 'NO', null],
      ['ORG-0005', '999999999', 'NO', null],
      // Danish: the same digits pass MOD11, but a Danish id is not a Norwegian organisation number.
      ['ORG-0006', null, null, null],
    ]);
    expect(n.buyers[3]!.orgnrRaw).toBe('Org.nr.\u00a0987\u00a0654\u00a0325 MVA');
  });

  it('turns unusable amounts and dangling references into warnings, never a guessed value', () => {
    const n = read(path.join(OWN, 'cn-both-reservations-se.xml'));
    expect(n.estimatedValue).toBeNull();
    expect(n.lots[1]!.estimatedValue).toBeNull();
    expect(n.warnings).toEqual([
      { code: 'unresolved-reference', at: 'buyer', raw: 'ORG-0099' },
      { code: 'value-unparseable', at: 'LOT-0002', raw: '900000.125' },
      { code: 'value-unparseable', at: 'procedure', raw: '2 400 000' },
    ]);
  });

  it('ignores elements with the right local name in the wrong namespace', () => {
    const xml = readFileSync(path.join(FIXTURES, 'op-ted-eforms-sdk/pin-cfc-social_24.xml'), 'utf8').replace(
      'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
      'xmlns:cbc="urn:example:not-ubl"',
    );
    const result = readNotice(xml);
    expect(result.ok && result.notice.lots).toEqual([]);
    expect(result.ok && result.notice.subtype).toBeNull();
  });

  it('derives a variant of the SDK example with both reservation codes on the reserved lot', () => {
    const original = readFileSync(path.join(FIXTURES, 'op-ted-eforms-sdk/cn_24_maximal.xml'), 'utf8');
    const code = '<cbc:TendererRequirementTypeCode listName="reserved-procurement">res-pub-ser</cbc:TendererRequirementTypeCode>';
    expect(original.split(code)).toHaveLength(2);
    const variant = original.replace(
      code,
      `${code}</cac:SpecificTendererRequirement><cac:SpecificTendererRequirement><cbc:TendererRequirementTypeCode listName="reserved-procurement">res-ws</cbc:TendererRequirementTypeCode>`,
    );
    const result = readNotice(variant);
    expect(result.ok && result.notice.lots.map((l) => [l.id, l.reserved])).toEqual([
      ['GLO-0001', []],
      ['LOT-0001', ['res-pub-ser', 'res-ws']],
      ['LOT-0002', ['none']],
    ]);
  });
});
