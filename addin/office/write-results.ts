import { blockAddress } from './a1.ts';
import { WRITE_BYTES_PER_SYNC, cellBytes } from './limits.ts';
import type { Progress } from './progress.ts';
import { FREEZE_PANES_API, excelApiAtLeast } from './requirements.ts';
import { RESULT_COLUMNS, USER_TEXT_COLUMNS, isResultHeader, resultLayout, type ResultTable, type RowStatus } from './result-table.ts';
import { RESULTS_SHEET } from './results-sheet-name.ts';

export type WriteOutcome = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly reason: 'foreign-sheet' | 'cancelled' };

const LAST_COLUMN = RESULT_COLUMNS.length - 1;
const USER_TEXT_INDEXES = USER_TEXT_COLUMNS.map((c) => RESULT_COLUMNS.indexOf(c));
const col = (c: (typeof RESULT_COLUMNS)[number]) => RESULT_COLUMNS.indexOf(c);

/** How far down an existing results sheet its header row may be (title, assumptions, legend above it). */
const HEADER_SEARCH_ROWS = 60;

/** The table's name in the workbook (names are workbook-wide; the old sheet and its table go first). */
export const RESULTS_TABLE = 'InkludoResults';

/** Widths in points of the long-text columns, which wrap instead of growing screens wide. */
const WRAPPED_WIDTHS: Partial<Record<(typeof RESULT_COLUMNS)[number], number>> = { description: 180, explanation: 400, supplier: 150, registry: 200 };

/** Status fills and text: Excel's own "good / neutral / bad" cell styles, each with text at ≥ 4.5:1. */
export const STATUS_COLOURS: Readonly<Record<RowStatus, { readonly fill: string; readonly font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#6B4E00' },
  info: { fill: '#DDEBF7', font: '#1F4E79' },
  ok: { fill: '#C6EFCE', font: '#006100' },
};

/** Rows [start, end) of the table grouped so that each group's estimated JSON stays under the budget. */
export function writeBatches(rows: ResultTable['rows']): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    // Each row also carries a number format per user-text cell and one for the value.
    const size = row.reduce<number>((n, v) => n + cellBytes(v), 0) + (USER_TEXT_INDEXES.length + 1) * 8;
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

/** Conditional formats on the status column: each status word gets its fill. */
function highlight(sheet: Excel.Worksheet, firstRow: number, lastRow: number, table: ResultTable): void {
  const status = col('status');
  const range = sheet.getRange(blockAddress(firstRow, lastRow, status, status));
  for (const { status: s, word } of table.legend) {
    const cf = range.conditionalFormats.add('ContainsText');
    cf.textComparison.format.fill.color = STATUS_COLOURS[s].fill;
    cf.textComparison.format.font.color = STATUS_COLOURS[s].font;
    cf.textComparison.rule = { operator: 'Contains', text: word };
  }
}

