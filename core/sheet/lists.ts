/**
 * Copying the shared lists of a sheet check. Rule-id lists and cached findings are shared and frozen
 * (memo.ts), and V8 copies frozen arrays through its slow paths: `concat`, spreading and for…of cost
 * several times an index loop, 100 000 times per sheet.
 */

/** Appends `items` to `to`. */
export function appendAll<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i] as T);
}

/** A new list of exactly `list`'s items from `from` to before `to`, and then `item` when there is one. */
export function sliceWith<T>(list: readonly T[], from: number, to: number, item: T | undefined): T[] {
  const n = to - from;
  const out = new Array<T>(item === undefined ? n : n + 1);
  for (let i = 0; i < n; i++) out[i] = list[from + i] as T;
  if (item !== undefined) out[n] = item;
  return out;
}

/** Adds to `to` the items it lacks, in order (a handful per row: a linear scan costs less than a Set). */
export function addMissing<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) if (!to.includes(items[i] as T)) to.push(items[i] as T);
}
