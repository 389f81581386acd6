/**
 * Read stage, row level: one sheet row → a typed Purchase whose every field remembers where it came
 * from (origin.ts). Nothing here applies a rule: unreadable cells become findings (never 0, blank or
 * today's date), and the judge stage (../judge/) sees only the Purchase.
 */
import type { IsoDate } from '../../dates.ts';
import type { Lang } from '../../i18n/catalogue.ts';
import type { Orgnr } from '../../orgnr/index.ts';
import type { CpvKind } from '../../rules/cpv-kind.ts';
import type { RuleDate } from '../../rules/periods.ts';
import { finding, type Finding } from '../../rules/findings.ts';
import type { BuyerKind, ContractKind } from '../../rules/regime.ts';
import type { DurationResult } from '../../value/duration.ts';
import type { ShareReading } from '../../value/share.ts';
import type { Money } from '../../value/money.ts';
import { cellErrorOf, cellText, isBlank, isCellError, type DateRead } from '../cells.ts';
import { appendAll } from '../lists.ts';
import { NO_CACHED_RESULT, type CellValue, type ColumnRole, type ValueBasis } from '../types.ts';
import type { SheetLayout } from './layout.ts';
import { columnLetters, type Origin, type PurchaseField, type RowOrigins } from './origin.ts';
import { BLANK_VALUE as BLANK, type ValueCell } from './value-cell.ts';

/** Readers of cells whose values repeat down a column, each cached for one sheet (memo.ts). */
export interface CellReaders {
  readonly date: (cell: CellValue | undefined) => DateRead | null;
  readonly yesNo: (cell: CellValue | undefined) => boolean | null;
  readonly contractKind: (cell: CellValue | undefined) => ContractKind | null;
  readonly buyerKind: (cell: CellValue | undefined) => BuyerKind | null;
  readonly cpv: (cell: CellValue | undefined) => string[];
  readonly duration: (cell: CellValue | undefined) => DurationResult;
  readonly options: (cell: CellValue | undefined) => DurationResult;
  readonly orgnr: (raw: string) => Orgnr;
  readonly percent: (cell: CellValue | undefined) => ShareReading | null;
  /** A date with its period under the sheet's rule pack, one per distinct date. */
  readonly ruleDate: (date: IsoDate) => RuleDate;
  /** The contract kind a CPV code says at a date, from the pack's CPV lists. */
  readonly kindOfCpv: (code: string, at: RuleDate) => CpvKindRead | null;
  /** The origins of the row being read, and their shared, frozen copy (every origin is shared per column, so their combinations repeat). */
  readonly origins: RowOrigins;
  /** The origin of a value read from a column's header, one per column. */
  readonly headerOrigin: (column: number) => Origin;
  /** The origin of a contract kind read from the CPV code in `column` (what in the CPV lists matched), one per column and match. */
  readonly cpvKindOrigin: (column: number, matched: string) => Origin;
  /** What a value cell (not an error object) says under the sheet's value header (value-cell.ts). */
  readonly valueCell: (cell: string | number | boolean) => ValueCell;
}

/** The contract kind a CPV code says, and the findings it gives beside the kind a row states (cpvKindFindings, cached). */
export interface CpvKindRead {
  readonly cpv: CpvKind;
  /** The rule the kind rests on, as a shared list. */
  readonly ruleIds: readonly string[];
  readonly findings: (given: ContractKind | null) => readonly Finding[];
}

/** What the read stage knows of the sheet as a whole. */
export interface ReadContext {
  readonly layout: SheetLayout;
  readonly locale: Lang;
  /** The jurisdiction's currency. */
  readonly currency: string;
  readonly delimitedText: boolean;
  /**
   * The findings of the row being read: one list for the sheet, emptied at the start of each row
   * (the judge stage adds its own and keeps an exact copy), so no growing list is made per row.
   */
  readonly rowFindings: Finding[];
  /** The check date: rows without a date of their own are judged at it. */
  readonly checkDate: RuleDate;
  readonly read: CellReaders;
}

