import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, checkSheet, describeFinding, type CellValue, type RowResult, type SheetCheckOptions } from '../../core/index.ts';

const NO: SheetCheckOptions = { jurisdiction: 'NO', date: '2025-06-01', buyer: 'municipal' };
const SE: SheetCheckOptions = { jurisdiction: 'SE', date: '2025-06-01', buyer: 'municipal' };
const HEADER = ['Beskrivelse', 'Estimert verdi', 'CPV', 'Kategori', 'Leverandør', 'Org.nr.', 'Dato'];

type Purchase = readonly [value: CellValue, cpv: CellValue, category: CellValue, supplier: CellValue, orgnr: CellValue, date: CellValue];

function check(purchases: readonly Purchase[], options: SheetCheckOptions = NO): readonly RowResult[] {
  return checkSheet([HEADER, ...purchases.map((p, i) => [`Kjøp ${i + 1}`, ...p])], options).rows;
}

const splits = (r: RowResult | undefined) => (r?.findings ?? []).filter((f) => f.code === 'SPLIT-RISK');

describe('SPLIT-RISK: the same kind within 12 months', () => {
  it('four cleaning purchases of NOK 90 000 from one supplier: every row flagged once (same kind covers same supplier)', () => {
    const rows = check([
      [90000, '90910000-9', null, 'Rent AS', '923609016', '2025-01-15'],
      [90000, '90911200', null, 'Rent AS', '923609016', '2025-04-15'],
      [90000, '90910000', null, 'Rent AS', '923609016', '2025-07-15'],
      [90000, '90919200', null, 'Rent AS', '923609016', '2025-10-15'],
    ]);
    for (const r of rows) {
      expect(r.regime).toBe('NO-EXEMPT');
      const found = splits(r);
      expect(found.map((f) => f.params.basis)).toEqual(['same-kind']);
      expect(found[0]?.severity).toBe('warning');
      expect(found[0]?.params).toMatchObject({ count: 4, total: 360000, threshold: 100000, currency: 'NOK', from: '2025-01-15', to: '2025-10-15' });
      expect(found[0]?.ruleIds).toEqual(['NO-LOW-100K', 'NO-VAL']);
      expect(r.ruleIds).toContain('NO-VAL');
    }
    expect(describeFinding('nb', splits(rows[0])[0]!)).toBe(
      'Mulig ulovlig oppdeling: 4 kjøp av samme slag fra 2025-01-15 til 2025-10-15 utgjør til sammen 360\u00a0000 NOK, som når terskelverdien 100\u00a0000 NOK som ingen av dem når alene. Anslått verdi omfatter alle kjøp av samme slag innen 12 måneder (FOA § 5-4).',
    );
  });

  it('reaching the threshold exactly counts; one øre below does not', () => {
    const at = check([
      [50000, '90910000', null, null, null, '2025-01-01'],
      [50000, '90910000', null, null, null, '2025-02-01'],
    ]);
    expect(splits(at[0])).toHaveLength(1);
    const below = check([
      [50000, '90910000', null, null, null, '2025-01-01'],
      [49999.99, '90910000', null, null, null, '2025-02-01'],
    ]);
    expect(below.flatMap(splits)).toEqual([]);
  });

  it('the window is 12 months: the last day inside counts, the next day does not', () => {
    const start = '2024-03-01';
    const lastDay = addDays(addMonths(start, 12), -1);
    expect(lastDay).toBe('2025-02-28');
    const inside = check([
      [60000, '90910000', null, null, null, start],
      [60000, '90910000', null, null, null, lastDay],
    ]);
    expect(inside.flatMap(splits)).toHaveLength(2);
    const outside = check([
      [60000, '90910000', null, null, null, start],
      [60000, '90910000', null, null, null, addMonths(start, 12)],
    ]);
    expect(outside.flatMap(splits)).toEqual([]);
  });

  it('a purchase that reaches the threshold alone is no split at that threshold', () => {
    const rows = check([
      [150000, '90910000', null, null, null, '2025-01-01'],
      [20000, '90910000', null, null, null, '2025-02-01'],
    ]);
    expect(rows.flatMap(splits)).toEqual([]);
  });

  it('the highest threshold crossed is named: NOK 1.5 million in three parts crosses the national threshold', () => {
    const rows = check([
      [500000, '72200000', null, null, null, '2025-01-01'],
      [500000, '72210000', null, null, null, '2025-03-01'],
      [500000, '72220000', null, null, null, '2025-05-01'],
    ]);
    for (const r of rows) expect(splits(r)[0]?.params).toMatchObject({ count: 3, total: 1500000, threshold: 1300000 });
    expect(splits(rows[0])[0]?.ruleIds[0]).toBe('NO-NAT');
  });

  it('canteen services (Annex XIV) are judged on their own ladder: NOK 1.5 million in three parts stays under the EEA threshold for them', () => {
    const rows = check([
      [500000, '55510000', null, null, null, '2025-01-01'],
      [500000, '55520000', null, null, null, '2025-03-01'],
      [500000, '55521000', null, null, null, '2025-05-01'],
    ]);
    expect(rows.map((r) => r.regime)).toEqual(['NO-PART-I', 'NO-PART-I', 'NO-PART-I']);
    expect(rows.flatMap(splits)).toEqual([]);
  });

  it('a row is flagged by the gravest window it is in', () => {
    // Rows 1–3 fall in one 12-month window (NOK 1.5 million); row 4, a year after row 2, only with row 3.
    const rows = check([
      [500000, '90910000', null, null, null, '2025-01-01'],
      [500000, '90910000', null, null, null, '2025-06-01'],
      [500000, '90910000', null, null, null, '2025-12-01'],
      [60000, '90910000', null, null, null, '2026-07-01'],
    ]);
    expect(splits(rows[0])[0]?.params).toMatchObject({ threshold: 1300000, count: 3 });
    expect(splits(rows[2])[0]?.params).toMatchObject({ threshold: 1300000, count: 3 });
    // Row 4 with row 3 (560 000) reaches no threshold that row 3 does not reach alone.
    expect(splits(rows[3])).toEqual([]);
  });

  it('different CPV groups, categories and suppliers are not added up', () => {
    const rows = check([
      [90000, '90910000', null, 'A AS', null, '2025-01-01'],
      [90000, '55510000', null, 'B AS', null, '2025-02-01'],
      [90000, null, 'Renhold', 'C AS', null, '2025-03-01'],
      [90000, null, 'Kantine', 'D AS', null, '2025-04-01'],
    ]);
    expect(rows.flatMap(splits)).toEqual([]);
  });

  it('a category is compared as normalised text; a supplier by number, else by normalised name', () => {
    const byCategory = check([
      [90000, null, 'Renhold', null, null, '2025-01-01'],
      [90000, null, '  RENHOLD ', null, null, '2025-02-01'],
    ]);
    expect(byCategory.flatMap(splits).map((f) => f.params.basis)).toEqual(['same-kind', 'same-kind']);
    const byName = check([
      [90000, '72000000', null, 'Demo Rådgivning AS', null, '2025-01-01'],
      [90000, '79400000', null, 'DEMO RÅDGIVNING', null, '2025-02-01'],
    ]);
    expect(byName.flatMap(splits).map((f) => f.params.basis)).toEqual(['same-supplier', 'same-supplier']);
    const byNumber = check([
      [90000, '72000000', null, 'Demo AS', '923609016', '2025-01-01'],
      [90000, '79400000', null, 'Demo avd. Bodø', '923 609 016', '2025-02-01'],
    ]);
    expect(byNumber.flatMap(splits).map((f) => f.params.basis)).toEqual(['same-supplier', 'same-supplier']);
  });

  it('the same supplier for unrelated needs is a prompt (info), not a possible unlawful split', () => {
    const rows = check([
      [90000, '72000000', null, 'Demo AS', '923609016', '2025-01-01'],
      [90000, '79400000', null, 'Demo AS', '923609016', '2025-02-01'],
    ]);
    for (const f of rows.flatMap(splits)) {
      expect(f.severity).toBe('info');
      expect(describeFinding('en', f)).toMatch(/^The same supplier delivers 2 purchases .*check whether they meet one need/);
      expect(describeFinding('nb', f)).not.toMatch(/ulovlig/);
    }
  });

  it('the summary counts exempt rows that cross a threshold together under needs attention, not as exempt', () => {
    const report = checkSheet(
      [
        ['Beskrivelse', 'Verdi', 'CPV', 'Dato'],
        ['Renhold A', 60000, '90910000', '2025-01-01'],
        ['Renhold B', 60000, '90910000', '2025-02-01'],
        ['Konsulent', 50000, '72000000', '2025-02-01'],
      ],
      { jurisdiction: 'NO', date: '2025-06-01', buyer: 'municipal' },
    );
    expect(report.summary.needsAttention).toBe(2);
    expect(report.summary.byRegime).toEqual({ 'NO-EXEMPT': 1 });
    expect(report.rows.map((r) => r.regime)).toEqual(['NO-EXEMPT', 'NO-EXEMPT', 'NO-EXEMPT']);
  });

  it('rows without a date are placed at the check date', () => {
    const rows = check([
      [60000, '90910000', null, null, null, null],
      [60000, '90910000', null, null, null, '2025-05-01'],
      [60000, '90910000', null, null, null, '2024-05-01'],
    ]);
    expect(splits(rows[0])[0]?.params).toMatchObject({ count: 2, from: '2025-05-01', to: '2025-06-01' });
    expect(splits(rows[2])).toEqual([]);
  });

  it('rows without a value are left out of the sums', () => {
    const rows = check([
      [60000, '90910000', null, null, null, '2025-01-01'],
      [null, '90910000', null, null, null, '2025-02-01'],
      ['ukjent', '90910000', null, null, null, '2025-03-01'],
    ]);
    expect(rows.flatMap(splits)).toEqual([]);
  });

  it('Sweden: the direct-award limit, with the 2022 change explained', () => {
    const rows = check(
      [
        [350000, '90910000', null, null, null, '2025-01-01'],
        [350000, '90910000', null, null, null, '2025-09-01'],
      ],
      SE,
    );
    const f = splits(rows[0])[0];
    expect(f).toMatchObject({ messageKey: 'finding.SPLIT-RISK.same-kind.SE', params: { total: 700000, threshold: 700000, currency: 'SEK' }, ruleIds: ['SE-DU-LOU', 'SE-VAL'] });
    expect(describeFinding('sv', f!)).toContain('Sedan den 1 februari 2022 räknas direktupphandlingar av samma slag inte längre samman per räkenskapsår');
  });

  it('VAT-inclusive values are compared excl. VAT', () => {
    const header = ['Beskrivelse', 'Verdi inkl. mva', 'CPV', 'Dato'];
    const report = checkSheet(
      [header, ['A', 62500, '90910000', '2025-01-01'], ['B', 62499.99, '90910000', '2025-02-01']],
      NO,
    );
    // 62 500 incl. 25 % VAT is 50 000; the pair is 99 999.99 excl. VAT.
    expect(report.rows.flatMap(splits)).toEqual([]);
  });
});

