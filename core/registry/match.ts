/**
 * Looking suppliers up in a registry: by organisation number, by name, by names mentioned anywhere in
 * a text (web pages, notices), and by what they deliver where. Built once per registry; lookups cost
 * O(1) or O(words of the text).
 */
import { regionCode } from './schema.ts';
import { foldedWords, foldWord, legalPrefixAt, legalSuffixAt, nameWords, stripLegalForms, WORD } from './normalise.ts';
import type { NameKeys } from './name-keys.ts';
import type { Registry, Supplier } from './types.ts';
import type { OrgnrJurisdiction } from '../orgnr/index.ts';

export interface NameMatch {
  /** Position and length in the scanned text, legal-form words ("AS", "ek. för.") included. */
  readonly index: number;
  readonly length: number;
  readonly supplier: Supplier;
}

export interface FitQuery {
  /** CPV codes of the procurement, 8 digits with or without the check digit ("90910000-9"). */
  readonly cpv: readonly string[];
  /** Municipality (4-digit) or county (2-digit) codes where the work is done. */
  readonly regions?: readonly string[];
  readonly jurisdiction?: OrgnrJurisdiction;
}

export interface RegistryIndex {
  /** The supplier with these canonical digits (NO 9, SE 10), as parseOrgnr/findOrgnrs give them. */
  byOrgnr(digits: string): Supplier | undefined;
  /** Suppliers whose name or alternative name normalises to the same as `name` (normaliseName). */
  byName(name: string): readonly Supplier[];
  /**
   * Registry names inside a longer text, leftmost-longest, on word boundaries. A span shared by
   * several suppliers of the same name gives one match per supplier. A one-word name ("Vekst AS")
   * only counts where the text capitalises it or writes its legal form, so ordinary words in a
   * sentence are not taken for suppliers. A following legal form ("AS", "ek. för.", "AB (publ)") is
   * part of the span, except "as", "da", "sa" … written in lower case, which are everyday words.
   */
  findNames(text: string): NameMatch[];
  /**
   * Suppliers that deliver one of the CPV codes (one of their category prefixes starts the code) and,
   * when regions are given, serve an overlapping area: the same code, the county containing a
   * municipality, or a municipality inside a county. A supplier without stated regions is treated as
   * nationwide. Region codes are those of the supplier's own country, so give `jurisdiction` with them.
   * Registry order.
   */
  fitting(query: FitQuery): Supplier[];
  /** What a page scanner needs to find registry names, gathered while the names were read. */
  readonly nameKeys: NameKeys;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  suppliers: Supplier[] | undefined;
}

function node(): TrieNode {
  return { next: new Map(), suppliers: undefined };
}

/** Suppliers are added one after another, so a repeat (a name equal to an alternative name) is always the last. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.at(-1) !== value) list.push(value);
}

const LOWER_CASE_START = /^\p{Ll}/u;
/** Legal forms that, written in lower case, are ordinary Norwegian, Swedish or English words. */
const EVERYDAY_WORDS: ReadonlySet<string> = new Set(['as', 'da', 'sa', 'ba', 'ans']);

/** The ")" of "(publ)" and the "." of "ek. för." belong to the legal form; 1 when `next` is one of them. */
function closingMark(next: string | undefined, lastLegalWord: string | undefined): number {
  return (next === ')' && lastLegalWord === 'publ') || (next === '.' && lastLegalWord === 'for') ? 1 : 0;
}

