/**
 * One worksheet part → cells, as it inflates. Values are what Office.js `range.values` gives: numbers
 * (dates stay Excel serial numbers; core reads them), text, booleans; a formula gives its cached
 * result, an error result `{ error: '#REF!' }`, no cached result `{ error: NO_CACHED_RESULT }` —
 * never 0 or blank. Rows and cells without `r` follow the previous one. Rows past Excel's limits
 * are refused. Each row with a value is handed on as soon as it is read, in the order of the part,
 * and nothing is kept: empty rows are not handed on and wide gaps in a row stay holes, so a sparse
 * sheet costs what its cells cost.
 */
import type { Entry } from 'yauzl';
import { NO_CACHED_RESULT, type CellValue } from '../../core/index.ts';
import { XlsxError } from './errors.ts';
import { MAX_COLUMNS, MAX_ELEMENT_CHARS, MAX_ROWS, MAX_WORKSHEET_BYTES } from './limits.ts';
import { richText } from './rich-text.ts';
import { INCOMPLETE, NOT_MINE, TagScanner } from './scanner.ts';
import { attribute, decodeText, isXmlSpace } from './xml.ts';
import type { ZipArchive } from './zip.ts';

// Character codes the readers of references and plain cells compare.
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const LOWER_C = 0x63;
const LOWER_N = 0x6e;
const LOWER_R = 0x72;
const LOWER_S = 0x73;
const LOWER_T = 0x74;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** Gaps up to this many cells are filled with null like Office.js does; wider ones stay holes. */
const MAX_NULL_PADDING = 1024;

/** `AB12` → 27 (0-based column); -1 when the reference has no letters. */
export function columnOfReference(ref: string): number {
  return referenceColumn(ref, 0, ref.length, false);
}

/**
 * The 0-based column of the reference written from `start` to `end`: its letters (at most four, any
 * case); -1 when it has none, or, where `digitsAfter`, when anything but digits follows them or none do.
 */
function referenceColumn(text: string, start: number, end: number, digitsAfter: boolean): number {
  let column = 0;
  let i = start;
  for (; i < end && i - start < 4; i++) {
    const code = text.charCodeAt(i) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
  }
  if (i === start) return -1;
  if (digitsAfter) {
    if (i === end) return -1;
    for (; i < end; i++) if (!isDigit(text.charCodeAt(i))) return -1;
  }
  return column - 1;
}

/** The content of child element `<v>` (any prefix), or undefined when there is none. */
function childText(inner: string, local: string): string | undefined {
  const simple = inner.indexOf(`<${local}>`);
  if (simple >= 0) {
    const end = inner.indexOf(`</${local}>`, simple);
    return end < 0 ? undefined : inner.slice(simple + local.length + 2, end);
  }
  const m = new RegExp(`<((?:[\\w.-]+:)?${local})(?:\\s[^>]*)?(/?)>`).exec(inner);
  if (!m) return undefined;
  if (m[2] === '/') return '';
  const start = m.index + m[0].length;
  const end = inner.indexOf(`</${m[1]}>`, start);
  return end < 0 ? undefined : inner.slice(start, end);
}

function hasFormula(inner: string): boolean {
  return inner.includes('<f') ? /<f[\s/>]/.test(inner) : /<[\w.-]+:f[\s/>]/.test(inner);
}

/**
 * The value of a shared-string cell: its text, or (off the main thread, row-batches.ts) a reference
 * to it; undefined when the index names no string.
 */
export type SharedStringOf<S> = (index: number) => S | undefined;

