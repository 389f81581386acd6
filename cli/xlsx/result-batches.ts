/**
 * The results sheet's rows as compact batches, to cross from the main thread to the thread that
 * writes the sheet (results-off-thread.ts): codes and numbers in typed arrays whose buffers are
 * transferred. Most cells repeat a few texts (status words, labels, finding texts, a supplier's
 * name): each such text is sent once and then named by its id, so it is neither copied again nor
 * hashed again by the writer's caches. A column whose texts do not repeat (descriptions) sends them
 * as they are, and neither side keeps them.
 */
import type { ResultCell, ResultRow } from './results-sheet.ts';

/** A cell's code: a kept text's id (0 or more), or one of these; parts: PARTS - n, then the n parts' codes. */
const NULL = -1;
const NUMBER = -2;
/** The batch's next text sent as it is. */
const SENT = -3;
const PARTS = -4;

/** Rows per batch: a batch is on its way while the next is made. */
const BATCH_ROWS = 1024;
/** Characters of texts per batch, past which the batch ends (a batch of long texts stays small). */
const BATCH_TEXT_CHARS = 4 * 1024 * 1024;
/** Distinct texts a column keeps at most, as the sheet's writer does (results-sheet.ts); parts, which a whole sheet's rows share, more. */
const KEPT_PER_COLUMN = 4096;
const KEPT_PARTS = 65_536;
/** Characters of kept texts, past which new texts are sent as they are: what both threads keep stays bounded. */
const KEPT_CHARS = 16 * 1024 * 1024;

/** A column's texts kept with their ids; null once full without a text ever coming twice. */
interface KeptTexts {
  ids: Map<string, number> | null;
  repeated: boolean;
  readonly max: number;
}

export interface ResultBatch {
  /** Per row: its source row, its number of cells, then a code per cell. */
  readonly codes: Int32Array;
  /** The number cells' values, in order. */
  readonly numbers: Float64Array;
  /** The texts kept from this batch on, their ids following on from those kept before. */
  readonly kept: readonly string[];
  /** The texts sent as they are, in order. */
  readonly sent: readonly string[];
}

/** Rows gathered into a batch until it is full. */
export class ResultBatchWriter {
  private readonly columns: KeptTexts[] = [];
  private readonly parts: KeptTexts = { ids: new Map(), repeated: false, max: KEPT_PARTS };
  private keptCount = 0;
  private keptChars = 0;
  private codes = new Int32Array(16 * 1024);
  private codeCount = 0;
  private numbers: number[] = [];
  private kept: string[] = [];
  private sent: string[] = [];
  private textChars = 0;
  private rowCount = 0;

  get isEmpty(): boolean {
    return this.rowCount === 0;
  }

  get isFull(): boolean {
    return this.rowCount >= BATCH_ROWS || this.textChars >= BATCH_TEXT_CHARS;
  }

  private code(value: number): void {
    if (this.codeCount === this.codes.length) {
      const grown = new Int32Array(2 * this.codes.length);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.codeCount++] = value;
  }

  /** A text's code: its id where `texts` keeps it (kept now if there is room), else SENT. */
  private text(value: string, texts: KeptTexts): number {
    const ids = texts.ids;
    if (ids !== null) {
      const id = ids.get(value);
      if (id !== undefined) {
        texts.repeated = true;
        return id;
      }
      if (ids.size < texts.max && this.keptChars < KEPT_CHARS) {
        ids.set(value, this.keptCount);
        this.kept.push(value);
        this.keptChars += value.length;
        this.textChars += value.length;
        return this.keptCount++;
      }
      // A full column whose texts never came twice is not looked in again.
      if (!texts.repeated) texts.ids = null;
    }
    this.sent.push(value);
    this.textChars += value.length;
    return SENT;
  }

  add(row: ResultRow): void {
    this.code(row.sourceRow);
    this.code(row.cells.length);
    for (let c = 0; c < row.cells.length; c++) {
      const value = row.cells[c] ?? null;
      if (value === null) this.code(NULL);
      else if (typeof value === 'number') {
        this.code(NUMBER);
        this.numbers.push(value);
      } else if (typeof value === 'string') this.code(this.text(value, (this.columns[c] ??= { ids: new Map(), repeated: false, max: KEPT_PER_COLUMN })));
      else {
        this.code(PARTS - value.parts.length);
        for (let i = 0; i < value.parts.length; i++) this.code(this.text(value.parts[i] as string, this.parts));
      }
    }
    this.rowCount++;
  }

  /** The batch so far, with the buffers to transfer; the writer starts a new one. */
  take(): { readonly batch: ResultBatch; readonly transfer: ArrayBuffer[] } {
    const batch: ResultBatch = { codes: this.codes.slice(0, this.codeCount), numbers: Float64Array.from(this.numbers), kept: this.kept, sent: this.sent };
    this.codeCount = 0;
    this.numbers = [];
    this.kept = [];
    this.sent = [];
    this.textChars = 0;
    this.rowCount = 0;
    return { batch, transfer: [batch.codes.buffer, batch.numbers.buffer] as ArrayBuffer[] };
  }
}

/** Hands on a batch's rows as they were added; `kept` holds the texts kept so far, and takes the batch's. */
export function readResultBatch(batch: ResultBatch, kept: string[], onRow: (row: ResultRow) => void): void {
  for (const text of batch.kept) kept.push(text);
  const { codes, numbers, sent } = batch;
  let at = 0;
  let number = 0;
  let next = 0;
  const text = (code: number): string => {
    const value = code === SENT ? sent[next++] : kept[code];
    if (value === undefined) throw new Error(`results batch: no text for code ${code}`);
    return value;
  };
  while (at < codes.length) {
    const sourceRow = codes[at++] as number;
    const cellCount = codes[at++] as number;
    const cells: ResultCell[] = [];
    for (let c = 0; c < cellCount; c++) {
      const code = codes[at++] as number;
      if (code >= 0 || code === SENT) cells.push(text(code));
      else if (code === NULL) cells.push(null);
      else if (code === NUMBER) cells.push(numbers[number++] as number);
      else {
        const parts: string[] = [];
        for (let n = PARTS - code; n > 0; n--) parts.push(text(codes[at++] as number));
        cells.push({ parts });
      }
    }
    onRow({ sourceRow, cells });
  }
}
