/**
 * SPLIT-RISK: purchases of the same kind (same CPV group, i.e. the first three digits, or the same
 * category text) or from the same supplier (organisation number, else normalised name) whose values
 * within 12 months add up to a threshold that none of them reaches alone. The estimated value of a
 * contract must not be split to stay under a threshold (NO FOA § 5-4; SE LOU 5 kap.). Since
 * 2022-02-01 Sweden no longer adds up "direct awards of the same kind in the financial year", but the
 * 12-month estimate of recurring purchases still applies; the Swedish message says so.
 *
 * The rows are sorted by date once (O(n log n)) and laid out group by group in that order (a counting
 * sort per basis); windows start at every purchase and end 12 months later, their sums come from
 * prefix sums and their largest single value from a monotone queue, so the rest is linear, in typed
 * arrays allocated once per sheet. Sums are kept in minor units as numbers: exact up to 2^53 øre
 * (90 000 billion).
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
 * The flagged 12-month windows of a group, one per purchase it starts at: the window's last purchase,
 * its sum, and the rank in its ladder of the highest threshold it reaches that none of its purchases
 * reaches alone (-1: not flagged); and for each purchase, the start of the gravest flagged window
 * containing it (-1: none). Typed arrays as long as the largest group, reused group after group.
 */
interface Windows {
  readonly ends: Int32Array;
  readonly totals: Float64Array;
  readonly levels: Int8Array;
  readonly best: Int32Array;
  readonly prefix: Float64Array;
  readonly queue: Int32Array;
}

function windowsFor(size: number): Windows {
  return { ends: new Int32Array(size), totals: new Float64Array(size), levels: new Int8Array(size), best: new Int32Array(size), prefix: new Float64Array(size + 1), queue: new Int32Array(size) };
}

/** A higher threshold crossed is the graver finding; at the same threshold, the larger sum. */
function graver(w: Windows, a: number, b: number): boolean {
  const la = w.levels[a] as number;
  const lb = w.levels[b] as number;
  return la !== lb ? la > lb : (w.totals[a] as number) > (w.totals[b] as number);
}

