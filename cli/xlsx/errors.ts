/**
 * Every way reading or copying a workbook can fail, as one typed error. The CLI maps `code` to a
 * localized message (xlsx.error.<code>); a library's own message only ever travels as `detail`
 * inside that localized text.
 */
export const XLSX_ERROR_CODES = [
  'not-a-zip',
  'corrupt-zip',
  'too-many-parts',
  'part-too-large',
  'encrypted',
  'unsupported-compression',
  'no-workbook',
  'no-worksheet',
  'no-visible-sheet',
  'row-out-of-range',
  'column-out-of-range',
  'element-too-large',
  'bad-shared-string',
  'bad-xml',
  'out-too-large',
] as const;
export type XlsxErrorCode = (typeof XLSX_ERROR_CODES)[number];

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}
