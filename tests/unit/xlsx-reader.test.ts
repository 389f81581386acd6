import { mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHED_RESULT, hasMessage, type CellValue } from '../../core/index.ts';
import { XLSX_ERROR_CODES, XlsxError, readXlsxCells } from '../../cli/xlsx/index.ts';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { bomb, buildPackage, cutOff, endlessCell, manySheets, millionStrings, writeWorkbooks } from '../support/xlsx-fixtures.ts';

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/xlsx');
const fixture = (name: string) => join(FIXTURES, name);
const PLAN = [
  ['Beskrivelse', 'Estimert verdi'],
  ['Renhold skole', 90000],
  ['Kantine', 2500000],
];

async function cells(path: string, sheet?: string): Promise<{ sheet: string; cells: CellValue[][] }> {
  const read = await readXlsxCells(path, sheet);
  if (!read.ok) throw new Error(`no sheet ${sheet}: ${read.sheets.join(', ')}`);
  return read.worksheet;
}

async function failure(path: string): Promise<XlsxError> {
  const error = await readXlsxCells(path).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof XlsxError)) throw new Error(`expected an XlsxError, got ${String(error)}`);
  return error;
}

let dir = '';
let hostile: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-xlsx-'));
  hostile = writeWorkbooks(dir, {
    'bomb-honest.xlsx': () => bomb('honest'),
    'bomb-lying.xlsx': () => bomb('lying'),
    'endless-cell.xlsx': endlessCell,
    'many-sheets.xlsx': () => manySheets(),
    'million-strings.xlsx': () => millionStrings(),
    'date1904.xlsx': () => buildPackage({ tabs: [{ name: 'Plan', xml: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Beskrivelse</t></is></c><c r="B1" t="inlineStr"><is><t>Dato</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Renhold</t></is></c><c r="B2"><v>45000</v></c></row></sheetData></worksheet>' }], date1904: true }),
    'cut-off.xlsx': cutOff,
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the workbook reader', () => {
  it.each([
    ['sst-after-sheet.xlsx', 'Plan'],
    ['tabs-hidden-out-of-order.xlsx', 'Plan'],
    ['absolute-targets.xlsx', 'Plan'],
    ['extras.xlsm', 'Plan'],
  ])('%s: the first visible tab, with every text resolved', async (name, sheet) => {
    expect(await cells(fixture(name))).toEqual({ sheet, cells: PLAN, tabs: expect.any(Array) as unknown, date1904: false });
  });

  it('reads every kind of cell: rich and inline text, booleans, date serials, cached results, errors, no cached result', async () => {
    const { cells: read } = await cells(fixture('cell-kinds.xlsx'));
    expect(read).toEqual([['Rik tekst', 'Inline rik', true, false, 46023, 3, { error: NO_CACHED_RESULT }, { error: '#REF!' }, 'ab', 'Linje 1\r\nLinje 2 & <3> å', 0, { error: NO_CACHED_RESULT }]]);
  });

  it('follows rows and cells without r, and keeps a sparse sheet sparse', async () => {
    const { cells: read } = await cells(fixture('no-r-attributes.xlsx'));
    expect(read.slice(0, 2)).toEqual(PLAN.slice(0, 2));
    expect(read.slice(2, 9)).toEqual([[], [], [], [], [], [], []]);
    // The empty rows are one shared array, not one allocation each.
    expect(new Set(read.slice(2, 9)).size).toBe(1);
    expect(read[9]?.[0]).toBe('Langt nede');
    expect(read[9]?.[26]).toBe(7);
    expect(read[10]).toEqual([null, 1]);
  });

  it('reads a workbook LibreOffice wrote: formulas with results, error results, dates, skipped rows, a hidden tab by name', async () => {
    const { sheet, cells: read } = await cells(fixture('lo-kinds.xlsx'));
    expect(sheet).toBe('Plan 2027');
    expect(read[3]).toEqual(['Renhold skole', 90000, 'Glans Renhold AS', '135792462', 46083, 0]);
    expect(read[4]?.[1]).toBe(1800000);
    expect(read[5]).toEqual(['Vask', { error: '#DIV/0!' }]);
    expect(read[6]).toEqual(['Snørydding', { error: '#N/A' }]);
    expect(read[12]).toEqual(['Langt nede', '2,5 MNOK']);
    expect((await cells(fixture('lo-kinds.xlsx'), 'Notater')).cells).toEqual([['Skjult ark: skal ikke kontrolleres']]);
    expect((await cells(fixture('lo-kinds.xlsx'), 'andre')).sheet).toBe('Andre');
  });

  it('reads a CSV LibreOffice saved as .xlsx', async () => {
    const { cells: read } = await cells(fixture('lo-plan.xlsx'));
    expect(read[3]).toEqual(['Vask; arbeidstøy', 'pris etter avtale', null, null, 'nei']);
  });

  it('an unknown --sheet gives the list of tabs', async () => {
    expect(await readXlsxCells(fixture('tabs-hidden-out-of-order.xlsx'), 'Finnes ikke')).toEqual({ ok: false, sheets: ['Skjult', 'Plan', 'Andre'] });
  });

  it.each([
    ['row-50-million.xlsx', 'row-out-of-range', { row: 50_000_000, limit: 1_048_576 }],
    ['column-past-xfd.xlsx', 'column-out-of-range', { cell: 'XFE4', limit: 16_384 }],
    ['all-hidden.xlsx', 'no-visible-sheet', { sheets: 'Skjult' }],
    ['bad-shared-string.xlsx', 'bad-shared-string', { cell: 'A1', index: '99' }],
    ['no-workbook.xlsx', 'no-workbook', {}],
  ])('%s is refused as %s', async (name, code, params) => {
    const error = await failure(fixture(name));
    expect(error.code).toBe(code);
    expect(error.params).toEqual(params);
  });

  it('a part that declares 2 GB is refused before inflating; one that lies stops at its declared size', async () => {
    expect(await failure(hostile['bomb-honest.xlsx'] as string)).toMatchObject({ code: 'part-too-large', params: { part: 'xl/worksheets/sheet1.xml', size: 2 ** 31 - 1 } });
    expect(await failure(hostile['bomb-lying.xlsx'] as string)).toMatchObject({ code: 'corrupt-zip' });
  });

  it('a part that ends inside a cell is refused, not read short', async () => {
    expect(await failure(hostile['cut-off.xlsx'] as string)).toMatchObject({ code: 'bad-xml', params: { part: 'xl/worksheets/sheet1.xml', detail: '<c r="B1"><v>2' } });
  });

  it('a cell that never ends is refused at the element limit', async () => {
    expect(await failure(hostile['endless-cell.xlsx'] as string)).toMatchObject({ code: 'element-too-large' });
  });

  it('reads the plan after 9 999 hidden tabs, and through a shared strings table of a million entries', async () => {
    expect(await cells(hostile['many-sheets.xlsx'] as string)).toMatchObject({ sheet: 'Plan', cells: PLAN });
    expect(await cells(hostile['million-strings.xlsx'] as string)).toMatchObject({ sheet: 'Plan', cells: PLAN });
  });

  it('leaves no file open, read to the end or refused on the way', async () => {
    const paths = [fixture('lo-kinds.xlsx'), fixture('lo-plan.csv'), fixture('row-50-million.xlsx'), fixture('bad-shared-string.xlsx'), hostile['bomb-lying.xlsx'] as string, hostile['cut-off.xlsx'] as string].map((path) => realpathSync(path));
    // Only descriptors on the files read count: other test files share this process and open and close their own.
    const openOnRead = () => readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return paths.includes(readlinkSync(`/proc/self/fd/${fd}`)) ? [fd] : [];
      } catch {
        return []; // closed between the listing and the look
      }
    });
    for (const path of paths) await readXlsxCells(path).catch(() => null);
    // A closed descriptor is given back on the next turns of the event loop.
    await new Promise((done) => setTimeout(done, 100));
    expect(openOnRead()).toEqual([]);
  });
});

describe('inkludo check on odd and hostile workbooks', () => {
  it('every typed error has its message', () => {
    expect(XLSX_ERROR_CODES.filter((code) => !hasMessage(`xlsx.error.${code}`))).toEqual([]);
  });

  it('finds the header when the shared strings come after the sheet (exceljs reported "no header row")', async () => {
    const run = await cli('check', fixture('sst-after-sheet.xlsx'), '--json', '--jurisdiction', 'NO', '--date', '2026-11-23');
    expect(JSON.parse(run.out)).toMatchObject({ sheet: 'Plan', headerRow: 1, rows: [{ row: 2, regime: 'NO-EXEMPT' }, { row: 3 }] });
  });

  it.each([
    ['row-50-million.xlsx', 'en', 'has a row numbered 50,000,000, but Excel sheets end at row 1,048,576'],
    ['bad-shared-string.xlsx', 'nb', 'viser til delt tekst nummer 99'],
    ['no-workbook.xlsx', 'sv', 'innehåller ingen Excel-arbetsbok'],
    ['all-hidden.xlsx', 'en', 'Every worksheet in'],
  ])('%s: exit 2 with a message in %s', async (name, lang, message) => {
    const run = await cli('check', fixture(name), '--jurisdiction', 'NO', '--lang', lang);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).not.toMatch(/\bat \w+ \(|XlsxError|Error:/);
  });

  it('a bomb: exit 2, nothing unpacked, the library message wrapped in the user language', async () => {
    const honest = await cli('check', hostile['bomb-honest.xlsx'] as string, '--jurisdiction', 'NO', '--lang', 'nb');
    expect(honest).toMatchObject({ code: 2, out: '' });
    expect(honest.err).toMatch(/pakkes ut til 2\s147\s483\s647 byte/);
    const lying = await cli('check', hostile['bomb-lying.xlsx'] as string, '--jurisdiction', 'NO', '--lang', 'en');
    expect(lying.code).toBe(2);
    expect(lying.err).toMatch(/is damaged and could not be read as a workbook \(zip: .+\)/);
  });

  it('a workbook that counts dates from 1904 is read with a warning that says what it means for dates', async () => {
    const run = await cli('check', hostile['date1904.xlsx'] as string, '--json', '--jurisdiction', 'NO', '--lang', 'en', '--date', '2026-11-23');
    expect(run.err).toContain('counts dates from 1904 (an old Mac setting), so dates stored as numbers read 4 years and 1 day early');
    expect(JSON.parse(run.out)).toMatchObject({ headerRow: 1 });
    const plain = await cli('check', fixture('sst-after-sheet.xlsx'), '--json', '--jurisdiction', 'NO');
    expect(plain.err).toBe('');
  });

  it('--sheet with a name that does not exist lists the sheets; on a CSV it names the one sheet', async () => {
    const xlsx = await cli('check', fixture('tabs-hidden-out-of-order.xlsx'), '--sheet', 'Nei', '--jurisdiction', 'NO', '--lang', 'en');
    expect(xlsx).toMatchObject({ code: 2, err: 'The workbook has no sheet "Nei". Sheets: Skjult, Plan, Andre.' });
    const csv = await cli('check', fixture('lo-plan.csv'), '--sheet', 'Ark1', '--jurisdiction', 'NO', '--lang', 'en');
    expect(csv).toMatchObject({ code: 2, err: 'A .csv file has one sheet, "lo-plan": --sheet Ark1 does not exist.' });
  });
});
