/**
 * The --out zip writer's new parts: deflated into the file as their text is made (1 MB batches, each
 * deflated on its own and ended by a sync flush, then an empty final block), the local header's CRC
 * and sizes filled in afterwards. The stored bytes inflate, as one stream, to the whole text, cost at
 * most a tenth more than deflating the text at once (each batch starts without history), and both
 * headers agree. A part deflated in turn on another thread (deflatedInTurn, written where the writer
 * says) is the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSync } from 'node:fs';
import { deflatedHere, deflatedInTurn, type PartSums } from '../../cli/xlsx/deflated-part.ts';
import { ZipWriter } from '../../cli/xlsx/zip-writer.ts';
import { readZipEntries } from '../support/zip-read.ts';

const dir = mkdtempSync(join(tmpdir(), 'inkludo-zip-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text that barely compresses, so that its deflated bytes pass the writer's 1 MB write buffer. */
function noise(chars: number): string {
  let state = 12345;
  let out = '';
  while (out.length < chars) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += state.toString(36);
  }
  return out.slice(0, chars);
}

describe('ZipWriter.addDeflated', () => {
  const parts: [string, string[]][] = [
    ['xl/workbook.xml', ['<?xml version="1.0"?>\n<workbook>', '<sheets><sheet name="Blåbær «1»"/></sheets>', '</workbook>']],
    ['xl/worksheets/sheet2.xml', Array.from({ length: 40 }, (_v, i) => noise(64 * 1024) + i)],
    ['empty.xml', []],
    ['xl/styles.xml', ['<styleSheet/>']],
  ];

  it('stores each part as one deflate stream of its whole text, with the CRC and sizes in both headers', async () => {
    const path = join(dir, 'parts.zip');
    const writer = await ZipWriter.create(path);
    for (const [name, pieces] of parts) await writer.addDeflated(name, deflatedHere(pieces));
    await writer.finish();

    const read = await readZipEntries(path);
    const file = readFileSync(path);
    expect([...read.keys()]).toEqual(parts.map(([name]) => name));
    for (const [name, pieces] of parts) {
      const text = Buffer.from(pieces.join(''), 'utf8');
      const entry = read.get(name);
      expect(entry?.data.equals(text), name).toBe(true);
      const stored = entry?.stored ?? Buffer.alloc(0);
      expect(zlib.inflateRawSync(stored).equals(text), name).toBe(true);
      expect(stored.length, name).toBeLessThanOrEqual(zlib.deflateRawSync(text, { level: 3 }).length * 1.1 + 16);
      const cd = read.get(name)?.central;
      if (!cd) throw new Error(`${name} missing`);
      expect([cd.crc32, cd.uncompressedSize, cd.compressedSize]).toEqual([zlib.crc32(text), text.length, entry?.stored.length]);
      // The local header (CRC at 14, sizes at 18 and 22) was written before the data and filled in after it.
      const local = cd.relativeOffsetOfLocalHeader;
      expect(file.readUInt32LE(local)).toBe(0x04034b50);
      expect([file.readUInt32LE(local + 14), file.readUInt32LE(local + 18), file.readUInt32LE(local + 22)]).toEqual([cd.crc32, cd.compressedSize, cd.uncompressedSize]);
    }
    // The large part's header was already in the file when it was filled in.
    expect(read.get('xl/worksheets/sheet2.xml')?.central.compressedSize).toBeGreaterThan(1024 * 1024);
  });

  it('fails with the error of the text being made, and leaves the writer to be aborted', async () => {
    const writer = await ZipWriter.create(join(dir, 'failing.zip'));
    function* failing(): Generator<string> {
      yield '<sheetData>';
      throw new Error('row 12 could not be formatted');
    }
    await expect(writer.addDeflated('xl/worksheets/sheet1.xml', deflatedHere(failing()))).rejects.toThrow('row 12 could not be formatted');
    await writer.abort();
  });

  it('takes a part written by another writer where it says (as the results thread does), the same bytes as deflated here', async () => {
    const here = join(dir, 'here.zip');
    const there = join(dir, 'there.zip');
    const hereWriter = await ZipWriter.create(here);
    const thereWriter = await ZipWriter.create(there);
    for (const [name, pieces] of parts) {
      await hereWriter.addDeflated(name, deflatedHere(pieces));
      // Written synchronously into the file by its own handle, as results-worker.ts writes.
      const target = await thereWriter.beginDeflated(name);
      const sums: PartSums = { crc32: 0, size: 0 };
      let compressedSize = 0;
      for (const chunk of deflatedInTurn(pieces, sums)) {
        writeSync(target.file.fd, chunk, 0, chunk.length, target.at + compressedSize);
        compressedSize += chunk.length;
      }
      await thereWriter.endDeflated({ sums, compressedSize });
    }
    await hereWriter.finish();
    await thereWriter.finish();
    const [a, b] = [await readZipEntries(here), await readZipEntries(there)];
    for (const [name] of parts) {
      expect(b.get(name)?.stored.equals(a.get(name)?.stored ?? Buffer.alloc(1)), name).toBe(true);
      expect(b.get(name)?.central.crc32, name).toBe(a.get(name)?.central.crc32);
    }
  });
});
