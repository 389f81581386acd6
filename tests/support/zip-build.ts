/**
 * A zip builder for test packages, independent of the code under test: entries in any order,
 * stored or deflated, and sizes that may lie (for the bombs).
 */
import zlib from 'node:zlib';

export interface ZipEntrySpec {
  readonly name: string;
  /** The content, deflated here; or `deflated` bytes given as they are. */
  readonly data?: Buffer | string;
  readonly deflated?: Buffer;
  /** Declared sizes and CRC when they should not be the real ones. */
  readonly declaredSize?: number;
  readonly crc?: number;
  readonly store?: boolean;
}

export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const raw = spec.data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(spec.data) ? spec.data : Buffer.from(spec.data, 'utf8');
    const method = spec.store ? 0 : 8;
    const body = spec.deflated ?? (spec.store ? raw : zlib.deflateRawSync(raw));
    const size = spec.declaredSize ?? raw.length;
    const crc = spec.crc ?? zlib.crc32(raw);
    const name = Buffer.from(spec.name, 'utf8');
    // Local header and central entry share these fields, from offset 6 in the one and 8 in the other.
    const fields = (buffer: Buffer, at: number) => {
      buffer.writeUInt16LE(0x0800, at);
      buffer.writeUInt16LE(method, at + 2);
      buffer.writeUInt16LE(0x21, at + 6); // 1980-01-01
      buffer.writeUInt32LE(crc >>> 0, at + 8);
      buffer.writeUInt32LE(body.length, at + 12);
      buffer.writeUInt32LE(size >>> 0, at + 16);
      buffer.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    fields(cd, 8);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBytes, end]);
}

/**
 * A deflate stream that inflates to `blocks` × `blockBytes` of `fill`, made without deflating it
 * all: one sync-flushed block repeated, then an empty final block.
 */
export function repeatedDeflate(fill: string, blockBytes: number, blocks: number): { deflated: Buffer; size: number; crc: number } {
  const block = Buffer.alloc(blockBytes, fill);
  const deflate = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const final = Buffer.from([0x03, 0x00]);
  const parts: Buffer[] = [];
  for (let i = 0; i < blocks; i++) parts.push(deflate);
  parts.push(final);
  return { deflated: Buffer.concat(parts), size: blockBytes * blocks, crc: 0 };
}
