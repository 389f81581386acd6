/**
 * A .csv sheet → cells, with the registry importer's decoding (UTF-8, UTF-16 with BOM, else
 * Windows-1252, reported with the importer's own warning) and delimiter sniffing, parsed by
 * papaparse. Every cell is text (parseAmount and cellDate read it); blank cells become null like
 * empty cells in a workbook. A quoted field that is never closed would swallow the rest of the file
 * into one cell: that is bad input, reported with the line it starts on.
 */
import Papa from 'papaparse/papaparse.js';
import { decodeText } from '../registry/decode.ts';
import { sniffDelimiter } from '../registry/import-csv.ts';
import { lineIssue } from '../registry/issues.ts';
import type { LineIssue } from '../registry/types.ts';
import { HEADER_SEARCH_ROWS } from './headers.ts';
import type { CellValue } from './types.ts';

export type SheetCsvError = { readonly code: 'unclosed-quote'; readonly line: number };

export type SheetCsvResult =
  | { readonly ok: true; readonly cells: CellValue[][]; readonly warnings: readonly LineIssue[] }
  | { readonly ok: false; readonly error: SheetCsvError };

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function readSheetCsv(input: Uint8Array | string): SheetCsvResult {
  const warnings: LineIssue[] = [];
  let text: string;
  if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
  else {
    const decoded = decodeText(input);
    text = decoded.text;
    if (decoded.encoding === 'windows-1252') warnings.push(lineIssue(0, 'encoding-fallback'));
  }
  text = text.replace(/\r\n?/g, '\n');
  // Title lines above the header may hold no delimiter at all: sniff over the lines a header may be on.
  const head = text.split('\n', HEADER_SEARCH_ROWS).join('\n');
  const parsed = Papa.parse(text, { delimiter: sniffDelimiter(head), newline: '\n', header: false, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) return { ok: false, error: { code: 'unclosed-quote', line: lineAt(text, unclosed.index ?? text.length) } };
  const rows = parsed.data.map((row) => row.map((cell): CellValue => (cell.trim() === '' ? null : cell)));
  // A final newline leaves one empty row behind.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === null)) rows.pop();
  return { ok: true, cells: rows, warnings };
}