export interface Purchase {
  readonly row: number;
  readonly description: string | null;
  /** The amount as written in the value cell, scaled and in its currency (gross when vatIncluded); null when blank or unreadable. */
  readonly amount: Money | null;
  /** True when the value cell could not be read (a finding says why). */
  readonly amountUnreadable: boolean;
  readonly basis: ValueBasis;
  readonly vatIncluded: boolean | null;
  /** The row's own date; null when blank or unreadable. */
  readonly date: IsoDate | null;
  /** The date the purchase is judged at: its own, else the check date. */
  readonly at: RuleDate;
  readonly buyer: BuyerKind;
  readonly contractKind: ContractKind;
  readonly cpv: readonly string[];
  readonly category: string | null;
  /** Base term in months; null when not given (or open-ended). */
  readonly termMonths: number | null;
  readonly openEnded: boolean;
  /** Months of options and extensions (from the duration's `2+1+1` and the options column). */
  readonly optionMonths: number;
  /** Whether a stated total includes the options: from the header, else unknown. */
  readonly optionsIncluded: boolean | null;
  readonly reserved: boolean;
  readonly supplierName: string | null;
  readonly orgnr: Orgnr | null;
  readonly share: number | null;
  readonly origins: Partial<Record<PurchaseField, Origin>>;
  /** The row's findings so far: the sheet's list (ReadContext.rowFindings), good until the next row is read. */
  readonly findings: Finding[];
  /** Rule ids the reading itself rests on (the CPV list that gave the contract kind), a shared list. */
  readonly ruleIds: readonly string[];
}

// Cell origins repeat on every row: one per column, its row being the purchase's own (origin.ts).
const CELL_ORIGINS: Origin[] = [];
/** A cell origin: its column. The text is in the sheet; repeating it per field and row would cost more than it tells. */
function cellOrigin(column: number): Origin {
  return (CELL_ORIGINS[column] ??= Object.freeze({ source: 'cell', column: columnLetters(column) }));
}

/** A cell's address, `D12`, for the params of a finding (made only when there is one). */
function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A CELL-UNREADABLE finding for an error cell in `role`'s column. */
function unreadable(role: ColumnRole, column: number, row: number, error: string): Finding {
  const cell = cellRef(column, row);
  return error === NO_CACHED_RESULT ?
      finding('CELL-UNREADABLE', 'error', { cell, role }, [], 'finding.CELL-UNREADABLE.no-result')
    : finding('CELL-UNREADABLE', 'error', { cell, role, error }, [], 'finding.CELL-UNREADABLE.error');
}

/**
 * The value cell of a row: its reading (one per distinct cell, value-cell.ts), with the row's origins
 * and findings. Returns the reading; an error or unparseable cell has left a finding.
 */
function readAmount(cell: CellValue | undefined, column: number, row: number, ctx: ReadContext, origins: Partial<Record<PurchaseField, Origin>>, findings: Finding[]): ValueCell {
  if (cell === null || cell === undefined) return BLANK;
  const read = isCellError(cell) ? { read: 'error' as const, error: cell.error } : ctx.read.valueCell(cell);
  switch (read.read) {
    case 'blank':
      return read;
    case 'error':
      findings.push(unreadable('value', column, row, read.error));
      return read;
    case 'unparseable':
      findings.push(finding('VALUE-UNPARSEABLE', 'error', { raw: read.raw, reason: read.reason, cell: cellRef(column, row), forms: 'amount' }));
      return read;
  }
  const header = ctx.layout.valueHeader;
  origins.value = cellOrigin(column);
  if (read.bare) {
    // A bare number: the header's scale and currency apply.
    if (header.scale > 0) origins.scale = ctx.read.headerOrigin(column);
    if (header.currency !== null && header.currency !== 'local') origins.currency = ctx.read.headerOrigin(column);
  } else {
    origins.currency = origins.value;
    if (read.unitConflict) findings.push(finding('UNIT-CONFLICT', 'warning', { cell: cellRef(column, row), raw: read.raw, header: ctx.layout.headers[column] ?? '' }, [], 'finding.UNIT-CONFLICT.unit'));
  }
  if (read.basisConflict) findings.push(finding('UNIT-CONFLICT', 'warning', { cell: cellRef(column, row), raw: read.raw, header: ctx.layout.headers[column] ?? '' }, [], 'finding.UNIT-CONFLICT.basis'));
  return read;
}

function readDuration(
  role: 'duration' | 'options',
  cells: readonly CellValue[],
  ctx: ReadContext,
  row: number,
  origins: Partial<Record<PurchaseField, Origin>>,
  findings: Finding[],
): DurationResult | null {
  const column = ctx.layout.columns[role];
  if (column === undefined) return null;
  const cell = cells[column];
  if (isBlank(cell)) return null;
  const error = cellErrorOf(cell);
  if (error !== null) {
    findings.push(unreadable(role, column, row, error));
    return null;
  }
  const read = role === 'duration' ? ctx.read.duration(cell) : ctx.read.options(cell);
  if (!read.ok) {
    findings.push(finding('DURATION-UNREADABLE', 'warning', { cell: cellRef(column, row), raw: read.error.raw, role }));
    return null;
  }
  origins[role] = cellOrigin(column);
  return read;
}

