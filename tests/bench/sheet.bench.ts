/**
 * Sheet check speed: a 100 000-row × 12-column procurement sheet through checkSheet (rows per
 * second) in turn with classifyPurchase alone on the same purchases, then the built `inkludo check
 * FILE --json` on the same rows as an .xlsx: wall time and peak memory (runNode).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildRegistryIndex, checkSheet, classifyPurchase } from '../../core/index.ts';
import { measureInTurn, measureNodeInTurn, report, type BenchResult, type NodeMeasure } from './harness.ts';
import { HEADER, ROWS, generateSheet, orgnrPool, registry, writePlanXlsx } from './plan-sheet.ts';

const CLI_RUNS = 3;
const ROUNDS = 9;

const cells = generateSheet(ROWS);
const index = buildRegistryIndex(registry(orgnrPool(200)));
const options = { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal', registry: index } as const;
const last = checkSheet(cells, options);
console.log(`checked ${last.summary.rowsChecked} rows; findings by code: ${JSON.stringify(last.summary.byFinding)}`);
// The bare baseline: classifyPurchase alone on the same purchases (values and dates as the check read them).
const purchases = last.rows.map((r) => ({
  jurisdiction: 'NO' as const,
  buyer: 'municipal' as const,
  contractKind: 'services' as const,
  value: r.estimatedValue,
  vatIncluded: false,
  date: r.date,
}));
// In turn, round after round, so that the ratio holds on a machine whose speed drifts. Nine rounds:
// a collection of one job's garbage often lands in the other's round (single rounds range 1.4–4.8×
// on the 2-core machine), and with five a median still rested on two such rounds.
const [sheetRun, classifyRun] = (await measureInTurn(
  [
    { name: `checkSheet ${ROWS.toLocaleString('en-US')} rows × ${HEADER.length} columns`, job: () => checkSheet(cells, options) },
    { name: `classifyPurchase alone on the same ${purchases.length.toLocaleString('en-US')} purchases`, job: () => purchases.map((p) => classifyPurchase(p)) },
  ],
  ROUNDS,
)) as [BenchResult, BenchResult];
report(sheetRun, { count: ROWS, unit: 'rows' });
report(classifyRun, { count: purchases.length, unit: 'purchases' });
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
  const [run] = measureNodeInTurn([{ args: [cli, 'check', file, '--json', '--jurisdiction', 'NO', '--date', '2026-11-23'], accept: (r) => r.status === 0 || r.status === 1 }], CLI_RUNS) as [NodeMeasure];
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `inkludo check ${ROWS.toLocaleString('en-US')}-row .xlsx --json: wall median ${s(run.wallMs)} s (${s(Math.min(...run.walls))}–${s(Math.max(...run.walls))}, ${CLI_RUNS} runs)` +
      (run.rssMb === null ? '' : ` · peak RSS median ${run.rssMb.toFixed(0)} MB`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
