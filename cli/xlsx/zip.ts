/**
 * Random access to an .xlsx (a zip) through its central directory, over yauzl: the entry list is read
 * first and each part is inflated on demand, in any order, from the file itself (nothing is extracted
 * to disk). A part's declared size is checked against its cap before inflating, and yauzl checks the
 * real inflated size against the declared one while inflating (validateEntrySizes), so a part that
 * lies about its size stops at the cap too.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { XlsxError } from './errors.ts';
import { MAX_PARTS } from './limits.ts';

function wrapError(error: unknown): XlsxError {
  if (error instanceof XlsxError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/central directory record signature not found|end of central directory/i.test(detail)) return new XlsxError('not-a-zip');
  if (/encrypted/i.test(detail)) return new XlsxError('encrypted');
  if (/compression method/i.test(detail)) return new XlsxError('unsupported-compression', { detail });
  return new XlsxError('corrupt-zip', { detail });
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
      zip = await new Promise<ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, file) => (error ? reject(error) : resolve(file))),
      );
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

  /** The part's inflated bytes in chunks, refused up front when it declares more than `maxBytes`. */
  async *chunks(entry: Entry, maxBytes: number): AsyncGenerator<Buffer> {
    if (entry.uncompressedSize > maxBytes) throw new XlsxError('part-too-large', { part: entry.fileName, size: entry.uncompressedSize, limit: maxBytes });
    const stream = await this.stream(entry, false);
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      throw wrapError(error);
    } finally {
      // Stopping early (a sheet read to its </sheetData>) must not leave the inflater running.
      stream.destroy();
    }
  }

  /** The part as UTF-8 text (XML parts), capped like chunks(). */
  async text(entry: Entry, maxBytes: number): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(entry, maxBytes)) parts.push(chunk);
    return new TextDecoder().decode(Buffer.concat(parts));
  }

  /** The part's stored bytes, still compressed: what a byte-for-byte copy writes. */
  raw(entry: Entry): Promise<Readable> {
    return this.stream(entry, true);
  }
}
