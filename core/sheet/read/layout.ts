/**
 * Read stage, sheet level: which row is the header, which column plays which role, which column is
 * the value (ranked: a unit price never becomes the value), what the value header says (scale,
 * currency, total or rate, VAT, options) and the sheet-wide defaults (buyer kind, contract kind, units
 * of durations). Everything taken from a header, the sheet or a default that can change a verdict is
 * an ASSUMPTION finding listed once for the sheet.
 */
import type { IsoDate } from '../../dates.ts';
import { finding, type Finding } from '../../rules/findings.ts';
import type { BuyerKind, ContractKind } from '../../rules/regime.ts';
import { cellText, isBlank } from '../cells.ts';
import { applyOverride, detectHeader, durationUnitOf, headerTexts, mapHeaderRow, valueCandidates } from '../headers.ts';
import type { ColumnMapping, SheetCells, SheetCheckOptions, SheetFact, SheetReadProblem, ValueBasis, ValueColumnChoice } from '../types.ts';
import { inferBuyerKind } from '../infer.ts';
import { columnLetters, type Origin } from './origin.ts';
import { readValueHeader, type ValueHeader } from './value-header.ts';

export interface SheetLayout {
  /** 0-based header row, -1 when none. */
  readonly headerIndex: number;
  readonly problem: SheetReadProblem | null;
  readonly columns: ColumnMapping;
  readonly headers: readonly string[];
  /** Columns up to the header's last filled cell: a CSV row filled beyond it is not trusted. */
  readonly headerWidth: number;
  readonly valueColumn: ValueColumnChoice;
  readonly valueHeader: ValueHeader;
  readonly valueBasis: SheetFact<ValueBasis>;
  readonly buyer: SheetFact<BuyerKind>;
  readonly contractKind: SheetFact<ContractKind>;
  readonly durationUnit: SheetFact<'months' | 'years'>;
  readonly optionsUnit: SheetFact<'months' | 'years'>;
  readonly date: SheetFact<IsoDate>;
  /** Title texts above the header and the tab name: evidence for the buyer kind and jurisdiction. */
  readonly titles: readonly { readonly text: string; readonly row: number | null }[];
  readonly assumptions: Finding[];
}

const DEFAULT_BUYER: BuyerKind = 'municipal';

/** The origin of a value read from a column's header (a default when there is no such column). */
export function headerOrigin(column: number | undefined, headers: readonly string[]): Origin {
  return column === undefined ? { source: 'default' } : { source: 'header', column: columnLetters(column), text: headers[column] ?? '' };
}

function headerRowIndex(cells: SheetCells, options: SheetCheckOptions): { index: number; columns: ColumnMapping; problem: SheetReadProblem | null } {
  if (options.headerRow === undefined) {
    const detected = detectHeader(cells);
    return { ...detected, problem: detected.index < 0 ? 'no-header' : null };
  }
  // An explicit header row is honoured or refused, never replaced by detection.
  const index = options.headerRow - 1;
  if (!Number.isInteger(options.headerRow) || index < 0 || index >= cells.length) return { index: -1, columns: {}, problem: 'header-row-past-end' };
  const columns = mapHeaderRow(cells[index] ?? []);
  const mapped = Object.keys(applyOverride(columns, options.mapping)).length > 0;
  return { index, columns, problem: mapped ? null : 'header-row-not-header' };
}

function chooseValueColumn(cells: SheetCells, index: number, options: SheetCheckOptions, headers: readonly string[]): ValueColumnChoice {
  const candidates = index < 0 ? [] : valueCandidates(cells[index] ?? []);
  const chosen = options.mapping?.value;
  if (chosen === null) return { column: null, header: null, origin: 'option', rejected: [] };
  if (chosen !== undefined) {
    return {
      column: chosen,
      header: headers[chosen] ?? '',
      origin: 'option',
      rejected: candidates.filter((c) => c.column !== chosen).map((c) => ({ column: c.column, header: c.header, reason: c.kind === 'value' ? 'lower-rank' : c.kind })),
    };
  }
  const best = candidates.reduce<(typeof candidates)[number] | null>((top, c) => (c.rank > (top?.rank ?? 0) ? c : top), null);
  return {
    column: best?.column ?? null,
    header: best?.header ?? null,
    origin: best ? 'detected' : 'none',
    rejected: candidates
      .filter((c) => c !== best)
      .map((c) => ({ column: c.column, header: c.header, reason: c.kind !== 'value' ? c.kind : c.rank === best?.rank ? 'same-rank' : 'lower-rank' })),
  };
}

