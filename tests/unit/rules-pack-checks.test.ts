/**
 * A rule pack as hostile input: values out of range, thresholds out of order and overlapping
 * verified periods are refused with messages that name the rule ids, in nb, sv and en.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, LANGS, MAX_PACK_AMOUNT, addRuleValue, classifyPurchase, describeFinding, describePackIssue, fromMajor, parseOrganisationPack, parseRulePack, setRuleValue, withRulePack, type RulePack } from '../../core/index.ts';

type Mutable = { parameters: Record<string, { values: Record<string, unknown>[] }> };

/** A copy of a bundled pack with one value's fields changed. */
function withValue(pack: RulePack, id: string, change: Record<string, unknown>): unknown {
  const copy = structuredClone(pack) as unknown as Mutable;
  const value = Object.values(copy.parameters).flatMap((p) => p.values).find((v) => v.id === id);
  if (!value) throw new Error(`no ${id}`);
  Object.assign(value, change);
  return copy;
}

function issuesOf(data: unknown) {
  const parsed = parseRulePack(data);
  return parsed.ok ? [] : parsed.issues;
}

describe('bounds', () => {
  it.each([
    ['NO', 'NO-LOW-100K', 1e308, 'rulepack.issue.amount-range'],
    ['NO', 'NO-NAT', MAX_PACK_AMOUNT * 2, 'rulepack.issue.amount-range'],
    ['SE', 'SE-DU-LOU', Number.MAX_VALUE, 'rulepack.issue.amount-range'],
    ['NO', 'NO-RES-30', 100.5, 'rulepack.issue.percent-range'],
    ['SE', 'SE-MOMS-25', 250, 'rulepack.issue.percent-range'],
  ] as const)('%s %s = %s is refused, naming the rule', (j, id, value, key) => {
    const issues = issuesOf(withValue(DEFAULT_RULES[j], id, { value }));
    expect(issues.map((i) => i.messageKey)).toEqual([key]);
    for (const lang of LANGS) expect(describePackIssue(lang, issues[0]!)).toContain(id);
  });

  it('accepts the largest amount and the whole percentage range', () => {
    expect(issuesOf(withValue(DEFAULT_RULES.SE, 'SE-THR-2024-WORKS', { value: MAX_PACK_AMOUNT }))).toEqual([]);
    expect(issuesOf(withValue(DEFAULT_RULES.NO, 'NO-RES-30', { value: 100 }))).toEqual([]);
    expect(issuesOf(withValue(DEFAULT_RULES.NO, 'NO-RES-30', { value: 0 }))).toEqual([]);
  });
});

describe('order: lower < national < EEA (Norway), direct-award limit < EU thresholds (Sweden)', () => {
  it.each([
    // Sweden: SE-DU-LOU (from 2022-02-01) against the 2022–23 central threshold 1 456 476.
    ['SE', 'SE-DU-LOU', 1_456_475, []],
    ['SE', 'SE-DU-LOU', 1_456_476, ['SE-THR-2022-CENTRAL']],
    ['SE', 'SE-DU-LOU', 2_300_000, ['SE-THR-2022-CENTRAL', 'SE-THR-2024-CENTRAL', 'SE-THR-2022-SUB']],
    // Norway: a lower threshold above the national one (issue 11's absurd verdicts).
    ['NO', 'NO-LOW-100K', 1_099_999, []],
    ['NO', 'NO-LOW-100K', 1_100_000, ['NO-NAT-2017']],
    // The national threshold at the state EEA threshold of 2024.
    ['NO', 'NO-NAT', 1_490_000, ['NO-EEA-2024-STATE']],
  ] as const)('%s %s = %s → above %j', (j, id, value, above) => {
    const issues = issuesOf(withValue(DEFAULT_RULES[j], id, { value }));
    expect(issues.every((i) => i.messageKey === 'rulepack.issue.order')).toBe(true);
    expect(issues.map((i) => i.params.other).slice(0, above.length)).toEqual(above);
    if (above.length > 0) expect(issues[0]!.path).toMatch(/\.values\.\d+\.value$/);
    for (const lang of LANGS) for (const issue of issues) expect(describePackIssue(lang, issue)).toContain(`${id}`);
  });

  it('only compares verified values that are in force together', () => {
    // The unverified 2022 EEA value equal to the national threshold is not applied, so it is no conflict.
    expect(issuesOf(DEFAULT_RULES.NO)).toEqual([]);
    // A verified lower threshold from 2030 is compared with what applies from 2030 only.
    const later = withValue(DEFAULT_RULES.NO, 'NO-LOW-2026', { status: 'verified', from: '2030-01-01', value: 1_200_000 });
    (later as Mutable).parameters['lower-threshold']!.values[0]!.to = '2029-12-31';
    expect(issuesOf(later)).toEqual([]);
  });
});

