/**
 * Read stage, the value cell on its own: what a cell of the value column says under its header,
 * whatever its row. Amounts repeat down a sheet (`2,5 MNOK`, `150k`, the same framework sum), so
 * check.ts keeps one reading per distinct cell; the row's findings and origins are added by
 * readPurchase (purchase.ts), which knows the row.
 */
import type { Lang } from '../../i18n/catalogue.ts';
import { money, type Money } from '../../value/money.ts';
import { parseAmount, type AmountErrorCode } from '../../value/parse.ts';
import { cellErrorOf, cellText, isBlank } from '../cells.ts';
import type { CellValue, SheetFact, ValueBasis } from '../types.ts';
import type { ValueHeader } from './value-header.ts';

export type ValueCell =
  /** Blank, or a dash (a common "none"). */
  | { readonly read: 'blank' }
  /** An Excel error value (`#REF!`, or a formula saved without its result). */
  | { readonly read: 'error'; readonly error: string }
  | { readonly read: 'unparseable'; readonly raw: string; readonly reason: AmountErrorCode }
  | {
      readonly read: 'amount';
      /** Scaled and in its currency (the header's for a bare number), gross when `vat`. */
      readonly amount: Money;
      /** A number with no unit of its own: the header's scale and currency apply. */
      readonly bare: boolean;
      /** The text as the parser kept it, for a conflict finding. */
      readonly raw: string;
      /** The cell's own unit (scale or currency) contradicts the header's. */
      readonly unitConflict: boolean;
      /** A rate written in the cell (`per år`), null for a plain amount. */
      readonly basis: ValueBasis | null;
      /** The cell's rate contradicts the sheet's stated value basis. */
      readonly basisConflict: boolean;
      readonly vat: boolean | null;
    };

/** What the value cell reading needs of the sheet. */
export interface ValueColumn {
  readonly header: ValueHeader;
  readonly sheetBasis: SheetFact<ValueBasis>;
  readonly locale: Lang;
  /** The jurisdiction's currency. */
  readonly currency: string;
}

/** The reading of a blank value cell, shared. */
export const BLANK_VALUE: ValueCell = { read: 'blank' };
const SCALE_WORD: Readonly<Record<number, string>> = { 3: 'tusen', 6: 'mill', 9: 'mrd' };
const BARE_NUMBER = /^[\d\s.,'\u00a0\u202f]+$/;

/** A number with no unit of its own: an Excel number, or text of digits and separators only. */
function isBareNumber(cell: CellValue | undefined): boolean {
  return typeof cell === 'number' || (typeof cell === 'string' && BARE_NUMBER.test(cell.trim()));
}

/**
 * A bare number under a scaled header, scaled before it is read: `99,999` in a column «i 1000 kr» is
 * 99 999 kroner, not a typing slip with three decimals.
 */
function scaledInput(cell: CellValue | undefined, scale: number): CellValue | undefined {
  if (scale === 0) return cell;
  if (typeof cell === 'number') return cell * 10 ** scale;
  return typeof cell === 'string' ? `${cell.trim()} ${SCALE_WORD[scale] ?? ''}` : cell;
}

/** Reads one value cell under its column's header. Never throws. */
export function readValueCell(cell: CellValue | undefined, column: ValueColumn): ValueCell {
  if (isBlank(cell)) return BLANK_VALUE;
  const error = cellErrorOf(cell);
  if (error !== null) return { read: 'error', error };
  const { header } = column;
  const bare = isBareNumber(cell);
  const parsed = parseAmount(bare ? scaledInput(cell, header.scale) : cell, { locale: column.locale, defaultCurrency: column.currency });
  if (!parsed.ok && parsed.error.code === 'empty') return BLANK_VALUE;
  if (!parsed.ok) return { read: 'unparseable', raw: bare ? cellText(cell) : parsed.error.raw, reason: parsed.error.code };
  const headerCurrency = header.currency !== null && header.currency !== 'local' ? header.currency : null;
  const currency = bare && headerCurrency !== null ? headerCurrency : (parsed.value.currency ?? column.currency);
  const unitConflict =
    !bare &&
    ((header.scale > 0 && parsed.unit.scale !== header.scale) || (headerCurrency !== null && parsed.unit.currency !== null && parsed.unit.currency !== headerCurrency));
  const basis: ValueBasis | null = parsed.per === null ? null : parsed.per === 'year' ? 'yearly' : 'monthly';
  const basisConflict = basis !== null && column.sheetBasis.origin.source !== 'default' && column.sheetBasis.value !== basis;
  return { read: 'amount', amount: money(parsed.value.minor, currency), bare, raw: parsed.raw, unitConflict, basis, basisConflict, vat: parsed.vatIncluded };
}
