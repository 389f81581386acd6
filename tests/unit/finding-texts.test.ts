/**
 * findingTexts says a report's findings once per distinct content: whatever its cap, each text is the
 * finding's own description, so findings that read alike share a text and findings that differ in any
 * param (or in a param's type) never do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSheet, describeFinding, finding, FindingContents, findingTexts, LANGS, type Finding } from '../../core/index.ts';
import { generateSheet } from '../bench/plan-sheet.ts';

describe('findingTexts', () => {
  const report = checkSheet(generateSheet(3000), { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal', registry: null });
  const findings = report.rows.flatMap((r) => r.findings);

  it('gives every finding of a checked sheet its own description, in each language, whatever the cap', () => {
    expect(new Set(findings.map((f) => f.messageKey)).size).toBeGreaterThan(5);
    for (const lang of LANGS) {
      for (const cap of [0, 3, 1 << 14]) {
        const text = findingTexts(new FindingContents(lang, cap), (t) => `«${t}»`);
        // Twice over: the second pass answers from what the first kept.
        for (let pass = 0; pass < 2; pass++) for (const f of findings) expect(text(f)).toBe(`«${describeFinding(lang, f)}»`);
      }
    }
  });

  it('shapes a text once per distinct message key and params while there is room', () => {
    let shaped = 0;
    const text = findingTexts(new FindingContents('en'), (t) => (shaped++, t));
    for (const f of findings) text(f);
    const contents = new Set(findings.map((f) => JSON.stringify([f.messageKey, Object.entries(f.params).map(([k, v]) => [k, typeof v, String(v)])]))).size;
    expect(contents).toBeLessThan(findings.length / 3);
    expect(shaped).toBe(contents);
  });

  it('never lends one finding the text of another whose params differ, by value or by type', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('count', 'total', 'from'), fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('1000', '1 000', 'null', 'undefined'), fc.string({ unit: 'binary', maxLength: 6 }), fc.constant(null), fc.constant(undefined))), { maxLength: 4 }),
        fc.array(fc.tuple(fc.constantFrom('count', 'total', 'from'), fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('1000', '1 000', 'null', 'undefined'), fc.string({ unit: 'binary', maxLength: 6 }), fc.constant(null), fc.constant(undefined))), { maxLength: 4 }),
        (a, b) => {
          const made = (params: [string, string | number | null | undefined][]): Finding => finding('SPLIT-RISK', 'warning', Object.fromEntries(params), [], 'finding.SPLIT-RISK.same-kind.NO');
          const text = findingTexts(new FindingContents('nb'), (t) => t);
          for (const f of [made(a), made(b), made(a)]) expect(text(f)).toBe(describeFinding('nb', f));
        },
      ),
    );
  });

  it.each([
    ['a number and its digits as text', { count: 1000 }, { count: '1000' }],
    ['null and its name as text', { count: null }, { count: 'null' }],
    ['a missing value and its name as text', { count: undefined }, { count: 'undefined' }],
    ['the same value under two names', { count: 7 }, { total: 7 }],
    ['the same values in two orders', { count: 7, total: 9 }, { total: 7, count: 9 }],
  ] as const)('keeps apart findings that differ only in %s', (_what, a, b) => {
    const made = (params: Finding['params']): Finding => finding('SPLIT-RISK', 'warning', params, [], 'finding.SPLIT-RISK.same-kind.NO');
    const text = findingTexts(new FindingContents('en'), (t) => t);
    for (const f of [made(a), made(b), made(a), made(b)]) expect(text(f)).toBe(describeFinding('en', f));
    expect(describeFinding('en', made(a))).not.toBe(describeFinding('en', made(b)));
  });

  it('gives writers that share a report’s contents each text once per content, the same texts as writers of their own', () => {
    const contents = new FindingContents('sv');
    const shapedBy = new Map<number, number>();
    const writers = [0, 1].map((w) => findingTexts(contents, (t) => (shapedBy.set(w, (shapedBy.get(w) ?? 0) + 1), `${w}:${t}`)));
    const alone = findingTexts(new FindingContents('sv'), (t) => t);
    for (const f of findings) for (const [w, write] of writers.entries()) expect(write(f)).toBe(`${w}:${alone(f)}`);
    const described = new Set(findings.map((f) => contents.of(f)));
    expect([shapedBy.get(0), shapedBy.get(1)]).toEqual([described.size, described.size]);
    // One described text per content: findings that read alike share it.
    expect(described.size).toBe(new Set(findings.map((f) => JSON.stringify([f.messageKey, Object.entries(f.params).map(([k, v]) => [k, typeof v, String(v)])]))).size);
  });

  it('keeps apart a cell text that spells out the key of two params', () => {
    const made = (params: Record<string, string | number>): Finding => finding('SPLIT-RISK', 'warning', params, [], 'finding.SPLIT-RISK.same-kind.NO');
    const text = findingTexts(new FindingContents('en'), (t) => t);
    const spelled = made({ count: '7\u0000total\u0001number\u00019' });
    const two = made({ count: '7', total: 9 });
    expect(text(spelled)).toBe(describeFinding('en', spelled));
    expect(text(two)).toBe(describeFinding('en', two));
    expect(text(two)).not.toBe(text(spelled));
  });
});
