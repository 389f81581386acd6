import { addDays, addMonths, type IsoDate } from '../dates.ts';
import { formatOrgnr } from '../orgnr/index.ts';
import type { Supplier } from '../registry/types.ts';
import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import { resolveParameter } from '../rules/resolve.ts';
import { checkSheet } from '../sheet/check.ts';
import { cellDate, cellText, isBlank, yesNo } from '../sheet/cells.ts';
import type { CellValue, RowResult, SheetCells, SheetCheckOptions } from '../sheet/types.ts';
import { followupColumns } from './columns.ts';
import { termPeriods } from './terms.ts';
import { parseDurationMonths } from '../value/duration.ts';

/**
 * Follow-up dates from a contract register: for each reserved contract, when the supplier's share
 * must be checked again (the evidence date plus the rule pack's maximum evidence age, and the start
 * of each option or extension), and for each contract with an employment requirement, its reporting
 * dates as the register gives them. A date that cannot be read is a finding, never today's date.
 */
export type CheckKind = 'share-recheck' | 'option-start' | 'employment-report';

/** Why a check has no date: what the register or the registry is missing. */
export type UndatedReason = 'evidence-date-missing' | 'option-starts-unreadable' | 'start-date-missing' | 'reporting-dates-missing';

export interface DueCheck {
  readonly kind: CheckKind;
  /** The date the check is due; null when it cannot be dated (see `undated`). */
  readonly due: IsoDate | null;
  readonly undated: UndatedReason | null;
  /** Due before the follow-up date, or undated: act now. */
  readonly overdue: boolean;
  /** 1-based sheet row. */
  readonly row: number;
  /** The contract's id from the register (when it has an id column) and its description. */
  readonly contract: string;
  readonly supplier: string | null;
  /** Where the date comes from, as message params (evidence date and its source, option number, …). */
  readonly params: Readonly<Record<string, string | number>>;
  readonly ruleIds: readonly string[];
}

export interface FollowupReport {
  readonly date: IsoDate;
  readonly headerRow: number;
  readonly reservedContracts: number;
  readonly employmentContracts: number;
  /** Overdue and undated checks first (earliest first), then upcoming ones by date. */
  readonly checks: readonly DueCheck[];
  /** Contracts whose term has ended before the follow-up date: nothing left to check. */
  readonly ended: number;
  readonly evidenceMaxAgeDays: number;
}

export interface FollowupOptions extends SheetCheckOptions {
  /** The registry to take share evidence dates from when the register has no evidence-date column. */
  readonly suppliers?: { byOrgnr(digits: string): Supplier | undefined } | null;
}

interface RowContext {
  readonly result: RowResult;
  readonly cells: readonly CellValue[];
  readonly contract: string;
  readonly supplier: string | null;
}

function contractLabel(result: RowResult, cells: readonly CellValue[], idColumn: number | undefined): string {
  const id = idColumn === undefined ? '' : cellText(cells[idColumn]);
  const description = result.description ?? '';
  return [id, description].filter((s) => s !== '').join(' — ') || `#${result.row}`;
}

function supplierLabel(result: RowResult, jurisdiction: 'NO' | 'SE'): string | null {
  const s = result.supplier;
  if (!s) return null;
  const orgnr = s.orgnr ? formatOrgnr(s.orgnr, jurisdiction) : null;
  if (s.name && orgnr) return `${s.name} (${orgnr})`;
  return s.name ?? orgnr;
}

/** Dates in one cell: an ISO or Nordic date, an Excel serial, or several separated by ; , or new lines. */
function cellDates(cell: CellValue | undefined): IsoDate[] | null {
  if (isBlank(cell)) return [];
  if (typeof cell === 'number') {
    const d = cellDate(cell);
    return d ? [d] : null;
  }
  const parts = cellText(cell).split(/\s*[;,\n]\s*|\s+(?=\d{4}-\d{2}-\d{2})/).filter((p) => p !== '');
  const dates = parts.map((p) => cellDate(p));
  return dates.every((d): d is IsoDate => d !== null) ? dates : null;
}

/** A term or options cell as termPeriods takes it: a number, text, or null when blank or absent. */
function termCell(row: readonly CellValue[], column: number | undefined): string | number | null {
  if (column === undefined) return null;
  const cell = row[column];
  return typeof cell === 'number' ? cell : cellText(cell) || null;
}

function isOpenEnded(text: string): boolean {
  const parsed = parseDurationMonths(text);
  return parsed.ok && parsed.openEnded;
}

/** Overdue and undated first (earliest first, undated after dated), then upcoming ones by date, then by row. */
function byUrgency(a: DueCheck, b: DueCheck): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if ((a.due === null) !== (b.due === null)) return a.due === null ? 1 : -1;
  if (a.due !== b.due) return (a.due ?? '') < (b.due ?? '') ? -1 : 1;
  return a.row - b.row;
}

