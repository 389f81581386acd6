/**
 * checkSheet: a procurement plan or contract register as a 2-D array of cells in, a report per row
 * out, in two stages. Read (./read/): the layout and sheet-wide facts once, then each row into a
 * typed Purchase that remembers where every value came from. Judge (./judge/): regimes,
 * eligibility and candidates per purchase, then split purchases across rows. Rows above the header
 * are titles; empty rows, totals rows (a label such as "Sum" alone) and rows with neither a
 * description nor a value are skipped and listed with their reason.
 */
import { foldedWords } from '../registry/normalise.ts';
import type { Finding, FindingCode } from '../rules/findings.ts';
import { DEFAULT_RULES } from '../rules/packs/index.ts';
import type { ContractKind, RegimeCode } from '../rules/regime.ts';
import { parseDurationMonths } from '../value/duration.ts';
import { parseOrgnr } from '../orgnr/index.ts';
import { NO_CELLS, cellCpvCodes, cellPercent, isBlank, readDateCell, yesNo } from './cells.ts';
import { judgePurchase, judgeReaders, type CheckedRow, type JudgeContext, type JudgeReaders } from './judge/judge.ts';
import { splitRisks } from './judge/split.ts';
import { sliceWith } from './lists.ts';
import { memoized, memoized2, perPeriod } from './memo.ts';
import { HEADER_SEARCH_ROWS } from './headers.ts';
import { headerOrigin, readSheetLayout, type SheetLayout } from './read/layout.ts';
import { readValueCell, type ValueColumn } from './read/value-cell.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { columnLetters, originsInterner, type Origin } from './read/origin.ts';
import { readPurchase, type CellReaders, type CpvKindRead, type ReadContext } from './read/purchase.ts';
import { buyerKindOf, contractKindOf } from './read/kind-words.ts';
import type { RulePack } from '../rules/schema.ts';
import { packPeriods, periodOf, type RuleDate } from '../rules/periods.ts';
import { contractKindFromCpv, cpvKindFindings } from '../rules/cpv-kind.ts';
import type { IsoDate } from '../dates.ts';
import type { CellValue, ColumnMapping, RowResult, SheetCells, SheetCheckOptions, SheetReport, SkippedRow } from './types.ts';

const TOTAL_LABELS = new Set(['sum', 'sum totalt', 'totalt', 'total', 'totals', 'summa', 'summa totalt', 'i alt', 'totalsum', 'totalsumma', 'grand total', 'subtotal', 'delsum', 'delsumma', 'sum i alt', 'totalt i alt']);
// Cheap test before folding: every totals label starts like one of these.
const TOTAL_START = /^\s*(?:sum|tot|i\s+alt|grand|subt|dels)/i;

/**
 * A totals label: the cell says only "Sum", "Totalt", "Summa", "Total" (and the like), nothing else.
 * "Total renovering av skolen" and "Sum-avtale kantine" are purchases.
 */
function totalsLabel(cell: CellValue | undefined): string | null {
  if (typeof cell !== 'string' || cell.length > 24 || !TOTAL_START.test(cell)) return null;
  if (/[-–]\s*\p{L}/u.test(cell)) return null; // "Sum-avtale": a compound, not a label
  return TOTAL_LABELS.has(foldedWords(cell).join(' ')) ? cell.trim() : null;
}

/**
 * A totals row: a totals label in the description (or the first text cell), and no other text in a
 * mapped column (a note in an unlabelled column beside it does not make it a purchase).
 */
function totalsRowLabel(cells: readonly CellValue[], columns: ColumnMapping): string | null {
  const description = columns.description;
  let at = description !== undefined && typeof cells[description] === 'string' && !isBlank(cells[description]) ? description : -1;
  if (at < 0) for (let i = 0; i < cells.length && at < 0; i++) if (isText(cells[i])) at = i;
  const label = totalsLabel(cells[at]);
  if (label === null) return null;
  const mapped = new Set(Object.values(columns));
  const otherText = cells.some((c, i) => i !== at && i !== columns.value && mapped.has(i) && isText(c));
  return otherText ? null : label;
}

/** A cell holding text (not only spaces). */
function isText(cell: CellValue | undefined): boolean {
  return typeof cell === 'string' && cell.trim() !== '';
}

const EMPTY_ROW = { reason: 'empty' } as const;
const NO_DESCRIPTION_OR_VALUE = { reason: 'no-description-or-value' } as const;

function skipReason(cells: readonly CellValue[], columns: ColumnMapping): Omit<SkippedRow, 'row'> | null {
  let empty = true;
  for (let i = 0; i < cells.length && empty; i++) empty = isBlank(cells[i]);
  if (empty) return EMPTY_ROW;
  const label = totalsRowLabel(cells, columns);
  if (label !== null) return { reason: 'total', label };
  const { description, value } = columns;
  if ((description === undefined || isBlank(cells[description])) && (value === undefined || isBlank(cells[value]))) return NO_DESCRIPTION_OR_VALUE;
  return null;
}

