import type { Lang } from '../i18n/catalogue.ts';
import { describeFinding } from '../rules/describe.ts';
import { moneyJson } from '../value/money.ts';
import type { SheetReport, SheetReportJson } from './types.ts';

/** The stable JSON of ARCHITECTURE.md (`inkludo check --json`), with messages in `lang` added per row. */
export function sheetReportJson(report: SheetReport, sheetName: string, lang: Lang): SheetReportJson {
  return {
    sheet: sheetName,
    headerRow: report.headerRow,
    columns: report.columns,
    rows: report.rows.map((r) => ({
      row: r.row,
      regime: r.regime,
      findings: r.findings.map((f) => f.code),
      estimatedValue: moneyJson(r.estimatedValue),
      ruleIds: r.ruleIds,
      messages: r.findings.map((f) => describeFinding(lang, f)),
      severities: r.findings.map((f) => f.severity),
    })),
    summary: report.summary,
  };
}
