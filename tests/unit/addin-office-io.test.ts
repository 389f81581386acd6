import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blockAddress, columnLetters, lastCellOf } from '../../addin/office/a1.ts';
import { READ_CELLS_PER_SYNC, cellBytes, rowsPerReadBlock } from '../../addin/office/limits.ts';
import { readActiveSheet } from '../../addin/office/read-sheet.ts';
import { RESULT_COLUMNS, ROW_STATUSES, resultHeader, resultLayout, type ResultColumn, type ResultTable, type RowStatus } from '../../addin/office/result-table.ts';
import { translate } from '../../core/index.ts';
import { selectSourceRow } from '../../addin/office/select-row.ts';
import { writeBatches, writeResults } from '../../addin/office/write-results.ts';
import { FakeWorkbook, type FakeCell } from '../fake-office/fake-excel.ts';

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

function install(workbook: FakeWorkbook): FakeWorkbook {
  g.Excel = workbook.excel;
  return workbook;
}

/** A purchases sheet: header + `rows` rows × 12 columns of the kinds real sheets hold. */
function purchases(rows: number): FakeCell[][] {
  const header = ['Beskrivelse', 'Leverandør', 'Org.nr', 'Anslått verdi', 'Mva', 'CPV', 'Kategori', 'Dato', 'Varighet', 'Opsjoner', 'Reservert', 'Merknad'];
  const out: FakeCell[][] = [header];
  for (let i = 1; i <= rows; i++) {
    out.push([`Kjøp nummer ${i}`, `Leverandør ${i % 97} AS`, '972418005', 1000 * i, i % 2 === 0 ? 'ja' : 'nei', '90910000-9', 'Renhold', '2026-03-01', '24 mnd', '1+1 år', 'nei', '']);
  }
  return out;
}

function table(rows: number, lang: 'nb' | 'en' = 'nb'): ResultTable {
  // As long as a real two-finding explanation (about 330 characters).
  const explanation =
    'Verdien 30 000 er inkludert mva. Terskelverdiene gjelder ekskl. mva.: Inkludo brukte 24 000 NOK (alminnelig sats 25 %). Oppgi verdien ekskl. mva. for å være sikker. • Aktuell for reservert kontrakt: «CPV 90910000» er arbeid som arbeidsmarkedsbedrifter ofte leverer (en tommelfingerregel, ikke et rettslig vilkår). Undersøk markedet først.';
  const statusWords = Object.fromEntries(ROW_STATUSES.map((s) => [s, translate(lang, `addin.status.${s}`)])) as Record<RowStatus, string>;
  const cells: Record<ResultColumn, (i: number) => FakeCell> = {
    row: (i) => `=HYPERLINK("#'Data'!A${i + 2}","${i + 2}")`,
    status: () => statusWords.warning,
    description: (i) => `Kjøp nummer ${i + 1}`,
    regimeText: () => 'Norge: FOA del II',
    value: () => 1_400_000,
    currency: () => 'NOK',
    basis: () => 'samlet',
    explanation: () => explanation,
    supplier: () => 'Leverandør AS, 972 418 005',
    registry: () => '',
    regime: () => 'NO-PART-II',
    findings: () => 'RULE-PENDING',
    rules: () => 'no-national-2018',
  };
  return {
    title: `Inkludo: Data`,
    assumptions: ['Kolonneoverskrifter lest fra rad 1.', 'Verdi: kolonne D «Anslått verdi», lest som samlet verdi for hele kontrakten.'],
    legend: ROW_STATUSES.map((status) => ({ status, word: statusWords[status], meaning: translate(lang, `addin.results.legend.${status}`) })),
    header: resultHeader(lang),
    rows: Array.from({ length: rows }, (_, i) => RESULT_COLUMNS.map((c) => cells[c](i))),
    statusWords,
  };
}

describe('A1 helpers', () => {
  it('names columns the way Excel does', () => {
    expect([0, 11, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'L', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(blockAddress(2, 8334, 0, 11)).toBe('A2:L8334');
  });

  it('reads the last used cell from an address, or says it cannot', () => {
    expect(lastCellOf("'Innkjøp 2026'!B3:M100002")).toEqual({ rows: 100002, columns: 13 });
    expect(lastCellOf('Sheet1!$C$7')).toEqual({ rows: 7, columns: 3 });
    expect(lastCellOf('Sheet1!')).toBeNull();
  });

  it('never underestimates what a cell costs in the JSON Office sends, escaped or not', () => {
    const asciiEscaped = (s: string) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const bytes = cellBytes(s);
        expect(bytes).toBeGreaterThanOrEqual(new TextEncoder().encode(JSON.stringify(s)).length + 1);
        expect(bytes).toBeGreaterThanOrEqual(asciiEscaped(s).length + 1);
      }),
    );
    expect(cellBytes('Renhold')).toBe(10);
    expect(cellBytes(1_400_000)).toBeGreaterThanOrEqual(JSON.stringify(1_400_000).length);
  });

  it('sizes read blocks by cells, never below one row', () => {
    expect(rowsPerReadBlock(12) * 12).toBeLessThanOrEqual(READ_CELLS_PER_SYNC);
    expect(rowsPerReadBlock(1_000_000)).toBe(1);
  });
});

