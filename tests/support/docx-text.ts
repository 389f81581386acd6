import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e] ?? _m);

/** The parts of a .docx (a zip) by name. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The text of word/document.xml, one line per paragraph (table cells are paragraphs too). */
export function docxText(path: string): string {
  const xml = docxParts(new Uint8Array(readFileSync(path)))['word/document.xml'] ?? '';
  return Array.from(xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g), (p) =>
    Array.from(p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => decode(t[1] ?? '')).join(''),
  )
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function mod11(digits: string, weights: number[]): number {
  const r = 11 - (weights.reduce((s, w, i) => s + w * Number(digits[i]), 0) % 11);
  return r === 11 ? 0 : r;
}

/**
 * Personal identity numbers in a text: Swedish personnummer and samordningsnummer (YYMMDD-NNNC or
 * 12 digits, Luhn, a real day or day + 60) and Norwegian fødselsnummer and D-numbers (11 digits, two
 * MOD11 control digits). Organisation numbers are not matched (their third digit is 2 or more in SE;
 * they have 9 digits in NO).
 */
export function personalNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(?:\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?!\d)/g)) {
    const [, yy, mm, dd, rest] = m as unknown as [string, string, string, string, string];
    const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
    if (Number(mm) >= 1 && Number(mm) <= 12 && day >= 1 && day <= 31 && luhn(`${yy}${mm}${dd}${rest}`)) found.push(m[0]);
  }
  for (const m of text.matchAll(/(?<!\d)\d{11}(?!\d)/g)) {
    const d = m[0];
    const k1 = mod11(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    const k2 = mod11(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k1 === Number(d[9]) && k2 === Number(d[10])) found.push(d);
  }
  return found;
}
