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
import { buildRegistryIndex, checkSheet, classifyPurchase } from '../../core/index.ts';
import { median, measure, report } from './harness.ts';
import { HEADER, ROWS, generateSheet, orgnrPool, registry, writePlanXlsx } from './plan-sheet.ts';

const CLI_RUNS = 3;

const cells = generateSheet(ROWS);
const index = buildRegistryIndex(registry(orgnrPool(200)));
const options = { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal', registry: index } as const;
const last = checkSheet(cells, options);
console.log(`checked ${last.summary.rowsChecked} rows; findings by code: ${JSON.stringify(last.summary.byFinding)}`);
const sheetRun = report(await measure(`checkSheet ${ROWS.toLocaleString('en-US')} rows × ${HEADER.length} columns`, () => checkSheet(cells, options), 5), { count: ROWS, unit: 'rows' });

// The bare baseline: classifyPurchase alone on the same purchases (values and dates as the check read them).
const purchases = last.rows.map((r) => ({
  jurisdiction: 'NO' as const,
  buyer: 'municipal' as const,
  contractKind: 'services' as const,
  value: r.estimatedValue,
  vatIncluded: false,
  date: r.date,
}));
const classifyRun = report(await measure(`classifyPurchase alone on the same ${purchases.length.toLocaleString('en-US')} purchases`, () => purchases.map((p) => classifyPurchase(p)), 5), {
  count: purchases.length,
  unit: 'purchases',
});
console.log(`checkSheet / classifyPurchase: ${(sheetRun.medianMs / classifyRun.medianMs).toFixed(2)}× (target ≤ 2.5×)`);
if (process.env.INKLUDO_BENCH_SKIP_CLI) process.exit(0);

// ---- the CLI on an .xlsx of the same rows ----------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'inkludo-sheet-bench-'));
try {
  const file = join(dir, 'plan.xlsx');
  const writeStart = performance.now();
  await writePlanXlsx(file, cells);
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
      ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'check', file, '--json', '--jurisdiction', 'NO', '--date', '2026-11-23'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 })
      : spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("Maximum resident set size (kbytes): "+process.resourceUsage().maxRSS+"\\n"))', cli, 'check', file, '--json', '--jurisdiction', 'NO', '--date', '2026-11-23'], {
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
