/**
 * SPLIT-RISK: purchases of the same kind (same CPV group, i.e. the first three digits, or the same
 * category text) or from the same supplier (organisation number, else normalised name) whose values
 * within 12 months add up to a threshold that none of them reaches alone. The estimated value of a
 * contract must not be split to stay under a threshold (NO FOA § 5-4; SE LOU 5 kap.). Since
 * 2022-02-01 Sweden no longer adds up "direct awards of the same kind in the financial year", but the
 * 12-month estimate of recurring purchases still applies; the Swedish message says so.
 *
 * Each group is sorted by date once (O(n log n)); windows start at every purchase and end 12 months
 * later, their sums come from prefix sums and their largest single value from a monotone queue, so
 * the rest is linear. Sums are kept in minor units as numbers: exact up to 2^53 øre (90 000 billion).
 */
import type { IsoDate } from '../../dates.ts';
import { finding, type Finding } from '../../rules/findings.ts';
import type { RulePack } from '../../rules/schema.ts';
import { memoized } from '../memo.ts';
import { twelveMonthWindowEnd } from '../../value/aggregate.ts';
import type { CheckedRow, JudgeReaders } from './judge.ts';
import { provisionsInForce, type Threshold } from './thresholds.ts';

export type SplitBasis = 'same-kind' | 'same-supplier';

/** One group of purchases of the same kind or supplier, sorted by date: row indices and their values (minor units as numbers, exact below 2^53). */
interface Group {
  readonly rows: number[];
  readonly dates: IsoDate[];
  readonly values: number[];
}

interface Window {
  readonly start: number;
  readonly end: number;
  readonly total: number;
  readonly threshold: Threshold;
  /** Rank of the threshold in its ladder: a higher threshold crossed is the graver finding. */
  readonly level: number;
}

function graver(a: Window, b: Window): boolean {
  return a.level !== b.level ? a.level > b.level : a.total > b.total;
}

const VALUE_PROVISION = { NO: 'NO-VAL', SE: 'SE-VAL' } as const;

/** For each purchase of the group, the gravest flagged 12-month window containing it, or null. */
function flaggedWindows(group: Group, windowEnd: (date: IsoDate) => IsoDate, ladderAt: (k: number) => readonly Threshold[]): (Window | null)[] {
  const { dates, values } = group;
  const n = values.length;
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = (prefix[k] as number) + (values[k] as number);

  // Window i spans purchases i..end; ends never decrease, so one pass with a max-queue suffices.
  const windows: (Window | null)[] = new Array<Window | null>(n);
  const maxQueue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const last = windowEnd(dates[i] as IsoDate);
    while (end + 1 < n && (dates[end + 1] as IsoDate) <= last) {
      end++;
      const v = values[end] as number;
      while (tail > head && (values[maxQueue[tail - 1] as number] as number) <= v) tail--;
      maxQueue[tail++] = end;
    }
    while ((maxQueue[head] as number) < i) head++;
    const largest = values[maxQueue[head] as number] as number;
    const total = (prefix[end + 1] as number) - (prefix[i] as number);
    const ladder = ladderAt(i);
    let window: Window | null = null;
    for (let level = 0; level < ladder.length; level++) {
      const threshold = ladder[level] as Threshold;
      const at = Number(threshold.minor);
      if (total >= at && largest < at) window = { start: i, end, total, threshold, level };
    }
    windows[i] = window;
  }

  // Purchase k lies in windows start..k whose end ≥ k; those starts form a range that moves right.
  const best: (Window | null)[] = new Array<Window | null>(n);
  const queue = new Int32Array(n);
  let qHead = 0;
  let qTail = 0;
  for (let k = 0; k < n; k++) {
    const w = windows[k];
    if (w) {
      while (qTail > qHead && !graver(windows[queue[qTail - 1] as number] as Window, w)) qTail--;
      queue[qTail++] = k;
    }
    while (qHead < qTail && (windows[queue[qHead] as number] as Window).end < k) qHead++;
    best[k] = qHead < qTail ? (windows[queue[qHead] as number] ?? null) : null;
  }
  return best;
}

/** The purchases with a value, grouped by `keyOf`, each group sorted by date (then row). */
function groupsOf(rows: readonly CheckedRow[], keyOf: (r: CheckedRow) => string | null): Group[] {
  const byKey = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const value = row.estimatedValue;
    if (key === null || value === null || value.minor <= 0n) return;
    const group = byKey.get(key);
    if (group) group.push(index);
    else byKey.set(key, [index]);
  });
  const groups: Group[] = [];
  for (const indices of byKey.values()) {
    if (indices.length < 2) continue;
    indices.sort((a, b) => {
      const da = (rows[a] as CheckedRow).date;
      const db = (rows[b] as CheckedRow).date;
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    groups.push({
      rows: indices,
      dates: indices.map((i) => (rows[i] as CheckedRow).date),
      values: indices.map((i) => Number((rows[i] as CheckedRow).estimatedValue?.minor ?? 0n)),
    });
  }
  return groups;
}

/**
 * The SPLIT-RISK finding of each row (by index), one per row at most: the same kind of purchase is
 * the legal test (a warning); the same supplier across different kinds is only a prompt to check
 * whether the purchases are one need (info), and is left out where the same-kind finding already
 * covers the row. The rows of one window share its finding.
 */
export function splitRisks(rows: readonly CheckedRow[], pack: RulePack, checkDate: IsoDate, ladder: JudgeReaders['ladder']): (Finding | undefined)[] {
  const bases: readonly (readonly [SplitBasis, (r: CheckedRow) => string | null])[] = [
    ['same-kind', (r) => r.kindKey],
    ['same-supplier', (r) => r.supplierKey],
  ];
  const windowEnd = memoized(twelveMonthWindowEnd);
  const risks = new Array<Finding | undefined>(rows.length);
  for (const [basis, keyOf] of bases) {
    for (const group of groupsOf(rows, keyOf)) {
      // The judge stage's ladders, cached for the sheet: the same dates, buyers and kinds as its verdicts.
      const ladderAt = (k: number) => {
        const row = rows[group.rows[k] as number] as CheckedRow;
        return ladder(row.date, row.buyer, row.contractKind);
      };
      const windows = flaggedWindows(group, windowEnd, ladderAt);
      const findings = new Map<Window, Finding>();
      group.rows.forEach((index, k) => {
        const w = windows[k];
        if (!w || risks[index]) return;
        let f = findings.get(w);
        if (!f) {
          const from = group.dates[w.start] ?? checkDate;
          findings.set(w, (f = splitFinding(basis, w, from, group.dates[w.end] ?? from, pack)));
        }
        risks[index] = f;
      });
    }
  }
  return risks;
}

function splitFinding(basis: SplitBasis, w: Window, from: IsoDate, to: IsoDate, pack: RulePack): Finding {
  return finding(
    'SPLIT-RISK',
    basis === 'same-kind' ? 'warning' : 'info',
    { count: w.end - w.start + 1, total: w.total / 100, threshold: w.threshold.value, currency: pack.currency, from, to, basis },
    [w.threshold.ruleId, ...provisionsInForce(pack, [VALUE_PROVISION[pack.jurisdiction === 'NO' ? 'NO' : 'SE']], from)],
    `finding.SPLIT-RISK.${basis}.${pack.jurisdiction}`,
  );
}
