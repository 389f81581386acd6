/**
 * A staff share (the 30 % rule) as a buyer would read the cell, the same way whether the cell holds a
 * number or text:
 * - a value is a percentage: `1` is 1 %, `35` is 35 %, `29,9 %` is 29.9 % (never 1 → 100 %);
 * - except a value strictly between 0 and 1 that is a spreadsheet number, or text in a column whose
 *   header does not say % (or percent, prosent, procent, pct) and that has no % of its own: that is the
 *   fraction Excel stores for a cell formatted as a percentage (30 % is saved as 0.3), so it reads as
 *   30 %, and the reading is flagged;
 * - where typed text says % itself, or under a % header, a value below 1 stays as written and is
 *   flagged as looking like a fraction (the registry's existing warning).
 * Ranges are the caller's to check: the registry reports an out-of-range share, a sheet finds none.
 */
export type ShareNote = 'read-as-fraction' | 'looks-like-fraction';

export interface ShareReading {
  readonly percent: number;
  readonly note: ShareNote | null;
}

const SHARE_TEXT = /^\s*(-?\d{1,3}(?:[.,]\d+)?)\s*(%)?\s*$/;
const PERCENT_HEADER = /%|percent|prosent|procent|pct/i;

/** Whether a column header says its values are percentages ("Andel (%)", "share_percent"). */
export function headerSaysPercent(header: string | null | undefined): boolean {
  return header !== null && header !== undefined && PERCENT_HEADER.test(header);
}

/** The share in `value`, or null when it is not written as a number. */
export function readSharePercent(value: number | string, percentHeader: boolean): ShareReading | null {
  let n: number;
  let percentSign = false;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    n = value;
  } else {
    const m = SHARE_TEXT.exec(value);
    if (!m?.[1]) return null;
    n = Number(m[1].replace(',', '.'));
    percentSign = m[2] !== undefined;
  }
  if (n <= 0 || n >= 1) return { percent: n, note: null };
  // A spreadsheet number below 1 is what a cell formatted as a percentage holds (35 % is 0.35), whatever
  // the header says; typed text keeps its own reading.
  if (percentSign || (percentHeader && typeof value === 'string')) return { percent: n, note: 'looks-like-fraction' };
  return { percent: Math.round(n * 100_000) / 1000, note: 'read-as-fraction' };
}
