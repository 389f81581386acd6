/**
 * nameCandidates reads a page's text in one pass over its characters (hashing plain-ASCII words);
 * it must cut exactly the candidates a reading with core's own word pattern and folding cuts: the
 * same word boundaries (`WORD`, letters, marks and digits of any script, astral ones included), the
 * same folding (`foldWord`), the same reach after the first word.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameCandidates, nameKeyIndex, TEXT_SEPARATOR, type NameCandidate } from '../../core/index.ts';
import { foldWord, WORD } from '../../core/registry/normalise.ts';

/** The plain reading: every word by the pattern, folded, looked up; the candidate reaches maxWords + 3 words on. */
function pieceReference(text: string, firstWords: ReadonlySet<string>, maxWords: number): NameCandidate[] {
  if (firstWords.size === 0 || maxWords === 0) return [];
  const spans = Array.from(text.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const out: NameCandidate[] = [];
  spans.forEach((span, i) => {
    if (!firstWords.has(foldWord(span.word))) return;
    const last = spans[Math.min(spans.length - 1, i + maxWords + 3)];
    out.push({ index: span.start, text: text.slice(span.start, Math.min(text.length, (last?.end ?? span.end) + 1)) });
  });
  return out;
}

/** Each piece between separators read on its own (a page's text nodes, read together), at its place in the whole. */
function reference(text: string, firstWords: ReadonlySet<string>, maxWords: number): NameCandidate[] {
  let offset = 0;
  return text.split(TEXT_SEPARATOR).flatMap((piece) => {
    const found = pieceReference(piece, firstWords, maxWords).map((c) => ({ index: c.index + offset, text: c.text }));
    offset += piece.length + TEXT_SEPARATOR.length;
    return found;
  });
}

const KEYS = ['bodo', 'demo', 'vekst', 'oresund', 'aeroe', 'stiftelsen', 'x1', 'ss', 'naive', 'zurich', 'истра', '北京'];

describe('nameCandidates', () => {
  it.each([
    ['Levering fra Bodø Vekst AS, org.nr. 972 418 013.', ['Bodø Vekst AS, org.nr.', 'Vekst AS, org.nr. 972 ']],
    ['DEMO-vekst', ['DEMO-vekst', 'vekst']],
    ['Öresund och Ærøe', ['Öresund och Ærøe', 'Ærøe']],
    ['Naïve Zürich', ['Naïve Zürich', 'Zürich']],
    ['Ｘ1 is not x1', ['x1']],
    ['ß ss', ['ß ss', 'ss']],
    ['Истра 北京', ['Истра 北京', '北京']],
    ['', []],
    ['no key words here', []],
  ])('%j', (text, expected) => {
    expect(nameCandidates(text, nameKeyIndex(KEYS, 1)).map((c) => c.text)).toEqual(expected);
  });

  it('without keys finds nothing', () => {
    expect(nameCandidates('Bodø Vekst', nameKeyIndex([], 0))).toEqual([]);
    expect(nameCandidates('Bodø Vekst', nameKeyIndex(KEYS, 0))).toEqual([]);
  });

  it('reads texts joined by the separator as each on its own: no candidate reaches into the next text', () => {
    const texts = ['Levering fra Bodø', 'Vekst AS', 'Demo', '', 'Stiftelsen Demo Vekst AS.'];
    const whole = nameCandidates(texts.join(TEXT_SEPARATOR), nameKeyIndex(KEYS, 3));
    expect(whole.map((c) => c.text)).toEqual(['Bodø', 'Vekst AS', 'Demo', 'Stiftelsen Demo Vekst AS.', 'Demo Vekst AS.', 'Vekst AS.']);
    expect(whole.map((c) => c.index)).toEqual([13, 18, 27, 33, 44, 49]);
  });

  it('cuts the same candidates as the word pattern, whatever the text', () => {
    const piece = fc.oneof(
      fc.constantFrom('Bodø', 'BODO', 'bodø', 'Demo', 'Vekst', 'Öresund', 'Ærøe', 'Naïve', 'Zürich', 'ß', 'SS', 'X1', 'İ', 'Истра', '北京', '𝐀', '\u0301', '\uD800', '\uDC00', '-', ' ', '.', '\u00A0', '(publ)', '9', TEXT_SEPARATOR),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.subarray(KEYS), fc.nat({ max: 5 }), (parts, keys, maxWords) => {
        const text = parts.join('');
        expect(nameCandidates(text, nameKeyIndex(keys, maxWords))).toEqual(reference(text, new Set(keys), maxWords));
      }),
      { numRuns: 2000 },
    );
  });
});