/** Title, assumptions and the legend above the table: plain values, nothing the user typed. */
function writePreamble(sheet: Excel.Worksheet, table: ResultTable): void {
  const layout = resultLayout(table);
  const title = sheet.getRange(blockAddress(layout.titleRow, layout.titleRow, 0, 0));
  title.values = [[table.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  if (table.assumptions.length > 0) {
    const lines = sheet.getRange(blockAddress(layout.firstAssumptionRow, layout.firstAssumptionRow + table.assumptions.length - 1, 0, 0));
    lines.numberFormat = table.assumptions.map(() => ['@']);
    lines.values = table.assumptions.map((line) => [line]);
  }
  table.legend.forEach(({ status, word, meaning }, i) => {
    const row = layout.firstLegendRow + i;
    const cell = sheet.getRange(blockAddress(row, row, col('status'), col('status')));
    cell.values = [[word]];
    cell.format.fill.color = STATUS_COLOURS[status].fill;
    cell.format.font.color = STATUS_COLOURS[status].font;
    sheet.getRange(blockAddress(row, row, col('status') + 1, col('status') + 1)).values = [[meaning]];
  });
}

/** Widths that fit: the short columns to their content, the long-text ones fixed and wrapped. */
function fitColumns(sheet: Excel.Worksheet, headerRow: number, lastRow: number): void {
  for (const [name, width] of Object.entries(WRAPPED_WIDTHS)) {
    const c = RESULT_COLUMNS.indexOf(name as (typeof RESULT_COLUMNS)[number]);
    sheet.getRange(blockAddress(headerRow, headerRow, c, c)).format.columnWidth = width;
    sheet.getRange(blockAddress(headerRow, lastRow, c, c)).format.wrapText = true;
  }
  for (const [c] of RESULT_COLUMNS.entries()) {
    if (!(RESULT_COLUMNS[c]! in WRAPPED_WIDTHS)) sheet.getRange(blockAddress(headerRow, lastRow, c, c)).format.autofitColumns();
  }
}

/**
 * Replaces the results sheet with `table`, as an Excel table under the title, the sheet's assumptions
 * and a status legend. The user's sheets are never written: the only sheet deleted is one whose header
 * row this add-in wrote (in any language); a user's own sheet that happens to be called "Inkludo" is
 * left alone and reported. A cancel between two batches removes the half-written sheet.
 */
export async function writeResults(table: ResultTable, progress: Progress = {}): Promise<WriteOutcome> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(RESULTS_SHEET);
    existing.load('isNullObject');
    await context.sync();
    if (!existing.isNullObject) {
      const top = existing.getRange(blockAddress(1, HEADER_SEARCH_ROWS, 0, LAST_COLUMN));
      top.load('values');
      await context.sync();
      if (!top.values.some((row) => isResultHeader(row))) return { ok: false, reason: 'foreign-sheet' } as const;
      existing.delete();
    }

    const layout = resultLayout(table);
    const lastRow = Math.max(layout.firstDataRow, layout.lastDataRow);
    const sheet = sheets.add(RESULTS_SHEET);
    writePreamble(sheet, table);
    sheet.getRange(blockAddress(layout.headerRow, layout.headerRow, 0, LAST_COLUMN)).values = [[...table.header]];

    const batches = writeBatches(table.rows);
    for (const [start, end] of batches) {
      if (progress.signal?.aborted) {
        sheet.delete();
        await context.sync();
        return { ok: false, reason: 'cancelled' } as const;
      }
      progress.onProgress?.({ phase: 'write', done: start, total: table.rows.length });
      const first = layout.firstDataRow + start;
      const last = layout.firstDataRow + end - 1;
      const rows = table.rows.slice(start, end);
      for (const c of USER_TEXT_INDEXES) sheet.getRange(blockAddress(first, last, c, c)).numberFormat = rows.map(() => ['@']);
      // '#,##0' is Excel's invariant code: each user's Excel shows it with their own separators.
      sheet.getRange(blockAddress(first, last, col('value'), col('value'))).numberFormat = rows.map(() => ['#,##0']);
      sheet.getRange(blockAddress(first, last, 0, 0)).formulas = rows.map((r) => [r[0]]);
      sheet.getRange(blockAddress(first, last, 1, LAST_COLUMN)).values = rows.map((r) => r.slice(1));
      if (end < table.rows.length) await context.sync();
    }
    const results = sheet.tables.add(blockAddress(layout.headerRow, lastRow, 0, LAST_COLUMN), true);
    results.name = RESULTS_TABLE;
    results.style = 'TableStyleLight9';
    if (table.rows.length > 0) highlight(sheet, layout.firstDataRow, layout.lastDataRow, table);
    fitColumns(sheet, layout.headerRow, lastRow);
    // The header row stays in view while scrolling; Excel before API 1.7 has the table header for that.
    if (excelApiAtLeast(FREEZE_PANES_API)) sheet.freezePanes.freezeRows(layout.headerRow);
    sheet.activate();
    await context.sync();
    return { ok: true, rows: table.rows.length } as const;
  });
}
