/**
 * The results sheet's writing thread (built as dist/cli/xlsx-results.mjs; see results-off-thread.ts):
 * takes the rows as the main thread posts them, writes the sheet's XML, encodes and deflates it, and
 * writes the deflated part into the copy's file where the zip writer left room for it.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { deflatedInTurn, type PartSums } from './deflated-part.ts';
import { readResultBatch, type ResultBatch } from './result-batches.ts';
import type { ResultsWorkerData, ResultsWorkerMessage } from './results-off-thread.ts';
import { resultSheetXml, type ResultRow } from './results-sheet.ts';

const parent = parentPort as NonNullable<typeof parentPort>;
// The thread may be started before its table is known: the table comes as the first message.
const [{ table, sourceSheet, styles, path, at, port, posted }] = (await once(parent, 'message')) as [ResultsWorkerData];
const post = (message: ResultsWorkerMessage) => parent.postMessage(message);

/** The rows, batch after batch, waiting for each (the main thread counts them in `posted`). */
function* rowsPosted(): Generator<ResultRow> {
  const kept: string[] = [];
  let taken = 0;
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received === undefined) {
      Atomics.wait(posted, 0, taken);
      continue;
    }
    taken++;
    const batch = received.message as ResultBatch | null;
    if (batch === null) return;
    const rows: ResultRow[] = [];
    readResultBatch(batch, kept, (row) => rows.push(row));
    yield* rows;
  }
}

try {
  // Opened for writing in place: the main thread's zip writer wrote what comes before, and writes
  // what comes after once this thread is done.
  const file = openSync(path, 'r+');
  try {
    const sums: PartSums = { crc32: 0, size: 0 };
    let compressedSize = 0;
    for (const chunk of deflatedInTurn(resultSheetXml({ ...table, rows: rowsPosted() }, sourceSheet, styles), sums)) {
      for (let done = 0; done < chunk.length; ) done += writeSync(file, chunk, done, chunk.length - done, at + compressedSize + done);
      compressedSize += chunk.length;
    }
    post({ type: 'done', sums, compressedSize });
  } finally {
    closeSync(file);
  }
} catch (error) {
  post({ type: 'failed', detail: error instanceof Error ? error.message : String(error) });
} finally {
  port.close();
}
