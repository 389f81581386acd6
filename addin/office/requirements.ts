/**
 * The newest Excel API set the task pane uses: conditional formats (ExcelApi 1.6). The manifest
 * asks only for ExcelApi 1.1 so that older Excel still opens the pane and says why it cannot check.
 */
export const REQUIRED_EXCEL_API = '1.6';

export function excelApiSupported(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
}
