/**
 * The page messages' text forms (match-text.ts): what the background writes reads back the same on
 * the page, and the answer's patterns let through exactly what the background writes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  candidatesToText,
  hashesFromText,
  linesOf,
  hashesToText,
  NAME_HITS,
  nameHitsFromText,
  nameHitsToText,
  ORGNR_LIST,
  supplierDetailsToText,
  supplierFromText,
} from '../../extension/shared/match-text.ts';
import { PAGE_MESSAGES, type SupplierMatch } from '../../extension/shared/page-messages.ts';

const orgnr = fc.oneof(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{10}$/));
const hit = fc.record({ candidate: fc.nat({ max: 4999 }), length: fc.integer({ min: 1, max: 400 }), orgnrs: fc.array(orgnr, { minLength: 1, maxLength: 3 }) });
const match: fc.Arbitrary<SupplierMatch> = fc.record({
  orgnr,
  jurisdiction: fc.constantFrom('NO', 'SE'),
  name: fc.string({ unit: 'binary' }),
  status: fc.constantFrom('eligible', 'ineligible', 'unverified', 'stale'),
  share: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  asOf: fc.option(fc.string(), { nil: null }),
  provenance: fc.nat({ max: 50 }),
});

describe('page message text forms', () => {
  it('name-key hashes round-trip (30 bits each, two 15-bit units, no surrogates)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 30 - 1 })), (hashes) => {
        const text = hashesToText(hashes);
        expect(text).toHaveLength(hashes.length * 2);
        expect(/[\uD800-\uDFFF]/.test(text)).toBe(false);
        expect(hashesFromText(text)).toEqual(new Set(hashes));
      }),
    );
  });

  it('name candidates keep their count, order and lengths as lines; a line break inside one becomes a space', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 20 }), (names) => {
        const lines = linesOf(candidatesToText(names), '\n');
        expect(lines).toEqual(names.map((n) => n.replace(/[\r\n]/g, ' ')));
      }),
    );
    expect(linesOf('', '\n')).toEqual([]);
    expect(linesOf('', ',')).toEqual([]);
  });

  it('name hits round-trip and fit the answer pattern', () => {
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 20 }), (hits) => {
        const text = nameHitsToText(hits);
        expect(NAME_HITS.test(text)).toBe(true);
        expect(nameHitsFromText(text)).toEqual(hits);
      }),
    );
  });

  it('supplier details round-trip; anything else reads as null', () => {
    fc.assert(
      fc.property(fc.array(match, { maxLength: 10 }), (matches) => {
        const lines = supplierDetailsToText(matches).split('\n');
        expect(matches.map((m, i) => supplierFromText(m.orgnr, lines[i] ?? ''))).toEqual(matches);
      }),
    );
    for (const bad of ['', 'not json', '["XX","A","eligible",1,null,0]', '["NO","A","eligible",1,null,-1]', '["NO","A","maybe",1,null,0]', '{"name":"A"}']) {
      expect(supplierFromText('974760673', bad), bad).toBeNull();
    }
  });

  it.each([
    ['974760673,5560868225', true],
    ['', true],
    ['974760673,', false],
    ['97476067', false],
    ['974760673;5560868225', false],
  ])('number list %j fits: %s', (text, fits) => {
    expect(ORGNR_LIST.test(text)).toBe(fits);
  });

  it.each([
    ['0\t12\t974760673', true],
    ['0\t12\t974760673,5560868225\n3\t8\t974760673', true],
    ['', true],
    ['0\t12\t974760673\n', false],
    ['0\t12\t', false],
    ['x\t12\t974760673', false],
    ['0\t12\t974760673<script>', false],
  ])('name hits %j fit: %s', (text, fits) => {
    expect(NAME_HITS.test(text)).toBe(fits);
  });

  it('the registry/match answer schema takes the text forms and refuses objects in their place', () => {
    const response = PAGE_MESSAGES['registry/match'].response;
    const answer = { ok: true, hasRegistry: true, orgnrs: '974760673', details: '["NO","A","eligible",45,"2026-06-30",0]', provenances: [{ source: 'S', retrieved: '2026-11-01', demo: false }], names: '0\t1\t974760673' };
    expect(response.safeParse(answer).success).toBe(true);
    expect(response.safeParse({ ...answer, orgnrs: ['974760673'] }).success).toBe(false);
    expect(response.safeParse({ ...answer, names: 'nonsense' }).success).toBe(false);
  });
});
