/**
 * What a page scanner needs to find registry names without holding the registry: the folded first
 * words of every registry name and the longest name's word count. The scanner cuts a candidate at
 * each word that can start a name; whoever holds the registry index (the extension's background)
 * reads each candidate with `findNames` and keeps the matches that start at the candidate's start.
 * Leftmost-longest across candidates then gives the same spans as `findNames` on the whole text.
 */
import { foldedWords, foldWord, nameWords, WORD } from './normalise.ts';
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

/**
 * Every place in `text` where a registry name could start, with enough following text to hold the
 * longest name, its legal form and a closing ")" or ".". Word boundaries as `findNames` reads them.
 */
export function nameCandidates(text: string, firstWords: ReadonlySet<string>, maxWords: number): NameCandidate[] {
  if (firstWords.size === 0 || maxWords === 0) return [];
  const spans = Array.from(text.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const out: NameCandidate[] = [];
  spans.forEach((span, i) => {
    if (!firstWords.has(foldWord(span.word))) return;
    const last = spans[Math.min(spans.length - 1, i + maxWords + SUFFIX_WORDS)];
    const end = Math.min(text.length, (last?.end ?? span.end) + 1);
    out.push({ index: span.start, text: text.slice(span.start, end) });
  });
  return out;
}
