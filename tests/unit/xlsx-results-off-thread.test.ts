/**
 * The --out results sheet written on a thread of its own (cli/xlsx/results-off-thread.ts, the built
 * dist/cli/xlsx-results.mjs): the rows cross in batches (result-batches.ts) exactly as they were made,
 * and the copy is the copy the main thread writes, part for part; a thread that fails is a clear
 * error that leaves nothing behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { ResultBatchWriter, readResultBatch, type ResultBatch } from '../../cli/xlsx/result-batches.ts';
import { OFF_THREAD_MIN_ROWS, type ResultsOffThread } from '../../cli/xlsx/results-off-thread.ts';
import type { ResultCell, ResultRow } from '../../cli/xlsx/results-sheet.ts';
import { generateSheet, writePlanXlsx } from '../bench/plan-sheet.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { readZipEntries } from '../support/zip-read.ts';

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/xlsx');
/** Every results sheet, however small, written on the built thread. */
const ALWAYS: ResultsOffThread = { worker: pathToFileURL(resolve(REPO_ROOT, 'dist/cli/xlsx-results.mjs')), minRows: 0 };
const CHECK = ['--jurisdiction', 'NO', '--date', '2026-11-23', '--lang', 'en'] as const;

/** `inkludo` run in-process, its results sheet written on `resultsWriter` when given. */
async function run(argv: readonly string[], resultsWriter?: ResultsOffThread) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, ...(resultsWriter ? { resultsWriter } : {}) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Rows through the batches, as the writing thread reads them. */
function crossed(rows: readonly ResultRow[]): { rows: ResultRow[]; batches: ResultBatch[] } {
  const writer = new ResultBatchWriter();
  const batches: ResultBatch[] = [];
  for (const row of rows) {
    writer.add(row);
    if (writer.isFull) batches.push(writer.take().batch);
  }
  if (!writer.isEmpty) batches.push(writer.take().batch);
  const kept: string[] = [];
  const read: ResultRow[] = [];
  for (const batch of batches) readResultBatch(batch, kept, (row) => read.push(row));
  return { rows: read, batches };
}

describe('result rows in batches across threads', () => {
  const pool = ['Feil', 'OK', 'NOK', 'Over EØS-terskel', ' space at start', 'end space ', '', '<&>"\'', '𝔘'];
  const text = fc.oneof(fc.constantFrom(...pool), fc.string({ unit: 'grapheme', maxLength: 12 }));
  const cell: fc.Arbitrary<ResultCell> = fc.oneof(
    text,
    fc.constant(null),
    fc.double(),
    fc.integer(),
    fc.array(text, { maxLength: 5 }).map((parts) => ({ parts })),
  );
  const row = fc.record({ sourceRow: fc.integer({ min: 1, max: 1_048_576 }), cells: fc.array(cell, { maxLength: 14 }) });

  it('hands on every row as it was added: texts, numbers, empty cells and parts', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3000 }), (rows) => {
        expect(crossed(rows).rows).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps what both sides hold bounded: a column of unique texts and 70 000 distinct parts still cross as they were', () => {
    const rows: ResultRow[] = Array.from({ length: 70_000 }, (_, i) => ({
      sourceRow: i + 2,
      cells: [i + 2, 'Feil', `Unique description ${i}`, { parts: [`Finding ${i}`, 'Shared finding', `Finding ${i % 50}`] }, i % 3 === 0 ? null : `Supplier ${i % 5000}`],
    }));
    const { rows: read, batches } = crossed(rows);
    expect(read).toEqual(rows);
    // Kept: each column's first 4 096 distinct texts, and the first 65 536 parts; the rest is sent as it is.
    const kept = batches.reduce((n, b) => n + b.kept.length, 0);
    expect(kept).toBeLessThanOrEqual(5 * 4096 + 65_536);
    expect(kept).toBeGreaterThan(65_536);
    expect(batches.reduce((n, b) => n + b.sent.length, 0)).toBeGreaterThan(70_000);
  });

  it('ends a batch once its texts reach their limit, and a row of long texts fits an empty one', () => {
    const long = (i: number) => `${i}`.padEnd(1024 * 1024, 'x');
    const rows: ResultRow[] = Array.from({ length: 12 }, (_, i) => ({ sourceRow: i + 2, cells: [long(i), { parts: [long(100 + i)] }] }));
    const { rows: read, batches } = crossed(rows);
    expect(read).toEqual(rows);
    expect(batches.length).toBeGreaterThanOrEqual(6);
    for (const b of batches) expect(b.kept.length + b.sent.length).toBeLessThanOrEqual(6);
  });
});

let dir = '';
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-results-thread-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each part's name and inflated bytes, in the zip's order. */
async function parts(path: string): Promise<[string, string][]> {
  return [...(await readZipEntries(path))].map(([name, entry]) => [name, entry.data.toString('base64')]);
}

