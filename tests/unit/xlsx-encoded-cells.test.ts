/**
 * The --out results sheet writes its rows as bytes: cells whose text recurs escaped and encoded once
 * per column, a cell given in parts (a row's explanation: its findings' texts) with each distinct part
 * encoded once. The sheet's bytes are exactly those of each cell written on its own, whatever the
 * cells and the sheet's name hold (markup, OOXML escapes, quotes, spaces at the ends, non-Latin and
 * astral characters, numbers of any kind).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultSheetXml, type ResultCell, type ResultTable } from '../../cli/xlsx/results-sheet.ts';
import { BatchArrays, utf8Batches } from '../../cli/utf8-batches.ts';
import { escapeXmlText } from '../../cli/xlsx/xml.ts';
import { columnLetters } from '../../addin/office/a1.ts';

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
    partSeparator: SEPARATOR,
  };
}

/** The sheet's bytes as the zip writer takes them. */
function sheetBytes(t: ResultTable, size: number): string {
  return Buffer.concat([...utf8Batches(resultSheetXml(t, 'Plan', { xf: 3, dxf: 0 }), new BatchArrays(size))]).toString('utf8');
}

const KINDS = ['link', 'text', 'userText', 'amount', 'status', 'longText'] as const;
/** The style each kind of column takes, from a base of 3 (the sheet's fixed cell formats). */
const STYLE_OF = { link: 5, text: 6, userText: 7, amount: 8, status: 6, longText: 9 } as const;

/** A row as each of its cells is written on its own: the oracle the sheet's bytes must equal. */
function rowOnItsOwn(t: ResultTable, sheet: string, row: ResultTable['rows'] extends Iterable<infer R> ? R : never, r: number): string {
  let xml = `<row r="${r}">`;
  t.columns.forEach((column, c) => {
    const ref = `${columnLetters(c)}${r}`;
    const s = STYLE_OF[column.kind];
    const value = row.cells[c] ?? null;
    if (c === 0 && column.kind === 'link') {
      const display = typeof value === 'string' || typeof value === 'number' ? value : row.sourceRow;
      const target = `#'${sheet.replace(/'/g, "''")}'!A${row.sourceRow}`.replace(/"/g, '""');
      const shown = typeof display === 'number' ? String(display) : `"${display.replace(/"/g, '""')}"`;
      const cached = typeof display === 'number' ? String(display) : escapeXmlText(display);
      xml += `<c r="${ref}" s="${s}"${typeof display === 'number' ? '' : ' t="str"'}><f>${escapeXmlText(`HYPERLINK("${target}",${shown})`)}</f><v>${cached}</v></c>`;
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) xml += `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
    } else if (typeof value === 'string' && value !== '') {
      const keep = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
      xml += `<c r="${ref}" s="${s}" t="inlineStr"><is><t${keep}>${escapeXmlText(value)}</t></is></c>`;
    }
  });
  return `${xml}</row>`;
}

describe('results sheet rows', () => {
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', ' x', 'x ', 'Feil', '<b>&"x"</b>', '_x0041_', 'æøå', '𝔘', '\u0001\uFFFE'));
  const cellValue = fc.oneof(text, fc.integer({ min: -5, max: 5 }), fc.double(), fc.constant(null));

  it('are the bytes of each cell written on its own, repeated texts and any sheet name included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 2, max: 2_000_000 }), fc.oneof(fc.constant('source' as const), cellValue), fc.array(cellValue, { maxLength: 6 })), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.constantFrom('Plan', "Bob's plan", 'A&B <"1">', 'x_x0041_', 'Ark 1'), fc.string({ maxLength: 10 })),
        fc.integer({ min: 1, max: 300 }),
        (kinds, rows, sheet, size) => {
          const t: ResultTable = {
            sheetName: 'Inkludo',
            notes: [],
            columns: ['link' as const, ...kinds].map((kind, i) => ({ header: `H${i}`, kind, width: 10 })),
            // Each row twice: the second is written from what the first left encoded.
            rows: [...rows, ...rows].map(([sourceRow, shown, rest]) => ({ sourceRow, cells: [shown === 'source' ? sourceRow : shown, ...rest] })),
            rowCount: rows.length * 2,
            statusWords: { error: 'Error', warning: 'Check' },
            partSeparator: SEPARATOR,
          };
          const xml = Buffer.concat([...utf8Batches(resultSheetXml(t, sheet, { xf: 3, dxf: 0 }), new BatchArrays(size))]).toString('utf8');
          const body = xml.slice(xml.indexOf('<row r="2">'), xml.indexOf('</sheetData>'));
          expect(body).toBe([...t.rows].map((row, i) => rowOnItsOwn(t, sheet, row, i + 2)).join(''));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('results sheet columns past the text cache', () => {
  it('writes every cell as it is, in a column of unique texts, one that repeats late, and one that repeats early', () => {
    // 5 000 rows: each column's first 4 096 distinct texts are kept encoded; a column that never
    // repeated one by then (descriptions) is not looked in again, and its later repeats are still written right.
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      sourceRow: i + 2,
      cells: [i + 2, `Purchase ${i} <&>`, i < 4_500 ? `Unique ${i}` : `Unique ${i % 7}`, `Supplier ${i % 4_200} AS`],
    }));
    const t: ResultTable = {
      sheetName: 'Inkludo',
      notes: [],
      columns: [
        { header: 'Row', kind: 'link', width: 8 },
        { header: 'Description', kind: 'userText', width: 30 },
        { header: 'Late', kind: 'text', width: 30 },
        { header: 'Supplier', kind: 'text', width: 30 },
      ],
      rows,
      rowCount: rows.length,
      statusWords: { error: 'Error', warning: 'Check' },
      partSeparator: SEPARATOR,
    };
    const xml = sheetBytes(t, 4096);
    const body = xml.slice(xml.indexOf('<row r="2">'), xml.indexOf('</sheetData>'));
    expect(body).toBe(rows.map((row, i) => rowOnItsOwn(t, 'Plan', row, i + 2)).join(''));
  });
});

describe('cells given in parts', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(' leading', 'trailing ', '<b>&amp;"x"</b>', '_x000D_ and _x41', 'pack’s § 5-4', '𝔘𝔫𝔦', 'æøå', '\u0001\uFFFE'),
  );

  it('writes the same sheet as the joined text in one string cell, batched at any size', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 512 }), (rows, size) => {
        const asText = table(rows.map((texts, i) => [i + 2, texts.join(SEPARATOR), 'NO-NAT']));
        const asParts = table(rows.map((texts, i) => [i + 2, { parts: texts }, 'NO-NAT']));
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
