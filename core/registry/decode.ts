/**
 * Bytes of a registry file → text. UTF-8 (with or without BOM) is the norm; UTF-16 with a BOM is what
 * Excel's "Unicode text" export writes; anything that is not valid UTF-8 is read as Windows-1252,
 * which is what older Excel versions on Nordic Windows save as "CSV".
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

// core has no DOM types, but TextDecoder exists in every runtime core runs in (Node, workers, pages).
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;
const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Bytes in one named encoding (a WHATWG label: `utf-8`, `utf-16le`, `iso-8859-1` …); throws on an unknown label. */
export function decodeWith(label: string, bytes: Uint8Array): string {
  return new Decoder(label).decode(bytes);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new Decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new Decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { text: new Decoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new Decoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** A string given directly may still start with a BOM (read by a caller that kept it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** NUL, or C0/C1 control characters other than tab, line feed, form feed and carriage return. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** True when the text is not plausibly a CSV or JSON file (an image, a zip, an .xlsx given by mistake). */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControl(code)) controls++;
  }
  return controls / text.length > 0.01;
}
