import { buildRegistryIndex, checkSheet, type Lang, type Registry, type RuleSet, type SheetReport } from '../../core/index.ts';
import type { CheckSettings } from './check-settings.ts';
import { readActiveSheet } from './read-sheet.ts';
import { resultTable } from './result-table.ts';
import { writeResults } from './write-results.ts';

export type CheckOutcome =
  | { readonly ok: true; readonly report: SheetReport; readonly sheetName: string }
  | { readonly ok: false; readonly reason: 'results-sheet' | 'empty' | 'foreign-sheet' | 'no-header'; readonly report?: SheetReport; readonly sheetName?: string };

/**
 * "Check sheet": read the active sheet (or, from the results sheet, the sheet checked last), check it
 * in core, write the results sheet.
 */
export async function checkWorkbook(
  settings: CheckSettings,
  registry: Registry | null,
  rules: RuleSet,
  lang: Lang,
  today: string,
  lastChecked: string | null,
): Promise<CheckOutcome> {
  const read = await readActiveSheet(lastChecked);
  if (!read.ok) return read;
  const { sheetName, cells } = read.sheet;
  const report = checkSheet(cells, {
    jurisdiction: settings.jurisdiction,
    date: settings.date ?? today,
    buyer: settings.buyer,
    registry: registry ? buildRegistryIndex(registry) : null,
    mapping: settings.mapping,
    rules,
    ...(settings.headerRow !== null ? { headerRow: settings.headerRow } : {}),
  });
  if (report.headerRow === 0) return { ok: false, reason: 'no-header', report, sheetName };
  const written = await writeResults(resultTable(report, sheetName, lang));
  if (!written.ok) return { ok: false, reason: written.reason, report, sheetName };
  return { ok: true, report, sheetName };
}
