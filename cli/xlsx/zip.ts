/**
 * Random access to an .xlsx (a zip) through its central directory, over yauzl: the entry list is read
 * first and each part is inflated on demand, in any order, from the file itself (nothing is extracted
 * to disk). A part's declared size is checked against its cap before inflating, and the real
 * inflated size is checked against the declared one while inflating, so a part that lies about its
 * size stops at the cap too.
 */
import { close as closeFile, createReadStream, fstatSync, open as openFile, read as readFile, readSync } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { XlsxError } from './errors.ts';
import { MAX_PARTS } from './limits.ts';

/**
 * Inflated bytes per chunk. zlib's default (16 KiB) makes a 45 MB sheet 2 800 round trips to the
 * thread pool, and the inflater idles between them: 500 ms for the benchmark sheet, against 140 ms
 * at 256 KiB. A chunk is one string to the tokenizer, so it stays far below V8's string limit.
 */
const INFLATE_CHUNK_BYTES = 256 * 1024;

function wrapError(error: unknown): XlsxError {
  if (error instanceof XlsxError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/central directory record signature not found|end of central directory/i.test(detail)) return new XlsxError('not-a-zip');
  if (/encrypted/i.test(detail)) return new XlsxError('encrypted');
  if (/compression method/i.test(detail)) return new XlsxError('unsupported-compression', { detail });
  return new XlsxError('corrupt-zip', { detail });
}

/**
 * An inflating part's bytes as text, a chunk at a time, checked against the size the part declares.
 * Each chunk is decoded as soon as it arrives and not kept: a chunk held while its text is read
 * outlives a few minor collections and is promoted, and promoted chunks wait for a major one (the
 * reading thread held 42 MB of them by the end of a 45 MB sheet).
 */
class PieceDecoder {
  private readonly decoder = new TextDecoder();
  private readonly chunks: AsyncIterator<Buffer>;
  private size = 0;
  private ended = false;

  constructor(
    stream: Readable,
    private readonly entry: Entry,
  ) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** The next piece of text, or null at the end. */
  async next(): Promise<string | null> {
    if (this.ended) return null;
    const { done, value } = await this.chunks.next();
    const { entry } = this;
    if (done) {
      this.ended = true;
      if (this.size < entry.uncompressedSize) throw new XlsxError('corrupt-zip', { detail: `${entry.fileName}: ${this.size} of the ${entry.uncompressedSize} bytes declared` });
      return this.decoder.decode();
    }
    this.size += value.length;
    if (this.size > entry.uncompressedSize) throw new XlsxError('corrupt-zip', { detail: `${entry.fileName}: more bytes than the ${entry.uncompressedSize} declared` });
    return this.decoder.decode(value, { stream: true });
  }
}

/** The block small reads are served from. */
const BLOCK_BYTES = 64 * 1024;
/** File operations for the streams of a part's bytes: reads as usual, and a close that leaves the shared descriptor open. */
const KEEP_OPEN = { open: openFile, read: readFile, close: (_fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => callback(null) };

/**
 * The file as yauzl reads it. The central directory is read in many small reads (three or more per
 * entry): through the thread pool, a workbook of 10 000 sheets took 5 s of waiting on 30 000 of them.
 * Small reads are served from one cached block read at once; a part's bytes stream from the file.
 */
class BlockReader extends yauzl.RandomAccessReader {
  private block = Buffer.alloc(0);
  private blockStart = -1;

  constructor(private readonly fd: number) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    let bytesRead = 0;
    try {
      if (length > BLOCK_BYTES) bytesRead = readSync(this.fd, buffer, offset, length, position);
      else {
        if (position < this.blockStart || position + length > this.blockStart + this.block.length) {
          const block = Buffer.allocUnsafe(BLOCK_BYTES);
          this.block = block.subarray(0, readSync(this.fd, block, 0, block.length, position));
          this.blockStart = position;
        }
        bytesRead = this.block.copy(buffer, offset, position - this.blockStart, Math.min(position - this.blockStart + length, this.block.length));
      }
    } catch (error) {
      queueMicrotask(() => callback(error as Error));
      return;
    }
    // Later, as a read on the thread pool would be: yauzl reads the next entry from this callback.
    queueMicrotask(() => callback(null, bytesRead));
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // A file stream closes its descriptor when destroyed, whatever autoClose says: this one is shared.
    return createReadStream('', { fd: this.fd, start, end: end - 1, autoClose: false, fs: KEEP_OPEN });
  }

  override close(callback: (error: Error | null) => void): void {
    closeFile(this.fd, callback);
  }
}

