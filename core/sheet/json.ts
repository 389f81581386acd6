import type { Lang } from '../i18n/catalogue.ts';
import { describeFinding } from '../rules/describe.ts';
import type { Finding } from '../rules/findings.ts';
import { moneyJson } from '../value/money.ts';
import { originsAt } from './read/origin.ts';
import type { FindingJson, RowResult, SheetReport, SheetReportJson } from './types.ts';

export function findingJson(f: Finding, lang: Lang): FindingJson {
  return { code: f.code, severity: f.severity, message: describeFinding(lang, f), ruleIds: f.ruleIds };
}

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
    valueBasis: r.valueBasis,
    origins: originsAt(r.origins, r.row),
    supplier: r.supplier,
  };
}

/** The stable JSON of ARCHITECTURE.md (`inkludo check --json`), with messages in `lang` added per row. */
export function sheetReportJson(report: SheetReport, sheetName: string, lang: Lang): SheetReportJson {
  return {
    sheet: sheetName,
    headerRow: report.headerRow,
    columns: report.columns,
    assumptions: report.assumptions.map((f) => findingJson(f, lang)),
    valueColumn: report.valueColumn,
    buyer: report.buyer,
    rows: report.rows.map((r) => sheetRowJson(r, lang)),
    skipped: report.skipped,
    summary: report.summary,
  };
}
