import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, contractKindFromCpv, cpvDigits, inferBuyerKind, inferJurisdiction, vatRatesFor } from '../../core/index.ts';

const code8 = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0'));
const text = fc.string({ maxLength: 200 });

describe('CPV readers never throw and agree with the division rule', () => {
  it('any text: cpvDigits gives 8 digits or null; contractKindFromCpv and vatRatesFor do not throw', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const digits = cpvDigits(raw);
        expect(digits === null || /^\d{8}$/.test(digits)).toBe(true);
        for (const j of ['NO', 'SE', 'EU'] as const) contractKindFromCpv(raw, DEFAULT_RULES[j], '2026-06-01');
        expect(vatRatesFor(DEFAULT_RULES.NO, '2026-06-01', { cpv: raw }).rates.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('any 8-digit code: the kind follows its division, and only services can be social services', () => {
    fc.assert(
      fc.property(code8, fc.constantFrom('NO', 'SE', 'EU' as const), (code, j) => {
        const r = contractKindFromCpv(code, DEFAULT_RULES[j], '2026-06-01');
        const d = Number(code.slice(0, 2));
        const expected = d === 45 ? 'works' : (d >= 3 && d <= 44) || d === 48 ? 'goods' : d >= 50 && d <= 98 ? 'services' : null;
        if (expected === null) expect(r).toBeNull();
        else if (expected === 'services') expect(['services', 'social-services']).toContain(r?.kind);
        else expect(r?.kind).toBe(expected);
        if (r?.possible) expect(r.possible.status).not.toBe('verified');
      }),
      { numRuns: 500 },
    );
  });
});

describe('inference never throws and stays with its evidence', () => {
  it('any headers and cells: a decided jurisdiction has the most points and evidence of its own', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.array(text, { maxLength: 20 }), fc.constantFrom('nb', 'sv', 'en', null), (headers, cells, lang) => {
        const r = inferJurisdiction({ headers, sampleCells: cells, lang });
        if (r.jurisdiction === null) return;
        const points = (j: string) => r.evidence.filter((e) => e.jurisdiction === j).reduce((s, e) => s + e.points, 0);
        const other = r.jurisdiction === 'NO' ? 'SE' : 'NO';
        expect(points(r.jurisdiction)).toBeGreaterThanOrEqual(2 * points(other));
        expect(r.evidence.some((e) => e.jurisdiction === r.jurisdiction && e.kind !== 'lang')).toBe(true);
        // The user's language never overturns what the sheet says.
        for (const l of ['nb', 'sv'] as const) expect(inferJurisdiction({ headers, sampleCells: cells, lang: l }).jurisdiction).not.toBe(other);
      }),
      { numRuns: 300 },
    );
  });

  it('any texts: a buyer kind comes with evidence of that kind only', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text, where: fc.string({ maxLength: 10 }) }), { maxLength: 6 }), (texts) => {
        const r = inferBuyerKind(texts);
        if (r === null) return;
        expect(r.evidence.length).toBeGreaterThan(0);
        if (r.kind !== null) expect(r.evidence.every((e) => e.kind === r.kind)).toBe(true);
        else expect(new Set(r.evidence.map((e) => e.kind)).size).toBe(2);
      }),
      { numRuns: 300 },
    );
  });
});