/**
 * The windows found in one pass (prefix sums, monotone queues) against the definition, checked by
 * brute force over random groups: for each purchase, every 12-month window starting at a purchase of
 * its kind and containing it; flagged when the sum reaches a threshold of the ladder that no single
 * purchase of the window reaches; the gravest (highest threshold, then largest sum, then latest start).
 */
describe('SPLIT-RISK windows equal the brute-force definition', () => {
  const LADDER = [100_000, 1_300_000, 2_300_000]; // NO municipal services in 2026 (NO-LOW-100K, national, EEA)
  const windowEnd = (date: string) => addDays(addMonths(date, 12), -1);

  function expected(purchases: readonly { kind: string; value: number; date: string }[]) {
    return purchases.map((_, index) => {
      let best: { level: number; total: number; start: number; count: number; from: string; to: string } | null = null;
      const group = purchases.map((q, i) => ({ ...q, i })).filter((q) => q.kind === purchases[index]!.kind && q.value > 0);
      group.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
      group.forEach((start, s) => {
        const members = group.slice(s).filter((q) => q.date <= windowEnd(start.date));
        if (!members.some((q) => q.i === index)) return;
        const total = members.reduce((sum, q) => sum + q.value, 0);
        const largest = Math.max(...members.map((q) => q.value));
        const level = LADDER.findLastIndex((t) => total >= t && largest < t);
        if (level < 0) return;
        if (!best || level > best.level || (level === best.level && total >= best.total)) {
          best = { level, total, start: s, count: members.length, from: start.date, to: members[members.length - 1]!.date };
        }
      });
      return best;
    });
  }

  it('for random purchases of three kinds over two years', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('Renhold', 'Kantine', 'Vask'),
            value: fc.oneof(fc.integer({ min: 1, max: 120_000 }), fc.integer({ min: 90_000, max: 1_400_000 }), fc.constantFrom(99_999, 100_000, 650_000, 1_150_000)),
            date: fc.integer({ min: 0, max: 700 }).map((d) => addDays('2026-01-01', d)),
          }),
          { maxLength: 40 },
        ),
        (purchases) => {
          const cells: CellValue[][] = [['Beskrivelse', 'Kategori', 'Estimert verdi', 'Dato'], ...purchases.map((p, i) => [`Kjøp ${i + 1}`, p.kind, p.value, p.date])];
          const rows = checkSheet(cells, { jurisdiction: 'NO', date: '2026-06-01', buyer: 'municipal', defaultContractKind: 'services' }).rows;
          const want = expected(purchases);
          rows.forEach((r, i) => {
            const found = splits(r)[0];
            const w = want[i];
            if (!w) return expect(found).toBeUndefined();
            expect(found?.params).toMatchObject({ count: w.count, total: w.total, threshold: LADDER[w.level], from: w.from, to: w.to });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
