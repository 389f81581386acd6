import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, contractKindFromCpv, cpvDigits, cpvKindFindings, describeFinding, entrySpan, parseRulePack, type ContractKind } from '../../core/index.ts';

const DATE = '2026-06-01';
const JURISDICTIONS = ['NO', 'SE', 'EU'] as const;

describe('cpvDigits', () => {
  it.each([
    ['55510000-8', '55510000'],
    ['55510000', '55510000'],
    ['5551 0000', '55510000'],
    ['CPV 85311000-2 Sosialtjenester', '85311000'],
    ['85.31.10.00', '85311000'],
    ['455', null],
    ['123456789', null],
    ['', null],
  ])('%s → %s', (raw, digits) => expect(cpvDigits(raw)).toBe(digits));
});

describe('contract kind by main CPV division (every pack)', () => {
  it.each([
    ['45000000-7', 'works', 'division 45'],
    ['45214200-2', 'works', 'division 45'],
    ['03000000-1', 'goods', 'division 03'],
    ['30200000-1', 'goods', 'division 30'],
    ['44000000-0', 'goods', 'division 44'],
    ['48000000-8', 'goods', 'division 48'],
    ['50000000-5', 'services', 'division 50'],
    ['72000000-5', 'services', 'division 72'],
    ['90910000-9', 'services', 'division 90'],
    ['77310000-6', 'services', 'division 77'],
    ['98000001', 'services', 'division 98'],
  ])('%s → %s', (code, kind, matched) => {
    for (const j of JURISDICTIONS) {
      const r = contractKindFromCpv(code, DEFAULT_RULES[j], DATE);
      expect(r).toMatchObject({ kind, status: 'verified', evidence: { matched } });
      expect(r?.possible).toBeNull();
    }
  });

  it.each(['01000000', '02000000', '46000000', '47000000', '49000000', '99000000', 'no code'])('%s has no kind', (code) => {
    for (const j of JURISDICTIONS) expect(contractKindFromCpv(code, DEFAULT_RULES[j], DATE)).toBeNull();
  });
});

