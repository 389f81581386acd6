/**
 * Read stage, row level: one sheet row → a typed Purchase whose every field remembers where it came
 * from (origin.ts). Nothing here applies a rule: unreadable cells become findings (never 0, blank or
 * today's date), and the judge stage (../judge/) sees only the Purchase.
 */
import type { IsoDate } from '../../dates.ts';
import type { Lang } from '../../i18n/catalogue.ts';
import type { Orgnr } from '../../orgnr/index.ts';
import { finding, type Finding } from '../../rules/findings.ts';
import type { BuyerKind, ContractKind } from '../../rules/regime.ts';
import type { DurationResult } from '../../value/duration.ts';
import { money, type Money } from '../../value/money.ts';
import { parseAmount } from '../../value/parse.ts';
import { cellText, isBlank, isCellError, type DateRead } from '../cells.ts';
import { NO_CACHED_RESULT, type CellValue, type ColumnRole, type ValueBasis } from '../types.ts';
import type { SheetLayout } from './layout.ts';
import { columnLetters, type Origin, type PurchaseField } from './origin.ts';

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
  readonly percent: (cell: CellValue | undefined) => number | null;
  /** The contract kind a row's CPV codes say, with the rule id of the list that says it. */
  readonly kindOfCpv: (cpv: readonly string[]) => { readonly kind: ContractKind; readonly ruleIds: readonly string[]; readonly matched: string } | null;
}

/** What the read stage knows of the sheet as a whole. */
export interface ReadContext {
  readonly layout: SheetLayout;
  readonly jurisdiction: 'NO' | 'SE';
  readonly locale: Lang;
  /** The jurisdiction's currency. */
  readonly currency: string;
  readonly delimitedText: boolean;
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
  readonly findings: Finding[];
  /** Rule ids the reading itself rests on (the CPV list that gave the contract kind). */
  readonly ruleIds: readonly string[];
}

function cellOrigin(column: number, row: number, cell: CellValue | undefined): Origin {
  return { source: 'cell', column: columnLetters(column), row, text: cellText(cell).slice(0, 80) };
}

/** A CELL-UNREADABLE finding for an error cell in `role`'s column. */
function unreadable(role: ColumnRole, column: number, row: number, error: string): Finding {
  const cell = `${columnLetters(column)}${row}`;
  return error === NO_CACHED_RESULT ?
      finding('CELL-UNREADABLE', 'error', { cell, role }, [], 'finding.CELL-UNREADABLE.no-result')
    : finding('CELL-UNREADABLE', 'error', { cell, role, error }, [], 'finding.CELL-UNREADABLE.error');
}

interface AmountRead {
  readonly amount: Money | null;
  readonly unreadable: boolean;
  readonly basis: { value: ValueBasis; origin: Origin } | null;
  readonly vat: boolean | null;
}

