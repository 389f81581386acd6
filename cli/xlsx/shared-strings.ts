/** The shared strings table (`xl/sharedStrings.xml`), read in full before any worksheet. */
import type { Entry } from 'yauzl';
import { MAX_ELEMENT_CHARS, MAX_SHARED_STRINGS_BYTES } from './limits.ts';
import { richText } from './rich-text.ts';
import { TagScanner } from './scanner.ts';
import type { ZipArchive } from './zip.ts';

export async function readSharedStrings(zip: ZipArchive, entry: Entry): Promise<string[]> {
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
    },
    MAX_ELEMENT_CHARS,
  );
  for await (const piece of zip.texts(entry, MAX_SHARED_STRINGS_BYTES)) scanner.feed(piece);
  scanner.end(entry.fileName);
  return strings;
}
