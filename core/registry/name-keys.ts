/**
 * What a page scanner needs to find registry names without holding the registry: the folded first
 * words of every registry name and the longest name's word count. The scanner cuts a candidate at
 * each word that can start a name; whoever holds the registry index (the extension's background)
 * reads each candidate with `findNames` and keeps the matches that start at the candidate's start.
 * Leftmost-longest across candidates then gives the same spans as `findNames` on the whole text.
 */
import { foldedWords, foldWord, nameWords } from './normalise.ts';
import type { Registry } from './types.ts';

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

export function registryNameKeys(registry: Registry): NameKeys {
  const first = new Set<string>();
  let maxWords = 0;
  for (const supplier of registry.suppliers) {
    for (const name of [supplier.name, ...supplier.altNames]) {
      const words = foldedWords(name);
      const head = words[0];
      if (head === undefined) continue;
      first.add(head);
      // "Stiftelsen Demo" is also found as "Demo", its first word after the legal form.
      const core = nameWords(name)[0];
      if (core !== undefined) first.add(core);
      maxWords = Math.max(maxWords, words.length);
    }
  }
  return { firstWords: [...first], maxWords };
}

/** The name keys prepared for scanning many texts: the words, and a hash of each plain-ASCII one. */
export interface NameKeyIndex {
  readonly firstWords: ReadonlySet<string>;
  readonly maxWords: number;
  /** `wordHash` of every first word written in a–z and 0–9: most page words are ruled out without a string. */
  readonly asciiHashes: ReadonlySet<number>;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** FNV-1a over char codes, cut to 30 bits so it stays a small integer. */
const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
const hashEnd = (hash: number): number => hash & 0x3fffffff;
const ASCII_KEY = /^[a-z0-9]+$/;

export function nameKeyIndex(firstWords: Iterable<string>, maxWords: number): NameKeyIndex {
  const words = new Set(firstWords);
  const asciiHashes = new Set<number>();
  for (const word of words) {
    if (!ASCII_KEY.test(word)) continue;
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    asciiHashes.add(hashEnd(hash));
  }
  return { firstWords: words, maxWords, asciiHashes };
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

/**
 * Every place in `text` where a registry name could start, with enough following text to hold the
 * longest name, its legal form and a closing ")" or ".". Word boundaries as `findNames` reads them
 * (`WORD`), words folded as `foldWord` folds them. Pages are read text node by text node, so this is
 * one pass over the characters: a plain-ASCII word is hashed as it is read and becomes a string only
 * when its hash is a key's.
 */
export function nameCandidates(text: string, keys: NameKeyIndex): NameCandidate[] {
  if (keys.firstWords.size === 0 || keys.maxWords === 0) return [];
  const n = text.length;
  let count = 0;
  keyWords.length = 0;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    const cp = first < 128 ? first : (text.codePointAt(i) as number);
    if (!isWordCode(cp)) {
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
    const key = ascii
      ? keys.asciiHashes.has(hashEnd(hash)) && keys.firstWords.has(text.slice(start, i).toLowerCase())
      : keys.firstWords.has(foldWord(text.slice(start, i)));
    if (key) keyWords.push(count);
    count++;
  }
  const out: NameCandidate[] = [];
  for (const k of keyWords) {
    const last = Math.min(count - 1, k + keys.maxWords + SUFFIX_WORDS);
    const start = starts[k] as number;
    out.push({ index: start, text: text.slice(start, Math.min(n, (ends[last] as number) + 1)) });
  }
  return out;
}
