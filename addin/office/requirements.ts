/**
 * The newest Excel API set the task pane needs: conditional formats (ExcelApi 1.6). The manifest
 * asks only for ExcelApi 1.1 so that older Excel still opens the pane and says why it cannot check.
 */
export const REQUIRED_EXCEL_API = '1.6';

/**
 * Used only where Excel has it (checked at run time): frozen panes on the results sheet. Without it
 * the results table's own header still stands in for the column letters while scrolling.
 */
export const FREEZE_PANES_API = '1.7';

/** Whether the host has ExcelApi `version`; false where there is no Office host to ask. */
export function excelApiAtLeast(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
}

export function excelApiSupported(): boolean {
  return excelApiAtLeast(REQUIRED_EXCEL_API);
}
