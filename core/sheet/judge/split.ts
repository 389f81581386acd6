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
import type { RuleDate } from '../../rules/periods.ts';
import type { RulePack } from '../../rules/schema.ts';
import { memoized } from '../memo.ts';
import { twelveMonthWindowEnd } from '../../value/aggregate.ts';
import { VALUE_PROVISION, type CheckedRow, type JudgeReaders } from './judge.ts';
import type { Threshold } from './thresholds.ts';

export type SplitBasis = 'same-kind' | 'same-supplier';

/** What the split check needs of every row, read once: value (0: none), date as a day number, 12-month window end, threshold ladder. */
interface RowFacts {
  /** Minor units as numbers: exact up to 2^53 øre (90 000 billion). */
  readonly values: Float64Array;
  readonly days: Int32Array;
  readonly windowEnds: Int32Array;
  readonly ladders: readonly (readonly Threshold[])[];
}

/** An ISO date as a number in the same order (not a count of days): comparisons without strings. */
function dayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  return ((digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 16 + digit(5) * 10 + digit(6)) * 32 + digit(8) * 10 + digit(9);
}

/**
 * The flagged 12-month windows of a group, one per purchase it starts at (typed arrays, no object per
 * window): the window's last purchase, its sum, and the rank in its ladder of the highest threshold it
 * reaches that none of its purchases reaches alone (-1: not flagged).
 */
interface Windows {
  readonly ends: Int32Array;
  readonly totals: Float64Array;
  readonly levels: Int8Array;
}

/** A higher threshold crossed is the graver finding; at the same threshold, the larger sum. */
function graver(w: Windows, a: number, b: number): boolean {
  const la = w.levels[a] as number;
  const lb = w.levels[b] as number;
  return la !== lb ? la > lb : (w.totals[a] as number) > (w.totals[b] as number);
}

/**
 * For each purchase of the group (row indices sorted by date), the start of the gravest flagged
 * 12-month window containing it (-1: none), with the windows.
 */
function flaggedWindows(group: Int32Array, facts: RowFacts): { readonly windows: Windows; readonly best: Int32Array } {
  const n = group.length;
  const value = (k: number) => facts.values[group[k] as number] as number;
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = (prefix[k] as number) + value(k);

  // Window i spans purchases i..end; ends never decrease, so one pass with a max-queue suffices.
  const windows: Windows = { ends: new Int32Array(n), totals: new Float64Array(n), levels: new Int8Array(n) };
  const maxQueue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const last = facts.windowEnds[group[i] as number] as number;
    while (end + 1 < n && (facts.days[group[end + 1] as number] as number) <= last) {
      end++;
      const v = value(end);
      while (tail > head && value(maxQueue[tail - 1] as number) <= v) tail--;
      maxQueue[tail++] = end;
    }
    while ((maxQueue[head] as number) < i) head++;
    const largest = value(maxQueue[head] as number);
    const total = (prefix[end + 1] as number) - (prefix[i] as number);
    const ladder = facts.ladders[group[i] as number] ?? [];
    // The highest threshold the window reaches and none of its purchases reaches alone.
    let found = -1;
    for (let level = 0; level < ladder.length; level++) {
      const at = (ladder[level] as Threshold).cents;
      if (total >= at && largest < at) found = level;
    }
    windows.ends[i] = end;
    windows.totals[i] = total;
    windows.levels[i] = found;
  }

  // Purchase k lies in windows start..k whose end ≥ k; those starts form a range that moves right.
  const best = new Int32Array(n);
  const queue = new Int32Array(n);
  let qHead = 0;
  let qTail = 0;
  for (let k = 0; k < n; k++) {
    if ((windows.levels[k] as number) >= 0) {
      while (qTail > qHead && !graver(windows, queue[qTail - 1] as number, k)) qTail--;
      queue[qTail++] = k;
    }
    while (qHead < qTail && (windows.ends[queue[qHead] as number] as number) < k) qHead++;
    best[k] = qHead < qTail ? (queue[qHead] as number) : -1;
  }
  return { windows, best };
}

