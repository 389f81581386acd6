/**
 * A new part of the copy as raw deflate, made from its text in pieces and written into the zip
 * where its writer says: here, in the thread pool (deflatedHere), or on a thread of its own
 * (deflatedInTurn, which results-worker.ts runs). Both encode the text in the same batches and
 * deflate each with the same settings, so they make the same bytes.
 */
import type { FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';
import { BatchArrays, utf8Batches, type Utf8Piece } from '../utf8-batches.ts';

/** The text's CRC-32 and length in bytes. */
export interface PartSums {
  crc32: number;
  size: number;
}

/** Where a part's deflated bytes go: the zip being written (open here, and by its path), from byte `at`. */
export interface PartTarget {
  readonly file: FileHandle;
  readonly path: string;
  readonly at: number;
}

export interface PartWritten {
  readonly sums: PartSums;
  readonly compressedSize: number;
}

/** Writes a part's raw deflate stream into `target`, and tells what it wrote. */
export type DeflatedPart = (target: PartTarget) => Promise<PartWritten>;

/**
 * Level 3: a 100 000-row results sheet (160 MB of XML) deflates in less than half the time of level
 * 6, for a copy about a third larger.
 */
const DEFLATE_LEVEL = 3;
/**
 * The text is encoded and deflated in batches of this size. Each batch costs the main thread a
 * deflate stream's set-up and callbacks: 256 KB batches spent 200–260 ms of a 100 000-row copy
 * there, 1 MB batches 95–135 ms (CPU profiles, same runs).
 */
const ENCODE_BATCH_BYTES = 1024 * 1024;
/** The deflated bytes of a batch come back in chunks of this size (by default 16 KB, a callback each). */
const DEFLATED_CHUNK_BYTES = 256 * 1024;
/** Batches being deflated in the thread pool at once: enough to keep it busy while the next is made. */
const BATCHES_IN_FLIGHT = 3;

/**
 * Each batch is deflated on its own, ending on a sync flush, so the batches' blocks follow one
 * another as one stream (as pigz writes it); an empty final block closes it.
 */
const OPTIONS = { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: DEFLATED_CHUNK_BYTES };
const LAST_BLOCK = zlib.deflateRawSync(new Uint8Array(0), { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_FINISH });

/** The text's bytes as UTF-8 in batches, with the CRC and size counted on the way. */
function* encoded(pieces: Iterable<Utf8Piece>, arrays: BatchArrays, sums: PartSums): Generator<Uint8Array> {
  for (const bytes of utf8Batches(pieces, arrays)) {
    sums.crc32 = zlib.crc32(bytes, sums.crc32);
    sums.size += bytes.length;
    yield bytes;
  }
}

/**
 * `pieces` deflated as they are made, a few batches at a time in the thread pool while the next ones
 * are made (a deflate stream answered the main thread every 16 KB, which kept it waiting: 0.7 s of a
 * 100 000-row copy), each written in turn.
 */
export function deflatedHere(pieces: Iterable<Utf8Piece>): DeflatedPart {
  return async ({ file, at }) => {
    const sums: PartSums = { crc32: 0, size: 0 };
    let compressedSize = 0;
    const arrays = new BatchArrays(ENCODE_BATCH_BYTES);
    const deflating: Promise<Uint8Array>[] = [];
    const writeNext = async () => {
      const chunk = await (deflating.shift() as Promise<Uint8Array>);
      await file.write(chunk, 0, chunk.length, at + compressedSize);
      compressedSize += chunk.length;
    };
    for (const bytes of encoded(pieces, arrays, sums)) {
      // Once deflated, the batch's array takes the next text.
      const batch = new Promise<Uint8Array>((resolve, reject) => zlib.deflateRaw(bytes, OPTIONS, (error, out) => (error ? reject(error) : resolve(out)))).then((out) => (arrays.handBack(bytes), out));
      // Taken in order below; one that fails while an earlier one is awaited is not left unhandled.
      batch.catch(() => undefined);
      deflating.push(batch);
      if (deflating.length >= BATCHES_IN_FLIGHT) await writeNext();
    }
    deflating.push(Promise.resolve(LAST_BLOCK));
    while (deflating.length > 0) await writeNext();
    return { sums, compressedSize };
  };
}

/** `pieces` deflated on the calling thread, batch after batch (a thread that does nothing else), the last chunk closing the stream. */
export function* deflatedInTurn(pieces: Iterable<Utf8Piece>, sums: PartSums): Generator<Uint8Array> {
  const arrays = new BatchArrays(ENCODE_BATCH_BYTES);
  for (const bytes of encoded(pieces, arrays, sums)) {
    const out = zlib.deflateRawSync(bytes, OPTIONS);
    arrays.handBack(bytes);
    yield out;
  }
  yield LAST_BLOCK;
}
