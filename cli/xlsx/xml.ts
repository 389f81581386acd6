/**
 * The little XML the package parts need, by hand: attributes of one start tag, entity and OOXML
 * `_xHHHH_` unescaping, and escaping for what is written. The parts read this way are machine
 * written (workbook, relationships, content types, cells); tests/unit/xlsx-fuzz.test.ts feeds them
 * mutated files.
 */

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(code: number, whole: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** `&lt;` `&#229;` `&#xE5;` → characters; an unknown entity stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    return codePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10), whole);
  });
}

/** OOXML writes characters XML cannot hold as `_x000D_` (and a literal `_x` as `_x005F_x`). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Cell and shared-string text: entities, then OOXML escapes. */
export function decodeText(raw: string): string {
  return decodeOoxmlEscapes(decodeEntities(raw));
}

/** XML's white space: space, tab, line feed, carriage return (as character codes). */
export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * The value of attribute `name` (qualified, e.g. `r` or `r:id`) in one start tag's text, or
 * undefined. The name must follow whitespace, so `r` does not match inside `xr:r`.
 */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(`${name}=`, from);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    from = at + name.length + 1;
    if (!isXmlSpace(before)) continue;
    const quote = tag[from];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, from + 1);
    if (end < 0) return undefined;
    return decodeEntities(tag.slice(from + 1, end));
  }
}

/** Every start tag `<prefix:local …>` (any or no prefix) of `local` in a small part, as its text. */
export function startTags(xml: string, local: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  for (const m of xml.matchAll(pattern)) out.push(m[0]);
  return out;
}

/** The value of the attribute whose local name is `local`, whatever its prefix (`r:id`, `x:id`…). */
export function prefixedAttribute(tag: string, local: string): string | undefined {
  const m = new RegExp(`[\\s]([A-Za-z_][\\w.-]*):${local}\\s*=\\s*(["'])`).exec(tag);
  return m ? attribute(tag, `${m[1]}:${local}`) : undefined;
}

function escaped(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      // `_` becomes _x005F_ itself; a forbidden character its own _xHHHH_.
      return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** What XML 1.0 cannot hold at all, not even as a reference (as a character-class range). */
const FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';

/**
 * An escape of `markup` characters, of an underscore that would read as the start of an OOXML
 * escape (`_x0041_`), and of what XML 1.0 cannot hold (as _xHHHH_).
 */
function escaper(markup: string): (text: string) => string {
  const special = new RegExp(`[${markup}${FORBIDDEN}]|_(?=x[0-9a-fA-F]{4}_)`, 'g');
  // A plain class finds whether there is anything to escape far faster than `special` looks.
  const mayNeed = new RegExp(`[${markup}_${FORBIDDEN}]`);
  return (text) => (mayNeed.test(text) ? text.replace(special, escaped) : text);
}

/** Text for a double-quoted attribute; control characters as OOXML escapes. */
export const escapeXml = escaper('&<>"');

/**
 * Text for an element's content (a cell's `<t>`, `<v>` or `<f>`): as escapeXml, a double quote kept
 * (a fifth of the rows of a large results sheet quote a word, and need no escaping at all then).
 */
export const escapeXmlText = escaper('&<>');
