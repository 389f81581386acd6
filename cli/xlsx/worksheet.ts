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
import { TagScanner } from './scanner.ts';
import { attribute, decodeText } from './xml.ts';
import type { ZipArchive } from './zip.ts';

/** Gaps up to this many cells are filled with null like Office.js does; wider ones stay holes. */
const MAX_NULL_PADDING = 1024;

/** `AB12` → 27 (0-based column); -1 when the reference has no letters. */
export function columnOfReference(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    col = col * 26 + (code - 0x40);
  }
  return i === 0 ? -1 : col - 1;
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

/** A row of a worksheet with at least one value: its 0-based index and its cells (`S`: see SharedStringOf). */
export interface WorksheetRow<S = never> {
  readonly index: number;
  readonly cells: (CellValue | S)[];
}

export async function readWorksheetRows<S = never>(zip: ZipArchive, entry: Entry, sharedString: SharedStringOf<string | S>, onRow: (row: WorksheetRow<S>) => void): Promise<void> {
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
    if (!Number.isInteger(n) || n < 1) throw new XlsxError('bad-xml', { part: entry.fileName, detail: `row r="${(r ?? '').slice(0, 20)}"` });
    if (n > MAX_ROWS) throw new XlsxError('row-out-of-range', { row: n, limit: MAX_ROWS });
    rowNumber = n;
    row = [];
    nextColumn = 0;
  };
  const place = (tag: string, value: CellValue | S | undefined) => {
    if (!row) startRow('<row>');
    const ref = attribute(tag, 'r');
    const found = ref === undefined ? -1 : columnOfReference(ref);
    const column = found < 0 ? nextColumn : found;
    if (column >= MAX_COLUMNS) throw new XlsxError('column-out-of-range', { cell: ref ?? '', limit: MAX_COLUMNS });
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
    },
    MAX_ELEMENT_CHARS,
  );
  for await (const piece of zip.texts(entry, MAX_WORKSHEET_BYTES)) if (!scanner.feed(piece)) break;
  scanner.end(entry.fileName);
  endRow();
}
