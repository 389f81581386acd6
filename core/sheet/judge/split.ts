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
 * the rest is linear.
 */
import type { IsoDate } from '../../dates.ts';
import { finding, type Finding } from '../../rules/findings.ts';
import type { RulePack } from '../../rules/schema.ts';
import { memoized } from '../memo.ts';
import { twelveMonthWindowEnd } from '../../value/aggregate.ts';
import type { CheckedRow, JudgeReaders } from './judge.ts';
import { provisionsInForce, type Threshold } from './thresholds.ts';

export type SplitBasis = 'same-kind' | 'same-supplier';

interface Purchase {
  readonly row: CheckedRow;
  readonly date: IsoDate;
  readonly minor: bigint;
}

interface Window {
  readonly start: number;
  readonly end: number;
  readonly total: bigint;
  readonly threshold: Threshold;
  /** Rank of the threshold in its ladder: a higher threshold crossed is the graver finding. */
  readonly level: number;
}

function graver(a: Window, b: Window): boolean {
  return a.level !== b.level ? a.level > b.level : a.total > b.total;
}

const VALUE_PROVISION = { NO: 'NO-VAL', SE: 'SE-VAL' } as const;

/** For each purchase (sorted by date), the gravest flagged 12-month window containing it, or null. */
function flaggedWindows(group: readonly Purchase[], windowEnd: (date: IsoDate) => IsoDate, ladderOf: (row: CheckedRow) => readonly Threshold[]): (Window | null)[] {
  const n = group.length;
  const prefix: bigint[] = [0n];
  for (const p of group) prefix.push((prefix[prefix.length - 1] ?? 0n) + p.minor);

  // Window i spans purchases i..ends[i]; ends never decrease, so one pass with a max-queue suffices.
  const windows: (Window | null)[] = [];
  const maxQueue: number[] = [];
  let head = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const first = group[i];
    if (!first) break;
    const last = windowEnd(first.date);
    while (end + 1 < n && (group[end + 1]?.date ?? '') <= last) {
      end++;
      const v = group[end]?.minor ?? 0n;
      while (maxQueue.length > head && (group[maxQueue[maxQueue.length - 1] ?? 0]?.minor ?? 0n) <= v) maxQueue.pop();
      maxQueue.push(end);
    }
    while ((maxQueue[head] ?? n) < i) head++;
    const largest = group[maxQueue[head] ?? i]?.minor ?? 0n;
    const total = (prefix[end + 1] ?? 0n) - (prefix[i] ?? 0n);
    const ladder = ladderOf(first.row);
    let window: Window | null = null;
    ladder.forEach((threshold, level) => {
      if (total >= threshold.minor && largest < threshold.minor) window = { start: i, end, total, threshold, level };
    });
    windows.push(window);
  }

  // Purchase k lies in windows start..k whose end ≥ k; those starts form a range that moves right.
  const best: (Window | null)[] = [];
  const queue: number[] = [];
  let qHead = 0;
  for (let k = 0; k < n; k++) {
    const w = windows[k];
    if (w) {
      while (queue.length > qHead) {
        const tail = windows[queue[queue.length - 1] ?? 0];
        if (tail && graver(tail, w)) break;
        queue.pop();
      }
      queue.push(k);
    }
    while (qHead < queue.length && (windows[queue[qHead] ?? 0]?.end ?? -1) < k) qHead++;
    best.push(qHead < queue.length ? (windows[queue[qHead] ?? 0] ?? null) : null);
  }
  return best;
}

/**
 * Adds SPLIT-RISK findings to the rows, one per row at most: the same kind of purchase is the legal
 * test (a warning); the same supplier across different kinds is only a prompt to check whether the
 * purchases are one need (info), and is left out where the same-kind finding already covers the row.
 */
export function addSplitRisks(rows: readonly CheckedRow[], pack: RulePack, checkDate: IsoDate, ladder: JudgeReaders['ladder']): void {
  const bases: readonly (readonly [SplitBasis, (r: CheckedRow) => string | null])[] = [
    ['same-kind', (r) => r.kindKey],
    ['same-supplier', (r) => r.supplierKey],
  ];
  const windowEnd = memoized(twelveMonthWindowEnd);
  // The judge stage's ladders, cached for the sheet: the same dates, buyers and kinds as its verdicts.
  const ladderOf = (row: CheckedRow) => ladder(row.date, row.buyer, row.contractKind);
  for (const [basis, keyOf] of bases) {
    const groups = new Map<string, Purchase[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const value = row.estimatedValue;
      if (key === null || value === null || value.minor <= 0n) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push({ row, date: row.date, minor: value.minor });
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row.row - b.row.row));
      const flagged = flaggedWindows(group, windowEnd, ladderOf);
      group.forEach((p, k) => {
        const w = flagged[k];
        if (!w || p.row.findings.some((f) => f.code === 'SPLIT-RISK')) return;
        const from = group[w.start]?.date ?? checkDate;
        p.row.findings.push(splitFinding(basis, w, from, group[w.end]?.date ?? from, pack));
      });
    }
  }
}

function splitFinding(basis: SplitBasis, w: Window, from: IsoDate, to: IsoDate, pack: RulePack): Finding {
  return finding(
    'SPLIT-RISK',
    basis === 'same-kind' ? 'warning' : 'info',
    { count: w.end - w.start + 1, total: Number(w.total) / 100, threshold: w.threshold.value, currency: pack.currency, from, to, basis },
    [w.threshold.ruleId, ...provisionsInForce(pack, [VALUE_PROVISION[pack.jurisdiction === 'NO' ? 'NO' : 'SE']], from)],
    `finding.SPLIT-RISK.${basis}.${pack.jurisdiction}`,
  );
}
