/**
 * A .csv sheet → cells, with the registry's decoding (UTF-8, UTF-16 with BOM, else Windows-1252) and
 * delimiter sniffing, parsed by papaparse. Every cell is text (parseAmount and cellDate read it);
 * blank cells become null like empty cells in a workbook.
 */
import Papa from 'papaparse/papaparse.js';
import { decodeText } from '../registry/decode.ts';
import { sniffDelimiter } from '../registry/import-csv.ts';
import { HEADER_SEARCH_ROWS } from './headers.ts';
import type { CellValue } from './types.ts';

export function readSheetCsv(input: Uint8Array | string): CellValue[][] {
  const text = (typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input).text).replace(/\r\n?/g, '\n');
  // Title lines above the header may hold no delimiter at all: sniff over the lines a header may be on.
  const head = text.split('\n', HEADER_SEARCH_ROWS).join('\n');
  const parsed = Papa.parse(text, { delimiter: sniffDelimiter(head), newline: '\n', header: false, skipEmptyLines: false });
  const rows = parsed.data.map((row) => row.map((cell): CellValue => (cell.trim() === '' ? null : cell)));
  // A final newline leaves one empty row behind.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === null)) rows.pop();
  return rows;
}
