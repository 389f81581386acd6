/**
 * A zip written front to back into one file: parts copied as stored (still compressed, with their
 * CRC and sizes from the input's central directory: byte for byte) and new parts written as they are
 * deflated (deflated-part.ts), their header's CRC and sizes filled in once known (no part is held in
 * memory).
 * No data descriptors and no zip64: a copy past 4 GB or 65 535 parts is refused.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { DeflatedPart, PartTarget, PartWritten } from './deflated-part.ts';
import { XlsxError } from './errors.ts';

const LIMIT_32 = 0xffffffff;
const FLAG_UTF8_NAME = 0x0800;
/** Where a local header holds the CRC and the two sizes, which a deflated part knows only at its end. */
const LOCAL_HEADER_CRC_AT = 14;
/** Writes are gathered to this size: one system call per megabyte, not per inflated chunk. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

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
  /** The part begun last (beginDeflated), by its place in `written`. */
  private begun = -1;
  /** Where the gathered bytes go: every write names its place, as a part's own writer writes beside them. */
  private flushedTo = 0;
  private readonly written: Written[] = [];
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;

  private constructor(
    private readonly file: FileHandle,
    private readonly path: string,
  ) {}

  /** 'wx': the temporary file is new; it is never a file that was there before. */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'wx'), path);
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.length;
    if (this.bufferedBytes >= WRITE_BUFFER_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.buffered);
    const at = this.flushedTo;
    this.flushedTo += data.length;
    this.buffered = [];
    this.bufferedBytes = 0;
    await this.file.write(data, 0, data.length, at);
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
   * Begins a new part: its local header goes first, with the CRC and sizes left at zero, and its
   * deflated bytes are written where the target says (here or on another thread); endDeflated then
   * fills the header in. Nothing else is written in between.
   */
  async beginDeflated(name: string): Promise<PartTarget> {
    const entry = { name, method: 8, crc32: 0, compressedSize: 0, uncompressedSize: 0, ...dosDateTime(new Date()) };
    this.check(entry);
    this.begun = this.written.push({ ...entry, offset: this.offset }) - 1;
    await this.write(this.header(entry));
    await this.flush();
    return { file: this.file, path: this.path, at: this.offset };
  }

  /** Ends the part begun last, once its bytes are in the file. */
  async endDeflated({ sums, compressedSize }: PartWritten): Promise<void> {
    const begun = this.written[this.begun] as Written;
    this.offset += compressedSize;
    this.flushedTo = this.offset;
    if (compressedSize > LIMIT_32 || sums.size > LIMIT_32 || this.offset > LIMIT_32) throw new XlsxError('out-too-large');
    this.written[this.begun] = { ...begun, crc32: sums.crc32, compressedSize, uncompressedSize: sums.size };
    const fields = Buffer.alloc(12);
    fields.writeUInt32LE(sums.crc32 >>> 0, 0);
    fields.writeUInt32LE(compressedSize, 4);
    fields.writeUInt32LE(sums.size, 8);
    await this.file.write(fields, 0, fields.length, begun.offset + LOCAL_HEADER_CRC_AT);
  }

  /** A new part, deflated and written by `part`. */
  async addDeflated(name: string, part: DeflatedPart): Promise<void> {
    await this.endDeflated(await part(await this.beginDeflated(name)));
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
