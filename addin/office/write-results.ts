import { blockAddress, columnLetters } from './a1.ts';
import { WRITE_BYTES_PER_SYNC, cellBytes } from './limits.ts';
import { RESULT_COLUMNS, USER_TEXT_COLUMNS, isResultHeader, type ResultTable } from './result-table.ts';
import { RESULTS_SHEET } from './results-sheet-name.ts';

export type WriteOutcome = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly reason: 'foreign-sheet' };

const LAST_COLUMN = RESULT_COLUMNS.length - 1;
const USER_TEXT_INDEXES = USER_TEXT_COLUMNS.map((c) => RESULT_COLUMNS.indexOf(c));

/** Rows [start, end) of the table grouped so that each group's estimated JSON stays under the budget. */
export function writeBatches(rows: ResultTable['rows']): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    // Each row also carries a number format per user-text cell.
    const size = row.reduce<number>((n, v) => n + cellBytes(v), 0) + USER_TEXT_INDEXES.length * 6;
    if (i > start && bytes + size > WRITE_BYTES_PER_SYNC) {
      out.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < rows.length) out.push([start, rows.length]);
  return out;
}

/** Conditional formats on the status column: the fills keep dark text readable (contrast ≥ 4.5:1). */
function highlight(sheet: Excel.Worksheet, rows: number, table: ResultTable): void {
  const status = RESULT_COLUMNS.indexOf('status');
  const range = sheet.getRange(blockAddress(2, rows + 1, status, status));
  const styles = [
    [table.statusWords.error, '#F8D7DA', '#58151C'],
    [table.statusWords.warning, '#FFF3CD', '#664D03'],
  ] as const;
  for (const [text, fill, font] of styles) {
    const cf = range.conditionalFormats.add('ContainsText');
    cf.textComparison.format.fill.color = fill;
    cf.textComparison.format.font.color = font;
    cf.textComparison.rule = { operator: 'Contains', text };
  }
}

/**
 * Replaces the results sheet with `table`. The user's sheets are never written: the only sheet
 * deleted is one whose header row this add-in wrote (in any language); a user's own sheet that
 * happens to be called "Inkludo" is left alone and reported.
 */
export async function writeResults(table: ResultTable): Promise<WriteOutcome> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(RESULTS_SHEET);
    existing.load('isNullObject');
    await context.sync();
    if (!existing.isNullObject) {
      const header = existing.getRange(blockAddress(1, 1, 0, LAST_COLUMN));
      header.load('values');
      await context.sync();
      if (!isResultHeader(header.values[0] ?? [])) return { ok: false, reason: 'foreign-sheet' } as const;
      existing.delete();
    }

    const sheet = sheets.add(RESULTS_SHEET);
    const headerRange = sheet.getRange(blockAddress(1, 1, 0, LAST_COLUMN));
    headerRange.values = [[...table.header]];
    headerRange.format.font.bold = true;

    const batches = writeBatches(table.rows);
    for (const [start, end] of batches) {
      const first = start + 2; // row 1 is the header
      const last = end + 1;
      const rows = table.rows.slice(start, end);
      for (const col of USER_TEXT_INDEXES) sheet.getRange(blockAddress(first, last, col, col)).numberFormat = rows.map(() => ['@']);
      sheet.getRange(blockAddress(first, last, 0, 0)).formulas = rows.map((r) => [r[0]]);
      sheet.getRange(blockAddress(first, last, 1, LAST_COLUMN)).values = rows.map((r) => r.slice(1));
      if (end < table.rows.length) await context.sync();
    }
    if (table.rows.length > 0) highlight(sheet, table.rows.length, table);
    // The short columns only: autofitting the explanation would make it screens wide.
    sheet.getRange(`A:${columnLetters(RESULT_COLUMNS.indexOf('currency'))}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { ok: true, rows: table.rows.length } as const;
  });
}
