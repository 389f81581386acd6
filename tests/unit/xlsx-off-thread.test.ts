/**
 * The worksheet read on a thread of its own (cli/xlsx/read-off-thread.ts, the built
 * dist/cli/xlsx-reader.mjs): the same rows and the same refusals as the reader on the main thread,
 * and the built command's report on a large workbook the same as the in-process command's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/index.ts';
import { XlsxError, readXlsxRows, type WorksheetRow } from '../../cli/xlsx/index.ts';
import { OFF_THREAD_MIN_BYTES, readRowsOffThread, type OffThread } from '../../cli/xlsx/read-off-thread.ts';
import { BATCH_TEXT_CHARS, RowBatchWriter, SharedStringRef, readRowBatch, type RowBatch } from '../../cli/xlsx/row-batches.ts';
import { generateSheet, writePlanXlsx } from '../bench/plan-sheet.ts';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { bomb, buildPackage, cutOff, endlessCell, writeWorkbooks } from '../support/xlsx-fixtures.ts';

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/xlsx');
/** Every worksheet, however small, read on the built thread. */
const ALWAYS: OffThread = { worker: pathToFileURL(resolve(REPO_ROOT, 'dist/cli/xlsx-reader.mjs')), minBytes: 0 };

type Read = { readonly rows: WorksheetRow[] } | { readonly error: unknown };

async function read(path: string, sheet: string | undefined, offThread?: OffThread): Promise<Read> {
  const rows: WorksheetRow[] = [];
  try {
    const result = await readXlsxRows(path, sheet, () => (row) => void rows.push(row), offThread);
    if (!result.ok) return { error: result };
  } catch (error) {
    return { error };
  }
  return { rows };
}

/** Rows with their holes shown, so that a hole and an undefined value never compare equal. */
const shape = (rows: readonly WorksheetRow[]) => rows.map(({ index, cells }) => ({ index, keys: Object.keys(cells), cells }));

let dir = '';
let files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-off-thread-'));
  files = writeWorkbooks(dir, {
    'bomb-lying.xlsx': () => bomb('lying'),
    'endless-cell.xlsx': endlessCell,
    'cut-off.xlsx': cutOff,
    'wide-gap.xlsx': () =>
      buildPackage({ tabs: [{ name: 'Plan', xml: '<worksheet><sheetData><row r="3"><c r="A3"><v>1</v></c><c r="C3" t="b"><v>1</v></c><c r="XFD3" t="e"><v>#N/A</v></c></row><row r="9"><c r="B9" t="str"><v>x</v></c></row></sheetData></worksheet>' }] }),
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rows in batches across threads', () => {
  const value = fc.oneof(
    fc.double({ noNaN: true }),
    fc.nat(40).map((i) => new SharedStringRef(i)),
    fc.constant(null),
    fc.string({ maxLength: 8 }),
    fc.boolean(),
    fc.constantFrom({ error: '#REF!' }, { error: 'no-cached-result' }),
  );
  // Cells at given columns (later ones win), so rows have gaps: holes, as the reader leaves them.
  const row = fc.array(fc.tuple(fc.nat(70), value), { minLength: 1, maxLength: 30 }).map((placed) => {
    const cells: (CellValue | SharedStringRef)[] = [];
    for (const [column, v] of placed) cells[column] = v;
    return cells;
  });
  const strings = Array.from({ length: 41 }, (_, i) => `tekst ${i}`);
  const resolved = (cells: readonly (CellValue | SharedStringRef)[]): CellValue[] => {
    const out: CellValue[] = [];
    cells.forEach((v, i) => (out[i] = v instanceof SharedStringRef ? (strings[v.index] as string) : v));
    return out;
  };

  it('hands on every row as it was read, each shared string as the text it names, holes kept', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const batches: RowBatch[] = [];
        const writer = new RowBatchWriter();
        rows.forEach((cells, index) => {
          if (writer.add({ index, cells })) return;
          batches.push(writer.take().batch);
          expect(writer.add({ index, cells })).toBe(true);
        });
        if (!writer.isEmpty) batches.push(writer.take().batch);
        const out: WorksheetRow[] = [];
        for (const batch of batches) readRowBatch(batch, strings, (r) => void out.push(r));
        expect(shape(out)).toEqual(shape(rows.map((cells, index) => ({ index, cells: resolved(cells) }))));
      }),
      { numRuns: 500 },
    );
  });

  it('ends a batch when the next row would not fit, and a row of 16 384 cells fits an empty one', () => {
    const wide = Array.from({ length: 16_384 }, (_, i) => i);
    const writer = new RowBatchWriter();
    expect(writer.add({ index: 0, cells: wide })).toBe(true);
    expect(writer.add({ index: 1, cells: wide })).toBe(true);
    expect(writer.add({ index: 2, cells: [1] })).toBe(false);
    const { batch, transfer } = writer.take();
    expect(batch.rows).toEqual(Int32Array.from([0, 16_384, 1, 16_384]));
    expect(transfer).toHaveLength(4);
    expect(writer.isEmpty).toBe(true);
    expect(writer.add({ index: 2, cells: [1] })).toBe(true);
  });

  it('ends a batch once its texts reach their limit, and a row of long texts fits an empty one', () => {
    const long = 'x'.repeat(BATCH_TEXT_CHARS / 2);
    const writer = new RowBatchWriter();
    expect(writer.add({ index: 0, cells: [long, 1] })).toBe(true);
    expect(writer.add({ index: 1, cells: [long.slice(1)] })).toBe(true);
    expect(writer.add({ index: 2, cells: [1] })).toBe(true);
    writer.add({ index: 3, cells: ['x'] });
    expect(writer.add({ index: 4, cells: [1] })).toBe(false);
    const { batch } = writer.take();
    expect(batch.others).toHaveLength(3);
    expect(writer.add({ index: 4, cells: [long, long, long] })).toBe(true);
    expect(writer.add({ index: 5, cells: [1] })).toBe(false);
  });

  it('refuses an index past the shared strings, naming the cell', () => {
    const writer = new RowBatchWriter();
    writer.add({ index: 4, cells: [null, new SharedStringRef(7)] });
    expect(() => readRowBatch(writer.take().batch, ['a'], () => {})).toThrow(expect.objectContaining({ code: 'bad-shared-string', params: { cell: 'B5', index: '7' } }) as Error);
  });
});

