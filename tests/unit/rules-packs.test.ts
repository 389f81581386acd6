import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPurchase, DEFAULT_RULES, fromMajor, parseRulePack, rulesInForce, withRulePack } from '../../core/index.ts';

describe('rule packs', () => {
  it('every bundled value has a rule id, a dated period, a reference and a status', () => {
    for (const pack of Object.values(DEFAULT_RULES)) {
      for (const [name, parameter] of Object.entries(pack.parameters)) {
        expect(parameter.values.length, name).toBeGreaterThan(0);
        for (const v of parameter.values) {
          expect(v.reference.url).toMatch(/^https?:\/\//);
          expect(['verified', 'pending', 'unverified']).toContain(v.status);
          expect(v.from !== null || v.status !== 'verified').toBe(true);
        }
      }
    }
  });

  it('rejects a pack with an invalid date, a verified value without a number, or duplicate ids, saying where', () => {
    const bad = structuredClone(DEFAULT_RULES.NO) as unknown as { parameters: Record<string, { values: Record<string, unknown>[] }> };
    const values = bad.parameters['lower-threshold']!.values;
    values[0]!.from = '2017-13-01';
    const result = parseRulePack(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('parameters.lower-threshold.values.0.from');

    const noValue = structuredClone(DEFAULT_RULES.NO) as unknown as { parameters: Record<string, { values: Record<string, unknown>[] }> };
    noValue.parameters['lower-threshold']!.values[0]!.value = null;
    expect(parseRulePack(noValue).ok).toBe(false);

    const dup = structuredClone(DEFAULT_RULES.SE) as unknown as { provisions: { id: string }[] };
    dup.provisions[1]!.id = dup.provisions[0]!.id;
    expect(parseRulePack(dup).ok).toBe(false);
    expect(parseRulePack('not a pack').ok).toBe(false);
  });

  it('an organisation can load its own pack: e.g. the 500 000 threshold once checked in Lovdata', () => {
    const own = structuredClone(DEFAULT_RULES.NO);
    const values = own.parameters['lower-threshold']!.values as { id: string; status: string; to: string | null; verifiedBy?: string }[];
    Object.assign(values.find((v) => v.id === 'NO-LOW-2026')!, { status: 'verified', verifiedBy: 'Test: legal department' });
    values.find((v) => v.id === 'NO-LOW-100K')!.to = '2026-06-30';
    const parsed = parseRulePack(JSON.parse(JSON.stringify(own)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const rules = withRulePack(DEFAULT_RULES, parsed.pack);
    const input = { jurisdiction: 'NO', buyer: 'municipal', contractKind: 'services', date: '2026-08-01', value: fromMajor(400_000, 'NOK') } as const;
    expect(classifyPurchase(input).regime).toBe('NO-PART-I');
    const verdict = classifyPurchase(input, rules);
    expect(verdict.regime).toBe('NO-EXEMPT');
    expect(verdict.ruleIds).toEqual(['NO-LOW-2026']);
  });

  it('rules in force on 2026-11-23 list the verified lower threshold and both possible changes', () => {
    const lower = rulesInForce('NO', '2026-11-23').parameters.find((p) => p.parameter === 'lower-threshold');
    expect(lower?.applied).toMatchObject({ id: 'NO-LOW-100K', value: 100_000, status: 'verified' });
    expect(lower?.alternatives.map((a) => [a.id, a.status])).toEqual([
      ['NO-LOW-PROP-300K', 'pending'],
      ['NO-LOW-2026', 'unverified'],
    ]);
  });

  it('parseRulePack never throws, on any JSON value or on mutations of a real pack (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (data) => void parseRulePack(data)));
    const base = JSON.parse(JSON.stringify(DEFAULT_RULES.SE)) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.jsonValue(), (key, value) => {
        const result = parseRulePack({ ...base, [key]: value });
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});
