/**
 * Per-sheet caches: columns such as category, contract kind, duration, supplier and date repeat
 * across thousands of rows, so each distinct cell is read once per check. Created per checkSheet
 * call and dropped with it, so nothing outlives the sheet.
 */

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
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = read(key);
    if (cache.size < cap && (typeof key !== 'object' || key === null)) cache.set(key, value);
    return value;
  };
}

/** A two-argument reader cached per pair, without building a key string per call (dates, kinds and codes repeat down a sheet). */
export function memoized2<A, B, V>(read: (a: A, b: B) => V): (a: A, b: B) => V {
  const outer = new Map<A, Map<B, V>>();
  return (a, b) => {
    let inner = outer.get(a);
    if (!inner) outer.set(a, (inner = new Map()));
    const hit = inner.get(b);
    if (hit !== undefined || inner.has(b)) return hit as V;
    const value = read(a, b);
    inner.set(b, value);
    return value;
  };
}

/** The same for three arguments. */
export function memoized3<A, B, C, V>(read: (a: A, b: B, c: C) => V): (a: A, b: B, c: C) => V {
  const outer = new Map<A, Map<B, Map<C, V>>>();
  return (a, b, c) => {
    let middle = outer.get(a);
    if (!middle) outer.set(a, (middle = new Map()));
    let inner = middle.get(b);
    if (!inner) middle.set(b, (inner = new Map()));
    const hit = inner.get(c);
    if (hit !== undefined || inner.has(c)) return hit as V;
    const value = read(a, b, c);
    inner.set(c, value);
    return value;
  };
}

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
  return (items) => {
    let node = root;
    for (const item of items) {
      let next = node.next.get(item);
      if (!next) node.next.set(item, (next = { next: new Map() }));
      node = next;
    }
    return (node.list ??= Object.freeze(items.slice()));
  };
}
