/**
 * The sheet check as rows arrive (startSheetCheck) keeps only the rows its layout is read from: its
 * report is checkSheet's on the whole array, its layout is the one read from the whole array, and the
 * jurisdiction evidence of a sheet lies in its first JURISDICTION_EVIDENCE_ROWS rows. The CLI checks
 * an .xlsx row by row: every row is checked, also those kept while the jurisdiction is inferred, and a
 * worksheet whose rows go back is read as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_SEARCH_ROWS, JURISDICTION_EVIDENCE_ROWS, checkSheet, inferSheetJurisdiction, startSheetCheck, type CellValue, type SheetCheckOptions } from '../../core/index.ts';
import { readSheetLayout } from '../../core/sheet/read/layout.ts';
import { readXlsxRows, type WorksheetRow } from '../../cli/xlsx/index.ts';
import { cli } from '../support/cli.ts';
import { buildPackage, sheetXml } from '../support/xlsx-fixtures.ts';

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const HEADERS: readonly (readonly CellValue[])[] = [
  ['Beskrivelse', 'Estimert verdi (NOK)', 'Dato', 'Leverandør', 'Org.nr.'],
  ['Beskrivning', 'Värde (tkr)', 'Avtalstid (mån)', 'Leverantör', 'Organisationsnummer', 'Typ'],
  ['Anskaffelse', 'Sum'],
];
const cell = fc.oneof(
  fc.constantFrom<CellValue>('Renhold', 'Kantine skole', 'Sum', 'Totalt', 'Summa', 'i alt', '  ', '', null, 'Statens vegvesen', 'Malmö kommun', '90 000 kr', '2,5 MNOK', '150k', 'SEK 12 000', '923609016', '556036-0793', '2026-03-01', '12 mnd', 'ja'),
  fc.integer({ min: 0, max: 3_000_000 }),
  fc.constant<CellValue>({ error: '#REF!' }),
);
/** A row as people leave them: empty, ragged, a totals label alone, or cells of every kind. */
const row = fc.oneof(
  { weight: 1, arbitrary: fc.constant<CellValue[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue[]>(['Sum', 1_250_000], ['Totalt'], [null, null, 'Summa']) },
  { weight: 6, arbitrary: fc.array(cell, { maxLength: 7 }) },
);
/** A sheet: title rows, a header row (at times past the search window), data rows. */
const sheet = fc
  .record({
    titles: fc.array(fc.oneof(row, fc.constantFrom<CellValue[]>(['Innkjøpsplan 2027 Bærum kommune'], ['Statens vegvesen'], ['Inköpsplan Region Skåne']), fc.constant<CellValue[]>([])), { maxLength: HEADER_SEARCH_ROWS + 4 }),
    header: fc.option(fc.constantFrom(...HEADERS), { nil: undefined }),
    rows: fc.array(row, { maxLength: 30 }),
  })
  .map(({ titles, header, rows }) => [...titles, ...(header ? [[...header]] : []), ...rows]);
const options = fc.record({
  jurisdiction: fc.constantFrom<SheetCheckOptions['jurisdiction']>('NO', 'SE'),
  buyer: fc.constantFrom<SheetCheckOptions['buyer']>(undefined, 'state', 'municipal'),
  headerRow: fc.option(fc.integer({ min: 0, max: HEADER_SEARCH_ROWS + 12 }), { nil: undefined }),
});

describe('property: the streamed sheet check', () => {
  it('gives checkSheet’s report on the array, fed row by row with holes as empty rows', () => {
    fc.assert(
      fc.property(sheet, options, fc.array(fc.nat(40), { maxLength: 3 }), (cells, picked, holes) => {
        const sparse: CellValue[][] = [...cells];
        for (const at of holes) if (at < sparse.length && (sparse[at]?.length ?? 0) === 0) delete sparse[at];
        const opts: SheetCheckOptions = { ...picked, date: '2026-11-23', sheetName: 'Plan' };
        const check = startSheetCheck(opts);
        for (let i = 0; i < sparse.length; i++) check.add(sparse[i] ?? []);
        expect(json(check.finish())).toBe(json(checkSheet(sparse, opts)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the layout the whole array gives, and lists every row below the header once, checked or skipped', () => {
    fc.assert(
      fc.property(sheet, options, (cells, picked) => {
        const opts: SheetCheckOptions = { ...picked, date: '2026-11-23' };
        const check = startSheetCheck(opts);
        for (const cells_ of cells) check.add(cells_);
        const report = check.finish();
        const layout = readSheetLayout(cells, opts, 'services', picked.jurisdiction === 'NO' ? 'NOK' : 'SEK');
        expect(report.headerRow).toBe(layout.problem === null ? layout.headerIndex + 1 : 0);
        expect(json([report.columns, report.headers, report.valueColumn, report.buyer])).toBe(json([layout.columns, layout.headers, layout.valueColumn, layout.buyer]));
        if (layout.problem === null) {
          expect(json(report.assumptions)).toBe(json(layout.assumptions));
          const listed = [...report.rows.map((r) => r.row), ...report.skipped.map((s) => s.row)].sort((a, b) => a - b);
          expect(listed).toEqual(Array.from({ length: cells.length - report.headerRow }, (_, i) => report.headerRow + i + 1));
        } else expect(report.problem).toBe(layout.problem);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a sheet’s jurisdiction evidence in its first JURISDICTION_EVIDENCE_ROWS rows', () => {
    fc.assert(
      fc.property(sheet, fc.array(row, { minLength: 150, maxLength: 260 }), fc.constantFrom(null, 'nb', 'sv'), (top, more, lang) => {
        const cells = [...top, ...more];
        const first = cells.slice(0, JURISDICTION_EVIDENCE_ROWS);
        expect(inferSheetJurisdiction(first, { sheetName: 'Plan', lang })).toEqual(inferSheetJurisdiction(cells, { sheetName: 'Plan', lang }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('inkludo check reads an .xlsx row by row', () => {
  let dir = '';
  const ROWS = JURISDICTION_EVIDENCE_ROWS + 80;
  const rowXml = (n: number, description: string, value: number) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${description}</t></is></c><c r="B${n}"><v>${value}</v></c><c r="C${n}" t="inlineStr"><is><t>Rent AS</t></is></c><c r="D${n}" t="inlineStr"><is><t>923609016</t></is></c></row>`;
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Beskrivelse</t></is></c><c r="B1" t="inlineStr"><is><t>Estimert verdi (NOK)</t></is></c><c r="C1" t="inlineStr"><is><t>Leverandør</t></is></c><c r="D1" t="inlineStr"><is><t>Org.nr.</t></is></c></row>';
  const data = Array.from({ length: ROWS }, (_, i) => rowXml(i + 2, `Kjøp ${i + 1}`, 10_000 + i));
  const path = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inkludo-sheet-stream-'));
    writeFileSync(path('long.xlsx'), buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(header + data.join('')) }] }));
    // Rows 5 and 4 swapped, a gap (row 7 empty), and row 3 given again after row 8 (it replaces the first reading).
    const [r2, r3, r4, r5, r6] = data;
    const odd = [header, r2, r3, r5, r4, r6, rowXml(8, 'Etter hull', 500), rowXml(3, 'Rad tre igjen', 700)].join('');
    const even = [header, r2, rowXml(3, 'Rad tre igjen', 700), r4, r5, r6, rowXml(8, 'Etter hull', 500)].join('');
    writeFileSync(path('rows-out-of-order.xlsx'), buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(odd) }] }));
    writeFileSync(path('rows-in-order.xlsx'), buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(even) }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands on each row with a value as it is read, by index, sparse rows kept sparse and empty rows left out', async () => {
    writeFileSync(path('sparse.xlsx'), buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(`${header}<row r="3"/><row r="5"><c r="A5"/><c r="XFD5"><v>1</v></c></row>`) }] }));
    const rows: WorksheetRow[] = [];
    const read = await readXlsxRows(path('sparse.xlsx'), undefined, (worksheet) => {
      expect(worksheet).toEqual({ sheet: 'Plan', tabs: ['Plan'], date1904: false });
      return (r) => rows.push(r);
    });
    expect(read.ok).toBe(true);
    expect(rows.map((r) => r.index)).toEqual([0, 4]);
    const sparse = rows[1]?.cells ?? [];
    expect(sparse.length).toBe(16_384);
    expect(Object.keys(sparse)).toEqual(['16383']);
  });

  it('checks every row of a sheet longer than the rows kept to infer the jurisdiction', async () => {
    const inferred = await cli('check', path('long.xlsx'), '--json', '--date', '2026-11-23');
    const given = await cli('check', path('long.xlsx'), '--json', '--date', '2026-11-23', '--jurisdiction', 'NO');
    expect(inferred.err).toBe('');
    const [a, b] = [JSON.parse(inferred.out), JSON.parse(given.out)];
    expect(a.jurisdictionSource.source).toBe('sheet');
    expect(a.rows.map((r: { row: number }) => r.row)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(json({ ...a, jurisdictionSource: null })).toBe(json({ ...b, jurisdictionSource: null }));
  });

  it('reads a worksheet whose rows go back as the reader’s cells put it (a row given again keeps its last reading)', async () => {
    const odd = await cli('check', path('rows-out-of-order.xlsx'), '--json', '--jurisdiction', 'NO', '--date', '2026-11-23');
    const even = await cli('check', path('rows-in-order.xlsx'), '--json', '--jurisdiction', 'NO', '--date', '2026-11-23');
    expect(odd.code).toBe(even.code);
    expect(odd.out).toBe(even.out);
    expect(JSON.parse(odd.out).rows.map((r: { row: number; estimatedValue: { amount: number } }) => [r.row, r.estimatedValue.amount])).toEqual([[2, 10_000], [3, 700], [4, 10_002], [5, 10_003], [6, 10_004], [8, 500]]);
  });
});
