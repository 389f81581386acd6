/**
 * A large results sheet written on a thread of its own while the main thread writes the report:
 * the XML, its encoding and deflating of a 100 000-row sheet (160 MB of XML) take about 1.3 s of a
 * thread, against 0.6 s for making its rows' cells and 0.7 s for the JSON report. The main thread
 * makes the cells and posts them in batches (result-batches.ts); the writing thread
 * (results-worker.ts) takes them as they come and writes the deflated part into the copy's file,
 * where the zip writer has left room for it.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { deflatedHere, type DeflatedPart, type PartSums, type PartWritten } from './deflated-part.ts';
import { ResultBatchWriter } from './result-batches.ts';
import { resultSheetXml, type ResultTable, type StyleBase } from './results-sheet.ts';

/** Where and from what size a results sheet is written off the main thread. */
export interface ResultsOffThread {
  /** The built writing thread's module (dist/cli/xlsx-results.mjs). */
  readonly worker: URL;
  /** A table of at least this many rows is written there. */
  readonly minRows: number;
}

/** A smaller sheet is written on the main thread in less time than a thread takes to start. */
export const OFF_THREAD_MIN_ROWS = 10_000;

/**
 * The writing thread's heap: it keeps a batch of rows, the texts sent to be kept (bounded in
 * result-batches.ts) and a batch of XML; the old generation caps what it could ever hold.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

export interface ResultsWorkerData {
  readonly table: Omit<ResultTable, 'rows'>;
  readonly sourceSheet: string;
  readonly styles: StyleBase;
  /** The copy's file, and where in it the part goes. */
  readonly path: string;
  readonly at: number;
  /** The batches come here, and null after the last. */
  readonly port: MessagePort;
  /** Batches posted so far (shared, so that the thread can wait for the next without an event loop). */
  readonly posted: Int32Array;
}

export type ResultsWorkerMessage = { readonly type: 'done'; readonly sums: PartSums; readonly compressedSize: number } | { readonly type: 'failed'; readonly detail: string };

/**
 * A writing thread. Started before its table is made (a thread takes 50–150 ms to start, which the
 * copy would otherwise wait for after the check), it waits for the table, and holds the process
 * open only once it has one.
 */
export class ResultsThread {
  private used = false;
  private readonly thread: Worker;
  /** Rejects once the thread fails or exits, as it starts or later (after the part is written, no one listens). */
  private readonly ended: Promise<never>;

  constructor(worker: URL) {
    this.thread = new Worker(worker, { resourceLimits: WORKER_LIMITS });
    this.thread.unref();
    this.ended = new Promise<never>((_resolve, reject) => {
      this.thread.on('error', reject);
      this.thread.on('exit', (code) => reject(new Error(`the results sheet writer stopped (exit ${code})`)));
    });
    this.ended.catch(() => undefined);
  }

  /** Ends a thread that was never given a table. */
  stop(): void {
    if (!this.used) void this.thread.terminate();
  }

  /**
   * Gives the thread `table` and posts it every row now (making the rows is the main thread's
   * share); resolves once the thread has written the part.
   */
  write(table: ResultTable, where: Pick<ResultsWorkerData, 'sourceSheet' | 'styles' | 'path' | 'at'>): Promise<PartWritten> {
    if (this.used) throw new Error('a results thread writes one table');
    this.used = true;
    const { thread } = this;
    thread.ref();
    const { port1, port2 } = new MessageChannel();
    const posted = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const { rows, ...head } = table;
    const done = new Promise<PartWritten>((resolve, reject) => {
      thread.on('message', (message: ResultsWorkerMessage) => {
        if (message.type === 'done') resolve({ sums: message.sums, compressedSize: message.compressedSize });
        else reject(new Error(message.detail));
      });
    });
    const written = Promise.race([done, this.ended]).finally(() => port1.close());
    const data: ResultsWorkerData = { ...where, table: head, port: port2, posted };
    thread.postMessage(data, [port2]);

    const send = (batch: unknown, transfer: ArrayBuffer[] = []) => {
      port1.postMessage(batch, transfer);
      Atomics.add(posted, 0, 1);
      Atomics.notify(posted, 0);
    };
    const batches = new ResultBatchWriter();
    const sendBatch = () => {
      const { batch, transfer } = batches.take();
      send(batch, transfer);
    };
    for (const row of rows) {
      batches.add(row);
      if (batches.isFull) sendBatch();
    }
    if (!batches.isEmpty) sendBatch();
    send(null);
    return written;
  }
}

/** The results sheet's part: written on `thread` when one is given, else here. */
export function resultsSheetPart(table: ResultTable, sourceSheet: string, styles: StyleBase, thread?: ResultsThread): DeflatedPart {
  if (thread === undefined) return deflatedHere(resultSheetXml(table, sourceSheet, styles));
  return ({ path, at }) => thread.write(table, { sourceSheet, styles, path, at });
}