export function buildRegistryIndex(registry: Registry): RegistryIndex {
  const orgnrs = new Map<string, Supplier>();
  const names = new Map<string, Supplier[]>();
  // Category prefix → positions of the suppliers in the registry, so results keep registry order cheaply.
  const categories = new Map<string, number[]>();
  const root = node();
  const firstWords = new Set<string>();
  let maxWords = 0;

  registry.suppliers.forEach((supplier, i) => {
    if (!orgnrs.has(supplier.orgnr)) orgnrs.set(supplier.orgnr, supplier);
    for (const name of [supplier.name, ...supplier.altNames]) {
      const folded = foldedWords(name);
      const words = stripLegalForms(folded);
      if (words.length === 0) continue;
      // A name starts at its first word, and "Stiftelsen Demo" also at "Demo", its first after the legal form.
      firstWords.add(folded[0] as string);
      firstWords.add(words[0] as string);
      maxWords = Math.max(maxWords, folded.length);
      pushTo(names, words.join(' '), supplier);
      let at = root;
      for (const word of words) {
        let child = at.next.get(word);
        if (!child) at.next.set(word, (child = node()));
        at = child;
      }
      if (!at.suppliers) at.suppliers = [supplier];
      else if (at.suppliers.at(-1) !== supplier) at.suppliers.push(supplier);
    }
    for (const prefix of new Set(supplier.categories)) pushTo(categories, prefix, i);
  });

  /** The longest name starting at word `from`: how many words it has and whose it is. */
  function longestAt(folded: readonly string[], from: number): { words: number; suppliers: Supplier[] } | null {
    let at: TrieNode | undefined = root;
    let best: { words: number; suppliers: Supplier[] } | null = null;
    for (let j = from; j < folded.length; j++) {
      at = at.next.get(folded[j] ?? '');
      if (!at) break;
      if (at.suppliers) best = { words: j - from + 1, suppliers: at.suppliers };
    }
    return best;
  }

  function findNames(text: string): NameMatch[] {
    // exec on the one pattern: matchAll copies it on every call, and a page asks for thousands of texts.
    const spans: { start: number; end: number; word: string }[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    const folded = spans.map((s) => foldWord(s.word));
    // "da", "sa", "as" are everyday words too: in lower case they end the name rather than extend it.
    const legalFormAt = (k: number): number => {
      const words = legalSuffixAt(folded, k);
      return words === 1 && EVERYDAY_WORDS.has(spans[k]?.word ?? '') ? 0 : words;
    };
    const out: NameMatch[] = [];
    let i = 0;
    while (i < spans.length) {
      const prefix = legalPrefixAt(folded, i);
      let nameStart = i;
      let found = longestAt(folded, i);
      if (!found && prefix > 0) {
        nameStart = i + prefix;
        found = longestAt(folded, nameStart);
      }
      if (!found) {
        i++;
        continue;
      }
      const nameEnd = nameStart + found.words;
      // "AB (publ)": legal forms may follow one another.
      let suffix = 0;
      for (let more = legalFormAt(nameEnd); more > 0; more = legalFormAt(nameEnd + suffix)) suffix += more;
      const first = spans[nameStart];
      const oneOrdinaryWord = found.words === 1 && suffix === 0 && nameStart === i && LOWER_CASE_START.test(first?.word ?? '');
      if (oneOrdinaryWord) {
        i++;
        continue;
      }
      const startSpan = spans[i];
      const endSpan = spans[nameEnd + suffix - 1];
      if (startSpan && endSpan) {
        const end = endSpan.end + closingMark(text[endSpan.end], suffix > 0 ? folded[nameEnd + suffix - 1] : undefined);
        for (const supplier of found.suppliers) out.push({ index: startSpan.start, length: end - startSpan.start, supplier });
      }
      i = nameEnd + suffix;
    }
    return out;
  }

  function servesRegion(supplier: Supplier, wanted: readonly string[]): boolean {
    if (supplier.regions.length === 0) return true;
    for (const served of supplier.regions) {
      for (const w of wanted) if (served === w || w.startsWith(served) || served.startsWith(w)) return true;
    }
    return false;
  }

  function fitting(query: FitQuery): Supplier[] {
    const wanted = query.regions?.map(regionCode) ?? [];
    const seen = new Uint8Array(registry.suppliers.length);
    const hits: number[] = [];
    for (const raw of query.cpv) {
      const code = raw.replace(/\s/g, '').replace(/-\d$/, '');
      if (!/^\d{2,8}$/.test(code)) continue;
      for (let n = 2; n <= code.length; n++) {
        for (const i of categories.get(code.slice(0, n)) ?? []) {
          if (seen[i] !== 0) continue;
          seen[i] = 1;
          const s = registry.suppliers[i];
          if (!s || (query.jurisdiction !== undefined && s.jurisdiction !== query.jurisdiction)) continue;
          if (wanted.length === 0 || servesRegion(s, wanted)) hits.push(i);
        }
      }
    }
    // Positions from several category lists interleave; sorting them restores registry order.
    return Int32Array.from(hits)
      .sort()
      .reduce<Supplier[]>((out, i) => {
        const s = registry.suppliers[i];
        if (s) out.push(s);
        return out;
      }, []);
  }

  return {
    byOrgnr: (digits) => orgnrs.get(digits),
    byName: (name) => names.get(nameWords(name).join(' ')) ?? [],
    findNames,
    fitting,
    nameKeys: { firstWords: [...firstWords], maxWords },
  };
}
