/**
 * checkSheet: a procurement plan or contract register as a 2-D array of cells in, a report per row
 * out. Rows above the header are titles; empty rows, totals rows ("Sum", "Totalt", "Summa", "Total")
 * and rows with neither a description nor a value are skipped and listed as such.
 */
import { foldedWords } from '../registry/normalise.ts';
import type { FindingCode } from '../rules/findings.ts';
import { DEFAULT_RULES } from '../rules/packs/index.ts';
import type { RegimeCode } from '../rules/regime.ts';
import { isBlank } from './cells.ts';
import { applyOverride, detectHeader, durationUnitOf, headerTexts, mapHeaderRow, valueBasisOf, vatOfHeader } from './headers.ts';
import { checkRow, sheetReaders, type CheckedRow, type SheetContext } from './row.ts';
import { addSplitRisks } from './split.ts';
import type { CellValue, ColumnMapping, RowResult, SheetCells, SheetCheckOptions, SheetReport, SkippedRow } from './types.ts';

const TOTAL_WORDS = new Set(['sum', 'sum totalt', 'totalt', 'total', 'totals', 'summa', 'summa totalt', 'i alt', 'totalsum', 'totalsumma', 'grand total', 'subtotal', 'delsum', 'delsumma']);

// Cheap test before folding: every totals label starts like one of these.
const TOTAL_START = /^\s*(?:sum|tot|i\s+alt|grand|subt|dels)/i;

/** A totals row: its first text cell (or its description) says "Sum", "Totalt", "Summa" or "Total". */
function isTotalsRow(cells: readonly CellValue[], columns: ColumnMapping): boolean {
  const description = columns.description === undefined ? undefined : cells[columns.description];
  const candidates = [description, cells.find((c) => typeof c === 'string' && c.trim() !== '')];
  return candidates.some((c) => {
    // The longest totals label ("summa totalt") is short; longer text is a description.
    if (typeof c !== 'string' || c.length > 20 || !TOTAL_START.test(c)) return false;
    const words = foldedWords(c);
    return words.length > 0 && words.length <= 3 && (TOTAL_WORDS.has(words.join(' ')) || TOTAL_WORDS.has(words[0] ?? ''));
  });
}

function skipReason(cells: readonly CellValue[], columns: ColumnMapping): SkippedRow['reason'] | null {
  if (cells.every(isBlank)) return 'empty';
  if (isTotalsRow(cells, columns)) return 'total';
  const blank = (column: number | undefined) => column === undefined || isBlank(cells[column]);
  if (blank(columns.description) && blank(columns.value)) return 'no-description-or-value';
  return null;
}

function result(row: CheckedRow): RowResult {
  const ruleIds = new Set(row.ruleIds);
  for (const f of row.findings) for (const id of f.ruleIds) ruleIds.add(id);
  return {
    row: row.row,
    description: row.description,
    regime: row.regime,
    estimatedValue: row.estimatedValue,
    estimate: row.estimate,
    date: row.date,
    reserved: row.reserved,
    findings: row.findings,
    ruleIds: [...ruleIds],
    supplier: row.supplier,
  };
}

export function checkSheet(cells: SheetCells, options: SheetCheckOptions): SheetReport {
  const rules = options.rules ?? DEFAULT_RULES;
  const pack = rules[options.jurisdiction];
  const detected = detectHeader(cells);
  const userHeader = options.headerRow !== undefined && Number.isInteger(options.headerRow) && options.headerRow >= 1 && options.headerRow <= cells.length ? options.headerRow - 1 : null;
  const headerIndex = userHeader ?? detected.index;
  const headerCells = cells[headerIndex] ?? [];
  const baseMapping = userHeader === null ? detected.columns : mapHeaderRow(headerCells);
  const columns = applyOverride(baseMapping, options.mapping);
  const headers = headerTexts(headerCells);
  const header = (column: number | undefined) => (column === undefined ? '' : (headers[column] ?? ''));

  const ctx: SheetContext = {
    jurisdiction: options.jurisdiction,
    locale: options.jurisdiction === 'NO' ? 'nb' : 'sv',
    currency: pack.currency,
    date: options.date,
    buyer: options.buyer,
    contractKind: options.defaultContractKind ?? 'services',
    rules,
    pack,
    registry: options.registry ?? null,
    columns,
    valueBasis: valueBasisOf(header(columns.value)),
    headerVat: vatOfHeader(header(columns.value)),
    read: sheetReaders(pack, options.registry ?? null, durationUnitOf(header(columns.duration)), durationUnitOf(header(columns.options))),
  };

  const checked: CheckedRow[] = [];
  const skipped: SkippedRow[] = [];
  const mapped = Object.keys(columns).length > 0;
  if (headerIndex >= 0 && mapped) {
    for (let i = headerIndex + 1; i < cells.length; i++) {
      const row = cells[i] ?? [];
      const reason = skipReason(row, columns);
      if (reason) skipped.push({ row: i + 1, reason });
      else checked.push(checkRow(row, i + 1, ctx));
    }
    addSplitRisks(checked, pack, options.date);
  }

  const rows = checked.map(result);
  const byRegime: Partial<Record<RegimeCode, number>> = {};
  const byFinding: Partial<Record<FindingCode, number>> = {};
  let rowsWithErrors = 0;
  for (const row of rows) {
    byRegime[row.regime] = (byRegime[row.regime] ?? 0) + 1;
    for (const code of new Set(row.findings.map((f) => f.code))) byFinding[code] = (byFinding[code] ?? 0) + 1;
    if (row.findings.some((f) => f.severity === 'error')) rowsWithErrors++;
  }
  return {
    headerRow: headerIndex >= 0 && mapped ? headerIndex + 1 : 0,
    columns,
    headers,
    valueBasis: ctx.valueBasis,
    rows,
    skipped,
    summary: { byRegime, byFinding, rowsChecked: rows.length, rowsSkipped: skipped.length, rowsWithErrors },
    jurisdiction: options.jurisdiction,
    date: options.date,
  };
}

