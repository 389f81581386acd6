/**
 * Reading single cells the way people fill in procurement sheets: text, yes/no, dates (ISO text,
 * Nordic `dd.mm.yyyy`, or an Excel serial number as Office.js gives it) and CPV codes. Never throws.
 */
import { addDays, isIsoDate, type IsoDate } from '../dates.ts';
import { foldedWords } from '../registry/normalise.ts';
import { headerSaysPercent, readSharePercent, type ShareReading } from '../value/share.ts';
import type { CellError, CellValue } from './types.ts';

/** A row without cells (a gap between a workbook's rows): one frozen list for all of them. */
export const NO_CELLS: readonly CellValue[] = Object.freeze([]);

export function isCellError(cell: CellValue | undefined): cell is CellError {
  return typeof cell === 'object' && cell !== null;
}

// Excel's error values: Office.js `range.values` gives them as these strings.
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|BUSY!|CONNECT!|EXTERNAL!|PYTHON!)$/;

/** The error a cell holds: a CellError's, or an Excel error value given as text (`#DIV/0!`); else null. */
export function cellErrorOf(cell: CellValue | undefined): string | null {
  if (isCellError(cell)) return cell.error;
  if (typeof cell !== 'string') return null;
  // An error text starts with '#' once trimmed: a text starting with another printable ASCII character is settled by it.
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127 && first !== 35) return null;
  return EXCEL_ERROR.test(cell.trim()) ? cell.trim() : null;
}

/** A cell as text; an error cell gives its error text (`#REF!`), never a value. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.error;
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

export function isBlank(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // Most texts start with a printable ASCII character, which is never white space: no trim needed.
  const first = cell.charCodeAt(0);
  return !(first > 32 && first < 127) && cell.trim() === '';
}

const YES = new Set(['yes', 'y', 'ja', 'j', 'x', 'true', '1', 'inkl', 'inkludert', 'inklusive', 'incl', 'included', 'including', 'med', 'reservert', 'reserverad', 'reserved']);
const NO = new Set(['no', 'n', 'nei', 'nej', 'false', '0', 'ekskl', 'eks', 'exkl', 'ex', 'excl', 'excluded', 'excluding', 'uten', 'utan', 'ikke', 'inte']);

/** A pattern word as the header and candidate tables write them: `renhold*` matches any word starting with `renhold`. */
export function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern === word;
}

/** true / false for a yes/no cell, null when blank or unclear ("vet ikke", "?"). */
export function yesNo(cell: CellValue | undefined): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const words = foldedWords(cellText(cell));
  const first = words[0];
  if (first === undefined) return null;
  if (YES.has(first)) return true;
  if (NO.has(first)) return false;
  return null;
}

// Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: serial 25569 is 1970-01-01.
const EXCEL_EPOCH_SERIAL = 25569;
// Serials from 1950 to 2150: a bare number outside this range is not a date anybody meant.
const SERIAL_MIN = 18264;
const SERIAL_MAX = 91311;

const NORDIC_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const ISO_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;

const pad = (n: string) => n.padStart(2, '0');

/** A cell as an ISO date, or null when it is blank or not a date. */
export function cellDate(cell: CellValue | undefined): IsoDate | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < SERIAL_MIN || cell > SERIAL_MAX) return null;
    return addDays('1970-01-01', Math.floor(cell) - EXCEL_EPOCH_SERIAL);
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const iso = ISO_PREFIX.exec(text);
  if (iso) {
    const date = `${iso[1]}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}`;
    return isIsoDate(date) ? date : null;
  }
  const nordic = NORDIC_DATE.exec(text);
  if (nordic) {
    const date = `${nordic[3]}-${pad(nordic[2] ?? '')}-${pad(nordic[1] ?? '')}`;
    return isIsoDate(date) ? date : null;
  }
  return null;
}

const CPV = /\b(\d{8})(?:-\d)?\b/g;

/** CPV codes in a cell (`90910000-9`, `90911200`, several separated by anything), 8 digits each. */
export function cellCpvCodes(cell: CellValue | undefined): string[] {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1e7 && cell < 1e8 ? [String(cell)] : [];
  return Array.from(cellText(cell).matchAll(CPV), (m) => m[1] ?? '').filter((c) => c !== '');
}

/**
 * A share cell in percent (0–100), read the same whether it holds a number or text (see
 * core/value/share.ts): 35, "35 %", "29,9", 1 → 1 %; a fraction such as 0.3 (Excel's form of a cell
 * formatted as 30 %) → 30 %, unless `header` or the cell says % (then 0.3 %). readSharePercent tells
 * which reading was taken, for a finding.
 */
export function cellPercent(cell: CellValue | undefined, header?: string | null): ShareReading | null {
  if (typeof cell !== 'number' && typeof cell !== 'string') return null;
  const reading = readSharePercent(cell, headerSaysPercent(header));
  return reading && reading.percent >= 0 && reading.percent <= 100 ? reading : null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januar: 1, januari: 1, january: 1, feb: 2, februar: 2, februari: 2, february: 2, mar: 3, mars: 3, march: 3, apr: 4, april: 4,
  mai: 5, maj: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, august: 8, augusti: 8, sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, november: 11, des: 12, desember: 12, dec: 12, december: 12,
};
const QUARTER = /^(?:q|k|kv|kvartal)\s*([1-4])\.?\s*(\d{4})$|^([1-4])\.?\s*(?:kvartal|kv|quarter|q)\.?\s*(\d{4})$/i;
const MONTH_YEAR = /^(\p{L}+)\.?\s+(\d{4})$/u;
const MONTH_NUMBER_YEAR = /^(\d{1,2})[./-](\d{4})$|^(\d{4})-(\d{1,2})$/;

/** A date cell as read: an exact date, the first day of a period (`Q2 2027`, `mars 2027`), or unreadable. */
export type DateRead =
  | { readonly ok: true; readonly date: IsoDate; readonly period: 'day' | 'month' | 'quarter' }
  | { readonly ok: false; readonly text: string };

/** Reads a date cell; null when blank. A period reads to its first day, and says so. */
export function readDateCell(cell: CellValue | undefined): DateRead | null {
  if (isBlank(cell)) return null;
  const exact = cellDate(cell);
  if (exact) return { ok: true, date: exact, period: 'day' };
  const text = cellText(cell).replace(/\s+/g, ' ');
  const q = QUARTER.exec(text);
  if (q) {
    const quarter = Number(q[1] ?? q[3]);
    return { ok: true, date: `${q[2] ?? q[4]}-${pad(String(quarter * 3 - 2))}-01`, period: 'quarter' };
  }
  const my = MONTH_YEAR.exec(text);
  const month = my ? MONTHS[foldedWords(my[1] ?? '')[0] ?? ''] : undefined;
  if (my && month) return { ok: true, date: `${my[2]}-${pad(String(month))}-01`, period: 'month' };
  const mn = MONTH_NUMBER_YEAR.exec(text);
  if (mn) {
    const date = mn[2] ? `${mn[2]}-${pad(mn[1] ?? '')}-01` : `${mn[3]}-${pad(mn[4] ?? '')}-01`;
    if (isIsoDate(date)) return { ok: true, date, period: 'month' };
  }
  return { ok: false, text: text.slice(0, 60) };
}
