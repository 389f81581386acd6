import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CliContext } from './command.ts';

/**
 * Lines are gathered to about this many characters per write. Small enough that a batch and the
 * garbage made while filling it die young (a batch of 1000 report rows lived through several minor
 * collections and was promoted: 100 000 rows grew the heap by 280 MB of garbage); large enough that
 * a write costs one system call per 64 KB.
 */
const BATCH_CHARS = 64 * 1024;

/**
 * Writes `lines` to stdout as they are made, waiting whenever stdout's buffer is full, so that long
 * output (a report of 100 000 rows) never sits in memory, neither as one string nor in the stream.
 * What arrives is the lines joined by line feeds, however they were batched.
 */
export async function writeLines(ctx: CliContext, lines: Iterable<string>): Promise<void> {
  let batch = '';
  let count = 0;
  for (const line of lines) {
    batch = count === 0 ? line : `${batch}\n${line}`;
    count++;
    if (batch.length >= BATCH_CHARS) {
      ctx.out(batch);
      batch = '';
      count = 0;
      await ctx.outDrained();
    }
  }
  if (count > 0) ctx.out(batch);
}

/**
 * Resolves once `stream` has room again (at once when it has). Node buffers whatever a pipe's reader
 * has not taken yet: `inkludo check big.xlsx --json | slow-reader` held all 190 MB of its output.
 */
export async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}
