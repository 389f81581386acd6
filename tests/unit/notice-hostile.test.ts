import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_XML_LIMITS, LANGS, hasMessage, readNotice, translate, type NoticeErrorCode } from '../../core/index.ts';
import { parseXmlTree, type XmlElement } from '../../core/notice/xml-tree.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.resolve(repoRoot, '../shared/fixtures/eforms');
const load = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

const SMALL = [
  'op-ted-eforms-sdk/pin-cfc-social_24.xml',
  'op-ted-eforms-sdk/cn-social_25.xml',
  'doffin-via-ted-and-doffin-to-ocds/PriorInformationNotice_pin-only_2023-101219.xml',
  'doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml',
].map(load);

const CODES: readonly NoticeErrorCode[] = [
  'empty',
  'too-large',
  'not-xml',
  'truncated',
  'doctype',
  'entity-declarations',
  'too-deep',
  'too-many-elements',
  'too-many-attributes',
  'not-eforms',
];

const errorCode = (xml: string, limits = DEFAULT_XML_LIMITS) => {
  const r = readNotice(xml, limits);
  return r.ok ? 'ok' : r.error.code;
};

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}
]>
<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">&lol9;</ContractNotice>`;

describe('readNotice typed errors', () => {
  it('rejects empty and blank input', () => {
    expect(errorCode('')).toBe('empty');
    expect(errorCode(' \n\t ')).toBe('empty');
  });

  it('rejects text that is not XML, with the position', () => {
    const r = readNotice('hello, world');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'not-xml', messageKey: 'notice.error.not-xml', params: { line: 1 } });
    expect(errorCode('<a>&undefined;</a>')).toBe('not-xml');
    expect(errorCode('<p:a/>')).toBe('not-xml');
  });

  it('reports a document cut off in the middle as truncated', () => {
    const xml = SMALL[0]!;
    expect(errorCode(xml.slice(0, Math.floor(xml.length / 2)))).toBe('truncated');
    expect(errorCode(xml.slice(0, xml.lastIndexOf('<')))).toBe('truncated');
  });

  it('refuses entity declarations before expanding anything (billion laughs, external entities)', () => {
    expect(errorCode(BILLION_LAUGHS)).toBe('entity-declarations');
    expect(errorCode('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>')).toBe('entity-declarations');
    expect(errorCode('<!DOCTYPE ContractNotice SYSTEM "x.dtd"><ContractNotice/>')).toBe('doctype');
  });

  it('bounds depth, element count and size', () => {
    const deep = `${'<a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}${'</a>'.repeat(DEFAULT_XML_LIMITS.maxDepth + 1)}`;
    expect(errorCode(deep)).toBe('too-deep');
    expect(errorCode(`<a>${'<b/>'.repeat(DEFAULT_XML_LIMITS.maxElements)}</a>`)).toBe('too-many-elements');
    expect(errorCode(`<a>${' '.repeat(DEFAULT_XML_LIMITS.maxChars)}</a>`)).toBe('too-large');
    expect(errorCode(SMALL[0]!, { ...DEFAULT_XML_LIMITS, maxChars: 1000 })).toBe('too-large');
    expect(errorCode(SMALL[0]!, { ...DEFAULT_XML_LIMITS, maxElements: 50 })).toBe('too-many-elements');
    expect(errorCode(SMALL[0]!, { ...DEFAULT_XML_LIMITS, maxDepth: 5 })).toBe('too-deep');
    const attributes = (n: number) => Array.from({ length: n }, (_, i) => ` xmlns:p${i}="urn:x:${i}"`).join('');
    expect(errorCode(`<a${attributes(DEFAULT_XML_LIMITS.maxAttributes + 1)}/>`)).toBe('too-many-attributes');
    expect(errorCode(`<a${attributes(DEFAULT_XML_LIMITS.maxAttributes)}><b${attributes(DEFAULT_XML_LIMITS.maxAttributes)}/></a>`)).toBe('not-eforms');
  });

  it('accepts exactly the limits', () => {
    const depth = DEFAULT_XML_LIMITS.maxDepth;
    expect(errorCode(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`)).toBe('not-eforms');
    expect(errorCode(`<a>${'<b/>'.repeat(DEFAULT_XML_LIMITS.maxElements - 1)}</a>`)).toBe('not-eforms');
  });

  it('rejects XML that is not an eForms notice', () => {
    expect(errorCode('<TED_EXPORT xmlns="http://publications.europa.eu/resource/schema/ted/R2.0.9/publication"/>')).toBe('not-eforms');
    // Right local name, no namespace: not the UBL document.
    expect(errorCode('<ContractNotice><ID>1</ID></ContractNotice>')).toBe('not-eforms');
    const r = readNotice('<html><body/></html>');
    expect(!r.ok && r.error.params).toEqual({ root: 'html' });
    // Input echoed in an error is cut short.
    const long = readNotice(`<${'x'.repeat(5000)}/>`);
    expect(!long.ok && String(long.error.params.root).length).toBe(101);
  });

  it('has a message for every error code in every language', () => {
    for (const code of CODES) {
      expect(hasMessage(`notice.error.${code}`), code).toBe(true);
      for (const lang of LANGS) {
        const text = translate(lang, `notice.error.${code}`, { line: 3, column: 4, limit: 64, root: 'x' });
        expect(text, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

/** Mutations of a real notice: each returns a new text. */
const mutation = fc.oneof(
  // Byte flips: replace a few characters with arbitrary ones.
  fc.array(fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { minLength: 1, maxLength: 8 }).map(
    (flips) => (xml: string) => flips.reduce((s, [at, ch]) => s.slice(0, at % s.length) + ch + s.slice((at % s.length) + 1), xml),
  ),
  fc.nat().map((at) => (xml: string) => xml.slice(0, at % xml.length)),
  // Element duplication: copy one complete element right after itself.
  fc.nat().map((at) => (xml: string) => {
    const open = /<((?:cac|cbc|efac|efbc):\w+)[\s>]/g;
    open.lastIndex = at % xml.length;
    const m = open.exec(xml);
    if (!m) return xml;
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, m.index);
    if (end < 0) return xml;
    const element = xml.slice(m.index, end + close.length);
    return xml.slice(0, end + close.length) + element.repeat(3) + xml.slice(end + close.length);
  }),
  // An inserted DOCTYPE with entity declarations, and a reference to it.
  fc.tuple(fc.constantFrom('<!ENTITY a "aaaaaaaaaa">', '<!ENTITY b SYSTEM "http://example.invalid/x">', ''), fc.nat()).map(
    ([decl, at]) =>
      (xml: string) => {
        const body = xml.replace(/^<\?xml[^>]*\?>/, '');
        const i = body.indexOf('<', at % Math.max(1, body.length));
        const withRef = i < 0 ? body : `${body.slice(0, i)}&a;${body.slice(i)}`;
        return `<?xml version="1.0"?><!DOCTYPE ContractNotice [${decl}]>${withRef}`;
      },
  ),
  // Deep nesting inserted at an element boundary.
  fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.nat()).map(([depth, at]) => (xml: string) => {
    const i = xml.indexOf('<cbc:', at % xml.length);
    if (i < 0) return xml;
    return `${xml.slice(0, i)}${'<cbc:X>'.repeat(depth)}${'</cbc:X>'.repeat(depth)}${xml.slice(i)}`;
  }),
);

describe('readNotice on mutated notices (property)', () => {
  it('returns a notice or a typed error, never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), fc.array(mutation, { minLength: 1, maxLength: 3 }), (xml, mutations) => {
        const mutated = mutations.reduce((s, m) => m(s), xml);
        const r = readNotice(mutated);
        if (r.ok) for (const w of r.notice.warnings) expect(w.raw.length + w.at.length).toBeLessThanOrEqual(202);
        else expect(CODES).toContain(r.error.code);
      }),
      { numRuns: 300 },
    );
  });

  it('enforces the element and depth counters whatever the mutation', () => {
    const limits = { maxChars: 400_000, maxElements: 150, maxDepth: 9, maxAttributes: 20 };
    const measure = (el: XmlElement): { count: number; depth: number } =>
      el.children.map(measure).reduce((a, c) => ({ count: a.count + c.count, depth: Math.max(a.depth, c.depth + 1) }), { count: 1, depth: 1 });
    let rejected = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), mutation, (xml, m) => {
        const tree = parseXmlTree(m(xml), limits);
        if (!tree.ok) {
          rejected++;
          expect(CODES).toContain(tree.error.code);
          return;
        }
        const size = measure(tree.root);
        expect(size.count).toBeLessThanOrEqual(limits.maxElements);
        expect(size.depth).toBeLessThanOrEqual(limits.maxDepth);
      }),
      { numRuns: 200 },
    );
    // The fixtures nest 11 deep, so the counters must have been hit, not merely never reached.
    expect(rejected).toBeGreaterThan(100);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = readNotice(`<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">${text}`);
        expect(r.ok || CODES.includes(r.error.code)).toBe(true);
        expect(readNotice(text).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
