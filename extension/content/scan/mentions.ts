/**
 * Supplier mentions in a page's texts, in two steps so the registry never has to be in the page:
 * `readTexts` finds the valid organisation numbers and the name candidates (cut at the registry's
 * name keys); the background says which are registry suppliers; `resolveMentions` turns both into
 * mentions in text order without overlaps. Pure, so it is unit-tested in Node.
 */
import { findOrgnrs, nameCandidates, TEXT_SEPARATOR, type NameCandidate, type NameKeyIndex, type OrgnrJurisdiction, type OrgnrMatch } from '../../../core/index.ts';

export interface NumberFound {
  readonly index: number;
  readonly length: number;
  /** Canonical digits (NO 9, SE 10). */
  readonly digits: string;
  readonly jurisdiction: OrgnrJurisdiction;
}

export interface TextFound {
  readonly numbers: readonly NumberFound[];
  readonly candidates: readonly NameCandidate[];
}

/** Every shape `findOrgnrs` reads has three digits, at most one character, three more: text without it has no number. */
const MAY_HOLD_ORGNR = /\d{3}\D?\d{3}/;
const NO_NUMBERS: readonly NumberFound[] = [];
const NO_CANDIDATES: readonly NameCandidate[] = [];

/**
 * The numbers and name candidates in each of `texts` (null for a text without any: most text on a
 * page), read in one pass over the texts joined by TEXT_SEPARATOR: a page has tens of thousands of
 * short texts, and one search over their whole costs about half of a search per text. No number or
 * candidate crosses the separator (findOrgnrs reads it as neither digit, letter nor space;
 * nameCandidates ends a piece there), so each text gets what reading it alone gives.
 */
export function readTexts(texts: readonly string[], keys: NameKeyIndex): (TextFound | null)[] {
  const whole = texts.join(TEXT_SEPARATOR);
  const numbers = MAY_HOLD_ORGNR.test(whole) ? findOrgnrs(whole) : [];
  const candidates = nameCandidates(whole, keys);
  const out = new Array<TextFound | null>(texts.length).fill(null);
  let n = 0;
  let c = 0;
  let start = 0;
  for (let t = 0; t < texts.length && (n < numbers.length || c < candidates.length); t++) {
    const end = start + (texts[t] as string).length;
    let inNumbers: NumberFound[] | null = null;
    for (; n < numbers.length && (numbers[n] as OrgnrMatch).index < end; n++) {
      const m = numbers[n] as OrgnrMatch;
      (inNumbers ??= []).push({ index: m.index - start, length: m.length, digits: m.orgnr.digits, jurisdiction: m.orgnr.jurisdiction });
    }
    let inCandidates: NameCandidate[] | null = null;
    for (; c < candidates.length && (candidates[c] as NameCandidate).index < end; c++) {
      const m = candidates[c] as NameCandidate;
      (inCandidates ??= []).push({ index: m.index - start, text: m.text });
    }
    if (inNumbers || inCandidates) out[t] = { numbers: inNumbers ?? NO_NUMBERS, candidates: inCandidates ?? NO_CANDIDATES };
    start = end + TEXT_SEPARATOR.length;
  }
  return out;
}

/** A name candidate the background recognised: where the name starts in the text, its length and whose it is. */
export interface NameFound {
  readonly index: number;
  readonly length: number;
  readonly orgnrs: readonly string[];
}

export interface SupplierMention {
  readonly index: number;
  readonly length: number;
  /** How it was found: the number itself, or a registry name. */
  readonly via: 'orgnr' | 'name';
  /** The number's digits, or every registry supplier with that name. */
  readonly orgnrs: readonly string[];
}

/**
 * Numbers and recognised names as mentions, in text order, without overlaps (leftmost, then longest;
 * a number beats a name it overlaps). A name whose supplier the same text also gives by number is
 * left out, so "Demo Vekst AS (972 418 005)" is one mention of one supplier, not two.
 */
export function resolveMentions(found: TextFound, names: readonly NameFound[]): SupplierMention[] {
  const numbers: SupplierMention[] = found.numbers.map((n) => ({ index: n.index, length: n.length, via: 'orgnr', orgnrs: [n.digits] }));
  // findOrgnrs gives its numbers in text order without overlaps: alone, they are the answer.
  if (names.length === 0) return numbers;
  // One name alone (a table cell naming its supplier, most of a page's names) is the answer too.
  if (numbers.length === 0 && names.length === 1) {
    const name = names[0] as NameFound;
    return [{ index: name.index, length: name.length, via: 'name', orgnrs: name.orgnrs }];
  }
  const numbered = new Set(found.numbers.map((n) => n.digits));
  const named: SupplierMention[] = names
    .filter((n) => !n.orgnrs.some((o) => numbered.has(o)))
    .map((n) => ({ index: n.index, length: n.length, via: 'name', orgnrs: n.orgnrs }));
  const all = [...numbers, ...named].sort((a, b) => a.index - b.index || (a.via === b.via ? b.length - a.length : a.via === 'orgnr' ? -1 : 1));
  const out: SupplierMention[] = [];
  for (const m of all) {
    const prev = out.at(-1);
    if (prev && m.index < prev.index + prev.length) {
      if (prev.via === 'name' && m.via === 'orgnr') out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
