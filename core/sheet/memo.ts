/**
 * Per-sheet caches: columns such as category, contract kind, duration, supplier and date repeat
 * across thousands of rows, so each distinct cell is read once per check. Created per checkSheet
 * call and dropped with it, so nothing outlives the sheet.
 */
export function memoized<K, V>(read: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = read(key);
    cache.set(key, value);
    return value;
  };
}