describe('verified periods of one parameter do not overlap', () => {
  it('refuses two verified values for the same days, naming both', () => {
    const issues = issuesOf(withValue(DEFAULT_RULES.NO, 'NO-LOW-2026', { status: 'verified' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ messageKey: 'rulepack.issue.overlap', params: { rule: 'NO-LOW-100K', other: 'NO-LOW-2026', from: '2026-07-01' } });
    expect(describePackIssue('sv', issues[0]!)).toBe('Regel NO-LOW-100K och NO-LOW-2026 är båda bekräftade värden för lower-threshold från 2026-07-01: avsluta den tidigare med ett ”to”-datum.');
  });

  it('accepts adjacent periods (to the day before)', () => {
    const data = withValue(DEFAULT_RULES.NO, 'NO-LOW-2026', { status: 'verified', verifiedBy: 'Test: legal' });
    (data as Mutable).parameters['lower-threshold']!.values[0]!.to = '2026-06-30';
    expect(issuesOf(data)).toEqual([]);
  });
});

describe('an organisation pack', () => {
  it('is refused for another jurisdiction than its address is set for', () => {
    const parsed = parseOrganisationPack(structuredClone(DEFAULT_RULES.SE), 'NO');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(describePackIssue('nb', parsed.issues[0]!)).toBe('Denne pakken gjelder SE, men adressen er satt for NO: den ble ikke brukt.');
    expect(parseOrganisationPack(structuredClone(DEFAULT_RULES.SE), 'SE').ok).toBe(true);
  });

  it('never widens silently: a value it marks verified must say who verified it', () => {
    const data = withValue(DEFAULT_RULES.NO, 'NO-LOW-2026', { status: 'verified' });
    (data as Mutable).parameters['lower-threshold']!.values[0]!.to = '2026-06-30';
    const parsed = parseOrganisationPack(data, 'NO');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => [i.messageKey, i.params.rule])).toEqual([['rulepack.issue.verified-by-missing', 'NO-LOW-2026']]);
  });

  it('the bundled packs keep missing values missing', () => {
    const central = DEFAULT_RULES.SE.parameters['eu-threshold-central']!.values.find((v) => v.id === 'SE-THR-2026-CENTRAL');
    expect(central).toMatchObject({ value: null, status: 'pending' });
    for (const pack of Object.values(DEFAULT_RULES)) {
      for (const v of Object.values(pack.parameters).flatMap((p) => p.values)) expect(v.verifiedBy).toBeUndefined();
    }
  });
});

describe('authoring never yields a pack the front ends would refuse (property)', () => {
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const change = fc.record({
    value: fc.oneof(fc.double(), fc.integer({ min: 0, max: 100_000_000 })),
    from: date,
    to: fc.option(date, { nil: null }),
    status: fc.constantFrom('verified', 'pending', 'unverified'),
  });
  const reference = { title: 'TEST', url: 'https://example.org/test' };

  it('set and add either refuse with issues or give a valid organisation pack that classify can use', () => {
    const ids = Object.values(DEFAULT_RULES.SE.parameters).flatMap((p) => p.values.map((v) => v.id));
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.boolean(), change, (id, add, c) => {
        const full = { ...c, reference, ...(c.status === 'verified' ? { verifiedBy: 'TEST' } : {}) };
        const outcome = add ? addRuleValue(DEFAULT_RULES.SE, 'direct-award-limit', 'SE-DU-TEST', full, '2026-11-30') : setRuleValue(DEFAULT_RULES.SE, id, full, '2026-11-30');
        if (!outcome.ok) {
          expect(outcome.issues.length).toBeGreaterThan(0);
          return;
        }
        expect(parseOrganisationPack(JSON.parse(JSON.stringify(outcome.pack)), 'SE').ok).toBe(true);
        const verdict = classifyPurchase({ jurisdiction: 'SE', buyer: 'state', contractKind: 'services', value: fromMajor(1_000_000, 'SEK'), date: c.from }, withRulePack(DEFAULT_RULES, outcome.pack));
        expect(verdict.regime).toMatch(/^SE-|UNKNOWN/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a finding that cites a value the organisation verified says who verified it', () => {
  it('RULE-FALLBACK names the verifier of the value it falls back to; a bundled one names nobody', () => {
    // TEST: an organisation pack whose own verified 2026 value ends before the check date, with no successor.
    const outcome = setRuleValue(DEFAULT_RULES.SE, 'SE-THR-2026-CENTRAL', { value: 1_500_000, from: '2026-01-01', to: '2026-06-30', status: 'verified', verifiedBy: 'TEST: Juridiska enheten', reference: { title: 'TEST', url: 'https://example.org/test' } }, '2026-11-30');
    if (!outcome.ok) throw new Error('test pack refused');
    const input = { jurisdiction: 'SE', buyer: 'state', contractKind: 'services', value: fromMajor(1_520_000, 'SEK'), date: '2026-11-30' } as const;
    const own = classifyPurchase(input, withRulePack(DEFAULT_RULES, outcome.pack)).findings.find((f) => f.code === 'RULE-FALLBACK');
    const text = (lang: 'en' | 'sv', f: typeof own) => (f ? describeFinding(lang, f) : '');
    expect(text('en', own)).toContain('Inkludo used rule SE-THR-2026-CENTRAL (1,500,000 SEK, in force until 2026-06-30, verified by TEST: Juridiska enheten) instead.');
    expect(text('sv', own)).toContain('(1\u00a0500\u00a0000 SEK, gällande till 2026-06-30, bekräftad av TEST: Juridiska enheten)');
    const bundled = classifyPurchase(input).findings.find((f) => f.code === 'RULE-FALLBACK');
    expect(text('en', bundled)).toContain('Inkludo used rule SE-THR-2024-CENTRAL (1,546,202 SEK, in force until 2025-12-31) instead.');
  });
});
