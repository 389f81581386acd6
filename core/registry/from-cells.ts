/**
 * A worksheet's cells (an .xlsx read by the CLI, a range read by the add-in) as registry text, so a
 * spreadsheet list goes through the same import as a CSV file: one line per sheet row (empty rows
 * kept), so every issue's line number is the sheet's row number.
 */
import Papa from 'papaparse/papaparse.js';
import { cellText } from '../sheet/cells.ts';
import type { CellValue } from '../sheet/types.ts';

export function registryTextFromCells(rows: readonly (readonly CellValue[])[]): string {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const table = rows.map((row) => Array.from({ length: width }, (_, i) => cellText(row[i]).replace(/\r?\n/g, ' ')));
  return `${Papa.unparse(table, { delimiter: '\t', newline: '\n', escapeFormulae: false })}\n`;
}
