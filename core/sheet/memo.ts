/**
 * Per-sheet caches: columns such as category, contract kind, duration, supplier and date repeat
 * across thousands of rows, so each distinct cell is read once per check. Created per checkSheet
 * call and dropped with it, so nothing outlives the sheet.
 */
import type { RuleDate } from '../rules/periods.ts';

/**
 * Entries a one-argument cache keeps. A column of distinct texts (descriptions, amounts typed one by
 * one) would otherwise hold one entry per row; past the cap a reading is simply not kept, which costs
 * time, never a different answer.
 */
export const MEMO_CAP = 1 << 14;

/**
 * `read`, cached per key, at most `cap` entries. Object keys (an error cell) are read every time:
 * they are rare, and keeping them would keep cells alive.
 */
export function memoized<K, V>(read: (key: K) => V, cap = MEMO_CAP): (key: K) => V {
  // An undefined reading is kept as UNDEFINED, so that a miss costs one look-up, not two.
  const cache = new Map<K, V | typeof UNDEFINED>();
  // The last key and its value, checked first: neighbouring rows often hold the same cell.
  let lastKey: K | typeof NO_KEY = NO_KEY;
  let lastValue: V | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as V;
    const kept = cache.get(key);
    let value: V;
    if (kept === undefined) {
      value = read(key);
      if (cache.size < cap && (typeof key !== 'object' || key === null)) cache.set(key, value === undefined ? UNDEFINED : value);
    } else value = kept === UNDEFINED ? (undefined as V) : kept;
    if (typeof key !== 'object' || key === null) {
      lastKey = key;
      lastValue = value;
    }
    return value as V;
  };
}

const NO_KEY = Symbol('no key yet');
const UNDEFINED = Symbol('read as undefined');

/**
 * A two-argument reader cached per pair, without building a key string per call (dates, kinds and
 * codes repeat down a sheet); at most `cap` pairs. A first key mostly comes with one second key (a
 * supplier's name with its organisation number): that pair is kept beside the first key, and a map of
 * further second keys made only when there are others.
 */
export function memoized2<A, B, V>(read: (a: A, b: B) => V, cap = MEMO_CAP): (a: A, b: B) => V {
  interface Entry {
    readonly b: B;
    readonly value: V;
    others: Map<B, V> | null;
  }
  const outer = new Map<A, Entry>();
  let size = 0;
  return (a, b) => {
    const entry = outer.get(a);
    if (entry) {
      // SameValueZero, as a map compares keys: NaN is NaN.
      if (entry.b === b || (b !== b && entry.b !== entry.b)) return entry.value;
      const others = entry.others;
      if (others) {
        const hit = others.get(b);
        if (hit !== undefined || others.has(b)) return hit as V;
      }
    }
    const value = read(a, b);
    if (size < cap) {
      if (!entry) outer.set(a, { b, value, others: null });
      else (entry.others ??= new Map()).set(b, value);
      size++;
    }
    return value;
  };
}

/**
 * A reader of a key and a small index (a kind, a buyer × kind pair: 0 ≤ index < size), cached with one
 * map look-up per call and an array slot for the index; at most `cap` keys.
 */
export function memoizedIndexed<K, V>(size: number, read: (key: K, index: number) => V, cap = MEMO_CAP): (key: K, index: number) => V {
  const slots = new Map<K, (V | undefined)[]>();
  return (key, index) => {
    let values = slots.get(key);
    if (values === undefined && slots.size < cap) slots.set(key, (values = new Array<V | undefined>(size).fill(undefined)));
    const hit = values?.[index];
    if (hit !== undefined) return hit;
    const value = read(key, index);
    if (values) values[index] = value;
    return value;
  };
}

/**
 * A reading of the rules at a date, with a small index (a kind, a buyer × kind pair: 0 ≤ index <
 * size), kept in an array slot per period and index: a pack has a few dozen periods
 * (core/rules/periods.ts), so the table is bounded by the pack, whatever the sheet. Read at the first
 * date met in a period: every date of a period reads the same.
 */
export function perPeriod<V>(periods: number, size: number, read: (date: RuleDate['date'], index: number) => V): (at: RuleDate, index: number) => V {
  const slots = new Array<V | typeof NOT_READ>(periods * size).fill(NOT_READ);
  return (at, index) => {
    const slot = at.period * size + index;
    let value = slots[slot] as V | typeof NOT_READ;
    if (value === NOT_READ) slots[slot] = value = read(at.date, index);
    return value;
  };
}

const NOT_READ = Symbol('not read yet');

/** How many recent combinations (of rule ids, of origins) are compared item by item before a trie walk: a sheet's rows repeat a handful. */
export const RECENT = 8;

/**
 * One shared, frozen list per distinct sequence: rule ids and origins repeat row after row, so a
 * sheet of 100 000 rows holds a few dozen lists instead of 100 000. Items are compared by identity.
 */
export function listInterner<T>(): (items: readonly T[]) => readonly T[] {
  interface Node {
    list?: readonly T[];
    readonly next: Map<T, Node>;
  }
  const root: Node = { next: new Map() };
  const recent: (readonly T[])[] = [];
  let oldest = 0;
  return (items) => {
    for (const list of recent) {
      if (list.length !== items.length) continue;
      let same = true;
      for (let i = 0; i < items.length && same; i++) same = list[i] === items[i];
      if (same) return list;
    }
    let node = root;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T;
      let next = node.next.get(item);
      if (!next) node.next.set(item, (next = { next: new Map() }));
      node = next;
    }
    const list = (node.list ??= Object.freeze(items.slice()));
    if (recent.length < RECENT) recent.push(list);
    else recent[oldest++ % RECENT] = list;
    return list;
  };
}
