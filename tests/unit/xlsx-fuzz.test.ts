import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { NO_CELLS, type CellValue } from '../../core/index.ts';
import { XlsxError, readXlsxCells, readXlsxRows } from '../../cli/xlsx/index.ts';
import type { OffThread } from '../../cli/xlsx/read-off-thread.ts';
import { MAX_COLUMNS, MAX_ROWS } from '../../cli/xlsx/limits.ts';
import { decodeText, escapeXml, escapeXmlText } from '../../cli/xlsx/xml.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { buildZip } from '../support/zip-build.ts';
import { readZipEntries } from '../support/zip-read.ts';

// Real workbooks: two written by LibreOffice, one built by hand with every kind of cell.
const SOURCES = ['tests/fixtures/xlsx/lo-kinds.xlsx', 'samples/innkjopsplan-2027.xlsx', 'tests/fixtures/xlsx/cell-kinds.xlsx'].map((p) => resolve(REPO_ROOT, p));

/** Every worksheet read on the reading thread as built (the test command builds the CLI before the tests run). */
const ON_THREAD: OffThread = { worker: pathToFileURL(resolve(REPO_ROOT, 'dist/cli/xlsx-reader.mjs')), minBytes: 0 };
let dir = '';
let runs = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What reading gives: the tabs when the sheet is missing, the cells, or the reader's refusal. */
type Outcome = { readonly sheets: readonly string[] } | { readonly cells: readonly (readonly CellValue[])[] } | { readonly refused: XlsxError };

/** The outcome on the built reading thread, its rows put as readXlsxCells puts them. */
async function outcomeOnThread(path: string, sheet: string | undefined): Promise<Outcome> {
  const cells: CellValue[][] = [];
  try {
    const read = await readXlsxRows(path, sheet, () => (row) => {
      while (cells.length < row.index) cells.push(NO_CELLS as CellValue[]);
      cells[row.index] = row.cells;
    }, ON_THREAD);
    return read.ok ? { cells } : { sheets: read.sheets };
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    return { refused: error };
  }
}

/**
 * Reads the bytes as a workbook: either cells within Excel's limits or a typed refusal, nothing else.
 * Every eighth file is also read on the reading thread the built command uses: the same outcome.
 */
async function readWithinLimits(bytes: Buffer, sheet?: string): Promise<void> {
  const run = runs++;
  const path = join(dir, `${run}.xlsx`);
  writeFileSync(path, bytes);
  let outcome: Outcome;
  try {
    const read = await readXlsxCells(path, sheet);
    outcome = read.ok ? { cells: read.worksheet.cells } : { sheets: read.sheets };
    if (read.ok) {
      expect(read.worksheet.cells.length).toBeLessThanOrEqual(MAX_ROWS);
      for (const row of read.worksheet.cells) expect(row.length).toBeLessThanOrEqual(MAX_COLUMNS);
    }
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    outcome = { refused: error };
  }
  try {
    if (run % 8 === 0) {
      const onThread = await outcomeOnThread(path, sheet);
      if ('refused' in outcome) expect(onThread).toMatchObject({ refused: { code: outcome.refused.code } });
      else expect(onThread).toEqual(outcome);
    }
  } finally {
    rmSync(path);
  }
}

describe('text written into a results sheet', () => {
  it('reads back as written, in an attribute or an element, whatever it holds (markup, entities, OOXML escapes, control characters)', () => {
    const tricky = fc.constantFrom('&', '<', '>', '"', '_x', '_x000D_', '_x005F_', '\u0000', '\u001F', '\uFFFE', '&amp;', 'æ', '\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const attribute = escapeXml(text);
        const element = escapeXmlText(text);
        // eslint-disable-next-line no-control-regex
        expect(attribute).not.toMatch(/[<>"\u0000-\u0008]/);
        // eslint-disable-next-line no-control-regex
        expect(element).not.toMatch(/[<>\u0000-\u0008]/);
        // Element text differs only in keeping its double quotes.
        expect(element.replaceAll('"', '&quot;')).toBe(attribute);
        expect(decodeText(attribute)).toBe(text);
        expect(decodeText(element)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the workbook reader on mutated real workbooks', () => {
  it('byte flips anywhere in the zip', async () => {
    const files = SOURCES.map((p) => readFileSync(p));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: files.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (which, flips) => {
        const bytes = Buffer.from(files[which] as Buffer);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        await readWithinLimits(bytes);
      }),
      { numRuns: 300 },
    );
  });

  // Inside a valid zip, the XML itself is mutated: the tokenizer, the package reading and the cell
  // conversion meet text no spreadsheet program writes.
  const FRAGMENTS = ['<', '>', '/>', '</', '<c r="', '<row r="', '"', "'", '&', '&#x', ';', '_x', '<v>', '</v>', '<f>', 't="s"', 't="e"', 't="inlineStr"', '<is><t>', '</t></is>', '<si>', '</si>', '<![CDATA[', ']]>', '<!--', '-->', 'r="XFD1048576"', 'r="A1048577"', '99999999', '-1', ':', 'x:', ' '];

  it('insertions and deletions in every XML part', async () => {
    const packages = await Promise.all(SOURCES.map((p) => readZipEntries(p)));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: packages.length - 1 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 4 })), { minLength: 1, maxLength: 6 }),
        fc.option(fc.constantFrom('Plan 2027', 'Notater', 'Innkjøpsplan 2027', 'Plan', 'nope'), { nil: undefined }),
        async (which, partPick, edits, sheet) => {
          const entries = [...(packages[which] as Map<string, { data: Buffer }>)];
          const xmlParts = entries.filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'));
          const [target] = xmlParts[partPick % xmlParts.length] as [string, unknown];
          await readWithinLimits(
            buildZip(
              entries.map(([name, entry]) => {
                if (name !== target) return { name, data: entry.data };
                let text = entry.data.toString('utf8');
                for (const [at, remove, insert] of edits) {
                  const pos = at % (text.length + 1);
                  text = text.slice(0, pos) + insert.join('') + text.slice(pos + remove);
                }
                return { name, data: text };
              }),
            ),
            sheet,
          );
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);
});
