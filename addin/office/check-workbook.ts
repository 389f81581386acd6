import { buildRegistryIndex, checkSheet, type Lang, type Registry, type RuleSet, type SheetCheckOptions, type SheetReadProblem, type SheetReport } from '../../core/index.ts';
import type { CheckSettings } from './check-settings.ts';
import type { Progress } from './progress.ts';
import { readActiveSheet } from './read-sheet.ts';
import { resultTable } from './result-table.ts';
import { writeResults } from './write-results.ts';

export type CheckOutcome =
  | { readonly ok: true; readonly report: SheetReport; readonly sheetName: string }
  | {
      readonly ok: false;
      readonly reason: 'results-sheet' | 'empty' | 'foreign-sheet' | 'cancelled' | SheetReadProblem;
      readonly report?: SheetReport;
      readonly sheetName?: string;
    };

/**
 * The check's options from the user's settings: the buyer type and the value basis only when the user
 * chose them, so that otherwise core reads them from the sheet and says so.
 */
export function sheetCheckOptions(settings: CheckSettings, registry: Registry | null, rules: RuleSet, today: string, sheetName: string): SheetCheckOptions {
  return {
    jurisdiction: settings.jurisdiction,
    date: settings.date ?? today,
    sheetName,
    ...(settings.buyer !== 'detected' ? { buyer: settings.buyer } : {}),
    registry: registry ? buildRegistryIndex(registry) : null,
    mapping: settings.mapping,
    rules,
    ...(settings.headerRow !== null ? { headerRow: settings.headerRow } : {}),
    ...(settings.valueBasis !== 'detected' ? { valueBasis: settings.valueBasis } : {}),
  };
}

function nextTurn(): Promise<void> {
  return new Promise((done) => setTimeout(done));
}

/**
 * "Check sheet": read the active sheet (or, from the results sheet, the sheet checked last), check it
 * in core, write the results sheet. A cancel stops it between two syncs; nothing is left half-written.
 */
export async function checkWorkbook(
  settings: CheckSettings,
  registry: Registry | null,
  rules: RuleSet,
  lang: Lang,
  today: string,
  lastChecked: string | null,
  progress: Progress = {},
): Promise<CheckOutcome> {
  const read = await readActiveSheet(lastChecked, progress);
  if (!read.ok) return read;
  const { sheetName, cells } = read.sheet;
  progress.onProgress?.({ phase: 'check', done: 0, total: cells.length });
  // The check runs in one go (core is synchronous): the pane gets a turn before and after it, to show
  // where it is and to take a Cancel pressed meanwhile.
  await nextTurn();
  const report = checkSheet(cells, sheetCheckOptions(settings, registry, rules, today, sheetName));
  if (report.problem !== null) return { ok: false, reason: report.problem, report, sheetName };
  await nextTurn();
  if (progress.signal?.aborted) return { ok: false, reason: 'cancelled', report, sheetName };
  const written = await writeResults(resultTable(report, sheetName, lang), progress);
  if (!written.ok) return { ok: false, reason: written.reason, report, sheetName };
  return { ok: true, report, sheetName };
}
