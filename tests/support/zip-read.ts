/** Every entry of a zip file, stored and inflated, read with yauzl directly (not through cli/xlsx). */
import yauzl from 'yauzl';

export interface ReadEntry {
  readonly stored: Buffer;
  readonly data: Buffer;
  readonly crc32: number;
  readonly method: number;
  /** The central directory's record of the entry (sizes, where its local header is). */
  readonly central: yauzl.Entry;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readZipEntries(path: string): Promise<Map<string, ReadEntry>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))));
  const entries: yauzl.Entry[] = await new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      list.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(list));
    zip.on('error', reject);
    zip.readEntry();
  });
  const out = new Map<string, ReadEntry>();
  for (const entry of entries) {
    const stored = await collect(await zip.openReadStreamPromise(entry, { decodeFileData: false }));
    const data = await collect(await zip.openReadStreamPromise(entry));
    out.set(entry.fileName, { stored, data, crc32: entry.crc32, method: entry.compressionMethod, central: entry });
  }
  zip.close();
  return out;
}
