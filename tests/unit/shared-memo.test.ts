/**
 * memoizedWhenShared keeps a value only for an object asked for twice: the value is always what
 * `make` gives, `make` runs at most twice per object, and an object asked for once is never kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoizedWhenShared } from '../../core/shared-memo.ts';

describe('memoizedWhenShared', () => {
  it('gives what make gives, making each object’s value at most twice whatever the order of asking', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { maxLength: 60 }), (order) => {
        const objects = Array.from({ length: 10 }, (_v, i) => ({ i }));
        const made = new Map<object, number>();
        const value = memoizedWhenShared((o: { i: number }) => {
          made.set(o, (made.get(o) ?? 0) + 1);
          return `value ${o.i}`;
        });
        for (const i of order) expect(value(objects[i] as { i: number })).toBe(`value ${i}`);
        for (const [i, o] of objects.entries()) {
          const asked = order.filter((n) => n === i).length;
          expect(made.get(o) ?? 0).toBe(Math.min(asked, 2));
        }
      }),
    );
  });
});
