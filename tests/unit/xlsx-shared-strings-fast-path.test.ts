/**
 * The shared strings reader takes `<si><t>text</t></si>`, the shape spreadsheet programs write most,
 * on a fast path of its own and leaves every other shape to the general walk. The same table written
 * with prefixed elements (`<x:si>`, which the fast path never takes) is read by the general walk
 * alone: both must give the same strings, or the same refusal, however the text is cut into pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XlsxError } from '../../cli/xlsx/index.ts';
import { sharedStringsReader } from '../../cli/xlsx/shared-strings.ts';

type Outcome = { readonly strings: readonly string[] } | { readonly refused: string };

/** The table's strings, its text fed in pieces cut at `cuts` (positions, in any order). */
function read(xml: string, cuts: readonly number[] = []): Outcome {
  const reader = sharedStringsReader('xl/sharedStrings.xml');
  const at = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const cut of [...at, xml.length]) {
      reader.feed(xml.slice(from, cut));
      from = cut;
    }
    return { strings: reader.end() };
  } catch (error) {
    if (error instanceof XlsxError) return { refused: error.code };
    throw error;
  }
}

/** Texts as they stand in the XML: plain, escaped, OOXML-escaped, broken on purpose. */
const rawText = fc.oneof(
  fc.constantFrom('', 'Renhold', 'Vask &amp; rens', '&lt;b&gt;', '&#229;', '&#xE5;', '_x000D_', '_x005F_x000D_', 'a&unknown;b', ' space ', '&', 'æøå 𝔘'),
  fc.string({ unit: fc.constantFrom('a', ' ', '&', ';', '_', 'x', '0', 'D', '\n', 'ø'), maxLength: 12 }),
);

/** A shared string as a spreadsheet program (or a damaged file) might write it, its elements prefixed with `p`. */
const stringXml = fc.oneof(
  rawText.map((t) => (p: string) => `<${p}si><${p}t>${t}</${p}t></${p}si>`),
  rawText.map((t) => (p: string) => `<${p}si><${p}t xml:space="preserve">${t}</${p}t></${p}si>`),
  fc.tuple(rawText, rawText).map(([a, b]) => (p: string) => `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${a}</${p}t></${p}r><${p}r><${p}t>${b}</${p}t></${p}r></${p}si>`),
  fc.tuple(rawText, rawText).map(([a, b]) => (p: string) => `<${p}si><${p}t>${a}</${p}t><${p}rPh sb="0" eb="1"><${p}t>${b}</${p}t></${p}rPh></${p}si>`),
  fc.constant((p: string) => `<${p}si/>`),
  fc.constant((p: string) => `<${p}si><${p}t/></${p}si>`),
  rawText.map((t) => (p: string) => `<${p}si>\n  <${p}t>${t}</${p}t>\n</${p}si>`),
  rawText.map((t) => (p: string) => `<${p}si><${p}t>${t}</${p}t></${p}si >`),
  // Damaged: an element cut off or closed wrongly.
  rawText.map((t) => (p: string) => `<${p}si><${p}t>${t}</${p}t>`),
  rawText.map((t) => (p: string) => `<${p}si><${p}t>${t}</${p}si>`),
  fc.constant((p: string) => `<${p}si><${p}t`),
);

function tableXml(strings: readonly ((p: string) => string)[], p: string): string {
  const ns = p === '' ? 'xmlns' : `xmlns:${p.slice(0, -1)}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings.map((s) => s(p)).join('')}</${p}sst>`;
}

describe('shared strings: the fast path reads what the general walk reads', () => {
  it('gives the same strings, or the same refusal, as the general walk, however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(stringXml, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (strings, cuts) => {
        const plain = tableXml(strings, '');
        const general = read(tableXml(strings, 'x:'));
        expect(read(plain, cuts)).toEqual(general);
        expect(read(plain)).toEqual(general);
      }),
      { numRuns: 1500 },
    );
  });

  it('reads plain, escaped and rich strings in order', () => {
    const xml = tableXml(
      [(p) => `<${p}si><${p}t>Vask &amp; rens_x000D_</${p}t></${p}si>`, (p) => `<${p}si/>`, (p) => `<${p}si><${p}r><${p}t>Fet</${p}t></${p}r><${p}r><${p}t> og mager</${p}t></${p}r></${p}si>`, (p) => `<${p}si><${p}t>æøå</${p}t></${p}si>`],
      '',
    );
    expect(read(xml, [5, 60, 61, 62, 130])).toEqual({ strings: ['Vask & rens\r', '', 'Fet og mager', 'æøå'] });
  });

  it('refuses a string cut off at the end of the part, as the general walk does', () => {
    const xml = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Renhold</t></si><si><t>Kant';
    expect(read(xml)).toEqual({ refused: 'bad-xml' });
    expect(read(xml.replaceAll('<si>', '<x:si>').replaceAll('<t>', '<x:t>').replaceAll('</t>', '</x:t>').replaceAll('</si>', '</x:si>'))).toEqual({ refused: 'bad-xml' });
  });
});
