/**
 * The per-sheet caches of checkSheet give the answers of the uncached path: a cache bounded to a few
 * entries answers like the reader itself, and every row of a sheet whose cells repeat (so its cells
 * are read from the caches) gets the result it gets checked alone, where nothing is cached yet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSheet, type CellValue, type RowResult, type SheetCheckOptions } from '../../core/index.ts';
import { listInterner, memoized, memoized2, memoizedIndexed, perPeriod } from '../../core/sheet/memo.ts';

describe('memoized: a bounded cache', () => {
  it('answers like the reader for any sequence of keys, whatever its cap, and keeps at most cap entries', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.constant(null)), { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (keys, cap) => {
        let reads = 0;
        const read = (key: string | number | null) => ({ key, n: String(key).length });
        const cached = memoized((key: string | number | null) => (reads++, read(key)), cap);
        for (const key of keys) expect(cached(key)).toEqual(read(key));
        // Only misses read: at most one read per distinct key while the cache has room.
        const distinct = new Set(keys).size;
        if (distinct <= cap) expect(reads).toBe(distinct);
      }),
    );
  });

  it('two-key and key-and-index caches answer like their readers, whatever their caps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('2026-01-01', '2026-06-30', '2027-01-01', 'x'), fc.integer({ min: 0, max: 7 })), { maxLength: 60 }), fc.integer({ min: 0, max: 5 }), (calls, cap) => {
        const read = (key: string, index: number) => ({ key, index });
        const two = memoized2(read, cap);
        const indexed = memoizedIndexed(8, read, cap);
        for (const [key, index] of calls) {
          expect(two(key, index)).toEqual(read(key, index));
          expect(indexed(key, index)).toEqual(read(key, index));
        }
      }),
    );
  });

  it('a two-key cache keeps one pair beside its first key and the others in a map: every pair answers as read, NaN included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('Rent AS', 'Fretex', null), fc.constantFrom(0, -0, 1, Number.NaN, null)), { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (calls, cap) => {
        let reads = 0;
        const read = (name: string | null, share: number | null) => ({ name, share: Number.isNaN(share) ? 'NaN' : share === 0 ? 0 : share });
        const cached = memoized2((name: string | null, share: number | null) => (reads++, read(name, share)), cap);
        for (const [name, share] of calls) expect(cached(name, share)).toEqual(read(name, share));
        // While there is room, each distinct pair (as a map tells keys apart) is read once.
        const distinct = new Set(calls.map(([name, share]) => `${name}|${Number.isNaN(share) ? 'NaN' : share === 0 ? 0 : share}`)).size;
        if (distinct <= cap) expect(reads).toBe(distinct);
      }),
    );
  });

  it('a per-period table answers like its reader read at the period, for every period and index', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 })), { maxLength: 60 }), (calls) => {
        let reads = 0;
        // A reader whose answer depends on the period (the date's first digit here) and the index only, sometimes null.
        const read = (date: string, index: number) => (reads++, index === 3 ? null : { period: date.slice(0, 1), index });
        const table = perPeriod(7, 4, read);
        for (const [period, index, day] of calls) expect(table({ period, date: `${period}-${day}` }, index)).toEqual(read(`${period}-${day}`, index));
        // One read per distinct (period, index) besides the ones made here for comparison.
        expect(reads).toBe(calls.length + new Set(calls.map(([p, i]) => `${p}/${i}`)).size);
      }),
    );
  });

  it('interns lists: equal sequences give the same frozen list, recent or not', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('NO-A', 'NO-B', 'SE-C', 'EU-D'), { maxLength: 4 }), { maxLength: 40 }), (lists) => {
        const intern = listInterner<string>();
        const seen = new Map<string, readonly string[]>();
        for (const list of lists) {
          const shared = intern([...list]);
          expect(shared).toEqual(list);
          expect(Object.isFrozen(shared)).toBe(true);
          const key = list.join('|');
          expect(shared).toBe(seen.get(key) ?? shared);
          seen.set(key, shared);
        }
      }),
    );
  });

  it('does not keep object keys (error cells): each is read again', () => {
    let reads = 0;
    const cached = memoized((cell: CellValue) => (reads++, typeof cell));
    const error = { error: '#REF!' };
    cached(error);
    cached(error);
    expect(reads).toBe(2);
  });
});

// Cells typed the ways people type them, few enough per column that they repeat down a sheet.
const VALUES: readonly CellValue[] = ['1 250 000 kr', '2,5 MNOK', '150k', 1234567.5, 90_000, '100 000,-', '250 tkr per år', '40 000 per mnd', '1 200 000 inkl. mva', '900 000 ekskl. mva', 'EUR 140 000', '-', null, '#REF!', { error: '#DIV/0!' }, 'abc', '1.234', '1 200 000:-', '5 000 000 SEK'];
const DATES: readonly CellValue[] = ['2026-03-01', '01.02.2026', 46100, 'Q2 2026', 'mars 2026', 'snart', null, '2026-13-01'];
const KINDS: readonly CellValue[] = ['Tjenester', 'Varer', 'Bygg- og anleggsarbeid', null, 'annet'];
const CPVS: readonly CellValue[] = ['90910000-9', '55510000', 72000000, '30190000', '85311000-2', null, 'abc'];
const DURATIONS: readonly CellValue[] = ['12 mnd', '2+1+1 år', null, 'løpende', 'x'];
const YES_NO: readonly CellValue[] = ['ja', 'nei', null, 'vet ikke', 1];
const ORGNRS: readonly CellValue[] = ['923609016', '123456789', null, 'SE5560360793'];
const HEADERS = [
  ['Beskrivelse', 'Estimert verdi (NOK)', 'Dato', 'Kontraktstype', 'CPV', 'Varighet', 'Opsjoner', 'Inkl. mva', 'Reservert', 'Leverandør', 'Org.nr.', 'Andel'],
  ['Beskrivelse', 'Verdi i 1000 kr per år', 'Dato', 'Type', 'CPV', 'Varighet', 'Opsjoner', 'Mva', 'Reservert', 'Leverandør', 'Org.nr.', 'Andel %'],
];

const row = fc.tuple(
  fc.constantFrom('Renhold', 'Kantine', 'Sum', 'IT-drift', null),
  fc.constantFrom(...VALUES),
  fc.constantFrom(...DATES),
  fc.constantFrom(...KINDS),
  fc.constantFrom(...CPVS),
  fc.constantFrom(...DURATIONS),
  fc.constantFrom(null, '1+1 år', '6 mnd'),
  fc.constantFrom(...YES_NO),
  fc.constantFrom(...YES_NO),
  fc.constantFrom('Rent AS', 'Fretex', null),
  fc.constantFrom(...ORGNRS),
  fc.constantFrom(null, 35, '29,9 %', 0.3),
);

/** A row result as JSON, without the cross-row split finding (its rule ids come last, after the row's own). */
function withoutSplit(r: RowResult | undefined, ruleIdCount: number): unknown {
  if (!r) return r;
  const findings = r.findings.filter((f) => f.code !== 'SPLIT-RISK');
  return JSON.parse(JSON.stringify({ ...r, findings, ruleIds: r.ruleIds.slice(0, ruleIdCount) }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
}

describe('property: cached readings equal uncached ones', () => {
  it('each row of a sheet of repeating cells reads and judges as it does alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.constantFrom<SheetCheckOptions['jurisdiction']>('NO', 'SE'), fc.array(row, { minLength: 1, maxLength: 25 }), (h, jurisdiction, rows) => {
        const header = HEADERS[h] as string[];
        const options: SheetCheckOptions = { jurisdiction, date: '2026-06-01' };
        const whole = checkSheet([header, ...rows], options);
        rows.forEach((cells, i) => {
          // The same row at the same place, after empty rows: nothing read before it.
          const single = checkSheet([header, ...rows.slice(0, i).map(() => []), cells], options);
          const mine = whole.rows.find((r) => r.row === i + 2);
          const own = single.rows[0];
          expect(withoutSplit(mine, own?.ruleIds.length ?? 0)).toEqual(withoutSplit(own, own?.ruleIds.length ?? 0));
        });
      }),
      { numRuns: 60 },
    );
  });
});