/** Reads the sheet's layout and its sheet-wide facts. */
export function readSheetLayout(cells: SheetCells, options: SheetCheckOptions, defaultKind: ContractKind, currency: string): SheetLayout {
  const header = headerRowIndex(cells, options);
  const headerCells = header.index >= 0 ? (cells[header.index] ?? []) : [];
  const headers = headerTexts(headerCells);
  const valueColumn = chooseValueColumn(cells, header.index, options, headers);
  const detected: Partial<Record<keyof ColumnMapping, number>> = { ...header.columns };
  delete detected.value;
  if (valueColumn.column !== null) detected.value = valueColumn.column;
  const columns = applyOverride(detected, { ...options.mapping, value: valueColumn.column });
  let headerWidth = 0;
  headerCells.forEach((c, i) => {
    if (!isBlank(c)) headerWidth = i + 1;
  });

  const assumptions: Finding[] = [];
  const valueHeaderText = columns.value === undefined ? '' : (headers[columns.value] ?? '');
  const valueHeader = readValueHeader(valueHeaderText);
  const valueRef = columns.value === undefined ? '' : columnLetters(columns.value);
  const valueHeaderOrigin = headerOrigin(columns.value, headers);

  const rejected = valueColumn.rejected.map((r) => `${columnLetters(r.column)} «${r.header}»`).join(', ');
  if (valueColumn.column !== null && valueColumn.origin === 'detected' && valueColumn.rejected.length > 0) {
    assumptions.push(finding('ASSUMPTION', 'info', { column: valueRef, header: valueColumn.header, rejected }, [], 'finding.ASSUMPTION.value-column'));
  }
  if (valueColumn.column === null && valueColumn.rejected.some((r) => r.reason === 'unit-price')) {
    assumptions.push(finding('VALUE-COLUMN-MISSING', 'warning', { rejected }, [], 'finding.VALUE-COLUMN-MISSING.unit-price'));
  }

  const valueBasis: SheetFact<ValueBasis> =
    options.valueBasis ? { value: options.valueBasis, origin: { source: 'option', text: options.valueBasis } }
    : valueHeader.basisText ? { value: valueHeader.basis, origin: { ...valueHeaderOrigin, text: valueHeaderText } }
    : { value: 'total', origin: { source: 'default' } };
  if (columns.value !== undefined && valueBasis.origin.source !== 'option') {
    assumptions.push(
      valueBasis.origin.source === 'header' ?
        finding('ASSUMPTION', 'info', { column: valueRef, header: valueHeaderText, basis: valueBasis.value, phrase: valueHeader.basisText }, [], 'finding.ASSUMPTION.value-basis-header')
      : finding('ASSUMPTION', 'info', { column: valueRef, header: valueHeaderText }, [], 'finding.ASSUMPTION.value-basis-total'),
    );
  }
  if (valueHeader.scale > 0) {
    assumptions.push(finding('ASSUMPTION', 'info', { column: valueRef, header: valueHeaderText, unit: valueHeader.scaleText, factor: 10 ** valueHeader.scale }, [], 'finding.ASSUMPTION.scale'));
  }
  if (valueHeader.currency !== null && valueHeader.currency !== 'local' && valueHeader.currency !== currency) {
    assumptions.push(finding('ASSUMPTION', 'info', { column: valueRef, header: valueHeaderText, currency: valueHeader.currency }, [], 'finding.ASSUMPTION.currency'));
  }
  if (valueHeader.vatIncluded !== null) {
    assumptions.push(finding('ASSUMPTION', 'info', { column: valueRef, header: valueHeaderText }, [], `finding.ASSUMPTION.vat-${valueHeader.vatIncluded ? 'included' : 'excluded'}`));
  }
  if (valueHeader.unknown.length > 0) {
    assumptions.push(finding('UNIT-UNKNOWN', 'warning', { column: valueRef, header: valueHeaderText, words: valueHeader.unknown.join(', ') }));
  }

  const titles: { text: string; row: number | null }[] = [];
  for (let i = 0; i < Math.max(header.index, 0); i++) {
    for (const cell of cells[i] ?? []) if (!isBlank(cell)) titles.push({ text: cellText(cell), row: i + 1 });
  }
  if (options.sheetName) titles.push({ text: options.sheetName, row: null });

  // The buyer kind: the user's choice, else what the titles and tab name say, else the default.
  const inferred = options.buyer ? null : inferBuyerKind(titles.map((t) => ({ text: t.text, where: t.row === null ? 'tab' : `row ${t.row}` })));
  const named = inferred?.kind != null ? inferred.evidence[0] : undefined;
  const buyer: SheetFact<BuyerKind> =
    options.buyer ? { value: options.buyer, origin: { source: 'option', text: options.buyer } }
    : named ? { value: named.kind, origin: { source: 'sheet', text: named.text, ...(named.where === 'tab' ? {} : { row: Number(named.where.slice(4)) }) } }
    : { value: DEFAULT_BUYER, origin: { source: 'default' } };
  if (named) assumptions.push(finding('ASSUMPTION', 'info', { buyer: named.kind, text: named.text, where: named.where }, [], 'finding.ASSUMPTION.buyer-sheet'));
  else if (!options.buyer) {
    if (inferred?.conflict) {
      const of = (kind: BuyerKind) => inferred.evidence.filter((e) => e.kind === kind).map((e) => `«${e.text}»`).join(', ');
      assumptions.push(finding('ASSUMPTION', 'warning', { buyer: buyer.value, state: of('state'), municipal: of('municipal') }, [], 'finding.ASSUMPTION.buyer-conflict'));
    }
    assumptions.push(
      finding('ASSUMPTION', 'info', { buyer: buyer.value, column: columns.buyerKind === undefined ? '' : columnLetters(columns.buyerKind) }, [], `finding.ASSUMPTION.buyer-default${columns.buyerKind === undefined ? '' : '-column'}`),
    );
  }
  const contractKind: SheetFact<ContractKind> = { value: defaultKind, origin: options.defaultContractKind ? { source: 'option', text: defaultKind } : { source: 'default' } };
  if (!options.defaultContractKind) {
    assumptions.push(finding('ASSUMPTION', 'info', { kind: defaultKind }, [], 'finding.ASSUMPTION.kind-default'));
  }
  const unitFact = (column: number | undefined): SheetFact<'months' | 'years'> => {
    const unit = column === undefined ? null : durationUnitOf(headers[column] ?? '');
    return unit ? { value: unit, origin: headerOrigin(column, headers) } : { value: 'months', origin: { source: 'default' } };
  };
  const durationUnit = unitFact(columns.duration);
  const optionsUnit = columns.options !== undefined && durationUnitOf(headers[columns.options] ?? '') === null ? durationUnit : unitFact(columns.options);
  if (columns.duration !== undefined && durationUnit.origin.source === 'default') {
    assumptions.push(finding('ASSUMPTION', 'info', { column: columnLetters(columns.duration), header: headers[columns.duration] ?? '' }, [], 'finding.ASSUMPTION.duration-months'));
  }
  const date: SheetFact<IsoDate> = { value: options.date, origin: { source: 'option', text: options.date } };
  assumptions.push(finding('ASSUMPTION', 'info', { date: options.date }, [], columns.date === undefined ? 'finding.ASSUMPTION.date-check' : 'finding.ASSUMPTION.date-blank'));

  return {
    headerIndex: header.index,
    problem: header.problem,
    columns,
    headers,
    headerWidth,
    valueColumn,
    valueHeader,
    valueBasis,
    buyer,
    contractKind,
    durationUnit,
    optionsUnit,
    date,
    titles,
    assumptions,
  };
}