function readAmount(cell: CellValue | undefined, column: number, row: number, ctx: ReadContext, origins: Partial<Record<PurchaseField, Origin>>, findings: Finding[]): AmountRead {
  const none: AmountRead = { amount: null, unreadable: false, basis: null, vat: null };
  if (isBlank(cell)) return none;
  if (isCellError(cell)) {
    findings.push(unreadable('value', column, row, cell.error));
    return { ...none, unreadable: true };
  }
  const parsed = parseAmount(cell, { locale: ctx.locale, defaultCurrency: ctx.currency });
  const ref = `${columnLetters(column)}${row}`;
  if (!parsed.ok && parsed.error.code === 'empty') return none; // `-` or `–`: a common "none"
  if (!parsed.ok) {
    findings.push(finding('VALUE-UNPARSEABLE', 'error', { raw: parsed.error.raw, reason: parsed.error.code, cell: ref, forms: 'amount' }));
    return { ...none, unreadable: true };
  }
  const header = ctx.layout.valueHeader;
  const headerOrigin: Origin = { source: 'header', column: columnLetters(column), text: ctx.layout.headers[column] ?? '' };
  const own = parsed.unit.scale > 0 || parsed.unit.currency !== null;
  let minor = parsed.value.minor;
  let currency = parsed.value.currency ?? ctx.currency;
  origins.value = cellOrigin(column, row, cell);
  if (!own) {
    // A bare number: the header's scale and currency apply.
    if (header.scale > 0) {
      minor *= 10n ** BigInt(header.scale);
      origins.scale = headerOrigin;
    }
    if (header.currency !== null && header.currency !== 'local') {
      currency = header.currency;
      origins.currency = headerOrigin;
    }
  } else {
    origins.currency = origins.value;
    const scaleConflict = header.scale > 0 && parsed.unit.scale !== header.scale;
    const currencyConflict = header.currency !== null && header.currency !== 'local' && parsed.unit.currency !== null && parsed.unit.currency !== header.currency;
    if (scaleConflict || currencyConflict) {
      findings.push(finding('UNIT-CONFLICT', 'warning', { cell: ref, raw: parsed.raw, header: ctx.layout.headers[column] ?? '' }, [], 'finding.UNIT-CONFLICT.unit'));
    }
  }
  let basis: AmountRead['basis'] = null;
  if (parsed.per !== null) {
    const value: ValueBasis = parsed.per === 'year' ? 'yearly' : 'monthly';
    basis = { value, origin: origins.value };
    const sheetBasis = ctx.layout.valueBasis;
    if (sheetBasis.origin.source !== 'default' && sheetBasis.value !== value) {
      findings.push(finding('UNIT-CONFLICT', 'warning', { cell: ref, raw: parsed.raw, header: ctx.layout.headers[column] ?? '' }, [], 'finding.UNIT-CONFLICT.basis'));
    }
  }
  return { amount: money(minor, currency), unreadable: false, basis, vat: parsed.vatIncluded };
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
  if (isCellError(cell)) {
    findings.push(unreadable(role, column, row, cell.error));
    return null;
  }
  const read = role === 'duration' ? ctx.read.duration(cell) : ctx.read.options(cell);
  if (!read.ok) {
    findings.push(finding('DURATION-UNREADABLE', 'warning', { cell: `${columnLetters(column)}${row}`, raw: read.error.raw, role }));
    return null;
  }
  origins[role] = cellOrigin(column, row, cell);
  return read;
}

