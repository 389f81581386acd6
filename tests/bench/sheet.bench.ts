/**
 * Sheet check speed: a 100 000-row × 12-column procurement sheet through checkSheet (rows per
 * second), then the built `inkludo check FILE --json` on the same rows as an .xlsx: wall time and
 * peak memory (maximum resident set size, from /usr/bin/time -v, else the child's own resourceUsage).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { addDays, buildRegistryIndex, checkSheet, classifyPurchase, isValidNorwegianOrgnr, type CellValue, type Registry } from '../../core/index.ts';
import { median, measure, report } from './harness.ts';

const ROWS = 100_000;
const CLI_RUNS = 3;

// A deterministic generator, so runs compare.
let seed = 4242;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const HEADER = ['Anskaffelse', 'Kategori', 'CPV', 'Estimert verdi (NOK)', 'Inkl. mva', 'Varighet', 'Opsjoner', 'Leverandør', 'Org.nr.', 'Reservert', 'Dato', 'Kontraktstype'];
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

function orgnrPool(count: number): string[] {
  const out: string[] = [];
  for (let base = 13_000_000; out.length < count; base++) {
    for (let d = 0; d < 10; d++) if (isValidNorwegianOrgnr(`${base}${d}`)) out.push(`${base}${d}`);
  }
  return out;
}

function generateSheet(rows: number): CellValue[][] {
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

function registry(orgnrs: readonly string[]): Registry {
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

const cells = generateSheet(ROWS);
const index = buildRegistryIndex(registry(orgnrPool(200)));
const options = { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal', registry: index } as const;
const last = checkSheet(cells, options);
console.log(`checked ${last.summary.rowsChecked} rows; findings by code: ${JSON.stringify(last.summary.byFinding)}`);
const sheetRun = report(await measure(`checkSheet ${ROWS.toLocaleString('en-US')} rows × ${HEADER.length} columns`, () => checkSheet(cells, options), 5), { count: ROWS, unit: 'rows' });

// The bare baseline: classifyPurchase alone on the same purchases (values, kinds and dates as the check read them).
const purchases = last.rows.map((r) => ({
  jurisdiction: 'NO' as const,
  buyer: 'municipal' as const,
  contractKind: 'services' as const,
  value: r.estimatedValue,
  vatIncluded: false,
  date: r.date,
}));
const classifyRun = report(await measure(`classifyPurchase alone on the same ${purchases.length.toLocaleString('en-US')} purchases`, () => purchases.map((p) => classifyPurchase(p)), 5), { count: purchases.length, unit: 'purchases' });
console.log(`checkSheet / classifyPurchase: ${(sheetRun.medianMs / classifyRun.medianMs).toFixed(2)}× (target ≤ 2.5×)`);
if (process.env.INKLUDO_BENCH_SKIP_CLI) process.exit(0);

// ---- the CLI on an .xlsx of the same rows ----------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'inkludo-sheet-bench-'));
try {
  const file = join(dir, 'plan.xlsx');
  const writeStart = performance.now();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = writer.addWorksheet('Plan');
  for (const row of cells) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  console.log(`wrote ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`);

  const cli = 'dist/cli/inkludo.mjs';
  if (!existsSync(cli)) {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('CLI build failed');
  }
  const haveTime = existsSync('/usr/bin/time');
  const walls: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    const start = performance.now();
    const child = haveTime
      ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'check', file, '--json', '--date', '2026-11-23'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 })
      : spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("Maximum resident set size (kbytes): "+process.resourceUsage().maxRSS+"\\n"))', cli, 'check', file, '--json', '--date', '2026-11-23'], {
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
          maxBuffer: 1 << 24,
        });
    walls.push(performance.now() - start);
    if (child.status !== 0 && child.status !== 1) throw new Error(`inkludo check failed (${child.status}): ${child.stderr.slice(-2000)}`);
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
    if (kb) rss.push(Number(kb) / 1024);
  }
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `inkludo check ${ROWS.toLocaleString('en-US')}-row .xlsx --json: wall median ${s(median(walls))} s (${s(Math.min(...walls))}–${s(Math.max(...walls))}, ${CLI_RUNS} runs)` +
      (rss.length ? ` · peak RSS median ${median(rss).toFixed(0)} MB (${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)})` : ''),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