/** Social and other specific services: what each example gives, verified or as a possibility only. */
describe('social and other specific services (Annex XIV / FOA / LOU bilaga 2)', () => {
  it.each<[string, string, ContractKind, ContractKind | null]>([
    // code, what, applied kind, possible kind (an unverified list entry)
    ['85311000-2', 'social care (85 range)', 'social-services', null],
    ['85000000-9', 'first code of 85000000-9 to 85323000-9', 'social-services', null],
    ['85323000-9', 'last code of the range', 'social-services', null],
    ['85323001', 'one beyond the range', 'services', null],
    ['55510000-8', 'canteen services', 'social-services', null],
    ['55520000-1', 'catering services', 'social-services', null],
    ['79611000-0', 'job search services', 'social-services', null],
    ['80100000-5', 'primary education (80 range, entry not confirmed)', 'services', 'social-services'],
    ['79710000-4', 'security services (79700000-79721000, entry not confirmed)', 'services', 'social-services'],
    ['90910000-9', 'cleaning: ordinary services', 'services', null],
    ['77310000-6', 'green-area maintenance: ordinary services', 'services', null],
    ['72000000-5', 'IT services', 'services', null],
    ['75000000-6', 'a single listed code covers itself…', 'services', 'social-services'],
    ['75110000-0', '…and its subdivision only through another entry (75100000-75120000)', 'services', 'social-services'],
    ['75410000', '…never the rest of division 75', 'services', null],
  ])('%s (%s)', (code, _what, kind, possible) => {
    for (const j of JURISDICTIONS) {
      const r = contractKindFromCpv(code, DEFAULT_RULES[j], DATE);
      expect(r?.kind).toBe(kind);
      expect(r?.possible?.kind ?? null).toBe(possible);
    }
  });

  it('names the list and the range that matched, per jurisdiction', () => {
    expect(contractKindFromCpv('85311000', DEFAULT_RULES.EU, DATE)).toMatchObject({
      ruleId: 'EU-A14-85000000-85323000',
      evidence: { code: '85311000', matched: 'Annex XIV 85000000-85323000' },
    });
    expect(contractKindFromCpv('55510000-8', DEFAULT_RULES.SE, DATE)).toMatchObject({ ruleId: 'SE-B2-55510000', evidence: { matched: 'LOU bilaga 2 55510000' } });
    expect(contractKindFromCpv('55510000-8', DEFAULT_RULES.NO, DATE)?.evidence.matched).toBe('FOA ch. 30 / Annex XIV 55510000');
    expect(contractKindFromCpv('79713000-5', DEFAULT_RULES.NO, DATE)?.possible).toMatchObject({ ruleId: 'NO-A14-79700000-79721000', status: 'unverified' });
  });

  it('applies an entry only from its date', () => {
    expect(contractKindFromCpv('85311000', DEFAULT_RULES.NO, '2016-12-31')?.kind).toBe('services');
    expect(contractKindFromCpv('85311000', DEFAULT_RULES.NO, '2017-01-01')?.kind).toBe('social-services');
  });

  // Every range the annex writes: its first and last code are in, the codes just outside are not.
  const ranges = DEFAULT_RULES.EU.cpv!.socialServices!.entries.filter((e) => e.codes.includes(' to '));
  it('has the fourteen ranges of the annex', () => expect(ranges.map((e) => e.codes.slice(0, 8))).toHaveLength(14));
  it.each(ranges.map((e) => [e.codes, e.id] as const))('range %s: edges in, neighbours out', (codes, id) => {
    const [low, high] = codes.split(' to ').map((c) => c.slice(0, 8)) as [string, string];
    const step = (code: string, by: number) => String(Number(code) + by).padStart(8, '0');
    for (const j of JURISDICTIONS) {
      const pack = DEFAULT_RULES[j];
      const idHere = id.replace(/^EU-A14/, j === 'SE' ? 'SE-B2' : j === 'NO' ? 'NO-A14' : 'EU-A14');
      const ruleOf = (code: string) => {
        const r = contractKindFromCpv(code, pack, DATE);
        return r?.kind === 'social-services' ? r.ruleId : (r?.possible?.ruleId ?? null);
      };
      // The edge is covered by this range, or by a verified entry that lists the same code alone (75200000-8).
      expect(ruleOf(low)).toContain(low);
      expect(ruleOf(high)).toContain(high);
      expect(ruleOf(step(low, -1))).not.toBe(idHere);
      expect(ruleOf(step(high, 1))).not.toBe(idHere);
    }
  });

  it('the three packs list the same codes, and each entry has a source and a status', () => {
    const codes = (j: 'NO' | 'SE' | 'EU') => DEFAULT_RULES[j].cpv!.socialServices!.entries.map((e) => `${e.codes}|${e.status}`);
    expect(codes('NO')).toEqual(codes('EU'));
    expect(codes('SE')).toEqual(codes('EU'));
    for (const j of JURISDICTIONS) {
      const list = DEFAULT_RULES[j].cpv!.socialServices!;
      expect(list.reference.url).toMatch(/^https:\/\//);
      expect(list.note).toMatch(/never applied/);
      for (const e of list.entries) {
        if (e.status === 'verified') expect(e.sources?.length).toBeGreaterThan(0);
        const [low, high] = entrySpan(e);
        expect(low <= high).toBe(true);
      }
    }
  });
});

describe('pack validation of the CPV data', () => {
  const withEntry = (codes: string) => {
    const pack = structuredClone(DEFAULT_RULES.EU) as unknown as { cpv: { socialServices: { entries: { codes: string }[] } } };
    pack.cpv.socialServices.entries[0]!.codes = codes;
    return parseRulePack(pack);
  };
  it.each([
    ['85000000-9 to 85323000-9', true],
    ['55510000', true],
    ['85323000-9 to 85000000-9', false],
    ['8500000-9', false],
    ['85000000-9 til 85323000-9', false],
  ])('%s accepted: %s', (codes, ok) => expect(withEntry(codes).ok).toBe(ok));

  it('refuses a verified entry without the source that confirmed it', () => {
    const pack = structuredClone(DEFAULT_RULES.EU) as unknown as { cpv: { socialServices: { entries: { status: string; sources?: unknown }[] } } };
    const entry = pack.cpv.socialServices.entries.find((e) => e.status === 'verified')!;
    delete entry.sources;
    expect(parseRulePack(pack)).toMatchObject({ ok: false, issues: [{ message: 'a verified entry names the source that confirmed it' }] });
  });

  it('refuses a VAT category naming a missing parameter', () => {
    const pack = structuredClone(DEFAULT_RULES.NO) as unknown as { cpv: { vatCategories: Record<string, { parameters: string[] }> } };
    pack.cpv.vatCategories.food!.parameters = ['vat-nonexistent'];
    expect(parseRulePack(pack)).toMatchObject({ ok: false, issues: [{ message: 'a VAT category names a parameter the pack does not have' }] });
  });
});

describe('cpvKindFindings', () => {
  const kindOf = (code: string) => contractKindFromCpv(code, DEFAULT_RULES.NO, DATE)!;
  it('a given kind that disagrees with the CPV code is reported, the given kind kept', () => {
    expect(cpvKindFindings(kindOf('45214200-2'), 'services')).toEqual([
      expect.objectContaining({ code: 'CPV-KIND-CONFLICT', severity: 'warning', params: { kind: 'services', code: '45214200', cpvKind: 'works', matched: 'division 45' }, ruleIds: ['NO-CPV-WORKS'] }),
    ]);
    expect(cpvKindFindings(kindOf('45214200-2'), 'works')).toEqual([]);
    expect(cpvKindFindings(kindOf('45214200-2'), null)).toEqual([]);
  });

  it('an unverified list entry is a possibility (info), not a verdict', () => {
    const [f] = cpvKindFindings(kindOf('79713000-5'), null);
    expect(f).toMatchObject({ code: 'CPV-KIND-POSSIBLE', severity: 'info', ruleIds: ['NO-A14-79700000-79721000'] });
    for (const lang of ['nb', 'sv', 'en'] as const) expect(describeFinding(lang, f!)).toContain('79700000-79721000');
    expect(cpvKindFindings(kindOf('79713000-5'), 'social-services').map((x) => x.code)).toEqual(['CPV-KIND-CONFLICT']);
  });
});