/**
 * Completes the judged rows: each gets its findings, cut from the sheet's list (`judged`, each row's
 * ending at `ends[i]`), with its split-purchase finding after them, and that finding's rule ids after
 * its own. One exact list per row, made once (a sheet holds 100 000 of them); rule-id lists shared
 * (a window's finding is shared by its rows, so each pair of lists is merged once).
 */
function completeRows(rows: readonly CheckedRow[], judged: readonly Finding[], ends: readonly number[], risks: readonly (Finding | undefined)[], read: JudgeReaders, tally: Tally): void {
  let from = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as CheckedRow;
    const to = ends[i] as number;
    const risk = risks[i];
    row.findings = sliceWith(judged, from, to, risk);
    if (risk) row.ruleIds = read.ruleIdUnion(row.ruleIds, risk.ruleIds);
    tallyRow(tally, row);
    from = to;
  }
}

/** The summary's counts, kept while the rows are completed (in the order codes and regimes are first met). */
interface Tally {
  readonly byRegime: Map<RegimeCode, number>;
  readonly byFinding: Map<FindingCode, number>;
  rowsWithErrors: number;
  needsAttention: number;
}

function tallyRow(tally: Tally, row: CheckedRow): void {
  const findings = row.findings;
  let split = false;
  let error = false;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (f.code === 'SPLIT-RISK' && f.severity === 'warning') split = true;
    if (f.severity === 'error') error = true;
    // Each code counted once per row.
    let first = true;
    for (let j = 0; j < i && first; j++) first = (findings[j] as Finding).code !== f.code;
    if (first) tally.byFinding.set(f.code, (tally.byFinding.get(f.code) ?? 0) + 1);
  }
  // Exempt or direct award on its own, but above a threshold with the purchases of the same kind.
  if (split && (row.regime === 'NO-EXEMPT' || row.regime === 'SE-DIRECT')) tally.needsAttention++;
  else tally.byRegime.set(row.regime, (tally.byRegime.get(row.regime) ?? 0) + 1);
  if (error) tally.rowsWithErrors++;
}

/** The contract kind a CPV code says at a date, per code and rule period, with its findings cached per kind given in the row. */
function cpvKindReader(pack: RulePack): CellReaders['kindOfCpv'] {
  const { count } = packPeriods(pack);
  const byCode = memoized((code: string) =>
    perPeriod(count, 1, (date): CpvKindRead | null => {
      const cpv = contractKindFromCpv(code, pack, date);
      if (!cpv) return null;
      const byGiven = new Map<ContractKind | null, readonly Finding[]>();
      return {
        cpv,
        ruleIds: Object.freeze([cpv.ruleId]),
        findings(given) {
          let found = byGiven.get(given);
          if (!found) byGiven.set(given, (found = cpvKindFindings(cpv, given)));
          return found;
        },
      };
    }),
  );
  return (code, at) => byCode(code)(at, 0);
}

function cellReaders(pack: RulePack, layout: SheetLayout, locale: Lang): CellReaders {
  const { headers } = layout;
  const durationUnit = layout.durationUnit.value;
  const optionsUnit = layout.optionsUnit.value;
  const shareHeader = layout.columns.share === undefined ? null : (layout.headers[layout.columns.share] ?? null);
  const valueColumn: ValueColumn = { header: layout.valueHeader, sheetBasis: layout.valueBasis, locale, currency: pack.currency };
  return {
    date: memoized(readDateCell),
    yesNo: memoized(yesNo),
    contractKind: memoized(contractKindOf),
    buyerKind: memoized(buyerKindOf),
    cpv: memoized(cellCpvCodes),
    duration: memoized((cell: CellValue | undefined) => parseDurationMonths(cell ?? null, { defaultUnit: durationUnit })),
    options: memoized((cell: CellValue | undefined) => parseDurationMonths(cell ?? null, { defaultUnit: optionsUnit })),
    orgnr: memoized((raw: string) => parseOrgnr(raw)),
    percent: memoized((cell: CellValue | undefined) => cellPercent(cell, shareHeader)),
    ruleDate: memoized((date: IsoDate): RuleDate => ({ date, period: periodOf(pack, date) })),
    kindOfCpv: cpvKindReader(pack),
    valueCell: memoized((cell: string | number | boolean) => readValueCell(cell, valueColumn)),
    origins: originsInterner(),
    headerOrigin: memoized((column: number) => headerOrigin(column, headers)),
    cpvKindOrigin: memoized2((column: number, matched: string): Origin => ({ source: 'cell', column: columnLetters(column), text: matched })),
  };
}

/** A sheet check fed one row at a time: `add` each row from row 1 on, then `finish` for the report. */
export interface SheetCheck {
  add(cells: readonly CellValue[]): void;
  finish(): SheetReport;
}

