/**
 * Name normalisation for matching supplier names in sheets, notices and web pages: lower case,
 * Nordic letters folded (ø→o, æ→ae, å/ä→a, ö→o, é→e …), punctuation and whitespace collapsed, and
 * legal-form words (AS, AB, ek. för., stiftelsen …) removed, so "Demo Vekst AS" and "DEMO-VEKST"
 * compare equal.
 */

/** Letters that Unicode decomposition does not fold to ASCII. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i',
};
const COMBINING_MARKS = /\p{M}+/gu;
// Words are letters and digits: anything beyond a–z and 0–9 needs folding.
const NEEDS_FOLDING = /[^a-z0-9]/;
const SPECIAL = /[øæœßđðłþı]/g;

/** A word of running text: letters (with combining marks) and digits. Everything else separates words. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Folds one word to lower-case ASCII where a Nordic reader would see the same letter. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC');
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => foldWord(word));
}

/**
 * Legal-form words, as folded word sequences. Norwegian: AS, ASA, SA, BA, DA, ANS, KF, IKS, NUF,
 * FLI, stiftelse; Swedish: AB, (publ), HB, KB, ek. för., ekonomisk/ideell förening, aktiebolag(et).
 */
const LEGAL_FORM_SUFFIXES: readonly (readonly string[])[] = [
  ['as'], ['asa'], ['sa'], ['ba'], ['da'], ['ans'], ['kf'], ['iks'], ['nuf'], ['fli'], ['a', 's'],
  ['ab'], ['publ'], ['hb'], ['kb'], ['ek', 'for'], ['ek', 'forening'], ['ekonomisk', 'forening'],
  ['ideell', 'forening'], ['aktiebolag'], ['aktiebolaget'], ['handelsbolag'], ['kommanditbolag'],
  ['stiftelse'], ['stiftelsen'], ['stiftinga'],
].sort((a, b) => b.length - a.length);
/** Forms that also come first: "Stiftelsen Demo Arbeid", "Aktiebolaget Exempel". */
const LEGAL_FORM_PREFIXES: readonly (readonly string[])[] = [['stiftelsen'], ['stiftelse'], ['aktiebolaget'], ['stiftinga']];

function endsWith(words: readonly string[], end: number, form: readonly string[]): boolean {
  if (end - form.length < 0) return false;
  return form.every((w, i) => words[end - form.length + i] === w);
}

/** How many words at `end` (exclusive) form a legal-form suffix; 0 when none. */
export function legalSuffixBefore(words: readonly string[], end: number): number {
  for (const form of LEGAL_FORM_SUFFIXES) if (endsWith(words, end, form)) return form.length;
  return 0;
}

/** How many words starting at `start` form a legal-form suffix (as read forwards in running text). */
export function legalSuffixAt(words: readonly string[], start: number): number {
  for (const form of LEGAL_FORM_SUFFIXES) if (form.every((w, i) => words[start + i] === w)) return form.length;
  return 0;
}

export function legalPrefixAt(words: readonly string[], start: number): number {
  for (const form of LEGAL_FORM_PREFIXES) if (form.every((w, i) => words[start + i] === w)) return form.length;
  return 0;
}

/**
 * The words that identify a name: folded, with legal forms stripped from both ends (repeatedly, for
 * "Exempel AB (publ)"). A name made of legal-form words only keeps its words rather than vanish.
 */
export function nameWords(name: string): string[] {
  return stripLegalForms(foldedWords(name));
}

/** `nameWords` of a name already read into its folded words. */
export function stripLegalForms(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  for (;;) {
    const suffix = legalSuffixBefore(words, end);
    if (suffix === 0 || end - suffix <= start) break;
    end -= suffix;
  }
  const prefix = legalPrefixAt(words, start);
  if (prefix > 0 && start + prefix < end) start += prefix;
  return words.slice(start, end);
}

/** The normalised form of a name: `nameWords` joined by single spaces. */
export function normaliseName(name: string): string {
  return nameWords(name).join(' ');
}