function cellValue<S>(tag: string, inner: string, sharedString: SharedStringOf<S>): CellValue | S {
  const type = attribute(tag, 't');
  if (type === 'inlineStr') {
    const is = childText(inner, 'is');
    return is === undefined ? null : richText(is);
  }
  const v = childText(inner, 'v');
  if (v === undefined || (v === '' && type !== 'str')) return hasFormula(inner) ? { error: NO_CACHED_RESULT } : null;
  switch (type) {
    case undefined:
    case 'n': {
      const n = Number(v);
      // Not a number in a number cell: the text as written, for the check to report.
      return v.trim() !== '' && Number.isFinite(n) ? n : decodeText(v);
    }
    case 's': {
      const index = Number(v);
      const text = Number.isInteger(index) ? sharedString(index) : undefined;
      if (text === undefined) throw new XlsxError('bad-shared-string', { cell: attribute(tag, 'r') ?? '', index: v.slice(0, 20) });
      return text;
    }
    case 'b':
      return v === '1' ? true : v === '0' ? false : decodeText(v);
    case 'e':
      return { error: decodeText(v) };
    default:
      // 'str' (a formula's text result), 'd' (ISO date text, strict files)
      return decodeText(v);
  }
}


/**
 * The shape spreadsheet programs write for almost every cell: `<c r="B7" s="3" t="s"><v>12</v></c>`,
 * a number or a shared string's index (or `<c r="B7" s="3"/>`, no value), unprefixed, without a
 * formula. Such a cell is read here from the part's text as it is, with no string made but a number's
 * (the general walk made about ten per cell: 100 000 rows, 1.2 million cells). Anything else (another
 * type, a formula, an entity, a reference that is not letters and digits, a column past Excel's
 * last) is left to the general walk (NOT_MINE), which reads it or says what is wrong with it.
 * Returns where the text after the cell starts, or INCOMPLETE.
 */
function plainCell<S>(xml: string, lt: number, sharedString: SharedStringOf<S>, put: (column: number, value: S | number | undefined) => void): number {
  if (xml.charCodeAt(lt + 1) !== LOWER_C) return NOT_MINE;
  let i = lt + 2;
  if (i >= xml.length) return INCOMPLETE;
  if (!isXmlSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== GREATER && xml.charCodeAt(i) !== SLASH) return NOT_MINE;
  // The start tag ends at the first '>', as the general walk takes it.
  const gt = xml.indexOf('>', i);
  if (gt < 0) return INCOMPLETE;
  const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
  const attributesEnd = selfClosing ? gt - 1 : gt;
  let column = -1;
  let refSeen = false;
  let typeSeen = false;
  let shared = false;
  while (i < attributesEnd) {
    const c = xml.charCodeAt(i);
    if (isXmlSpace(c)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < attributesEnd && xml.charCodeAt(i) !== EQUALS && !isXmlSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i + 1);
    if (xml.charCodeAt(i) !== EQUALS || (quote !== QUOTE && quote !== APOSTROPHE)) return NOT_MINE;
    const valueStart = i + 2;
    const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd >= attributesEnd) return NOT_MINE;
    if (i - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === LOWER_R) {
        if (refSeen) return NOT_MINE;
        refSeen = true;
        column = referenceColumn(xml, valueStart, valueEnd, true);
        if (column < 0 || column >= MAX_COLUMNS) return NOT_MINE;
      } else if (name === LOWER_T) {
        if (typeSeen || valueEnd - valueStart !== 1) return NOT_MINE;
        typeSeen = true;
        const type = xml.charCodeAt(valueStart);
        if (type === LOWER_S) shared = true;
        else if (type !== LOWER_N) return NOT_MINE;
      }
    }
    i = valueEnd + 1;
  }
  if (selfClosing) {
    put(column, undefined);
    return gt + 1;
  }
  // `<v>…</v></c>`, with no markup in between.
  const valueStart = gt + 4;
  if (valueStart > xml.length) return INCOMPLETE;
  if (!xml.startsWith('<v>', gt + 1)) return NOT_MINE;
  const valueEnd = xml.indexOf('<', valueStart);
  if (valueEnd < 0 || valueEnd + 8 > xml.length) return INCOMPLETE;
  if (!xml.startsWith('</v></c>', valueEnd) || valueEnd === valueStart) return NOT_MINE;
  let value: S | number | undefined;
  if (shared) {
    if (valueEnd - valueStart > 9) return NOT_MINE;
    let index = 0;
    for (let d = valueStart; d < valueEnd; d++) {
      const c = xml.charCodeAt(d);
      if (!isDigit(c)) return NOT_MINE;
      index = index * 10 + (c - ZERO);
    }
    value = sharedString(index);
    if (value === undefined) return NOT_MINE;
  } else {
    // As the general walk reads a number cell: what Number reads, never blank text.
    if (isXmlSpace(xml.charCodeAt(valueStart))) return NOT_MINE;
    value = Number(xml.slice(valueStart, valueEnd));
    if (!Number.isFinite(value)) return NOT_MINE;
  }
  put(column, value);
  return valueEnd + 8;
}

