/**
 * Worksheet rows as compact batches, to cross from the reading thread to the main thread
 * (read-off-thread.ts): numbers and shared-string indices in typed arrays whose buffers are
 * transferred, not copied, and only the few other values (inline text, booleans, errors) cloned.
 * A shared string crosses as its index and becomes the main thread's own string again: cloning the
 * texts instead gave every cell a copy of its own, and the check's caches, keyed by text, hashed
 * and compared each copy anew (0.5 s more on 100 000 rows).
 */
import { columnLetters, type CellValue } from '../../core/index.ts';
import { XlsxError } from './errors.ts';
import { MAX_COLUMNS } from './limits.ts';
import type { WorksheetRow } from './worksheet.ts';

/** A shared-string cell read off the main thread: the string's index in the table. */
export class SharedStringRef {
  constructor(readonly index: number) {}
}

const NUMBER = 0;
const SHARED = 1;
const NULL = 2;
const OTHER = 3;

/** Cells per batch: a row has at most MAX_COLUMNS, so a full row always fits in an empty batch. */
const BATCH_CELLS = 2 * MAX_COLUMNS;
/**
 * Characters of text cells per batch, past which the batch ends (a row of long texts still fits an
 * empty batch): batches of long texts would otherwise hold hundreds of megabytes, in both threads.
 */
export const BATCH_TEXT_CHARS = 4 * 1024 * 1024;

export interface RowBatch {
  /** Per row: its 0-based index, then how many cells it has. */
  readonly rows: Int32Array;
  /** Per cell, in row order: its 0-based column, its kind, its number (a number cell's value, a shared string's index). */
  readonly columns: Int32Array;
  readonly kinds: Uint8Array;
  readonly numbers: Float64Array;
  /** The other cells' values, in order. */
  readonly others: CellValue[];
}

/** Rows gathered into a batch until it is full. */
export class RowBatchWriter {
  private rows = new Int32Array(2 * BATCH_CELLS);
  private columns = new Int32Array(BATCH_CELLS);
  private kinds = new Uint8Array(BATCH_CELLS);
  private numbers = new Float64Array(BATCH_CELLS);
  private others: CellValue[] = [];
  private rowCount = 0;
  private cellCount = 0;
  private textChars = 0;

  get isEmpty(): boolean {
    return this.rowCount === 0;
  }

  /** Adds a row; false (and nothing added) when it does not fit. */
  add({ index, cells }: WorksheetRow<SharedStringRef>): boolean {
    let cellCount = this.cellCount;
    if (cellCount + cells.length > BATCH_CELLS || 2 * this.rowCount + 2 > this.rows.length || this.textChars >= BATCH_TEXT_CHARS) return false;
    const { columns, kinds, numbers } = this;
    const first = cellCount;
    for (let column = 0; column < cells.length; column++) {
      const value = cells[column];
      // A hole: a gap wider than the reader pads (never a value of its own).
      if (value === undefined) continue;
      columns[cellCount] = column;
      if (typeof value === 'number') {
        kinds[cellCount] = NUMBER;
        numbers[cellCount] = value;
      } else if (value instanceof SharedStringRef) {
        kinds[cellCount] = SHARED;
        numbers[cellCount] = value.index;
      } else if (value === null) kinds[cellCount] = NULL;
      else {
        kinds[cellCount] = OTHER;
        this.others.push(value);
        if (typeof value === 'string') this.textChars += value.length;
      }
      cellCount++;
    }
    this.rows[2 * this.rowCount] = index;
    this.rows[2 * this.rowCount + 1] = cellCount - first;
    this.rowCount++;
    this.cellCount = cellCount;
    return true;
  }

  /** The batch so far, with the buffers to transfer; the writer starts a new one. */
  take(): { readonly batch: RowBatch; readonly transfer: ArrayBuffer[] } {
    const batch: RowBatch = {
      rows: this.rows.slice(0, 2 * this.rowCount),
      columns: this.columns.slice(0, this.cellCount),
      kinds: this.kinds.slice(0, this.cellCount),
      numbers: this.numbers.slice(0, this.cellCount),
      others: this.others,
    };
    this.others = [];
    this.rowCount = 0;
    this.cellCount = 0;
    this.textChars = 0;
    return { batch, transfer: [batch.rows.buffer, batch.columns.buffer, batch.kinds.buffer, batch.numbers.buffer] as ArrayBuffer[] };
  }
}

/** Hands on a batch's rows as the reader made them, each shared string as the main thread's own text. */
export function readRowBatch(batch: RowBatch, sharedStrings: readonly string[], onRow: (row: WorksheetRow) => void): void {
  const { rows, columns, kinds, numbers, others } = batch;
  let cell = 0;
  let other = 0;
  for (let r = 0; r < rows.length; r += 2) {
    const index = rows[r] as number;
    const end = cell + (rows[r + 1] as number);
    const cells: CellValue[] = [];
    for (; cell < end; cell++) {
      const column = columns[cell] as number;
      let value: CellValue;
      switch (kinds[cell]) {
        case NUMBER:
          value = numbers[cell] as number;
          break;
        case SHARED: {
          const text = sharedStrings[numbers[cell] as number];
          if (text === undefined) throw new XlsxError('bad-shared-string', { cell: `${columnLetters(column)}${index + 1}`, index: String(numbers[cell]) });
          value = text;
          break;
        }
        case NULL:
          value = null;
          break;
        default:
          value = others[other++] as CellValue;
      }
      if (column === cells.length) cells.push(value);
      else cells[column] = value;
    }
    onRow({ index, cells });
  }
}