/** Reads one data row. `cells` is the sheet row, `row` its 1-based number. */
export function readPurchase(cells: readonly CellValue[], row: number, ctx: ReadContext): Purchase {
  const { layout } = ctx;
  const columns = layout.columns;
  const origins: Partial<Record<PurchaseField, Origin>> = {};
  const findings: Finding[] = [];
  const ruleIds: string[] = [];
  const at = (role: ColumnRole): CellValue | undefined => (columns[role] === undefined ? undefined : cells[columns[role]]);
  const textOf = (role: ColumnRole, field: PurchaseField): string | null => {
    const cell = at(role);
    if (isBlank(cell) || columns[role] === undefined) return null;
    origins[field] = cellOrigin(columns[role], row, cell);
    return cellText(cell);
  };

  const description = textOf('description', 'description');

  let wider = false;
  if (ctx.delimitedText && layout.headerWidth > 0) {
    for (let c = layout.headerWidth; c < cells.length; c++) if (!isBlank(cells[c])) wider = true;
    if (wider) findings.push(finding('ROW-WIDER-THAN-HEADER', 'error', { row, columns: layout.headerWidth }));
  }
  const amount =
    wider || columns.value === undefined ?
      { amount: null, unreadable: wider, basis: null, vat: null }
    : readAmount(at('value'), columns.value, row, ctx, origins, findings);
  const basis = amount.basis ?? layout.valueBasis;
  origins.valueBasis = amount.basis?.origin ?? layout.valueBasis.origin;

  // VAT: the cell's own words, else a VAT column, else the header; a disagreement is reported.
  const vatColumn = columns.vat === undefined || isBlank(at('vat')) ? null : ctx.read.yesNo(at('vat'));
  let vatIncluded = amount.vat ?? vatColumn ?? layout.valueHeader.vatIncluded;
  if (amount.vat !== null) origins.vat = origins.value;
  else if (vatColumn !== null && columns.vat !== undefined) origins.vat = cellOrigin(columns.vat, row, at('vat'));
  else if (layout.valueHeader.vatIncluded !== null && columns.value !== undefined) origins.vat = { source: 'header', column: columnLetters(columns.value), text: layout.headers[columns.value] ?? '' };
  if (amount.vat !== null && vatColumn !== null && amount.vat !== vatColumn) {
    findings.push(finding('UNIT-CONFLICT', 'warning', { cell: `${columnLetters(columns.value ?? 0)}${row}` }, [], 'finding.UNIT-CONFLICT.vat'));
    vatIncluded = null;
  }

  let date: IsoDate | null = null;
  const dateCell = at('date');
  if (columns.date !== undefined && !isBlank(dateCell)) {
    const ref = `${columnLetters(columns.date)}${row}`;
    if (isCellError(dateCell)) findings.push(unreadable('date', columns.date, row, dateCell.error));
    else {
      const read = ctx.read.date(dateCell);
      if (read?.ok) {
        date = read.date;
        origins.date = cellOrigin(columns.date, row, dateCell);
        if (read.period !== 'day') findings.push(finding('ASSUMPTION', 'info', { cell: ref, raw: cellText(dateCell), date: read.date }, [], `finding.ASSUMPTION.date-${read.period}`));
      } else findings.push(finding('DATE-UNREADABLE', 'warning', { cell: ref, raw: read?.ok === false ? read.text : '', date: layout.date.value }));
    }
  }
  if (date === null) origins.date = layout.date.origin;

  const buyerCell = ctx.read.buyerKind(at('buyerKind'));
  const buyer = buyerCell ?? layout.buyer.value;
  origins.buyer = buyerCell !== null && columns.buyerKind !== undefined ? cellOrigin(columns.buyerKind, row, at('buyerKind')) : layout.buyer.origin;

  const cpv = ctx.read.cpv(at('cpv'));
  if (cpv.length > 0 && columns.cpv !== undefined) origins.cpv = cellOrigin(columns.cpv, row, at('cpv'));
  const kindCell = ctx.read.contractKind(at('contractKind'));
  const kindCpv = cpv.length > 0 ? ctx.read.kindOfCpv(cpv) : null;
  let contractKind = layout.contractKind.value;
  origins.contractKind = layout.contractKind.origin;
  if (kindCell !== null && columns.contractKind !== undefined) {
    // A contract-kind column wins over the CPV code; a disagreement is reported.
    contractKind = kindCell;
    origins.contractKind = cellOrigin(columns.contractKind, row, at('contractKind'));
    if (kindCpv && kindCpv.kind !== kindCell) {
      findings.push(finding('KIND-CONFLICT', 'warning', { kind: kindCell, cpvKind: kindCpv.kind, cpv: kindCpv.matched }, kindCpv.ruleIds));
    }
  } else if (kindCpv) {
    contractKind = kindCpv.kind;
    origins.contractKind = { ...(origins.cpv ?? { source: 'cell' }), text: kindCpv.matched };
    ruleIds.push(...kindCpv.ruleIds);
  }

  const duration = readDuration('duration', cells, ctx, row, origins, findings);
  const options = readDuration('options', cells, ctx, row, origins, findings);
  // The options column holds option periods only, so its base term counts as options too.
  const optionMonths = (duration?.ok ? duration.optionMonths : 0) + (options?.ok ? (options.months ?? 0) + options.optionMonths : 0);

  const reservedCell = at('reserved');
  const reserved = ctx.read.yesNo(reservedCell) === true;
  if (columns.reserved !== undefined && !isBlank(reservedCell)) origins.reserved = cellOrigin(columns.reserved, row, reservedCell);
  const supplierName = textOf('supplier', 'supplier');
  const orgnrRaw = textOf('orgnr', 'orgnr');
  const orgnr = orgnrRaw === null ? null : ctx.read.orgnr(orgnrRaw);
  // A personal identity number is never repeated, not even as the origin of a field.
  if (orgnr?.problem === 'personal-number' && origins.orgnr) origins.orgnr = { ...origins.orgnr, text: '' };
  const shareCell = at('share');
  const share = columns.share === undefined || isBlank(shareCell) ? null : ctx.read.percent(shareCell);
  if (share !== null && columns.share !== undefined) origins.share = cellOrigin(columns.share, row, shareCell);

  return {
    row,
    description,
    amount: amount.amount,
    amountUnreadable: amount.unreadable,
    basis: basis.value,
    vatIncluded,
    date,
    buyer,
    contractKind,
    cpv,
    category: isBlank(at('category')) ? null : cellText(at('category')),
    termMonths: duration?.ok ? duration.months : null,
    openEnded: duration?.ok === true && duration.openEnded,
    optionMonths,
    optionsIncluded: layout.valueHeader.optionsIncluded,
    reserved,
    supplierName,
    orgnr,
    share,
    origins,
    findings,
    ruleIds,
  };
}