/**
 * The sheet check as rows arrive, so that a large sheet's cells need never be held together: only
 * the rows the layout is read from are kept (the header search window, or up to the given header
 * row, with the titles above it); past them each row is read, judged and dropped as it comes. The
 * split-purchase windows and the rows' findings are completed on `finish`.
 */
export function startSheetCheck(options: SheetCheckOptions): SheetCheck {
  const rules = options.rules ?? DEFAULT_RULES;
  const pack = rules[options.jurisdiction];
  const defaultKind: ContractKind = options.defaultContractKind ?? 'services';
  // A header row that is not a positive whole number is refused by the layout whatever the rows say.
  const layoutRows =
    options.headerRow === undefined ? HEADER_SEARCH_ROWS
    : Number.isInteger(options.headerRow) && options.headerRow > 0 ? options.headerRow
    : 0;
  const locale: Lang = options.jurisdiction === 'NO' ? 'nb' : 'sv';
  const judgeCtx: JudgeContext = {
    jurisdiction: options.jurisdiction,
    currency: pack.currency,
    rules,
    pack,
    registry: options.registry ?? null,
    judged: [],
    read: judgeReaders(rules, pack, options.registry ?? null),
  };
  const checked: CheckedRow[] = [];
  // The date each checked row was judged at, with its rule period, for the split-purchase windows.
  const ats: RuleDate[] = [];
  // Where each checked row's findings end in judgeCtx.judged.
  const ends: number[] = [];
  const skipped: SkippedRow[] = [];
  // The rows kept until the layout is read; null once it is.
  let prefix: (readonly CellValue[])[] | null = [];
  let layout: SheetLayout | null = null;
  let readCtx: ReadContext | null = null;
  let added = 0;

  const judgeRow = (row: readonly CellValue[], index: number, ctx: ReadContext) => {
    const skip = skipReason(row, ctx.layout.columns);
    if (skip) skipped.push({ row: index + 1, ...skip });
    else {
      const purchase = readPurchase(row, index + 1, ctx);
      ats.push(purchase.at);
      checked.push(judgePurchase(purchase, judgeCtx));
      ends.push(judgeCtx.judged.length);
    }
  };
  const readLayout = (rows: readonly (readonly CellValue[])[]): SheetLayout => {
    const read = readSheetLayout(rows, options, defaultKind, pack.currency);
    prefix = null;
    layout = read;
    if (read.problem !== null) return read;
    const readers = cellReaders(pack, read, locale);
    const ctx: ReadContext = {
      layout: read,
      locale,
      currency: pack.currency,
      delimitedText: options.delimitedText === true,
      rowFindings: [],
      checkDate: readers.ruleDate(read.date.value),
      read: readers,
    };
    readCtx = ctx;
    for (let i = read.headerIndex + 1; i < rows.length; i++) judgeRow(rows[i] as readonly CellValue[], i, ctx);
    return read;
  };

  return {
    add(cells) {
      const index = added++;
      if (prefix !== null) {
        prefix.push(cells);
        if (prefix.length >= layoutRows) readLayout(prefix);
      } else if (readCtx !== null) judgeRow(cells, index, readCtx);
    },
    finish() {
      // A sheet shorter than the layout's rows: its layout is read from what there is.
      const read = layout ?? readLayout(prefix ?? []);
      const tally: Tally = { byRegime: new Map(), byFinding: new Map(), rowsWithErrors: 0, needsAttention: 0 };
      if (read.problem === null) completeRows(checked, judgeCtx.judged, ends, splitRisks(checked, ats, pack, judgeCtx.read), judgeCtx.read, tally);
      const rows: readonly RowResult[] = checked;
      const problem = read.problem ?? (rows.length === 0 ? 'no-rows' : null);
      return {
        headerRow: read.problem === null ? read.headerIndex + 1 : 0,
        problem,
        columns: read.columns,
        headers: read.headers,
        valueBasis: read.valueBasis.value,
        valueColumn: read.valueColumn,
        assumptions: read.problem === null ? read.assumptions : [],
        buyer: read.buyer,
        rows,
        skipped,
        summary: { byRegime: Object.fromEntries(tally.byRegime), byFinding: Object.fromEntries(tally.byFinding), rowsChecked: rows.length, rowsSkipped: skipped.length, rowsWithErrors: tally.rowsWithErrors, needsAttention: tally.needsAttention },
        jurisdiction: options.jurisdiction,
        date: options.date,
      };
    },
  };
}

/** The sheet check over a sheet's cells held whole (the add-in's range, a .csv). */
export function checkSheet(cells: SheetCells, options: SheetCheckOptions): SheetReport {
  const check = startSheetCheck(options);
  for (let i = 0; i < cells.length; i++) check.add(cells[i] ?? NO_CELLS);
  return check.finish();
}