/** A reading that rests on no rule (one list for every row). */
const NO_RULE_IDS: readonly string[] = Object.freeze([]);

/** No CPV column: no codes (one list for every row). */
const NO_CPV: readonly string[] = Object.freeze([]);

/** The cell in `column`, undefined when the sheet has no such column. */
function cellOf(cells: readonly CellValue[], column: number | undefined): CellValue | undefined {
  return column === undefined ? undefined : cells[column];
}

/** The text of a cell in `column`, null when blank; its origin recorded as `field`. */
function textIn(cells: readonly CellValue[], column: number | undefined, field: PurchaseField, origins: Partial<Record<PurchaseField, Origin>>): string | null {
  if (column === undefined) return null;
  const cell = cells[column];
  if (isBlank(cell)) return null;
  origins[field] = cellOrigin(column);
  return cellText(cell);
}

/** Reads one data row. `cells` is the sheet row, `row` its 1-based number. */
export function readPurchase(cells: readonly CellValue[], row: number, ctx: ReadContext): Purchase {
  const { layout } = ctx;
  const columns = layout.columns;
  // The sheet's scratch origins (origin.ts), emptied by take() below: no origins object per row.
  const rowOrigins = ctx.read.origins;
  const origins = rowOrigins.fields;
  const findings = ctx.rowFindings;
  findings.length = 0;
  let ruleIds = NO_RULE_IDS;
  const description = textIn(cells, columns.description, 'description', origins);

  let wider = false;
  if (ctx.delimitedText && layout.headerWidth > 0) {
    for (let c = layout.headerWidth; c < cells.length; c++) if (!isBlank(cells[c])) wider = true;
    if (wider) findings.push(finding('ROW-WIDER-THAN-HEADER', 'error', { row, columns: layout.headerWidth }));
  }
  const value: ValueCell = wider || columns.value === undefined ? BLANK : readAmount(cells[columns.value], columns.value, row, ctx, origins, findings);
  const amount = value.read === 'amount' ? value : null;
  const amountUnreadable = wider || value.read === 'error' || value.read === 'unparseable';
  const amountVat = amount === null ? null : amount.vat;
  const basis = amount?.basis ?? layout.valueBasis.value;
  origins.valueBasis = amount?.basis != null ? (origins.value as Origin) : layout.valueBasis.origin;

  // VAT: the cell's own words, else a VAT column, else the header; a disagreement is reported.
  const vatCell = cellOf(cells, columns.vat);
  const vatColumn = columns.vat === undefined || isBlank(vatCell) ? null : ctx.read.yesNo(vatCell);
  let vatIncluded = amountVat ?? vatColumn ?? layout.valueHeader.vatIncluded;
  if (amountVat !== null) origins.vat = origins.value;
  else if (vatColumn !== null && columns.vat !== undefined) origins.vat = cellOrigin(columns.vat);
  else if (layout.valueHeader.vatIncluded !== null && columns.value !== undefined) origins.vat = ctx.read.headerOrigin(columns.value);
  if (amountVat !== null && vatColumn !== null && amountVat !== vatColumn) {
    findings.push(finding('UNIT-CONFLICT', 'warning', { cell: cellRef(columns.value ?? 0, row) }, [], 'finding.UNIT-CONFLICT.vat'));
    vatIncluded = null;
  }

  let date: IsoDate | null = null;
  const dateCell = cellOf(cells, columns.date);
  const dateColumn = columns.date;
  if (dateColumn !== undefined && !isBlank(dateCell)) {
    const error = cellErrorOf(dateCell);
    if (error !== null) findings.push(unreadable('date', dateColumn, row, error));
    else {
      const read = ctx.read.date(dateCell);
      if (read?.ok) {
        date = read.date;
        origins.date = cellOrigin(dateColumn);
        if (read.period !== 'day') findings.push(finding('ASSUMPTION', 'info', { cell: cellRef(dateColumn, row), raw: cellText(dateCell), date: read.date }, [], `finding.ASSUMPTION.date-${read.period}`));
      } else findings.push(finding('DATE-UNREADABLE', 'warning', { cell: cellRef(dateColumn, row), raw: read?.ok === false ? read.text : '', date: layout.date.value }));
    }
  }
  if (date === null) origins.date = layout.date.origin;

  const buyerCell = columns.buyerKind === undefined ? null : ctx.read.buyerKind(cells[columns.buyerKind]);
  const buyer = buyerCell ?? layout.buyer.value;
  origins.buyer = buyerCell !== null && columns.buyerKind !== undefined ? cellOrigin(columns.buyerKind) : layout.buyer.origin;

  const cpv = columns.cpv === undefined ? NO_CPV : ctx.read.cpv(cells[columns.cpv]);
  if (cpv.length > 0 && columns.cpv !== undefined) origins.cpv = cellOrigin(columns.cpv);
  const kindCell = columns.contractKind === undefined ? null : ctx.read.contractKind(cells[columns.contractKind]);
  const at = date === null ? ctx.checkDate : ctx.read.ruleDate(date);
  const kindRead = cpv[0] === undefined ? null : ctx.read.kindOfCpv(cpv[0], at);
  const kindCpv = kindRead === null ? null : kindRead.cpv;
  let contractKind = layout.contractKind.value;
  origins.contractKind = layout.contractKind.origin;
  // "Services" in a kind column does not contradict a CPV code naming social and other specific services: they are services too, of a narrower kind.
  const narrower = kindCell === 'services' && kindCpv?.kind === 'social-services';
  if (kindCell !== null && columns.contractKind !== undefined && !narrower) {
    // A contract-kind column wins over the CPV code; a disagreement is reported.
    contractKind = kindCell;
    origins.contractKind = cellOrigin(columns.contractKind);
    if (kindRead) appendAll(findings, kindRead.findings(kindCell));
  } else if (kindRead && columns.cpv !== undefined) {
    const kindCpv = kindRead.cpv;
    contractKind = kindCpv.kind;
    origins.contractKind = ctx.read.cpvKindOrigin(columns.cpv, kindCpv.evidence.matched);
    ruleIds = kindRead.ruleIds;
    appendAll(findings, kindRead.findings(null));
  }

  const duration = readDuration('duration', cells, ctx, row, origins, findings);
  const options = readDuration('options', cells, ctx, row, origins, findings);
  // The options column holds option periods only, so its base term counts as options too.
  const optionMonths = (duration?.ok ? duration.optionMonths : 0) + (options?.ok ? (options.months ?? 0) + options.optionMonths : 0);

  const reservedCell = cellOf(cells, columns.reserved);
  const reserved = columns.reserved !== undefined && ctx.read.yesNo(reservedCell) === true;
  if (columns.reserved !== undefined && !isBlank(reservedCell)) origins.reserved = cellOrigin(columns.reserved);
  const supplierName = textIn(cells, columns.supplier, 'supplier', origins);
  const orgnrRaw = textIn(cells, columns.orgnr, 'orgnr', origins);
  const orgnr = orgnrRaw === null ? null : ctx.read.orgnr(orgnrRaw);
  const shareCell = cellOf(cells, columns.share);
  const shareRead = columns.share === undefined || isBlank(shareCell) ? null : ctx.read.percent(shareCell);
  const share = shareRead?.percent ?? null;
  if (shareRead && columns.share !== undefined) {
    origins.share = cellOrigin(columns.share);
    // How a share below 1 was read decides eligibility at the 30 % line: always said.
    if (shareRead.note) findings.push(finding('ASSUMPTION', 'info', { cell: cellRef(columns.share, row), raw: cellText(shareCell), percent: shareRead.percent }, [], `finding.ASSUMPTION.share-${shareRead.note}`));
  }

  const categoryCell = cellOf(cells, columns.category);
  const category = isBlank(categoryCell) ? null : cellText(categoryCell);

  return {
    row,
    description,
    amount: amount === null ? null : amount.amount,
    amountUnreadable,
    basis,
    vatIncluded,
    date,
    at,
    buyer,
    contractKind,
    cpv,
    category,
    termMonths: duration?.ok ? duration.months : null,
    openEnded: duration?.ok === true && duration.openEnded,
    optionMonths,
    optionsIncluded: layout.valueHeader.optionsIncluded,
    reserved,
    supplierName,
    orgnr,
    share,
    origins: rowOrigins.take(),
    findings,
    ruleIds,
  };
}
