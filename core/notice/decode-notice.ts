/**
 * Bytes of a notice file → text, by the encoding the file declares (XML 1.0 §4.3.3 and Appendix F):
 * a byte order mark first (UTF-8, UTF-16 LE/BE), else the `encoding` of the XML declaration, else
 * UTF-8. eForms notices are UTF-8, but a notice saved by another tool may be UTF-16 or ISO-8859-1.
 */
import { decodeWith, startsWith } from '../registry/decode.ts';
import { noticeError, type NoticeError } from './errors.ts';

export type DecodedNotice = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: NoticeError };

const BOMS: readonly (readonly [readonly number[], string])[] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

// UTF-16 without a byte order mark still starts with `<?` in two bytes each (Appendix F).
const UTF16_WITHOUT_BOM: readonly (readonly [readonly number[], string])[] = [
  [[0x3c, 0x00, 0x3f, 0x00], 'utf-16le'],
  [[0x00, 0x3c, 0x00, 0x3f], 'utf-16be'],
];

/** The XML declaration is ASCII in every ASCII-compatible encoding; only its first 200 bytes are looked at. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function decode(label: string, bytes: Uint8Array, encoding: string): DecodedNotice {
  try {
    return { ok: true, text: decodeWith(label, bytes) };
  } catch {
    return { ok: false, error: noticeError('encoding-unsupported', { encoding }) };
  }
}

export function decodeNotice(bytes: Uint8Array): DecodedNotice {
  for (const [bom, label] of BOMS) if (startsWith(bytes, bom)) return decode(label, bytes.subarray(bom.length), label);
  for (const [prefix, label] of UTF16_WITHOUT_BOM) if (startsWith(bytes, prefix)) return decode(label, bytes, label);
  const declared = declaredEncoding(bytes);
  // A declaration of UTF-16 on bytes that are ASCII-compatible is wrong: the bytes decide.
  const label = declared === null || declared.startsWith('utf-16') ? 'utf-8' : declared;
  return decode(label, bytes, declared ?? 'utf-8');
}
