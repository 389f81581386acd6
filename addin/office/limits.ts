/**
 * How much one `context.sync()` may carry. Excel on the web rejects requests and responses over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * and every sync is a round trip, so each batch is made as large as stays safely under that limit.
 */

/**
 * Cells read per sync: 100 000 cells at up to ~40 bytes of JSON each stays under 4 MB. For a
 * 12-column sheet that is 8 333 rows per block, so 100 000 rows take 12 reads.
 */
export const READ_CELLS_PER_SYNC = 100_000;

/**
 * Bytes written per sync. Results are ours, so their size is known before sending: rows are added to
 * a batch until their estimated JSON size reaches this budget (4 MB, 1 MB under the limit).
 */
export const WRITE_BYTES_PER_SYNC = 4_000_000;

/** Rows per read block for a sheet `columns` wide: at least one row, however wide the sheet. */
export function rowsPerReadBlock(columns: number): number {
  return Math.max(1, Math.floor(READ_CELLS_PER_SYNC / Math.max(1, columns)));
}

/**
 * Worst-case JSON size of one cell as Office sends it: quotes and a separator, one byte per printable
 * ASCII character, six for anything that may be escaped (`\u00f8`, `\"`).
 */
export function cellBytes(value: unknown): number {
  if (typeof value !== 'string') return 24;
  const escaped = value.match(/[^\x20-\x7e]|["\\]/g)?.length ?? 0;
  return value.length + 5 * escaped + 3;
}
