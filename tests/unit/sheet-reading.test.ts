/**
 * Reading tender sheets the way their authors meant them, on real files: every case of
 * tests/fixtures/reading/cases.ts as a .csv and as an .xlsx written by LibreOffice (build.mjs), run
 * through `inkludo check --json`. Both files of a case must give the same verdicts.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../core/index.ts';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { READING_CASES, type ReadingCase } from '../fixtures/reading/cases.ts';

interface Report {
  assumptions: { code: string; message: string }[];
  valueColumn: { column: number | null };
  rows: { row: number; regime: string; findings: string[]; estimatedValue: { amount: number } | null; valueBasis: string; origins: Record<string, { source: string }> }[];
  skipped: { row: number; reason: string }[];
}

const DIR = resolve(REPO_ROOT, 'tests/fixtures/reading');
const runs = READING_CASES.flatMap((c) => (c.xlsxOnly ? ['xlsx'] : ['csv', 'xlsx']).map((ext) => [c.name, ext, c] as const));

async function check(c: ReadingCase, ext: string): Promise<{ code: number; report: Report | null; err: string }> {
  const run = await cli('check', resolve(DIR, `${c.name}.${ext}`), '--json', '--jurisdiction', c.jurisdiction, '--date', '2026-11-23', '--lang', 'en', ...(c.options ?? []));
  return { code: run.code, report: run.out ? (JSON.parse(run.out) as Report) : null, err: run.err };
}

describe.each(runs)('%s (.%s)', (_name, ext, c) => {
  it('reads every row as its author meant it, and says what it assumed', async () => {
    const { code, report, err } = await check(c, ext);
    expect(code, err).toBe(c.expect.exit ?? (report?.rows.some((r) => r.findings.includes('VALUE-UNPARSEABLE') || r.findings.includes('CELL-UNREADABLE')) ? 1 : code));
    expect(report, err).not.toBeNull();
    if (!report) return;
    if (c.expect.valueColumn !== undefined) expect(report.valueColumn.column).toBe(c.expect.valueColumn);
    const assumptionKeys = report.assumptions.map((a) => a.code);
    for (const key of c.expect.assumptions ?? []) {
      const code = key.replace(/^finding\./, '').split('.')[0];
      expect(assumptionKeys, `${key} in ${JSON.stringify(report.assumptions.map((a) => a.message))}`).toContain(code);
    }
    for (const e of c.expect.rows ?? []) {
      const row = report.rows.find((r) => r.row === e.row);
      expect(row, `row ${e.row}`).toBeDefined();
      if (!row) continue;
      if (e.regime) expect(row.regime, `row ${e.row}: ${row.findings.join(', ')}`).toBe(e.regime);
      if (e.amount !== undefined) expect(row.estimatedValue?.amount ?? null, `row ${e.row}`).toBe(e.amount);
      if (e.basis) expect(row.valueBasis).toBe(e.basis);
      for (const f of e.findings ?? []) expect(row.findings, `row ${e.row}`).toContain(f);
      for (const f of e.notFindings ?? []) expect(row.findings, `row ${e.row}`).not.toContain(f);
    }
    if (c.expect.skipped) expect(report.skipped.map((s) => ({ row: s.row, reason: s.reason }))).toEqual(c.expect.skipped);
  });
});

describe('property: a value header with or without a unit', () => {
  const WORDS = ['Estimert verdi', 'Beløp', 'Avtaleverdi', 'Värde', 'Belopp', 'Kontraktsverdi', 'Beräknat värde'];
  // [what follows the word, the factor it states, whether the reader must flag it instead]
  const UNITS: readonly (readonly [string, number, boolean])[] = [
    ['', 1, false],
    [' (NOK)', 1, false],
    [' (kr)', 1, false],
    [' (MNOK)', 1e6, false],
    [' i mill. kr', 1e6, false],
    [' i millioner kroner', 1e6, false],
    [' i 1000 kr', 1e3, false],
    [' i hele tusen', 1e3, false],
    [' (tkr)', 1e3, false],
    [' Mkr', 1e6, false],
    [' (1 000 kr)', 1e3, false],
    [' ekskl. mva', 1, false],
    [' (xyz)', 1, true],
    [' (t€)', 1, true],
  ];

  it('the value read is the cell times the stated factor, or the header is flagged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORDS), fc.constantFrom(...UNITS), fc.integer({ min: 1, max: 900_000 }), (word, [unit, factor, flagged], thousands) => {
        const amount = thousands * 1000;
        const cell = amount / factor;
        const report = checkSheet([['Beskrivelse', `${word}${unit}`], ['Renhold', cell]], { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal' });
        const read = report.rows[0]?.estimatedValue?.minor;
        if (flagged) return report.assumptions.some((a) => a.code === 'UNIT-UNKNOWN');
        return read === BigInt(amount) * 100n;
      }),
      { numRuns: 400 },
    );
  });
});