describe('Office I/O against office-addin-mock', () => {
  it('reads and writes 100 000 rows × 12 columns in a few dozen syncs, writing only the results sheet', async () => {
    const source = purchases(100_000);
    const wb = install(new FakeWorkbook({ sheets: { Data: source } }));

    const read = await readActiveSheet();
    const readSyncs = wb.syncCount;
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.sheetName).toBe('Data');
    expect(read.sheet.cells).toHaveLength(100_001);
    expect(read.sheet.cells[54_321]).toEqual(source[54_321]);

    const results = table(100_000);
    const outcome = await writeResults(results);
    expect(outcome).toEqual({ ok: true, rows: 100_000 });
    const total = wb.syncCount;
    console.log(`context.sync calls for 100 000 rows × 12 columns: ${readSyncs} to read, ${total - readSyncs} to write, ${total} in all`);
    expect(total).toBeLessThan(60);

    expect(new Set(wb.writes.map((w) => w.sheet))).toEqual(new Set(['Inkludo']));
    const out = wb.sheets.get('Inkludo');
    const layout = resultLayout(results);
    expect(out?.cells[layout.headerRow - 1]).toEqual(resultHeader('nb'));
    const last = out?.cells[layout.lastDataRow - 1] ?? [];
    expect([last[RESULT_COLUMNS.indexOf('description')], last[RESULT_COLUMNS.indexOf('regime')]]).toEqual(['Kjøp nummer 100000', 'NO-PART-II']);
    expect(out?.formulas.get(`A${layout.lastDataRow}`)).toBe(`=HYPERLINK("#'Data'!A100001","100001")`);
    const lastColumn = columnLetters(RESULT_COLUMNS.length - 1);
    expect(out?.tables).toEqual([{ address: `A${layout.headerRow}:${lastColumn}${layout.lastDataRow}`, hasHeaders: true, name: 'InkludoResults', style: 'TableStyleLight9' }]);
    expect(wb.sheets.get('Data')?.cells).toEqual(source);
    expect(wb.active).toBe('Inkludo');
  });

  it('replaces its own sheet on a re-run and leaves every other sheet alone', async () => {
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(3), Notes: [['my notes']] } }));
    await writeResults(table(3));
    await writeResults(table(1, 'en'));
    const lastColumn = columnLetters(RESULT_COLUMNS.length - 1);
    expect(wb.events.filter((e) => !e.startsWith('activate'))).toEqual(['add Inkludo', `table Inkludo!A10:${lastColumn}13`, 'delete Inkludo', 'add Inkludo', `table Inkludo!A10:${lastColumn}11`]);
    const layout = resultLayout(table(1, 'en'));
    expect(wb.sheets.get('Inkludo')?.cells).toHaveLength(layout.lastDataRow);
    expect(wb.sheets.get('Inkludo')?.cells[layout.headerRow - 1]).toEqual(resultHeader('en'));
    expect(wb.writes.every((w) => w.sheet === 'Inkludo')).toBe(true);
    expect(wb.sheets.get('Notes')?.cells).toEqual([['my notes']]);
  });

  it('refuses to replace a user sheet that happens to be called Inkludo', async () => {
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(3), Inkludo: [['Budsjett', 2026]] } }));
    expect(await writeResults(table(3))).toEqual({ ok: false, reason: 'foreign-sheet' });
    expect(wb.writes).toEqual([]);
    expect(wb.events).toEqual([]);
    expect(wb.sheets.get('Inkludo')?.cells).toEqual([['Budsjett', 2026]]);
  });

  it('writes user text as text, so a description starting with = never becomes a formula', async () => {
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(1) } }));
    const t = table(1);
    const rows = [[...(t.rows[0] ?? [])]];
    const d = RESULT_COLUMNS.indexOf('description');
    rows[0]![d] = '=WEBSERVICE("http://example.invalid")';
    await writeResults({ ...t, rows });
    const out = wb.sheets.get('Inkludo');
    const { firstDataRow } = resultLayout(t);
    const description = `${columnLetters(d)}${firstDataRow}`;
    expect(out?.numberFormats.get(description)).toBe('@');
    expect(out?.formulas.has(description)).toBe(false);
    expect(out?.cells[firstDataRow - 1]?.[d]).toBe('=WEBSERVICE("http://example.invalid")');
  });

  it('highlights status cells with conditional formats on its own sheet, with a legend above the table', async () => {
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(2) } }));
    const t = table(2);
    await writeResults(t);
    const { firstDataRow, lastDataRow, firstLegendRow } = resultLayout(t);
    const status = columnLetters(RESULT_COLUMNS.indexOf('status'));
    expect(wb.conditionalFormats.map((f) => [f.sheet, f.address, f.type, f.rule])).toEqual(
      ['Feil', 'Sjekk', 'Merk', 'OK'].map((text) => ['Inkludo', `${status}${firstDataRow}:${status}${lastDataRow}`, 'ContainsText', { operator: 'Contains', text }]),
    );
    expect(wb.conditionalFormats.every((f) => f.fill && f.font)).toBe(true);
    // The legend: each status word in the status column, filled as in the table, its meaning beside it.
    const out = wb.sheets.get('Inkludo')!;
    const legend = ROW_STATUSES.map((_, i) => out.cells[firstLegendRow - 1 + i]?.slice(RESULT_COLUMNS.indexOf('status'), RESULT_COLUMNS.indexOf('status') + 2));
    expect(legend).toEqual(t.legend.map((l) => [l.word, l.meaning]));
    const fills = out.formats.filter((f) => f.property === 'fill.color').map((f) => [f.address, f.value]);
    expect(fills).toEqual(wb.conditionalFormats.map((cf, i) => [`${status}${firstLegendRow + i}`, cf.fill]));
  });

  it('lays the results out to keep: title and assumptions on top, value as a number, fitted columns, frozen header', async () => {
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(3) } }));
    const t = table(3);
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_: string, v: string) => Number(v) <= 1.7 } } };
    try {
      await writeResults(t);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    const out = wb.sheets.get('Inkludo')!;
    const layout = resultLayout(t);
    expect(out.cells.slice(0, 3).map((r) => r[0])).toEqual([t.title, ...t.assumptions]);
    const value = columnLetters(RESULT_COLUMNS.indexOf('value'));
    expect(out.numberFormats.get(`${value}${layout.firstDataRow}`)).toBe('#,##0');
    expect(out.cells[layout.firstDataRow - 1]?.[RESULT_COLUMNS.indexOf('value')]).toBe(1_400_000);
    expect(out.frozenRows).toBe(layout.headerRow);
    const explanation = columnLetters(RESULT_COLUMNS.indexOf('explanation'));
    expect(out.formats).toContainEqual({ address: `${explanation}${layout.headerRow}`, property: 'columnWidth', value: 400 });
    expect(out.formats).toContainEqual({ address: `${explanation}${layout.headerRow}:${explanation}${layout.lastDataRow}`, property: 'wrapText', value: true });
    expect(out.formats).toContainEqual({ address: `A${layout.headerRow}:A${layout.lastDataRow}`, property: 'autofitColumns', value: true });

    // Excel 1.6 has no freeze panes (the fake throws, as Excel does): the table header stands in, nothing fails.
    const older = install(new FakeWorkbook({ sheets: { Data: purchases(3) }, excelApi: '1.6' }));
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_: string, v: string) => Number(v) <= 1.6 } } };
    try {
      expect(await writeResults(t)).toEqual({ ok: true, rows: 3 });
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    expect(older.sheets.get('Inkludo')?.frozenRows).toBe(0);
  });

  it('stops when cancelled: nothing is read past the cancel, a half-written results sheet is removed', async () => {
    const controller = new AbortController();
    controller.abort();
    install(new FakeWorkbook({ sheets: { Data: purchases(5) } }));
    expect(await readActiveSheet(null, { signal: controller.signal })).toEqual({ ok: false, reason: 'cancelled' });
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(5) } }));
    expect(await writeResults(table(5), { signal: controller.signal })).toEqual({ ok: false, reason: 'cancelled' });
    expect([...wb.sheets.keys()]).toEqual(['Data']);
    const phases: string[] = [];
    install(new FakeWorkbook({ sheets: { Data: purchases(5) } }));
    await writeResults(table(5), { onProgress: (p) => phases.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(phases).toEqual(['write 0/5']);
  });

  it('does not check the results sheet itself, nor an empty sheet', async () => {
    install(new FakeWorkbook({ sheets: { Data: purchases(1), Inkludo: [['x']] }, active: 'Inkludo' }));
    expect(await readActiveSheet()).toEqual({ ok: false, reason: 'results-sheet' });
    expect(await readActiveSheet('Gone')).toEqual({ ok: false, reason: 'results-sheet' });
    // From the results sheet, the sheet checked last is checked again.
    const again = await readActiveSheet('Data');
    expect(again.ok && again.sheet.sheetName).toBe('Data');
    expect(again.ok && again.sheet.cells).toEqual(purchases(1));
    install(new FakeWorkbook({ sheets: { Empty: [] } }));
    expect(await readActiveSheet()).toEqual({ ok: false, reason: 'empty' });
  });

  it('selects a source row on its own sheet, writing nothing', async () => {
    const wb = install(new FakeWorkbook({ sheets: { Data: purchases(20), Inkludo: [] }, active: 'Inkludo' }));
    await selectSourceRow('Data', 12);
    expect(wb.selection).toEqual({ sheet: 'Data', address: 'A12:XFD12' });
    expect(wb.active).toBe('Data');
    expect(wb.writes).toEqual([]);
  });

  it('batches writes by size: every batch but the last is near the budget', () => {
    const batches = writeBatches(table(100_000).rows);
    expect(batches[0]?.[0]).toBe(0);
    expect(batches.at(-1)?.[1]).toBe(100_000);
    for (let i = 1; i < batches.length; i++) expect(batches[i]?.[0]).toBe(batches[i - 1]?.[1]);
    expect(batches.length).toBeGreaterThan(1);
    expect(writeBatches([])).toEqual([]);
  });
});
