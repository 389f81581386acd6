import {
  LANGS,
  describeFinding,
  formatOrgnr,
  FindingContents,
  findingTexts,
  memoized,
  memoizedWhenShared,
  toMajorNumber,
  translate,
  type CellValue,
  type Finding,
  type Lang,
  type RegimeCode,
  type RowResult,
  type Severity,
  type SheetReport,
  type ValueBasis,
  withoutPersonalNumbers,
} from '../../core/index.ts';
import { quoteSheetName } from './a1.ts';

/**
 * The results sheet's columns, in order: what people read first (status, purchase, regime in words,
 * value, explanation), the codes for filters and lookups last. Column A links back to the source row.
 */
export const RESULT_COLUMNS = ['row', 'status', 'description', 'regimeText', 'value', 'currency', 'basis', 'explanation', 'supplier', 'registry', 'regime', 'findings', 'rules'] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** Columns holding text the user typed: written as text so a leading `=` never becomes a formula. */
export const USER_TEXT_COLUMNS: readonly ResultColumn[] = ['description', 'supplier'];

/** A row's status: its worst finding's severity, or ok. */
export type RowStatus = Severity | 'ok';
export const ROW_STATUSES: readonly RowStatus[] = ['error', 'warning', 'info', 'ok'];

export interface ResultTable {
  /** What was checked, when and by which rules: the sheet's first line. */
  readonly title: string;
  /** What the check assumed for the whole sheet, one line each, above the table (no silent assumptions). */
  readonly assumptions: readonly string[];
  /** The legend row: each status word and what it asks of the reader. */
  readonly legend: readonly { readonly status: RowStatus; readonly word: string; readonly meaning: string }[];
  readonly header: readonly string[];
  /** One row per checked source row; column A holds a HYPERLINK formula to the source row. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Status words the conditional formats look for, in the table's language. */
  readonly statusWords: Readonly<Record<RowStatus, string>>;
}

/** Where each part of a ResultTable goes on the sheet (1-based rows). */
export interface ResultLayout {
  readonly titleRow: number;
  readonly firstAssumptionRow: number;
  /** The legend's first row: one row per status, the word in the status column, its meaning beside it. */
  readonly firstLegendRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
}

