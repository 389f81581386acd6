// The CLI's workbook I/O: a reader made for the sheet check and `--out` as a package edit.
export { XlsxError, XLSX_ERROR_CODES, type XlsxErrorCode } from './errors.ts';
export { xlsxCliError } from './cli-error.ts';
export { readXlsxCells, readXlsxRows, type ReadWorksheet, type ReadXlsxResult, type ReadXlsxRowsResult, type WorksheetInfo } from './read.ts';
export type { WorksheetRow } from './worksheet.ts';
export { checkOutPath, outExtension } from './out-path.ts';
export { isMacroEnabled, startCellsCopy, startXlsxCopy } from './write.ts';
export { resultsSheetPart, ResultsThread } from './results-off-thread.ts';
export { type ResultCell, type ResultColumn, type ResultColumnKind, type ResultRow, type ResultTable, type StyleBase, type TextParts } from './results-sheet.ts';