/** Opens the file at `path` as a zip (entries read one at a time). */
async function openZip(path: string): Promise<ZipFile> {
  const fd = await new Promise<number>((resolve, reject) => openFile(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))));
  try {
    const size = fstatSync(fd).size;
    return await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromRandomAccessReader(new BlockReader(fd), size, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, file) => (error ? reject(error) : resolve(file))),
    );
  } catch (error) {
    closeFile(fd, () => {});
    throw error;
  }
}

export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    /** Every entry in central-directory order. */
    readonly entries: readonly Entry[],
    private readonly byName: ReadonlyMap<string, Entry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await openZip(path);
    } catch (error) {
      throw wrapError(error);
    }
    // The end record declares the count: refuse before reading a single entry.
    if (zip.entryCount > MAX_PARTS) {
      zip.close();
      throw new XlsxError('too-many-parts', { count: zip.entryCount, limit: MAX_PARTS });
    }
    try {
      const entries = await new Promise<Entry[]>((resolve, reject) => {
        const list: Entry[] = [];
        zip.on('entry', (entry: Entry) => {
          list.push(entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve(list));
        zip.on('error', reject);
        zip.readEntry();
      });
      // Part names are case-insensitive in OPC.
      const byName = new Map<string, Entry>();
      for (const entry of entries) if (!byName.has(entry.fileName.toLowerCase())) byName.set(entry.fileName.toLowerCase(), entry);
      return new ZipArchive(zip, entries, byName);
    } catch (error) {
      zip.close();
      throw wrapError(error);
    }
  }

  get(name: string): Entry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }

  private async stream(entry: Entry, raw: boolean): Promise<Readable> {
    if (entry.isEncrypted()) throw new XlsxError('encrypted');
    try {
      return await this.zip.openReadStreamPromise(entry, raw ? { decodeFileData: false } : {});
    } catch (error) {
      throw wrapError(error);
    }
  }

  /**
   * The part as UTF-8 text in pieces, as it inflates: refused up front when it declares more than
   * `maxBytes`, and stopped as soon as it inflates to more than it declared (or ends short of it).
   */
  async *texts(entry: Entry, maxBytes: number): AsyncGenerator<string> {
    if (entry.uncompressedSize > maxBytes) throw new XlsxError('part-too-large', { part: entry.fileName, size: entry.uncompressedSize, limit: maxBytes });
    const method = entry.compressionMethod;
    if (method !== 0 && method !== 8) throw new XlsxError('unsupported-compression', { detail: `${entry.fileName}: compression method ${method}` });
    const raw = await this.stream(entry, true);
    // A stored part (method 0) is its own bytes.
    const stream = method === 8 ? pipeline(raw, createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES }), () => {}) : raw;
    const piece = new PieceDecoder(stream, entry);
    try {
      for (let text = await piece.next(); text !== null; text = await piece.next()) yield text;
    } catch (error) {
      throw wrapError(error);
    } finally {
      // Stopping early (a sheet read to its </sheetData>) must not leave the inflater running.
      stream.destroy();
      raw.destroy();
    }
  }

  /** The part as UTF-8 text (XML parts), capped like texts(). */
  async text(entry: Entry, maxBytes: number): Promise<string> {
    let text = '';
    for await (const piece of this.texts(entry, maxBytes)) text += piece;
    return text;
  }

  /** The part's stored bytes, still compressed: what a byte-for-byte copy writes. */
  raw(entry: Entry): Promise<Readable> {
    return this.stream(entry, true);
  }
}
