/**
 * A small benchmark harness: runs a job several times and prints the median and spread.
 * Speed is measured here, never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function measure(name: string, job: () => unknown, runs = 7, warmup = 1): Promise<BenchResult> {
  for (let i = 0; i < warmup; i++) await job();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await job();
    times.push(performance.now() - start);
  }
  return { name, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs };
}

/**
 * Several jobs in the same process, `runs` rounds with the jobs in turn within a round (after one
 * warm-up each): a machine that slows down or speeds up weighs on each alike, so their ratios hold.
 */
export async function measureInTurn(jobs: readonly { readonly name: string; readonly job: () => unknown }[], runs = 7): Promise<BenchResult[]> {
  for (const { job } of jobs) await job();
  const times = jobs.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, { job }] of jobs.entries()) {
      const start = performance.now();
      await job();
      times[j]?.push(performance.now() - start);
    }
  }
  return jobs.map(({ name }, j) => {
    const t = times[j] ?? [];
    return { name, medianMs: median(t), minMs: Math.min(...t), maxMs: Math.max(...t), runs };
  });
}

/** Prints `name: median X ms (min–max, N runs) · <throughput>` and returns the result. */
export function report(result: BenchResult, items?: { count: number; unit: string }): BenchResult {
  const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
  const rate = items ? ` · ${Math.round((items.count / result.medianMs) * 1000).toLocaleString('en-US')} ${items.unit}/s` : '';
  console.log(`${result.name}: median ${ms(result.medianMs)} ms (${ms(result.minMs)}–${ms(result.maxMs)}, ${result.runs} runs)${rate}`);
  return result;
}

export interface ProcessRun {
  readonly wallMs: number;
  /** Peak resident set size in MB (from /usr/bin/time -v, else the child's own resourceUsage). */
  readonly rssMb: number | null;
  readonly status: number | null;
  readonly stderr: string;
}

/** Runs `node ARGS` with stdout to /dev/null, for its wall time and peak memory. */
export function runNode(args: readonly string[]): ProcessRun {
  const haveTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const child = haveTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 })
    : spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("Maximum resident set size (kbytes): "+process.resourceUsage().maxRSS+"\\n"))', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
  const wallMs = performance.now() - start;
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
  return { wallMs, rssMb: kb ? Number(kb) / 1024 : null, status: child.status, stderr: child.stderr };
}

export interface NodeCommand {
  readonly args: readonly string[];
  readonly accept: (run: ProcessRun) => boolean;
}

export interface NodeMeasure {
  readonly wallMs: number;
  readonly rssMb: number | null;
  readonly walls: number[];
}

/**
 * `runs` rounds of `node ARGS` for each command, the commands in turn within a round (a machine that
 * slows down or speeds up during the bench weighs on each alike, so their ratios hold): median wall
 * time and median peak RSS of each.
 */
export function measureNodeInTurn(commands: readonly NodeCommand[], runs: number): NodeMeasure[] {
  const walls = commands.map((): number[] => []);
  const rss = commands.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [c, { args, accept }] of commands.entries()) {
      const run = runNode(args);
      if (!accept(run)) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
      walls[c]?.push(run.wallMs);
      if (run.rssMb !== null) rss[c]?.push(run.rssMb);
    }
  }
  return commands.map((_c, i) => {
    const r = rss[i] ?? [];
    return { wallMs: median(walls[i] ?? []), rssMb: r.length ? median(r) : null, walls: walls[i] ?? [] };
  });
}