/** Fills `w` for the group of `n` purchases at `order[from…]` (row indices sorted by date). */
function flaggedWindows(order: Int32Array, from: number, n: number, facts: RowFacts, w: Windows): void {
  const row = (k: number) => order[from + k] as number;
  const value = (k: number) => facts.values[row(k)] as number;
  const prefix = w.prefix;
  for (let k = 0; k < n; k++) prefix[k + 1] = (prefix[k] as number) + value(k);

  // Window i spans purchases i..end; ends never decrease, so one pass with a max-queue suffices.
  const maxQueue = w.queue;
  let head = 0;
  let tail = 0;
  let end = -1;
  for (let i = 0; i < n; i++) {
    const last = facts.windowEnds[row(i)] as number;
    while (end + 1 < n && (facts.days[row(end + 1)] as number) <= last) {
      end++;
      const v = value(end);
      while (tail > head && value(maxQueue[tail - 1] as number) <= v) tail--;
      maxQueue[tail++] = end;
    }
    while ((maxQueue[head] as number) < i) head++;
    const largest = value(maxQueue[head] as number);
    const total = (prefix[end + 1] as number) - (prefix[i] as number);
    const ladder = facts.ladders[row(i)] ?? [];
    // The highest threshold the window reaches and none of its purchases reaches alone.
    let found = -1;
    for (let level = 0; level < ladder.length; level++) {
      const at = (ladder[level] as Threshold).cents;
      if (total >= at && largest < at) found = level;
    }
    w.ends[i] = end;
    w.totals[i] = total;
    w.levels[i] = found;
  }

  // Purchase k lies in windows start..k whose end ≥ k; those starts form a range that moves right.
  const queue = w.queue;
  let qHead = 0;
  let qTail = 0;
  for (let k = 0; k < n; k++) {
    if ((w.levels[k] as number) >= 0) {
      while (qTail > qHead && !graver(w, queue[qTail - 1] as number, k)) qTail--;
      queue[qTail++] = k;
    }
    while (qHead < qTail && (w.ends[queue[qHead] as number] as number) < k) qHead++;
    w.best[k] = qHead < qTail ? (queue[qHead] as number) : -1;
  }
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

/** The rows with a value, in date order (then row): sorted once, for both bases. */
function datedRows(facts: RowFacts): Int32Array {
  const n = facts.values.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (facts.values[i] !== 0) count++;
  // Typed arrays sort numbers without a comparator call per pair: day number × row count + index.
  const keys = new Float64Array(count);
  for (let i = 0, k = 0; i < n; i++) if (facts.values[i] !== 0) keys[k++] = (facts.days[i] as number) * n + i;
  keys.sort();
  const dated = new Int32Array(count);
  for (let k = 0; k < count; k++) dated[k] = (keys[k] as number) % n;
  return dated;
}

/**
 * The dated rows grouped by `keyOf`, groups of two or more only: their row indices one group after
 * another, each in date order (a stable counting sort of `dated`), and where each group starts (the
 * last bound is the end).
 */
function groupsOf(rows: readonly CheckedRow[], facts: RowFacts, dated: Int32Array, keyOf: (r: CheckedRow) => string | null): { readonly order: Int32Array; readonly bounds: readonly number[] } {
  // Each row's group, read in row order (the rows lie in memory in that order).
  const ids = new Map<string, number>();
  const idOf = new Int32Array(rows.length).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (facts.values[i] === 0) continue;
    const key = keyOf(rows[i] as CheckedRow);
    if (key === null) continue;
    let id = ids.get(key);
    if (id === undefined) {
      id = sizes.length;
      ids.set(key, id);
      sizes.push(0);
    }
    idOf[i] = id;
    sizes[id] = (sizes[id] as number) + 1;
  }
  const next = new Int32Array(sizes.length).fill(-1);
  const bounds = [0];
  let laid = 0;
  for (let id = 0; id < sizes.length; id++) {
    if ((sizes[id] as number) < 2) continue;
    next[id] = laid;
    laid += sizes[id] as number;
    bounds.push(laid);
  }
  const order = new Int32Array(laid);
  for (let k = 0; k < dated.length; k++) {
    const id = idOf[dated[k] as number] as number;
    const at = id < 0 ? -1 : (next[id] as number);
    if (at < 0) continue;
    order[at] = dated[k] as number;
    next[id] = at + 1;
  }
  return { order, bounds };
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
  const dated = datedRows(facts);
  const provision = VALUE_PROVISION[pack.jurisdiction === 'NO' ? 'NO' : 'SE'];
  const risks = new Array<Finding | undefined>(rows.length);
  const windows = windowsFor(dated.length);
  // The rows of one window share its finding: by the window's start, for the group at hand.
  const findings = new Map<number, Finding>();
  for (const [basis, keyOf] of bases) {
    const { order, bounds } = groupsOf(rows, facts, dated, keyOf);
    for (let g = 0; g + 1 < bounds.length; g++) {
      const from = bounds[g] as number;
      const n = (bounds[g + 1] as number) - from;
      flaggedWindows(order, from, n, facts, windows);
      findings.clear();
      for (let k = 0; k < n; k++) {
        const index = order[from + k] as number;
        const start = windows.best[k] as number;
        if (start < 0 || risks[index]) continue;
        let f = findings.get(start);
        if (!f) {
          const first = order[from + start] as number;
          const end = windows.ends[start] as number;
          const threshold = (facts.ladders[first] as readonly Threshold[])[windows.levels[start] as number] as Threshold;
          const at = ats[first] as RuleDate;
          f = finding(
            'SPLIT-RISK',
            basis === 'same-kind' ? 'warning' : 'info',
            { count: end - start + 1, total: (windows.totals[start] as number) / 100, threshold: threshold.value, currency: pack.currency, from: at.date, to: (rows[order[from + end] as number] as CheckedRow).date, basis },
            read.ruleIdUnion(read.ruleIdList([threshold.ruleId]), read.provisions(provision, at)),
            `finding.SPLIT-RISK.${basis}.${pack.jurisdiction}`,
          );
          findings.set(start, f);
        }
        risks[index] = f;
      }
    }
  }
  return risks;
}