/** Title, the assumptions, an empty row, the legend, an empty row, then the table. */
export function resultLayout(table: Pick<ResultTable, 'assumptions' | 'rows'>): ResultLayout {
  const firstLegendRow = 2 + table.assumptions.length + 1;
  const headerRow = firstLegendRow + ROW_STATUSES.length + 1;
  return { titleRow: 1, firstAssumptionRow: 2, firstLegendRow, headerRow, firstDataRow: headerRow + 1, lastDataRow: headerRow + table.rows.length };
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

export function worstSeverity(row: Pick<RowResult, 'findings'>): Severity | null {
  // One pass, the worst so far by its place in SEVERITY_ORDER: a results sheet asks this of every row.
  let worst = SEVERITY_ORDER.length;
  for (const f of row.findings) {
    const at = SEVERITY_ORDER.indexOf(f.severity);
    if (at >= 0 && at < worst) worst = at;
  }
  return SEVERITY_ORDER[worst] ?? null;
}

export function rowStatus(row: Pick<RowResult, 'findings'>): RowStatus {
  return worstSeverity(row) ?? 'ok';
}

/**
 * The lines above the table: where the headings were read, then the sheet-wide assumptions core made
 * while reading (value basis and VAT from the header, buyer kind, contract kind, term unit, rules date),
 * each once, in words.
 */
export function sheetAssumptionLines(report: SheetReport, lang: Lang): string[] {
  return [translate(lang, 'addin.results.assumption.header-row', { row: report.headerRow }), ...report.assumptions.map((f) => describeFinding(lang, f))];
}

type RowSupplier = NonNullable<RowResult['supplier']>;

function supplierText(s: RowSupplier): string {
  const orgnr = s.orgnr ? formatOrgnr(s.orgnr, s.orgnr.length === 9 ? 'NO' : 'SE') : (s.orgnrRaw ?? '');
  return [s.name, orgnr].filter((x) => x).join(', ');
}

function registryText(lang: Lang, s: RowSupplier): string {
  if (!s.inRegistry) return '';
  const parts = [translate(lang, 'addin.results.registry', { source: s.registrySource ?? '', retrieved: s.registryRetrieved ?? '' })];
  if (s.eligibility) parts.push(translate(lang, `addin.results.eligibility.${s.eligibility}`));
  if (s.registryDemo) parts.push(translate(lang, 'label.demo-data'));
  return parts.join(' · ');
}

/** Each status's word in `lang`: the status column's text and what the conditional formats look for. */
function statusWordsIn(lang: Lang): Record<RowStatus, string> {
  return Object.fromEntries(ROW_STATUSES.map((s) => [s, translate(lang, `addin.status.${s}`)])) as Record<RowStatus, string>;
}

/** Distinct sequences of finding codes a sheet's code lister keeps: a few dozen in a real sheet. */
const KEPT_CODE_SEQUENCES = 4096;

/**
 * A row's finding codes as the codes cell says them, one shared text per sequence of codes (rows
 * repeat a few sequences): no list and no new text per row, and a text whose hash is known when the
 * cell is looked up again.
 */
function codeLister(): (findings: readonly Finding[]) => string {
  interface Node {
    text?: string;
    readonly next: Map<string, Node>;
  }
  const root: Node = { text: '', next: new Map() };
  let nodes = 1;
  return (findings) => {
    let node: Node | undefined = root;
    for (let i = 0; i < findings.length && node; i++) {
      const code = (findings[i] as Finding).code;
      let next: Node | undefined = node.next.get(code);
      if (!next && nodes < KEPT_CODE_SEQUENCES) {
        node.next.set(code, (next = { next: new Map() }));
        nodes++;
      }
      node = next;
    }
    if (node?.text !== undefined) return node.text;
    const text = findings.map((f) => f.code).join(', ');
    if (node) node.text = text;
    return text;
  };
}

/** Between two findings' texts in a row's explanation. */
export const EXPLANATION_SEPARATOR = ' • ';

/**
 * `shape` of each finding's text as an explanation shows it, in the contents' language: screened for
 * personal identity numbers on its own (messages may quote what the user typed; no number can span
 * the separator between two), once per distinct finding (findingTexts).
 */
export function screenedFindingTexts<T>(contents: FindingContents, shape: (screened: string) => T): (f: Finding) => T {
  return findingTexts(contents, (text) => shape(withoutPersonalNumbers(contents.lang, text)));
}

/** A row's findings as the explanation cell says them, in `lang`. */
export function findingExplainer(lang: Lang): (findings: readonly Finding[]) => string {
  const explained = screenedFindingTexts(new FindingContents(lang), (text) => text);
  return (findings) => findings.map(explained).join(EXPLANATION_SEPARATOR);
}

/**
 * The maker of a sheet's result rows, in `lang`: the labels every row repeats are looked up once, and a
 * finding shared by many rows (a split-purchase window's) is described and screened once. `explain`
 * makes the explanation cell (the CLI's copy writes it as encoded parts), `rowCell` the first (the
 * add-in's link formula; the CLI's copy writes the link itself around the row's number).
 */
export function resultRowMaker<E = string>(
  sourceSheet: string,
  lang: Lang,
  explain: (findings: readonly Finding[]) => E | string = findingExplainer(lang),
  rowCell: (row: RowResult) => CellValue = (row) => withoutPersonalNumbers(lang, sourceLink(sourceSheet, row.row)),
): (row: RowResult) => (CellValue | E)[] {
  const statusWords = statusWordsIn(lang);
  // Looked up by the row's own value: a key made per row (regime.NO-EXEMPT) cost a text and its hash each time.
  const regimeLabel = memoized((regime: RegimeCode) => translate(lang, `regime.${regime}`));
  const basisLabel = memoized((basis: ValueBasis) => translate(lang, `addin.results.basis.${basis}`));
  const ruleList = memoizedWhenShared((ids: readonly string[]) => withoutPersonalNumbers(lang, ids.join(', ')));
  // A supplier judged once is one object for all its rows (100 000 rows: 10 000 objects).
  const supplierCells = memoizedWhenShared((s: RowSupplier): readonly [string, string] => [withoutPersonalNumbers(lang, supplierText(s)), withoutPersonalNumbers(lang, registryText(lang, s))]);
  const noSupplier = ['', ''] as const;
  const codes = codeLister();
  // In RESULT_COLUMNS order.
  return (row) => {
    const [supplier, registry] = row.supplier ? supplierCells(row.supplier) : noSupplier;
    return [
      rowCell(row),
      statusWords[rowStatus(row)],
      // What the user typed is repeated here: a personal identity number in it is not.
      withoutPersonalNumbers(lang, row.description ?? ''),
      regimeLabel(row.regime),
      row.estimatedValue ? withoutPersonalNumbers(lang, toMajorNumber(row.estimatedValue)) : '',
      row.estimatedValue?.currency ?? '',
      basisLabel(row.valueBasis),
      explain(row.findings),
      supplier,
      registry,
      row.regime,
      codes(row.findings),
      ruleList(row.ruleIds),
    ];
  };
}

/** The results sheet's content for a report, in `lang`. Pure: the Office write is in write-results.ts. */
export function resultTable(report: SheetReport, sourceSheet: string, lang: Lang): ResultTable {
  const statusWords = statusWordsIn(lang);
  const rows = report.rows.map(resultRowMaker(sourceSheet, lang));
  return {
    title: translate(lang, 'addin.results.title', { sheet: sourceSheet, country: translate(lang, `addin.settings.jurisdiction.${report.jurisdiction}`), date: report.date }),
    assumptions: sheetAssumptionLines(report, lang),
    legend: ROW_STATUSES.map((status) => ({ status, word: statusWords[status], meaning: translate(lang, `addin.results.legend.${status}`) })),
    header: resultHeader(lang),
    rows,
    statusWords,
  };
}
