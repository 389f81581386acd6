/**
 * A zip written front to back into one file: parts copied as stored (still compressed, with their
 * CRC and sizes from the input's central directory: byte for byte) and new parts deflated here as
 * they are made, their header's CRC and sizes filled in once known (no part is held in memory).
 * No data descriptors and no zip64: a copy past 4 GB or 65 535 parts is refused.
 */
import { open, type FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';
import { XlsxError } from './errors.ts';
import type { XmlPiece } from './results-sheet.ts';
import { BatchArrays, utf8Batches } from '../utf8-batches.ts';

const LIMIT_32 = 0xffffffff;
const FLAG_UTF8_NAME = 0x0800;
/** Where a local header holds the CRC and the two sizes, which a deflated part knows only at its end. */
const LOCAL_HEADER_CRC_AT = 14;
/**
 * Level 3: a 100 000-row results sheet (170 MB of XML) deflates in less than half the time of level
 * 6, for a copy about a third larger.
 */
const DEFLATE_LEVEL = 3;
/** Writes are gathered to this size: one system call per megabyte, not per inflated chunk. */
const WRITE_BUFFER_BYTES = 1024 * 1024;
/**
 * A new part's text is encoded and deflated in batches of this size. Each batch costs the main
 * thread a deflate stream's set-up and callbacks: 256 KB batches spent 200–260 ms of a 100 000-row
 * copy there, 1 MB batches 95–135 ms (CPU profiles, same runs).
 */
const ENCODE_BATCH_BYTES = 1024 * 1024;
/** The deflated bytes of a batch come back in chunks of this size (by default 16 KB, a callback each). */
const DEFLATED_CHUNK_BYTES = 256 * 1024;
/** Batches being deflated at once: enough to keep the thread pool busy while the next is made. */
const BATCHES_IN_FLIGHT = 3;

/** One batch of a part deflated in the thread pool, ending with `flush`. */
function deflateBatch(bytes: Uint8Array, flush: number): Promise<Buffer> {
  return new Promise((resolve, reject) => zlib.deflateRaw(bytes, { level: DEFLATE_LEVEL, finishFlush: flush, chunkSize: DEFLATED_CHUNK_BYTES }, (error, out) => (error ? reject(error) : resolve(out))));
}

export interface StoredPart {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly dosTime: number;
  readonly dosDate: number;
}

interface Written extends StoredPart {
  readonly offset: number;
}

function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    dosDate: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * The fields a local header and a central directory entry share, in the same order: flags, method,
 * time, date, CRC, sizes, name length (from offset 6 in the one, 8 in the other).
 */
function writeEntryFields(buffer: Buffer, at: number, part: StoredPart, nameLength: number): void {
  buffer.writeUInt16LE(FLAG_UTF8_NAME, at);
  buffer.writeUInt16LE(part.method, at + 2);
  buffer.writeUInt16LE(part.dosTime, at + 4);
  buffer.writeUInt16LE(part.dosDate, at + 6);
  buffer.writeUInt32LE(part.crc32 >>> 0, at + 8);
  buffer.writeUInt32LE(part.compressedSize, at + 12);
  buffer.writeUInt32LE(part.uncompressedSize, at + 16);
  buffer.writeUInt16LE(nameLength, at + 20);
}

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;

  private constructor(private readonly file: FileHandle) {}

  /** The text's bytes as UTF-8, piece by piece, with the CRC and size counted on the way. */
  private static *encoded(pieces: Iterable<XmlPiece>, arrays: BatchArrays, sum: { crc32: number; size: number }): Generator<Uint8Array> {
    for (const bytes of utf8Batches(pieces, arrays)) {
      sum.crc32 = zlib.crc32(bytes, sum.crc32);
      sum.size += bytes.length;
      yield bytes;
    }
  }

  /** 'wx': the temporary file is new; it is never a file that was there before. */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'wx'));
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.length;
    if (this.bufferedBytes >= WRITE_BUFFER_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.buffered);
    this.buffered = [];
    this.bufferedBytes = 0;
    await this.file.write(data);
  }

  private header(part: StoredPart): Buffer {
    const name = Buffer.from(part.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    writeEntryFields(head, 6, part, name.length);
    return Buffer.concat([head, name]);
  }

  private check(part: StoredPart): void {
    if (part.compressedSize > LIMIT_32 || part.uncompressedSize > LIMIT_32 || this.offset > LIMIT_32 || this.written.length >= 0xffff) throw new XlsxError('out-too-large');
  }

  /** A part whose stored (compressed) bytes arrive from `data`. */
  async addStored(part: StoredPart, data: AsyncIterable<Buffer> | readonly Buffer[]): Promise<void> {
    this.check(part);
    this.written.push({ ...part, offset: this.offset });
    await this.write(this.header(part));
    let copied = 0;
    for await (const chunk of data) {
      copied += chunk.length;
      await this.write(chunk);
    }
    if (copied !== part.compressedSize) throw new XlsxError('corrupt-zip', { detail: `${part.name}: ${copied} of ${part.compressedSize} bytes` });
  }

  /**
   * A new part, its text (given in pieces, made as they are asked for) deflated into the file as it
   * comes. The local header goes first with the CRC and sizes left at zero, and is filled in after.
   */
  async addDeflated(name: string, pieces: Iterable<XmlPiece>): Promise<void> {
    const headerAt = this.offset;
    const part = { name, method: 8, crc32: 0, compressedSize: 0, uncompressedSize: 0, ...dosDateTime(new Date()) };
    this.check(part);
    const index = this.written.push({ ...part, offset: headerAt }) - 1;
    await this.write(this.header(part));
    const sum = { crc32: 0, size: 0 };
    let compressedSize = 0;
    // Each batch is deflated on its own in the thread pool, a few at a time, while the next ones are
    // made: a deflate stream answered the main thread every 16 KB, which kept it waiting (0.7 s of a
    // 100 000-row copy). Batches end on a sync flush, so their blocks follow one another as one
    // stream (as pigz writes it); an empty final block closes it.
    const deflating: Promise<Buffer>[] = [];
    const take = async (): Promise<void> => {
      const chunk = await (deflating.shift() as Promise<Buffer>);
      compressedSize += chunk.length;
      await this.write(chunk);
    };
    const arrays = new BatchArrays(ENCODE_BATCH_BYTES);
    for (const bytes of ZipWriter.encoded(pieces, arrays, sum)) {
      // Once deflated, the batch's array takes the next text.
      const batch = deflateBatch(bytes, zlib.constants.Z_SYNC_FLUSH).then((out) => (arrays.handBack(bytes), out));
      // Taken in order below; one that fails while an earlier one is awaited is not left unhandled.
      batch.catch(() => undefined);
      deflating.push(batch);
      if (deflating.length >= BATCHES_IN_FLIGHT) await take();
    }
    while (deflating.length > 0) await take();
    const last = await deflateBatch(new Uint8Array(0), zlib.constants.Z_FINISH);
    compressedSize += last.length;
    await this.write(last);
    const done = { ...part, crc32: sum.crc32, compressedSize, uncompressedSize: sum.size };
    if (compressedSize > LIMIT_32 || sum.size > LIMIT_32) throw new XlsxError('out-too-large');
    this.written[index] = { ...done, offset: headerAt };
    const fields = Buffer.alloc(12);
    fields.writeUInt32LE(done.crc32 >>> 0, 0);
    fields.writeUInt32LE(done.compressedSize, 4);
    fields.writeUInt32LE(done.uncompressedSize, 8);
    // The header may already be in the file: write what is gathered, then fill it in where it lies.
    await this.flush();
    await this.file.write(fields, 0, fields.length, headerAt + LOCAL_HEADER_CRC_AT);
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const part of this.written) {
      const name = Buffer.from(part.name, 'utf8');
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      writeEntryFields(entry, 8, part, name.length);
      entry.writeUInt32LE(part.offset, 42);
      await this.write(Buffer.concat([entry, name]));
    }
    const size = this.offset - start;
    if (this.offset > LIMIT_32) throw new XlsxError('out-too-large');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await this.flush();
    await this.file.sync();
    await this.file.close();
  }

  /** Stops writing after a failure; the caller removes the temporary file. */
  async abort(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}
