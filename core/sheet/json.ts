import type { Lang } from '../i18n/catalogue.ts';
import { describeFinding } from '../rules/describe.ts';
import { moneyJson } from '../value/money.ts';
import type { RowResult, SheetReport, SheetReportJson } from './types.ts';

/** One row of the stable JSON, with its messages in `lang`. */
export function sheetRowJson(r: RowResult, lang: Lang): SheetReportJson['rows'][number] {
  return {
    row: r.row,
    regime: r.regime,
    findings: r.findings.map((f) => f.code),
    estimatedValue: moneyJson(r.estimatedValue),
    ruleIds: r.ruleIds,
    messages: r.findings.map((f) => describeFinding(lang, f)),
    severities: r.findings.map((f) => f.severity),
  };
}

/** The stable JSON of ARCHITECTURE.md (`inkludo check --json`), with messages in `lang` added per row. */
export function sheetReportJson(report: SheetReport, sheetName: string, lang: Lang): SheetReportJson {
  return {
    sheet: sheetName,
    headerRow: report.headerRow,
    columns: report.columns,
    rows: report.rows.map((r) => sheetRowJson(r, lang)),
    summary: report.summary,
  };
}