/** The facts of every row (`ats`: the date each was judged at), each distinct date's window end and each row's ladder looked up once. */
function rowFacts(rows: readonly CheckedRow[], ats: readonly RuleDate[], ladder: JudgeReaders['ladder']): RowFacts {
  const n = rows.length;
  const values = new Float64Array(n);
  const days = new Int32Array(n);
  const windowEnds = new Int32Array(n);
  const ladders: (readonly Threshold[])[] = new Array<readonly Threshold[]>(n);
  const windowEnd = memoized((date: IsoDate) => dayNumber(twelveMonthWindowEnd(date)));
  rows.forEach((row, i) => {
    const minor = row.estimatedValue?.minor ?? 0n;
    if (minor <= 0n) return;
    values[i] = Number(minor);
    days[i] = dayNumber(row.date);
    windowEnds[i] = windowEnd(row.date);
    // The judge stage's ladders, cached for the sheet: the same dates, buyers and kinds as its verdicts.
    ladders[i] = ladder(ats[i] as RuleDate, row.buyer, row.contractKind);
  });
  return { values, days, windowEnds, ladders };
}

/** The rows with a value, grouped by `keyOf`, each group sorted by date (then row). */
function groupsOf(rows: readonly CheckedRow[], facts: RowFacts, keyOf: (r: CheckedRow) => string | null): Int32Array[] {
  const byKey = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    if (key === null || facts.values[index] === 0) return;
    const group = byKey.get(key);
    if (group) group.push(index);
    else byKey.set(key, [index]);
  });
  const groups: Int32Array[] = [];
  for (const indices of byKey.values()) {
    if (indices.length < 2) continue;
    // Typed arrays sort numbers without a comparator call per pair: day number × row count + index.
    const keys = new Float64Array(indices.length);
    indices.forEach((index, k) => (keys[k] = (facts.days[index] as number) * rows.length + index));
    keys.sort();
    const group = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) group[k] = (keys[k] as number) % rows.length;
    groups.push(group);
  }
  return groups;
}

/**
 * The SPLIT-RISK finding of each row (by index), one per row at most: the same kind of purchase is
 * the legal test (a warning); the same supplier across different kinds is only a prompt to check
 * whether the purchases are one need (info), and is left out where the same-kind finding already
 * covers the row. The rows of one window share its finding.
 */
export function splitRisks(rows: readonly CheckedRow[], ats: readonly RuleDate[], pack: RulePack, read: JudgeReaders): (Finding | undefined)[] {
  const bases: readonly (readonly [SplitBasis, (r: CheckedRow) => string | null])[] = [
    ['same-kind', (r) => r.kindKey],
    ['same-supplier', (r) => r.supplierKey],
  ];
  const facts = rowFacts(rows, ats, read.ladder);
  const provision = VALUE_PROVISION[pack.jurisdiction === 'NO' ? 'NO' : 'SE'];
  const risks = new Array<Finding | undefined>(rows.length);
  for (const [basis, keyOf] of bases) {
    for (const group of groupsOf(rows, facts, keyOf)) {
      const { windows, best } = flaggedWindows(group, facts);
      // The rows of one window share its finding: by the window's start.
      const findings = new Map<number, Finding>();
      group.forEach((index, k) => {
        const start = best[k] as number;
        if (start < 0 || risks[index]) return;
        let f = findings.get(start);
        if (!f) {
          const first = group[start] as number;
          const end = windows.ends[start] as number;
          const threshold = (facts.ladders[first] as readonly Threshold[])[windows.levels[start] as number] as Threshold;
          const at = ats[first] as RuleDate;
          f = finding(
            'SPLIT-RISK',
            basis === 'same-kind' ? 'warning' : 'info',
            { count: end - start + 1, total: (windows.totals[start] as number) / 100, threshold: threshold.value, currency: pack.currency, from: at.date, to: (rows[group[end] as number] as CheckedRow).date, basis },
            read.ruleIdUnion(read.ruleIdList([threshold.ruleId]), read.provisions(provision, at)),
            `finding.SPLIT-RISK.${basis}.${pack.jurisdiction}`,
          );
          findings.set(start, f);
        }
        risks[index] = f;
      });
    }
  }
  return risks;
}
