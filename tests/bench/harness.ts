/**
 * A small benchmark harness: runs a job several times and prints the median and spread.
 * Speed is measured here, never asserted in tests.
 */
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

/** Prints `name: median X ms (min–max, N runs) · <throughput>` and returns the result. */
export function report(result: BenchResult, items?: { count: number; unit: string }): BenchResult {
  const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
  const rate = items ? ` · ${Math.round((items.count / result.medianMs) * 1000).toLocaleString('en-US')} ${items.unit}/s` : '';
  console.log(`${result.name}: median ${ms(result.medianMs)} ms (${ms(result.minMs)}–${ms(result.maxMs)}, ${result.runs} runs)${rate}`);
  return result;
}
