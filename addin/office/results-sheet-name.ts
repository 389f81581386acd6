/**
 * The one sheet the add-in writes to. The name is the same in every language, so a workbook shared
 * between a Norwegian and a Swedish user still has one results sheet, replaced on every run.
 */
export const RESULTS_SHEET = 'Inkludo';
