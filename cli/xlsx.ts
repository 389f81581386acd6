/**
 * .xlsx in and out for the CLI only (exceljs is a Node dependency; core never sees it). Reading uses
 * exceljs' streaming reader (sharedStrings cached, styles ignored: the fastest and leanest reader on
 * 100 000 rows, see research/toolchain.md) and turns each cell into a core CellValue. With styles
 * ignored, date cells arrive as Excel serial numbers, exactly as Office.js range.values gives them;
 * core/sheet reads those in the date column.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/index.ts';

export interface ReadWorksheet {
  readonly sheet: string;
  readonly cells: CellValue[][];
}

export type ReadXlsxResult = { readonly ok: true; readonly worksheet: ReadWorksheet } | { readonly ok: false; readonly sheets: readonly string[] };

function isoDate(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** One exceljs cell value as a plain cell: formulas give their cached result, rich text and hyperlinks their text. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((part: unknown) => (typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    // exceljs drops a cached result of 0 (`<v>0</v>`): a formula without a result is 0.
    return toCellValue(v.result ?? 0);
  }
  if ('hyperlink' in v) return toCellValue(v.text ?? v.hyperlink);
  if (typeof v.error === 'string') return v.error;
  if ('text' in v) return toCellValue(v.text);
  return null;
}

interface NamedWorksheetReader extends AsyncIterable<ExcelJS.Row> {
  readonly name?: string;
}

/**
 * The cells of one worksheet (the first one, or the one named `sheetName`), with empty rows kept so
 * that index + 1 is the sheet row number. Worksheets before it are drained unread.
 */
export async function readXlsxCells(path: string, sheetName?: string): Promise<ReadXlsxResult> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const seen: string[] = [];
  for await (const worksheet of reader as unknown as AsyncIterable<NamedWorksheetReader>) {
    const name = worksheet.name ?? `Sheet${seen.length + 1}`;
    seen.push(name);
    if (sheetName !== undefined && name !== sheetName) continue;
    const cells: CellValue[][] = [];
    for await (const row of worksheet) {
      while (cells.length < row.number - 1) cells.push([]);
      const values = row.values as unknown[];
      const out: CellValue[] = [];
      // row.values is 1-based and sparse.
      for (let c = 1; c < values.length; c++) out.push(toCellValue(values[c]));
      cells.push(out);
    }
    return { ok: true, worksheet: { sheet: name, cells } };
  }
  return { ok: false, sheets: seen };
}

export interface ResultTable {
  readonly sheetName: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly note: string;
}

function freeName(workbook: ExcelJS.Workbook, wanted: string): string {
  let name = wanted;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${wanted} ${n}`;
  return name;
}

function addResults(workbook: ExcelJS.Workbook, table: ResultTable): string {
  const name = freeName(workbook, table.sheetName);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.addRow([]);
  sheet.addRow([table.note]).font = { italic: true };
  const widths = [8, 40, 28, 18, 9, 28, 90, 30];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  return name;
}

/** A copy of the workbook at `input` plus the results sheet, written to `out`. The input file is only read. */
export async function writeXlsxWithResults(input: string, out: string, table: ResultTable): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  const name = addResults(workbook, table);
  await workbook.xlsx.writeFile(out);
  return name;
}

/** A new workbook with the checked cells (from a .csv) as the first sheet and the results after it. */
export async function writeCellsWithResults(sheet: string, cells: readonly (readonly CellValue[])[], out: string, table: ResultTable): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(sheet.slice(0, 31) || 'Sheet1');
  for (const row of cells) data.addRow([...row]);
  const name = addResults(workbook, table);
  await workbook.xlsx.writeFile(out);
  return name;
}
