import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { SHEET_REGISTRY_PATH } from '../fixtures/sheet/registry.ts';

const NO_SAMPLE = resolve(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx');
const SE_SAMPLE = resolve(REPO_ROOT, 'samples/avtalsregister-2027.xlsx');
const CSV = resolve(REPO_ROOT, 'tests/fixtures/sheet/plan.csv');

interface JsonRow {
  row: number;
  regime: string;
  findings: string[];
  estimatedValue: { amount: number; currency: string | null } | null;
  ruleIds: string[];
  messages: string[];
  severities: string[];
}
interface JsonReport {
  sheet: string;
  headerRow: number;
  columns: Record<string, number>;
  rows: JsonRow[];
  summary: { byRegime: Record<string, number>; byFinding: Record<string, number>; rowsChecked: number; rowsSkipped: number; rowsWithErrors: number };
  registry: { source: string; demo: boolean } | null;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const rowOf = (report: JsonReport, n: number) => report.rows.find((r) => r.row === n);

let dir = '';
let quirks = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-check-'));
  quirks = join(dir, 'quirks.xlsx');
  const workbook = new ExcelJS.Workbook();
  const first = workbook.addWorksheet('Plan');
  first.addRow(['Plan med formler og lenker']);
  first.mergeCells('A1:E1');
  first.addRow(['Beskrivelse', 'Estimert verdi', 'Org.nr.', 'Dato', 'CPV']);
  first.addRow([{ richText: [{ text: 'Renhold ' }, { text: 'skole', font: { bold: true } }] }, 90000, { text: '135792462', hyperlink: 'https://example.org/135792462' }, new Date(Date.UTC(2026, 0, 10)), '90910000']);
  // A formula whose cached result is 0 comes back from exceljs without a result.
  first.addRow(['Gratis prøveperiode', { formula: 'B3*0', result: 0 }, null, new Date(Date.UTC(2026, 1, 1)), '72000000']);
  first.addRow(['Renhold barnehage', { formula: 'B3', result: 90000 }, '135792462', new Date(Date.UTC(2026, 4, 10)), '90910000']);
  first.addRow([]);
  first.addRow(['Sum', { formula: 'SUM(B3:B5)', result: 180000 }]);
  const second = workbook.addWorksheet('Andre');
  second.addRow(['Beskrivning', 'Beräknat värde']);
  second.addRow(['Städning', '700 000 kr']);
  await workbook.xlsx.writeFile(quirks);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inkludo check on the Norwegian sample plan', () => {
  it('gives the stable JSON with every expected finding, and exit 1 for the error findings', async () => {
    const { code, out } = await cli('check', NO_SAMPLE, '--json', '--jurisdiction', 'NO', '--date', '2026-11-23', '--registry', SHEET_REGISTRY_PATH, '--lang', 'nb');
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(report).toMatchObject({ sheet: 'Innkjøpsplan 2027', headerRow: 4, registry: { demo: true } });
    expect(report.columns).toMatchObject({ description: 1, category: 2, cpv: 3, value: 4, vat: 5, duration: 6, options: 7, supplier: 8, orgnr: 9, reserved: 10, date: 11, contractKind: 12 });
    expect(report.summary).toMatchObject({ rowsChecked: 15, rowsSkipped: 3, rowsWithErrors: 2 });
    // Four cleaning purchases of NOK 90 000 from one supplier.
    for (const n of [5, 6, 7, 8]) {
      expect(rowOf(report, n)).toMatchObject({ regime: 'NO-EXEMPT', estimatedValue: { amount: 90000, currency: 'NOK' } });
      // One finding per row: the same kind covers the same supplier.
      expect(rowOf(report, n)?.findings.filter((c) => c === 'SPLIT-RISK')).toHaveLength(1);
    }
    expect(rowOf(report, 9)?.findings).toContain('RESERVED-INELIGIBLE');
    expect(rowOf(report, 10)?.findings).toContain('RESERVED-ELIGIBLE');
    expect(rowOf(report, 11)?.findings).toContain('RESERVED-EVIDENCE-STALE');
    expect(rowOf(report, 12)?.findings).toEqual(expect.arrayContaining(['ORGNR-INVALID', 'RESERVED-UNVERIFIED']));
    expect(rowOf(report, 14)).toMatchObject({ estimatedValue: { amount: 120000 } });
    expect(rowOf(report, 16)).toMatchObject({ regime: 'UNKNOWN', findings: expect.arrayContaining(['VALUE-UNPARSEABLE']) });
    expect(rowOf(report, 17)?.findings).toContain('VALUE-MISSING');
    for (const row of report.rows) expect(row.messages).toHaveLength(row.findings.length);
    expect(rowOf(report, 9)?.messages).toContain('Bare 29,9 % av de ansatte er i målgruppen; en reservert kontrakt krever minst 30 %.');
  });

  it('prints a summary per regime and finding, then each row, in the chosen language', async () => {
    const { code, out } = await cli('check', NO_SAMPLE, '--jurisdiction', 'NO', '--date', '2026-11-23', '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('Sheet "Innkjøpsplan 2027": header row 4; 15 rows checked, 3 skipped.');
    expect(out).toMatch(/^ {2}NO-PART-III — Norway: FOA part III or chapter 30 \(EEA announcement\): 1$/m);
    expect(out).toMatch(/^ {2}Needs attention: .*: 4$/m);
    // The canteen (CPV 55510000, FOA chapter 30 / Annex XIV) is judged against the NOK 7.8 M threshold, not the ordinary EEA threshold.
    expect(out).toMatch(/^Row 9: NO-PART-I — .* Kantinedrift Solbakken sykehjem/m);
    expect(out).toContain('What the reading assumed (once for the whole sheet):');
    expect(out).toContain('The buyer is read as municipal or regional (sub-central) from «Innkjøpsplan 2027 – Demo kommune');
    expect(out).toMatch(/^ {2}Row 22: a totals row \(«Sum»\)$/m);
    expect(out).toMatch(/^ {2}SPLIT-RISK — possible split purchase: \d+$/m);
    expect(out).toContain('Row 16: UNKNOWN — Regime unknown · Vask av arbeidstøy, hjemmetjenesten');
    expect(out).toContain('  ERROR VALUE-UNPARSEABLE: The value "pris etter avtale" could not be read as an amount.');
  });
});

describe('inkludo check on the Swedish sample register', () => {
  it('reads yearly VAT-inclusive values and finds the split direct awards', async () => {
    const { out } = await cli('check', SE_SAMPLE, '--json', '--jurisdiction', 'SE', '--date', '2026-11-23', '--registry', SHEET_REGISTRY_PATH);
    const report = JSON.parse(out) as JsonReport;
    expect(report.headerRow).toBe(3);
    // 240 000 SEK a year incl. VAT over 2+1+1 years: 960 000 incl., 768 000 excl. VAT.
    expect(rowOf(report, 4)).toMatchObject({ regime: 'SE-BELOW-EU', estimatedValue: { amount: 768000, currency: 'SEK' } });
    expect(rowOf(report, 4)?.findings).toContain('RESERVED-ELIGIBLE');
    // Catering (CPV 55520000) is a LOU bilaga 2 service: below its own threshold it may be directly awarded, also added up.
    for (const n of [8, 9, 10, 11]) {
      expect(rowOf(report, n)?.regime).toBe('SE-DIRECT');
      expect(rowOf(report, n)?.findings).not.toContain('SPLIT-RISK');
    }
    expect(JSON.parse(out).rows.find((r: { row: number }) => r.row === 8).origins.contractKind.text).toContain('bilaga 2');
    expect(rowOf(report, 5)?.findings).toContain('RESERVED-INELIGIBLE');
    expect(rowOf(report, 7)?.findings).toContain('RESERVED-UNVERIFIED');
  });
});

describe('the .xlsx reader', () => {
  it('reads rich text, hyperlinks, formula results (also a cached 0) and dates; skips the totals row', async () => {
    const { out } = await cli('check', quirks, '--json', '--date', '2026-11-23');
    const report = JSON.parse(out) as JsonReport;
    expect(report.headerRow).toBe(2);
    expect(report.rows.map((r) => [r.row, r.estimatedValue?.amount])).toEqual([
      [3, 90000],
      [4, 0],
      [5, 90000],
    ]);
    expect(rowOf(report, 3)?.findings).toEqual(expect.arrayContaining(['RESERVATION-CANDIDATE', 'SPLIT-RISK']));
    expect(report.summary.rowsSkipped).toBe(2);
  });

  it('--sheet chooses a worksheet; an unknown one lists the sheets', async () => {
    const { out } = await cli('check', quirks, '--json', '--sheet', 'Andre', '--jurisdiction', 'SE', '--date', '2026-11-23');
    expect(JSON.parse(out)).toMatchObject({ sheet: 'Andre', rows: [{ row: 2, regime: 'SE-BELOW-EU' }] });
    const missing = await cli('check', quirks, '--sheet', 'Mangler', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('The workbook has no sheet "Mangler". Sheets: Plan, Andre.');
  });

  it('a file that is not a workbook is bad input, not a crash', async () => {
    const fake = join(dir, 'fake.xlsx');
    copyFileSync(CSV, fake);
    const { code, err } = await cli('check', fake, '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toMatch(/could not be read as an Excel workbook/);
  });
});

describe('--out', () => {
  it('writes a copy with an Inkludo results sheet and leaves the input as it was', async () => {
    const input = join(dir, 'plan.xlsx');
    copyFileSync(NO_SAMPLE, input);
    const before = sha(input);
    const out = join(dir, 'plan-checked.xlsx');
    const run = await cli('check', input, '--out', out, '--date', '2026-11-23', '--lang', 'nb');
    expect(run.code).toBe(1);
    expect(run.out).toContain(`Skrev ${out} med resultatarket «Inkludo»`);
    expect(sha(input)).toBe(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Innkjøpsplan 2027', 'Inkludo']);
    const results = workbook.getWorksheet('Inkludo');
    expect(results?.getRow(1).values).toEqual([undefined, 'Rad', 'Beskrivelse', 'Regelverk', 'Anslått verdi ekskl. mva.', 'Valuta', 'Funn', 'Forklaring', 'Regler']);
    expect(results?.getRow(2).getCell(1).value).toBe(5);
    expect(String(results?.getRow(2).getCell(6).value)).toContain('SPLIT-RISK');
    // The original sheet is copied as it was.
    expect(workbook.getWorksheet('Innkjøpsplan 2027')?.getCell('B5').value).toBe('Renhold Rådhuset');
  });

  it('refuses to write over the input file (exit 2) and does not touch it', async () => {
    const input = join(dir, 'same.xlsx');
    copyFileSync(NO_SAMPLE, input);
    const before = sha(input);
    const run = await cli('check', input, '--out', join(dir, '.', 'same.xlsx'), '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--out must be a new file');
    expect(sha(input)).toBe(before);
  });

  it('a CSV input gives a new workbook with the data and the results', async () => {
    const out = join(dir, 'csv-checked.xlsx');
    const run = await cli('check', CSV, '--out', out, '--json', '--date', '2026-11-23', '--registry', SHEET_REGISTRY_PATH);
    const report = JSON.parse(run.out) as JsonReport;
    expect(report).toMatchObject({ sheet: 'plan', headerRow: 3 });
    expect(report.rows.map((r) => [r.row, r.findings.includes('SPLIT-RISK')])).toEqual([
      [4, true],
      [5, true],
      [6, false],
    ]);
    expect(rowOf(report, 6)?.findings).toEqual(['VALUE-UNPARSEABLE']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['plan', 'Inkludo']);
  });
});

describe('bad input', () => {
  it.each([
    [['check'], 'Give a .xlsx or .csv file to check.'],
    [['check', 'plan.pdf'], 'plan.pdf is not a .xlsx or .csv file.'],
    [['check', 'missing.xlsx'], 'missing.xlsx'],
    [['check', NO_SAMPLE, '--header-row', '0'], '--header-row must be a row number from 1: "0".'],
    [['check', NO_SAMPLE, '--jurisdiction', 'DK'], 'DK'],
  ])('%j → exit 2', async (args, message) => {
    const { code, err } = await cli(...args, '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('a sheet without a header row is bad input (exit 2), never an empty report', async () => {
    const csv = join(dir, 'no-header.csv');
    writeFileSync(csv, 'a;b\n1;2\n');
    const { code, out, err } = await cli('check', csv, '--jurisdiction', 'NO', '--lang', 'en');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('No header row found in the first 20 rows of "no-header". Name the columns (for example "Description" and "Estimated value") or give --header-row.');
    const asJson = await cli('check', csv, '--json', '--jurisdiction', 'NO');
    expect(asJson.code).toBe(2);
    expect(asJson.out).toBe('');
  });
});

describe('the jurisdiction from the sheet, never Norway by default', () => {
  it('the Swedish sample without --jurisdiction is read as Sweden, and says why', async () => {
    const { code, out } = await cli('check', SE_SAMPLE, '--date', '2026-11-23', '--lang', 'en');
    expect(code).toBeLessThan(2);
    expect(out.split('\n')[0]).toMatch(/^Jurisdiction SE, inferred from: header words .*leverantör.*; currency SEK/);
    expect(out).toMatch(/^Row 4: SE-BELOW-EU/m);
  });

  it('a sheet with no evidence of its country is bad input asking for --jurisdiction', async () => {
    const csv = join(dir, 'no-country.csv');
    writeFileSync(csv, 'Description;Value\nCleaning;500000\n');
    const { code, out, err } = await cli('check', csv, '--lang', 'en');
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe('Nothing in the input tells whether Norwegian or Swedish rules apply. Give --jurisdiction NO or SE.');
    const given = await cli('check', csv, '--jurisdiction', 'SE', '--lang', 'en', '--date', '2026-11-23');
    expect(given.code).toBe(0);
    expect(given.out).not.toContain('inferred');
  });
});

describe('honest exit codes: nothing checked is bad input, never an empty report', () => {
  it('an explicit --header-row is honoured or refused, never replaced by detection', async () => {
    const csv = join(dir, 'titled.csv');
    writeFileSync(csv, 'Innkjøpsplan 2027;\nBeskrivelse;Estimert verdi\nRenhold;90000\n');
    const past = await cli('check', csv, '--jurisdiction', 'NO', '--header-row', '9', '--lang', 'en');
    expect([past.code, past.out, past.err]).toEqual([2, '', '--header-row 9 is past the end of "titled".']);
    const notHeader = await cli('check', csv, '--jurisdiction', 'NO', '--header-row', '3', '--lang', 'en');
    expect(notHeader.code).toBe(2);
    expect(notHeader.err).toMatch(/^Row 3 of "titled" is not a header/);
    const right = await cli('check', csv, '--jurisdiction', 'NO', '--header-row', '2', '--json', '--date', '2026-11-23');
    expect([right.code, JSON.parse(right.out).headerRow]).toEqual([0, 2]);
  });

  it('a header with no purchase row below it is bad input', async () => {
    const csv = join(dir, 'only-header.csv');
    writeFileSync(csv, 'Beskrivelse;Estimert verdi\n;\nSum;0\n');
    const { code, out, err } = await cli('check', csv, '--jurisdiction', 'NO', '--lang', 'nb');
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe('Ingen anskaffelse ble kontrollert i «only-header»: under overskriften (rad 1) er det ingen rad med beskrivelse eller verdi (2 rader hoppet over).');
  });

  it('a CSV row with an unquoted separator inside its value is not read as a smaller amount', async () => {
    const csv = join(dir, 'comma.csv');
    writeFileSync(csv, 'Beskrivelse,Estimert verdi\nKantine,1,500,000\nRenhold,90000\n');
    const { code, out } = await cli('check', csv, '--jurisdiction', 'NO', '--json', '--date', '2026-11-23');
    expect(code).toBe(1);
    const rows = JSON.parse(out).rows as { row: number; regime: string; findings: string[]; estimatedValue: unknown }[];
    expect(rows[0]).toMatchObject({ row: 2, regime: 'UNKNOWN', estimatedValue: null });
    expect(rows[0]?.findings).toContain('ROW-WIDER-THAN-HEADER');
    expect(rows[1]).toMatchObject({ row: 3, regime: 'NO-EXEMPT' });
  });
});
