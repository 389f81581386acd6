import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CliContext } from './command.ts';
import { joinPrintable, printable, type PrintableBytes, type PrintableText } from './safe-output.ts';
import { BatchArrays, utf8Batches } from './utf8-batches.ts';

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
 * What arrives is the lines joined by line feeds, however they were batched; where stdout takes bytes,
 * as UTF-8 batches (utf8Batches).
 */
export async function writeLines(ctx: CliContext, lines: Iterable<PrintableText | PrintableBytes>): Promise<void> {
  if (ctx.outBytes) return writeLineBytes(ctx, ctx.outBytes, lines);
  let batch: PrintableText[] = [];
  let chars = 0;
  for (const piece of lines) {
    const line = typeof piece === 'string' ? piece : textOf(piece);
    batch.push(line);
    chars += line.length + 1;
    if (chars >= BATCH_CHARS) {
      ctx.outPrintable(joinPrintable(batch));
      batch = [];
      chars = 0;
      await ctx.outDrained();
    }
  }
  if (batch.length > 0) ctx.outPrintable(joinPrintable(batch));
}

const LINE_FEED = 10;

/** A line written as bytes, as text: where stdout takes only text (a test's, an embedding program's). */
function textOf(line: PrintableBytes): PrintableText {
  const decoder = new TextDecoder();
  let text = '';
  for (const batch of utf8Batches([line], new BatchArrays(BATCH_CHARS))) text += decoder.decode(batch, { stream: true });
  return (text + decoder.decode()) as PrintableText;
}

async function writeLineBytes(ctx: CliContext, out: NonNullable<CliContext['outBytes']>, lines: Iterable<PrintableText | PrintableBytes>): Promise<void> {
  const arrays = new BatchArrays(BATCH_CHARS);
  for (const batch of utf8Batches(lines, arrays, LINE_FEED)) {
    out(batch, () => arrays.handBack(batch));
    await ctx.outDrained();
  }
}

/** Each line made printable as it comes (text that may hold anything a cell held). */
export function* printableLines(ctx: CliContext, lines: Iterable<string>): Generator<PrintableText> {
  for (const line of lines) yield printable(line, ctx.t);
}

/**
 * Resolves once `stream` has room again (at once when it has). Node buffers whatever a pipe's reader
 * has not taken yet: `inkludo check big.xlsx --json | slow-reader` held all 190 MB of its output.
 */
export async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}
