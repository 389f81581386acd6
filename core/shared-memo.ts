/**
 * A value per object, kept only once the object is asked for a second time, and for as long as the
 * object lives. A large report shares some of its objects across many rows (a split-purchase window's
 * finding, a reservation candidate's) and holds the rest once: keeping every value would hold a text
 * per finding for the report's life, and a bounded cache that keeps clearing fills the old heap with
 * texts the next collection must sweep (100 000 rows: +75 MB of peak memory). Seen-once objects cost
 * an entry in a weak set.
 */
export function memoizedWhenShared<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const seen = new WeakSet<K>();
  const kept = new WeakMap<K, V>();
  return (key) => {
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const value = make(key);
    if (seen.has(key)) kept.set(key, value);
    else seen.add(key);
    return value;
  };
}
