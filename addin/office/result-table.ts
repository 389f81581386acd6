import {
  LANGS,
  describeFinding,
  formatOrgnr,
  toMajorNumber,
  translate,
  type CellValue,
  type Lang,
  type RowResult,
  type Severity,
  type SheetReport,
  withoutPersonalNumbers,
} from '../../core/index.ts';
import { quoteSheetName } from './a1.ts';

/** The results sheet's columns, in order. Column A links back to the source row. */
export const RESULT_COLUMNS = ['row', 'description', 'regime', 'status', 'regimeText', 'value', 'currency', 'findings', 'explanation', 'rules', 'supplier', 'registry'] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** Columns holding text the user typed: written as text so a leading `=` never becomes a formula. */
export const USER_TEXT_COLUMNS: readonly ResultColumn[] = ['description', 'supplier'];

export interface ResultTable {
  readonly header: readonly string[];
  /** One row per checked source row; column A holds a HYPERLINK formula to the source row. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Status words the conditional formats look for, in the table's language. */
  readonly statusWords: Readonly<Record<Severity, string>>;
}

export function resultHeader(lang: Lang): string[] {
  return RESULT_COLUMNS.map((c) => translate(lang, `addin.results.column.${c}`));
}

/** True when a header row is one this add-in wrote, in any language: only then may the sheet be replaced. */
export function isResultHeader(cells: readonly unknown[]): boolean {
  return LANGS.some((lang) => resultHeader(lang).every((h, i) => cells[i] === h));
}

/** `=HYPERLINK("#'Sheet 1'!A12","12")`: formulas go to Office in en-US syntax, whatever the UI language. */
export function sourceLink(sheetName: string, row: number): string {
  const target = `#${quoteSheetName(sheetName)}!A${row}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${row}")`;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function worstSeverity(row: RowResult): Severity | null {
  return SEVERITY_ORDER.find((s) => row.findings.some((f) => f.severity === s)) ?? null;
}

function supplierText(row: RowResult): string {
  const s = row.supplier;
  if (!s) return '';
  const orgnr = s.orgnr ? formatOrgnr(s.orgnr, s.orgnr.length === 9 ? 'NO' : 'SE') : (s.orgnrRaw ?? '');
  return [s.name, orgnr].filter((x) => x).join(', ');
}

function registryText(lang: Lang, row: RowResult): string {
  const s = row.supplier;
  if (!s?.inRegistry) return '';
  const parts = [translate(lang, 'addin.results.registry', { source: s.registrySource ?? '', retrieved: s.registryRetrieved ?? '' })];
  if (s.eligibility) parts.push(translate(lang, `addin.results.eligibility.${s.eligibility}`));
  if (s.registryDemo) parts.push(translate(lang, 'label.demo-data'));
  return parts.join(' · ');
}

/** The results sheet's content for a report, in `lang`. Pure: the Office write is in write-results.ts. */
export function resultTable(report: SheetReport, sourceSheet: string, lang: Lang): ResultTable {
  const statusWords = { error: translate(lang, 'addin.status.error'), warning: translate(lang, 'addin.status.warning'), info: translate(lang, 'addin.status.info') };
  const rows = report.rows.map((row): CellValue[] => {
    const worst = worstSeverity(row);
    const cells: CellValue[] = [
      sourceLink(sourceSheet, row.row),
      row.description ?? '',
      row.regime,
      worst ? statusWords[worst] : translate(lang, 'addin.status.ok'),
      translate(lang, `regime.${row.regime}`),
      row.estimatedValue ? toMajorNumber(row.estimatedValue) : '',
      row.estimatedValue?.currency ?? '',
      row.findings.map((f) => f.code).join(', '),
      row.findings.map((f) => describeFinding(lang, f)).join(' • '),
      row.ruleIds.join(', '),
      supplierText(row),
      registryText(lang, row),
    ];
    // What the user typed is repeated here: a personal identity number in it is not.
    return cells.map((cell) => withoutPersonalNumbers(lang, cell));
  });
  return { header: resultHeader(lang), rows, statusWords };
}