export function followupDates(cells: SheetCells, options: FollowupOptions, rules: RuleSet = options.rules ?? DEFAULT_RULES): FollowupReport {
  const report = checkSheet(cells, { ...options, rules });
  const pack = rules[options.jurisdiction];
  const maxAge = pack.policy.evidenceMaxAgeDays;
  const shareRule = resolveParameter(pack, 'reserved-share', options.date).applied;
  const shareIds = shareRule ? [shareRule.id] : [];
  const columns = followupColumns(report.headers, report.columns);
  const today = options.date;
  const checks: DueCheck[] = [];
  let reserved = 0;
  let employment = 0;
  let ended = 0;

  const push = (ctx: RowContext, kind: CheckKind, due: IsoDate | null, undated: UndatedReason | null, params: Record<string, string | number>, ruleIds: readonly string[]) =>
    checks.push({ kind, due, undated, overdue: due === null || due < today, row: ctx.result.row, contract: ctx.contract, supplier: ctx.supplier, params, ruleIds });

  for (const result of report.rows) {
    const row = cells[result.row - 1] ?? [];
    const ctx: RowContext = { result, cells: row, contract: contractLabel(result, row, columns.contractId), supplier: supplierLabel(result, options.jurisdiction) };
    const start = report.columns.date === undefined ? null : cellDate(row[report.columns.date]);
    const baseCell = termCell(row, report.columns.duration);
    const base = termPeriods(baseCell);
    const extra = termPeriods(termCell(row, report.columns.options));
    // Periods in order: the base term, then every option or extension (written in either column).
    // An open-ended term without options has no option to check; with options, their starts are unknown.
    const openEnded = typeof baseCell === 'string' && isOpenEnded(baseCell);
    const periods = extra === null || (base === null && !openEnded) ? null : base === null ? (extra.length ? null : []) : [...base, ...extra];
    const end = start && periods && periods.length > 0 ? addMonths(start, periods.reduce((a, b) => a + b, 0)) : null;
    if (end !== null && end <= today) {
      ended++;
      continue;
    }
    const wantsEmployment = columns.employment !== undefined && yesNo(row[columns.employment]) === true;
    if (!result.reserved && !wantsEmployment) continue;

    if (result.reserved) {
      reserved++;
      // The evidence date: the register's own column first, else what the registry records.
      const fromColumn = columns.evidenceDate === undefined ? null : cellDate(row[columns.evidenceDate]);
      const entry = result.supplier?.orgnr && options.suppliers ? options.suppliers.byOrgnr(result.supplier.orgnr) : undefined;
      const fromRegistry = entry?.share?.asOf ?? null;
      const evidence = fromColumn ?? fromRegistry;
      const source = fromColumn ? 'register' : fromRegistry && entry ? `registry:${entry.provenance.source}` : '';
      if (evidence) push(ctx, 'share-recheck', addDays(evidence, maxAge), null, { evidence, source, maxAge }, shareIds);
      else push(ctx, 'share-recheck', null, 'evidence-date-missing', { maxAge }, shareIds);

      if (periods === null) push(ctx, 'option-start', null, 'option-starts-unreadable', {}, shareIds);
      else if (!start && periods.length > 1) push(ctx, 'option-start', null, 'start-date-missing', {}, shareIds);
      else if (start && periods.length > 1) {
        let at = start;
        periods.forEach((months, i) => {
          at = addMonths(at, months);
          if (i === periods.length - 1) return; // the end of the last period starts nothing
          // An option start already passed was checked if newer evidence exists; otherwise it is overdue.
          if (at < today && evidence !== null && evidence >= at) return;
          push(ctx, 'option-start', at, null, { option: i + 1, options: periods.length - 1 }, shareIds);
        });
      }
    }

    if (wantsEmployment) {
      employment++;
      const inclusiveId = options.jurisdiction === 'NO' ? 'NO-SOC-5' : 'SE-SOC-17';
      const dates = columns.reporting === undefined ? [] : cellDates(row[columns.reporting]);
      if (dates === null || dates.length === 0) push(ctx, 'employment-report', null, 'reporting-dates-missing', {}, [inclusiveId]);
      // Past reporting dates are history: the register does not say whether the report came.
      else for (const d of dates.filter((x) => x >= today)) push(ctx, 'employment-report', d, null, {}, [inclusiveId]);
    }
  }
  return { date: today, headerRow: report.headerRow, reservedContracts: reserved, employmentContracts: employment, checks: checks.sort(byUrgency), ended, evidenceMaxAgeDays: maxAge };
}
