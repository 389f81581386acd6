// The sheet check's public face, re-exported by core/index.ts.
export * from './types.ts';
export { checkSheet } from './check.ts';
export { sheetReportJson, sheetRowJson } from './json.ts';
export { readSheetCsv, type SheetCsvError, type SheetCsvResult } from './csv.ts';
export { CANDIDATE_FAMILIES, type CandidateFamily } from './candidates.ts';
export { HEADER_SEARCH_ROWS, roleOfHeader } from './headers.ts';
export { isCellError } from './cells.ts';
