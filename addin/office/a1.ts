/** A1 addresses: column letters (from core), cell and row-span addresses, and the used range's last cell. */
import { columnLetters } from '../../core/index.ts';

export { columnLetters };

/** `A1:K200` for rows `firstRow`..`lastRow` (1-based) and 0-based columns `firstCol`..`lastCol`. */
export function blockAddress(firstRow: number, lastRow: number, firstCol: number, lastCol: number): string {
  return `${columnLetters(firstCol)}${firstRow}:${columnLetters(lastCol)}${lastRow}`;
}

/** A sheet name as Excel formulas and hyperlinks need it: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The last cell of a used-range address such as `Sheet1!B3:M100002` or `'My sheet'!C7`:
 * 1-based row and column count from A1. Null when the address cannot be read.
 */
export function lastCellOf(address: string): { rows: number; columns: number } | null {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const last = cells.split(':').pop() ?? '';
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(last.toUpperCase());
  if (!m) return null;
  const letters = m[1] ?? '';
  let columns = 0;
  for (const ch of letters) columns = columns * 26 + (ch.charCodeAt(0) - 64);
  return { rows: Number(m[2]), columns };
}
