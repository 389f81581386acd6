/**
 * The --out results sheet writes a row's explanation as its findings' texts escaped and encoded once
 * each: the sheet's bytes are exactly those of the same text written as one string cell, whatever the
 * texts hold (markup, OOXML escapes, spaces at the ends, non-Latin and astral characters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodedPart, encodedText, resultSheetXml, type ResultCell, type ResultTable } from '../../cli/xlsx/results-sheet.ts';
import { BatchArrays, utf8Batches } from '../../cli/utf8-batches.ts';

const encoder = new TextEncoder();
const SEPARATOR = ' • ';

function table(cells: readonly ResultCell[][]): ResultTable {
  return {
    sheetName: 'Inkludo',
    notes: ['note'],
    columns: [
      { header: 'Row', kind: 'link', width: 8 },
      { header: 'Explanation', kind: 'longText', width: 90 },
      { header: 'Rules', kind: 'text', width: 24 },
    ],
    rows: cells.map((c, i) => ({ sourceRow: i + 2, cells: c })),
    rowCount: cells.length,
    statusWords: { error: 'Error', warning: 'Check' },
  };
}

/** The sheet's bytes as the zip writer takes them. */
function sheetBytes(t: ResultTable, size: number): string {
  return Buffer.concat([...utf8Batches(resultSheetXml(t, 'Plan', { xf: 3, dxf: 0 }), new BatchArrays(size))]).toString('utf8');
}

describe('encoded explanation cells', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(' leading', 'trailing ', '<b>&amp;"x"</b>', '_x000D_ and _x41', 'pack’s § 5-4', '𝔘𝔫𝔦', 'æøå', '\u0001\uFFFE'),
  );

  it('writes the same sheet as the joined text in one string cell, batched at any size', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 512 }), (rows, size) => {
        const separator = encodedPart(SEPARATOR);
        const asText = table(rows.map((texts, i) => [i + 2, texts.join(SEPARATOR), 'NO-NAT']));
        const asParts = table(rows.map((texts, i) => [i + 2, encodedText(texts.map(encodedPart), separator), 'NO-NAT']));
        expect(sheetBytes(asParts, size)).toBe(sheetBytes(asText, size));
      }),
      { numRuns: 300 },
    );
  });

  it('utf8Batches copies encoded parts among text pieces in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxLength: 30 }), fc.integer({ min: 1, max: 128 }), fc.boolean(), (pieces, size, lineFeeds) => {
        const given = pieces.map((p) => (typeof p === 'string' ? p : p.map((t) => encoder.encode(t))));
        const batches = [...utf8Batches(given, new BatchArrays(size), lineFeeds ? 10 : undefined)];
        const expected = pieces.map((p) => (typeof p === 'string' ? p : p.join(''))).map((p) => (lineFeeds ? `${p}\n` : p)).join('');
        expect(Buffer.concat(batches).toString('utf8')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
