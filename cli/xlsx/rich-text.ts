/**
 * The text of a shared string `<si>` or an inline string `<is>`: every `<t>`, also inside rich-text
 * runs `<r>`, joined; phonetic guides (`<rPh>`, furigana) are not part of the cell's value.
 */
import { decodeText, isXmlSpace } from './xml.ts';

/** `x:row` → `row`, `/x:row` → `/row`. */
export function localNameOf(qname: string): string {
  const colon = qname.indexOf(':');
  if (colon < 0) return qname;
  return qname.charCodeAt(0) === 0x2f ? `/${qname.slice(colon + 1)}` : qname.slice(colon + 1);
}

function isNameEnd(code: number): boolean {
  return isXmlSpace(code) || code === 0x2f || code === 0x3e;
}

/** Where the name of the tag starting at `lt` ends (a closing tag's name keeps its `/`). */
export function tagNameEnd(xml: string, lt: number, gt: number): number {
  let end = xml.charCodeAt(lt + 1) === 0x2f ? lt + 2 : lt + 1;
  while (end < gt && !isNameEnd(xml.charCodeAt(end))) end++;
  return end;
}

export function richText(fragment: string): string {
  // The common case, a plain <t>…</t>, without the general walk.
  if (fragment.startsWith('<t>') && fragment.endsWith('</t>') && fragment.indexOf('<', 3) === fragment.length - 4) return decodeText(fragment.slice(3, -4));
  let text = '';
  let phonetic = 0;
  let pos = 0;
  for (;;) {
    const lt = fragment.indexOf('<', pos);
    if (lt < 0) return text;
    const gt = fragment.indexOf('>', lt);
    if (gt < 0) return text;
    const qname = fragment.slice(lt + 1, tagNameEnd(fragment, lt, gt));
    const local = localNameOf(qname);
    const selfClosing = fragment.charCodeAt(gt - 1) === 0x2f;
    pos = gt + 1;
    if (local === 'rPh' && !selfClosing) phonetic++;
    else if (local === '/rPh') phonetic = Math.max(0, phonetic - 1);
    else if (local === 't' && !selfClosing) {
      const close = fragment.indexOf(`</${qname}>`, pos);
      if (close < 0) return text;
      if (phonetic === 0) text += decodeText(fragment.slice(pos, close));
      pos = close + qname.length + 3;
    }
  }
}