/** A row of a worksheet with at least one value: its 0-based index and its cells (`S`: see SharedStringOf). */
export interface WorksheetRow<S = never> {
  readonly index: number;
  readonly cells: (CellValue | S)[];
}

/** Reads worksheet part `entry` as it inflates, handing on each row with a value (see the top of this file). */
export async function readWorksheetRows<S = never>(zip: ZipArchive, entry: Entry, sharedString: SharedStringOf<string | S>, onRow: (row: WorksheetRow<S>) => void): Promise<void> {
  const reader = worksheetReader(entry.fileName, sharedString, onRow);
  for await (const piece of zip.texts(entry, MAX_WORKSHEET_BYTES)) if (!reader.feed(piece)) break;
  reader.end();
}

/** A worksheet part's reader, fed its text in pieces however they are cut (readWorksheetRows). */
export interface WorksheetReader {
  /** The next piece; false once the sheet's data has ended. */
  feed(piece: string): boolean;
  /** The part has ended: its last row is handed on, or XlsxError says what was cut off. */
  end(): void;
}

export function worksheetReader<S = never>(part: string, sharedString: SharedStringOf<string | S>, onRow: (row: WorksheetRow<S>) => void): WorksheetReader {
  let rowNumber = 0; // 1-based number of the current (or last) row
  let row: (CellValue | S)[] | null = null;
  let nextColumn = 0;

  const endRow = () => {
    const cells = row;
    row = null;
    if (cells && cells.length > 0) onRow({ index: rowNumber - 1, cells });
  };
  const startRow = (tag: string) => {
    endRow();
    const r = attribute(tag, 'r');
    const n = r === undefined ? rowNumber + 1 : Number(r);
    if (!Number.isInteger(n) || n < 1) throw new XlsxError('bad-xml', { part, detail: `row r="${(r ?? '').slice(0, 20)}"` });
    if (n > MAX_ROWS) throw new XlsxError('row-out-of-range', { row: n, limit: MAX_ROWS });
    rowNumber = n;
    row = [];
    nextColumn = 0;
  };
  const place = (tag: string, value: CellValue | S | undefined) => {
    const ref = attribute(tag, 'r');
    const found = ref === undefined ? -1 : columnOfReference(ref);
    put(found, value, ref);
  };
  /** A cell's value at its 0-based column (-1: the one after the last), `ref` what the cell says. */
  const put = (at: number, value: CellValue | S | undefined, ref = '') => {
    if (!row) startRow('<row>');
    const column = at < 0 ? nextColumn : at;
    if (column >= MAX_COLUMNS) throw new XlsxError('column-out-of-range', { cell: ref, limit: MAX_COLUMNS });
    nextColumn = column + 1;
    if (value === undefined || value === null) return;
    const target = row as (CellValue | S)[];
    if (column - target.length <= MAX_NULL_PADDING) while (target.length < column) target.push(null);
    target[column] = value;
  };

  const scanner = new TagScanner(
    {
      tag(local, tag, selfClosing) {
        switch (local) {
          case 'c':
            if (selfClosing) place(tag, undefined);
            return 'content';
          case 'row':
            startRow(tag);
            if (selfClosing) endRow();
            return undefined;
          case '/row':
            endRow();
            return undefined;
          case '/sheetData':
            return 'stop';
          default:
            return undefined;
        }
      },
      content(_local, tag, inner) {
        place(tag, cellValue(tag, inner, sharedString));
      },
      element(xml, lt) {
        return plainCell(xml, lt, sharedString, put);
      },
    },
    MAX_ELEMENT_CHARS,
  );
  return {
    feed: (piece) => scanner.feed(piece),
    end() {
      scanner.end(part);
      endRow();
    },
  };
}
