/**
 * The benchmark plan: a deterministic 100 000-row × 12-column procurement sheet typed the ways people
 * type, a registry for it, and the sheet as an .xlsx (written by exceljs' streaming writer, with
 * shared strings, as Excel would). Shared by sheet.bench.ts and xlsx-io.bench.ts.
 */
import ExcelJS from 'exceljs';
import { addDays, isValidNorwegianOrgnr, type CellValue, type Registry } from '../../core/index.ts';

export const ROWS = 100_000;

// A deterministic generator, so runs compare.
let seed = 4242;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

export const HEADER = ['Anskaffelse', 'Kategori', 'CPV', 'Estimert verdi (NOK)', 'Inkl. mva', 'Varighet', 'Opsjoner', 'Leverandør', 'Org.nr.', 'Reservert', 'Dato', 'Kontraktstype'];
const WORK = [
  ['Renhold', '90910000-9'],
  ['Kantine', '55510000'],
  ['Grøntanlegg', '77310000'],
  ['IT-drift', '72000000'],
  ['Konsulent', '79400000'],
  ['Kontorrekvisita', '30190000'],
  ['Bygg', '45214100'],
  ['Vask', '98310000'],
] as const;
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
/** Typed the ways people type amounts: "1 250 000 kr", "2,5 MNOK", "150k", or a number. */
const AMOUNTS = (n: number): CellValue => (n % 4 === 0 ? `${grouped(n)} kr` : n % 4 === 1 ? `${(n / 1e6).toFixed(1).replace('.', ',')} MNOK` : n % 4 === 2 ? `${Math.round(n / 1000)}k` : n);

export function orgnrPool(count: number): string[] {
  const out: string[] = [];
  for (let base = 13_000_000; out.length < count; base++) {
    for (let d = 0; d < 10; d++) if (isValidNorwegianOrgnr(`${base}${d}`)) out.push(`${base}${d}`);
  }
  return out;
}

export function generateSheet(rows: number): CellValue[][] {
  const orgnrs = orgnrPool(5000);
  const cells: CellValue[][] = [['Innkjøpsplan (benchmark)'], [], HEADER];
  for (let i = 0; i < rows; i++) {
    const [category, cpv] = pick(WORK);
    const supplier = Math.floor(random() * orgnrs.length);
    cells.push([
      `${category} ${i}`,
      category,
      cpv,
      AMOUNTS(Math.round(random() * 3_000_000)),
      random() < 0.2 ? 'ja' : 'nei',
      pick(['12 mnd', '2 år', '3 år', null, 'løpende']),
      pick([null, '1+1 år', '1 år']),
      `Leverandør ${supplier} AS`,
      i % 500 === 0 ? '123456789' : (orgnrs[supplier] ?? null),
      random() < 0.05 ? 'ja' : 'nei',
      addDays('2025-01-01', Math.floor(random() * 1000)),
      pick(['Tjenester', 'Varer', 'Bygg- og anleggsarbeid']),
    ]);
  }
  return cells;
}

export function registry(orgnrs: readonly string[]): Registry {
  const provenance = { source: 'Benchmark', url: null, retrieved: '2026-11-01', expires: null, demo: true };
  return {
    provenance,
    suppliers: orgnrs.slice(0, 200).map((orgnr, i) => ({
      orgnr,
      jurisdiction: 'NO' as const,
      name: `Leverandør ${i} AS`,
      altNames: [],
      kind: 'arbeidsmarkedsbedrift' as const,
      share: { percent: 25 + (i % 20), denominator: 'employees' as const, asOf: '2026-06-30' },
      purposeAttested: true,
      regions: [],
      categories: ['9091', '555', '7731'],
      provenance,
    })),
  };
}

/** Writes `cells` as the sheet "Plan" of a new .xlsx at `file`. */
export async function writePlanXlsx(file: string, cells: readonly (readonly CellValue[])[]): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = writer.addWorksheet('Plan');
  for (const row of cells) sheet.addRow([...row]).commit();
  sheet.commit();
  await writer.commit();
}