describe('the copy written on the results thread', () => {
  /** A plan past the size written on the main thread. */
  let large = '';
  beforeAll(async () => {
    large = join(dir, 'large.xlsx');
    await writePlanXlsx(large, generateSheet(11_000));
  }, 60_000);
  const inputs = readdirSync(FIXTURES).filter((name) => /\.(xlsx|xlsm|csv)$/.test(name));

  it.each(inputs.flatMap((name) => [[name, '--json'], [name, '--lang']]))('%s (%s): the same report, exit code and copy as written on the main thread', async (name, mode) => {
    const input = join(dir, `${n++}-${name}`);
    copyFileSync(join(FIXTURES, name), input);
    const ext = name.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
    const [here, there] = [join(dir, `${n++}-here${ext}`), join(dir, `${n++}-there${ext}`)];
    const flags = mode === '--json' ? ['--json'] : [];
    const inProcess = await run(['check', input, '--out', here, ...flags, ...CHECK]);
    const onThread = await run(['check', input, '--out', there, ...flags, ...CHECK], ALWAYS);
    expect(onThread.code).toBe(inProcess.code);
    expect(onThread.out).toBe(inProcess.out.replaceAll(here, there));
    expect(onThread.err).toBe(inProcess.err.replaceAll(here, there));
    expect(existsSync(there)).toBe(existsSync(here));
    if (existsSync(here)) expect(await parts(there)).toEqual(await parts(here));
  }, 30_000);

  it('the built command writes an 11 000-row results sheet on the thread: the same copy as in-process', async () => {
    const file = large;
    const [here, there] = [join(dir, 'large-here.xlsx'), join(dir, 'large-there.xlsx')];
    const built = spawnSync(process.execPath, [resolve(REPO_ROOT, 'dist/cli/inkludo.mjs'), 'check', file, '--json', '--out', there, ...CHECK], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const inProcess = await run(['check', file, '--json', '--out', here, ...CHECK]);
    expect(built.status).toBe(inProcess.code);
    expect(built.stdout).toBe(`${inProcess.out}\n`);
    expect(built.stderr).toBe(`${inProcess.err.replaceAll(here, there)}\n`);
    expect(JSON.parse(built.stdout)).toMatchObject({ summary: { rowsChecked: 11_000 } });
    // Past the size written on the main thread: this run took the thread.
    expect(11_000).toBeGreaterThanOrEqual(OFF_THREAD_MIN_ROWS);
    expect(await parts(there)).toEqual(await parts(here));
  }, 90_000);

  it('a reader that stops early ends the built command quietly, and its copy under way leaves nothing behind', async () => {
    const folder = mkdtempSync(join(dir, 'closed-pipe-'));
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'dist/cli/inkludo.mjs'), 'check', large, '--json', '--out', join(folder, 'checked.xlsx'), ...CHECK], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The first bytes of the report: the copy is under way by then; the reader goes.
    child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(141);
    expect(stderr).toBe('');
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('a thread that fails is a clear error, and leaves neither the copy nor its temporary file', async () => {
    const folder = mkdtempSync(join(dir, 'failing-'));
    const input = join(folder, 'plan.xlsx');
    copyFileSync(join(FIXTURES, 'lo-plan.xlsx'), input);
    const out = join(folder, 'checked.xlsx');
    // It fails as it starts, before it is given the table.
    const failing: ResultsOffThread = { worker: new URL('data:text/javascript,throw new Error("disk on fire")'), minRows: 0 };
    const result = await run(['check', input, '--json', '--out', out, ...CHECK], failing);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/could not be written.*disk on fire/s);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(folder)).toEqual(['plan.xlsx']);
  });

  it('a thread started for more rows than were checked is not given the table, and the copy is written here as without it', async () => {
    const input = join(dir, `${n++}-lo-plan.xlsx`);
    copyFileSync(join(FIXTURES, 'lo-plan.xlsx'), input);
    const [here, there] = [join(dir, `${n++}-here.xlsx`), join(dir, `${n++}-there.xlsx`)];
    const inProcess = await run(['check', input, '--json', '--out', here, ...CHECK]);
    // The sheet's rows include its header: one row more than were checked starts the thread, and the table is one row short of it.
    const { summary } = JSON.parse(inProcess.out) as { summary: { rowsChecked: number } };
    // A module that is not a writer: had the table been given to it, the copy would have failed.
    const idle: ResultsOffThread = { worker: new URL('data:text/javascript,setInterval(() => {}, 1000)'), minRows: summary.rowsChecked + 1 };
    const started = await run(['check', input, '--json', '--out', there, ...CHECK], idle);
    expect(started.code).toBe(inProcess.code);
    expect(started.err).toBe(inProcess.err.replaceAll(here, there));
    expect(await parts(there)).toEqual(await parts(here));
  });
});
