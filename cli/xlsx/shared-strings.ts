/** The shared strings table (`xl/sharedStrings.xml`), read in full before any worksheet. */
import type { Entry } from 'yauzl';
import { MAX_ELEMENT_CHARS, MAX_SHARED_STRINGS_BYTES } from './limits.ts';
import { richText } from './rich-text.ts';
import { INCOMPLETE, NOT_MINE, TagScanner } from './scanner.ts';
import { decodeText } from './xml.ts';
import type { ZipArchive } from './zip.ts';

export async function readSharedStrings(zip: ZipArchive, entry: Entry): Promise<string[]> {
  const reader = sharedStringsReader(entry.fileName);
  for await (const piece of zip.texts(entry, MAX_SHARED_STRINGS_BYTES)) reader.feed(piece);
  return reader.end();
}

/** A reader of the table's text in pieces, however they are cut; end() gives the strings. */
export function sharedStringsReader(part: string): { feed(piece: string): void; end(): string[] } {
  const strings: string[] = [];
  const scanner = new TagScanner(
    {
      tag(local, _tag, selfClosing) {
        if (local !== 'si') return undefined;
        if (selfClosing) strings.push('');
        return 'content';
      },
      content(_local, _tag, inner) {
        strings.push(richText(inner));
      },
      element: (xml, lt) => plainString(xml, lt, strings),
    },
    MAX_ELEMENT_CHARS,
  );
  return {
    feed: (piece) => void scanner.feed(piece),
    end() {
      scanner.end(part);
      return strings;
    },
  };
}

const PLAIN_OPEN = '<si><t>';
const PLAIN_CLOSE = '</t></si>';

/**
 * `<si><t>text</t></si>`, the shape spreadsheet programs write every string in but rich text and
 * text with spaces at its ends, read without the general walk (a 115 000-string table: 150 ms of
 * the check's start, cold). Returns where the text after it starts, NOT_MINE for any other shape
 * (the general walk reads it), INCOMPLETE where the piece ends before the shape can be told.
 */
function plainString(xml: string, lt: number, strings: string[]): number {
  const open = lt + PLAIN_OPEN.length;
  if (open > xml.length) return PLAIN_OPEN.startsWith(xml.slice(lt)) ? INCOMPLETE : NOT_MINE;
  if (!xml.startsWith(PLAIN_OPEN, lt)) return NOT_MINE;
  const close = xml.indexOf('<', open);
  if (close < 0) return INCOMPLETE;
  if (close + PLAIN_CLOSE.length > xml.length) return PLAIN_CLOSE.startsWith(xml.slice(close)) ? INCOMPLETE : NOT_MINE;
  if (!xml.startsWith(PLAIN_CLOSE, close)) return NOT_MINE;
  strings.push(decodeText(xml.slice(open, close)));
  return close + PLAIN_CLOSE.length;
}
