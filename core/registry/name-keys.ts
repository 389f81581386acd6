/**
 * What a page scanner needs to find registry names without holding the registry: the folded first
 * words of every registry name and the longest name's word count. The scanner cuts a candidate at
 * each word that can start a name; whoever holds the registry index (the extension's background)
 * reads each candidate with `findNames` and keeps the matches that start at the candidate's start.
 * Leftmost-longest across candidates then gives the same spans as `findNames` on the whole text.
 */
import { foldWord } from './normalise.ts';

/** Gathered by `buildRegistryIndex` as it reads the names (`RegistryIndex.nameKeys`). */
export interface NameKeys {
  /** Folded first word of every registry name and alternative name (legal-form prefix included). */
  readonly firstWords: readonly string[];
  /** Words in the longest registry name. */
  readonly maxWords: number;
}

export interface NameCandidate {
  readonly index: number;
  readonly text: string;
}

/** Legal-form words and "(publ)" that may follow a name and belong to its span. */
const SUFFIX_WORDS = 3;

/**
 * The name keys as a page scanner holds them: a 30-bit hash of each folded first word (never the
 * words). A text word whose hash is not among them cannot start a registry name; one whose hash is
 * becomes a candidate, and the index holder's `findNames` decides (a hash collision only adds a
 * candidate it rejects).
 */
export interface NameKeyIndex {
  readonly hashes: ReadonlySet<number>;
  readonly maxWords: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
/** Cut to 30 bits, so it stays a small integer. */
const hashEnd = (hash: number): number => hash & 0x3fffffff;

/** FNV-1a over a folded word's char codes. */
function wordHash(folded: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) hash = hashStep(hash, folded.charCodeAt(i));
  return hashEnd(hash);
}

export function nameKeyIndex(firstWords: Iterable<string>, maxWords: number): NameKeyIndex {
  const hashes = new Set<number>();
  for (const word of firstWords) hashes.add(wordHash(word));
  return { hashes, maxWords };
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const wordCodes = new Map<number, boolean>();
/** Whether a code point is part of a `WORD` (letters, marks, digits); beyond ASCII asked of the regex once. */
function isWordCode(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122);
  let word = wordCodes.get(cp);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(cp));
    wordCodes.set(cp, word);
  }
  return word;
}

// Word bounds of the text being read, reused from call to call: a page has tens of thousands of texts.
const starts: number[] = [];
const ends: number[] = [];
const keyWords: number[] = [];

/** Ends a piece of text: a page scanner reads many text nodes joined by it, and no candidate crosses it. */
export const TEXT_SEPARATOR = '\u0000';

/**
 * Every place in `text` where a registry name could start, with enough following text to hold the
 * longest name, its legal form and a closing ")" or ".". Word boundaries as `findNames` reads them
 * (`WORD`), words folded as `foldWord` folds them. One pass over the characters, and a plain-ASCII
 * word is hashed as it is read, never made a string. Texts joined by `TEXT_SEPARATOR` give each
 * text's own candidates (at their places in the whole): a page's text nodes are read in one call.
 */
export function nameCandidates(text: string, keys: NameKeyIndex): NameCandidate[] {
  if (keys.hashes.size === 0 || keys.maxWords === 0) return [];
  const out: NameCandidate[] = [];
  const n = text.length;
  let count = 0;
  keyWords.length = 0;
  /** The first of `keyWords` in the piece being read. */
  let pieceKeys = 0;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    const cp = first < 128 ? first : (text.codePointAt(i) as number);
    if (!isWordCode(cp)) {
      if (first === 0) pieceKeys = pieceCandidates(text, keys.maxWords, pieceKeys, count - 1, i, out);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let ascii = true;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        if (!isWordCode(code)) break;
        hash = hashStep(hash, code >= 65 && code <= 90 ? code + 32 : code);
        i++;
      } else {
        const point = text.codePointAt(i) as number;
        if (!isWordCode(point)) break;
        ascii = false;
        i += point > 0xffff ? 2 : 1;
      }
    }
    starts[count] = start;
    ends[count] = i;
    // A plain-ASCII word folds to its lower case, hashed as it was read; any other is folded first.
    if (keys.hashes.has(ascii ? hashEnd(hash) : wordHash(foldWord(text.slice(start, i))))) keyWords.push(count);
    count++;
  }
  pieceCandidates(text, keys.maxWords, pieceKeys, count - 1, n, out);
  return out;
}

/**
 * The candidates of a piece's key words (`keyWords` from `fromKey` on): none reaches past the piece's
 * last word (`lastWord`) or its end. Returns where the next piece's key words start.
 */
function pieceCandidates(text: string, maxWords: number, fromKey: number, lastWord: number, end: number, out: NameCandidate[]): number {
  for (let q = fromKey; q < keyWords.length; q++) {
    const k = keyWords[q] as number;
    const last = Math.min(lastWord, k + maxWords + SUFFIX_WORDS);
    const start = starts[k] as number;
    out.push({ index: start, text: text.slice(start, Math.min(end, (ends[last] as number) + 1)) });
  }
  return keyWords.length;
}
