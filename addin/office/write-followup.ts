import { LANGS, describeCheck, translate, type FollowupReport, type Lang } from '../../core/index.ts';
import { blockAddress } from './a1.ts';
import { writeBatches } from './write-results.ts';

/** The add-in's own sheet for follow-up dates; like the results sheet, one name in every language. */
export const FOLLOWUP_SHEET = 'Inkludo follow-up';

const COLUMNS = ['row', 'due', 'overdue', 'check', 'detail', 'contract', 'supplier', 'rules'] as const;
const LAST = COLUMNS.length - 1;

const header = (lang: Lang) => COLUMNS.map((c) => translate(lang, `followup.sheet.${c}`));

/** The follow-up checks as rows of the sheet: overdue first, as in the report. */
export function followupRows(report: FollowupReport, lang: Lang): string[][] {
  return report.checks.map((c) => {
    const { summary, detail } = describeCheck(lang, c);
    return [String(c.row), c.due ?? '', translate(lang, c.overdue ? 'evidence.yes' : 'evidence.no'), summary, detail, c.contract, c.supplier ?? '', c.ruleIds.join(', ')];
  });
}

/**
 * Replaces the follow-up sheet with the report's dates. Every cell is written as text, so a contract
 * name that starts with "=" never becomes a formula. A sheet of that name whose header this add-in
 * did not write is the user's: it is left alone and reported.
 */
export async function writeFollowup(report: FollowupReport, lang: Lang): Promise<{ ok: true } | { ok: false; reason: 'foreign-sheet' }> {
  const rows = followupRows(report, lang);
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(FOLLOWUP_SHEET);
    existing.load('isNullObject');
    await context.sync();
    if (!existing.isNullObject) {
      const top = existing.getRange(blockAddress(1, 1, 0, LAST));
      top.load('values');
      await context.sync();
      const cells = top.values[0] ?? [];
      if (!LANGS.some((l) => header(l).every((h, i) => cells[i] === h))) return { ok: false, reason: 'foreign-sheet' } as const;
      existing.delete();
    }
    const sheet = sheets.add(FOLLOWUP_SHEET);
    const head = sheet.getRange(blockAddress(1, 1, 0, LAST));
    head.values = [header(lang)];
    head.format.font.bold = true;
    for (const [start, end] of writeBatches(rows)) {
      const range = sheet.getRange(blockAddress(start + 2, end + 1, 0, LAST));
      range.numberFormat = rows.slice(start, end).map((r) => r.map(() => '@'));
      range.values = rows.slice(start, end);
      if (end < rows.length) await context.sync();
    }
    await context.sync();
    return { ok: true } as const;
  });
}