describe('the worksheet read on its own thread', () => {
  it.each([
    ['sst-after-sheet.xlsx', undefined],
    ['tabs-hidden-out-of-order.xlsx', undefined],
    ['absolute-targets.xlsx', undefined],
    ['extras.xlsm', undefined],
    ['cell-kinds.xlsx', undefined],
    ['no-r-attributes.xlsx', undefined],
    ['lo-kinds.xlsx', undefined],
    ['lo-kinds.xlsx', 'Notater'],
    ['lo-plan.xlsx', undefined],
  ])('%s (%s) gives the rows the main thread reads', async (name, sheet) => {
    const here = await read(join(FIXTURES, name), sheet);
    expect('rows' in here && here.rows.length).toBeGreaterThan(0);
    const there = await read(join(FIXTURES, name), sheet, ALWAYS);
    expect('rows' in there && shape(there.rows)).toEqual('rows' in here && shape(here.rows));
  });

  it('keeps a wide gap a hole, and the cells after it where they are', async () => {
    const there = await read(files['wide-gap.xlsx'] as string, undefined, ALWAYS);
    expect('rows' in there && shape(there.rows)).toEqual([
      { index: 2, keys: ['0', '1', '2', '16383'], cells: Object.assign([1, null, true], { 16383: { error: '#N/A' } }) },
      { index: 8, keys: ['0', '1'], cells: [null, 'x'] },
    ]);
  });

  it.each([
    ['row-50-million.xlsx', 'row-out-of-range', FIXTURES],
    ['column-past-xfd.xlsx', 'column-out-of-range', FIXTURES],
    ['bad-shared-string.xlsx', 'bad-shared-string', FIXTURES],
    ['bomb-lying.xlsx', 'corrupt-zip', ''],
    ['endless-cell.xlsx', 'element-too-large', ''],
    ['cut-off.xlsx', 'bad-xml', ''],
  ])('%s is refused as %s, as on the main thread', async (name, code, folder) => {
    const path = folder ? join(folder, name) : (files[name] as string);
    const here = await read(path, undefined);
    const there = await read(path, undefined, ALWAYS);
    expect(here).toMatchObject({ error: { code } });
    expect(there).toMatchObject({ error: { code } });
    expect((there as { error: XlsxError }).error.params).toEqual((here as { error: XlsxError }).error.params);
  });

  it('takes every row when the shared strings are read after the thread has ended', async () => {
    const strings = new Promise<string[]>((resolve) => setTimeout(() => resolve(['Beskrivelse', 'Estimert verdi', 'Renhold skole', 'Kantine']), 500));
    const rows: WorksheetRow[] = [];
    const part = 'xl/worksheets/sheet1.xml';
    await readRowsOffThread(ALWAYS.worker, join(FIXTURES, 'sst-after-sheet.xlsx'), part, strings, (row) => void rows.push(row));
    expect(rows.map((r) => r.cells)).toEqual([
      ['Beskrivelse', 'Estimert verdi'],
      ['Renhold skole', 90000],
      ['Kantine', 2500000],
    ]);
  });

  it('stops when the rows are refused where they are checked, with that error', async () => {
    const refused = new Error('rows out of order');
    let rows = 0;
    const reading = readXlsxRows(
      join(FIXTURES, 'lo-kinds.xlsx'),
      undefined,
      () => () => {
        if (++rows === 2) throw refused;
      },
      ALWAYS,
    );
    await expect(reading).rejects.toBe(refused);
    expect(rows).toBe(2);
  });
});

describe('the built command on a workbook large enough to be read on its own thread', () => {
  it('prints the report the command run in-process prints', async () => {
    const file = join(dir, 'large.xlsx');
    await writePlanXlsx(file, generateSheet(11_000));
    const args = ['check', file, '--json', '--jurisdiction', 'NO', '--date', '2026-11-23'];
    const built = spawnSync(process.execPath, [resolve(REPO_ROOT, 'dist/cli/inkludo.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const inProcess = await cli(...args);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(inProcess.code);
    expect(built.stdout).toBe(`${inProcess.out}\n`);
    expect(JSON.parse(built.stdout)).toMatchObject({ summary: { rowsChecked: 11_000 } });
    // The sheet is past the size read on the main thread: this run took the thread.
    const { readZipEntries } = await import('../support/zip-read.ts');
    expect((await readZipEntries(file)).get('xl/worksheets/sheet1.xml')?.data.length).toBeGreaterThan(OFF_THREAD_MIN_BYTES);
  }, 60_000);
});
