/**
 * The worksheet reader's thread (built as dist/cli/xlsx-reader.mjs; see read-off-thread.ts): inflates
 * and reads one worksheet part, and posts its rows in batches, each shared string as its index. It
 * waits whenever the main thread has not taken the batches in flight, so the rows never pile up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { XlsxError } from './errors.ts';
import { RowBatchWriter, SharedStringRef } from './row-batches.ts';
import type { ReadWorkerData, ReadWorkerMessage } from './read-off-thread.ts';
import { readWorksheetRows } from './worksheet.ts';
import { ZipArchive } from './zip.ts';

const { path, part, credits } = workerData as ReadWorkerData;
const port = parentPort as NonNullable<typeof parentPort>;
const post = (message: ReadWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Posts the batch once the main thread has room for it. */
function send(writer: RowBatchWriter): void {
  while (Atomics.sub(credits, 0, 1) <= 0) {
    Atomics.add(credits, 0, 1);
    Atomics.wait(credits, 0, 0);
  }
  const { batch, transfer } = writer.take();
  post({ type: 'rows', batch }, transfer);
}

try {
  const zip = await ZipArchive.open(path);
  try {
    const entry = zip.get(part);
    if (!entry) throw new XlsxError('no-worksheet', { sheet: part });
    const writer = new RowBatchWriter();
    await readWorksheetRows<SharedStringRef>(
      zip,
      entry,
      (index) => (index >= 0 ? new SharedStringRef(index) : undefined),
      (row) => {
        if (writer.add(row)) return;
        send(writer);
        writer.add(row);
      },
    );
    if (!writer.isEmpty) send(writer);
  } finally {
    zip.close();
  }
  post({ type: 'done' });
} catch (error) {
  post(error instanceof XlsxError ? { type: 'error', code: error.code, params: error.params } : { type: 'failed', detail: error instanceof Error ? error.message : String(error) });
}
