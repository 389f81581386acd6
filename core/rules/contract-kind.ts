import { foldedWords } from '../registry/normalise.ts';
import { CONTRACT_KINDS, type ContractKind } from './regime.ts';

/**
 * Words for each contract kind in nb, sv and en, folded (foldedWords: lower case, no diacritics), as
 * buyers write them in a cell or a formula ("Tjenester", "varor", "Byggentreprenad"). The first match wins,
 * so the narrower kinds come first.
 */
export const CONTRACT_KIND_WORDS: readonly (readonly [ContractKind, readonly string[]])[] = [
  ['social-services', ['helse', 'sosial', 'sosiale', 'social', 'sociala', 'omsorg', 'vard', 'bilaga', 'health']],
  ['works', ['bygg', 'byggearbeid', 'anlegg', 'anleggsarbeid', 'entreprenad', 'byggentreprenad', 'works', 'work', 'bygganlegg']],
  ['goods', ['vare', 'varer', 'varekjop', 'vara', 'varor', 'varukop', 'goods', 'supplies', 'supply', 'produkt', 'produkter', 'leveranse']],
  ['services', ['tjeneste', 'tjenester', 'tjenestekjop', 'tjanst', 'tjanster', 'tjanstekop', 'services', 'service']],
];

/** The contract kind a text names (an id such as `social-services`, or a word in nb/sv/en), else null. */
export function contractKindOfWords(text: string): ContractKind | null {
  const trimmed = text.trim().toLowerCase();
  const id = CONTRACT_KINDS.find((k) => k === trimmed);
  if (id) return id;
  const words = foldedWords(text);
  for (const [kind, list] of CONTRACT_KIND_WORDS) if (words.some((w) => list.includes(w))) return kind;
  return null;
}

/**
 * The contract kind of a CPV code (`90910000-9`, `45000000`), from its division: 45 is construction
 * work; 03–44 and 48 are supplies; 85 (health and social work) is wholly within the social and other
 * specific services of Annex XIV of Directive 2014/24/EU; the other service divisions (50–98) are
 * services. Annex XIV codes outside division 85 (some in 75, 79, 80, 92, 98) read as services, whose
 * thresholds are lower, so the regime errs on the stricter side. Null when the text is not a CPV code.
 */
export function contractKindOfCpv(code: string): ContractKind | null {
  const m = /^(\d{2})\d{6}(?:-\d)?$/.exec(code.trim());
  if (!m) return null;
  const division = Number(m[1]);
  if (division === 45) return 'works';
  if (division === 85) return 'social-services';
  if ((division >= 3 && division <= 44) || division === 48) return 'goods';
  if (division >= 50 && division <= 98) return 'services';
  return null;
}
