/**
 * A large worksheet read on a thread of its own while the main thread checks the rows already read:
 * inflating and reading 100 000 rows (45 MB of XML) takes 0.7–1.1 s of a thread (1.3 s before the
 * fast path for plain cells in worksheet.ts), against about 1.5 s for the check of those rows. The
 * main thread reads the package and the shared strings; the reading thread (read-worker.ts) reads
 * the worksheet part and sends its rows in batches (row-batches.ts), at most IN_FLIGHT of them ahead
 * of the check.
 */
import { Worker } from 'node:worker_threads';
import { XlsxError, type XlsxErrorCode } from './errors.ts';
import { readRowBatch, type RowBatch } from './row-batches.ts';
import type { WorksheetRow } from './worksheet.ts';

/** Where and from what size a worksheet is read off the main thread. */
export interface OffThread {
  /** The built reading thread's module (dist/cli/xlsx-reader.mjs). */
  readonly worker: URL;
  /** A worksheet part at least this large (inflated) is read there. */
  readonly minBytes: number;
}

/** A smaller part is read on the main thread before a thread would have started (about 10 000 rows of 12 cells). */
export const OFF_THREAD_MIN_BYTES = 4 * 1024 * 1024;
/** Batches sent and not yet taken by the main thread, at most (about 2 700 rows of 12 cells each). */
const IN_FLIGHT = 4;
/**
 * The reading thread's heap: it keeps one batch and one piece of XML, so a small young generation
 * keeps the check's peak memory down. At 4 MB the inflater's buffers outlived minor collections and
 * 20–40 MB of them waited for a major one; at 8 MB they die young. The old generation caps what a
 * hostile part could make the thread hold.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

export interface ReadWorkerData {
  readonly path: string;
  /** The worksheet part's name in the zip. */
  readonly part: string;
  /** Batches the reading thread may still send (shared, so that it can wait without the event loop). */
  readonly credits: Int32Array;
}

export type ReadWorkerMessage =
  | { readonly type: 'rows'; readonly batch: RowBatch }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: XlsxErrorCode; readonly params: Readonly<Record<string, string | number>> }
  | { readonly type: 'failed'; readonly detail: string };

/**
 * Reads worksheet `part` of the workbook at `path` on the thread `worker` runs, handing each row to
 * `onRow` in the part's order once `sharedStrings` (read meanwhile) are known. Rejects with the
 * reader's XlsxError, or with whatever `onRow` throws (the thread is stopped then).
 */
export function readRowsOffThread(worker: URL, path: string, part: string, sharedStrings: Promise<readonly string[]>, onRow: (row: WorksheetRow) => void): Promise<void> {
  const credits = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  credits[0] = IN_FLIGHT;
  const data: ReadWorkerData = { path, part, credits };
  const thread = new Worker(worker, { workerData: data, resourceLimits: WORKER_LIMITS });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const end = (error?: unknown) => {
      if (settled) return;
      settled = true;
      void thread.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };
    // What the thread says is taken in turn, once the shared strings are read (the first batches may
    // come before): a thread that has posted its last rows and 'done' exits at once, and its exit
    // must not overtake them.
    let queue = sharedStrings;
    const inTurn = (take: (strings: readonly string[]) => void) => {
      queue = queue.then((strings) => {
        if (!settled) take(strings);
        return strings;
      });
      queue.catch(end);
    };
    inTurn(() => {});
    thread.on('message', (message: ReadWorkerMessage) =>
      inTurn((strings) => {
        switch (message.type) {
          case 'rows':
            readRowBatch(message.batch, strings, onRow);
            Atomics.add(credits, 0, 1);
            Atomics.notify(credits, 0);
            break;
          case 'done':
            end();
            break;
          case 'error':
            end(new XlsxError(message.code, message.params));
            break;
          case 'failed':
            end(new Error(message.detail));
        }
      }),
    );
    thread.on('error', (error) => inTurn(() => end(error)));
    thread.on('exit', (code) => inTurn(() => end(new Error(`the worksheet reader stopped (exit ${code})`))));
  });
}
