/**
 * Contract kind and buyer kind from the words in a cell ("Tjeneste", "Bygg og anlegg", "Varor";
 * "Statlig", "Kommune", "Region").
 */
import { foldedWords } from '../../registry/normalise.ts';
import type { BuyerKind, ContractKind } from '../../rules/regime.ts';
import { cellText } from '../cells.ts';
import type { CellValue } from '../types.ts';

const KIND_WORDS: readonly (readonly [ContractKind, readonly string[]])[] = [
  ['social-services', ['helse', 'sosial', 'sosiale', 'social', 'sociala', 'omsorg', 'vard', 'bilaga', 'health']],
  ['works', ['bygg', 'byggearbeid', 'anlegg', 'anleggsarbeid', 'entreprenad', 'byggentreprenad', 'works', 'work', 'bygganlegg']],
  ['goods', ['vare', 'varer', 'varekjop', 'vara', 'varor', 'varukop', 'goods', 'supplies', 'supply', 'produkt', 'produkter', 'leveranse']],
  ['services', ['tjeneste', 'tjenester', 'tjenestekjop', 'tjanst', 'tjanster', 'tjanstekop', 'services', 'service']],
];
const STATE_WORDS = ['stat', 'statlig', 'statleg', 'state', 'central', 'departement', 'direktorat', 'myndighet', 'forvaltningsmyndighet'];
const MUNICIPAL_WORDS = ['kommune', 'kommun', 'kommunal', 'kommunalt', 'fylke', 'fylkeskommune', 'region', 'regional', 'municipal', 'local', 'landsting'];

export function contractKindOf(cell: CellValue | undefined): ContractKind | null {
  const words = foldedWords(cellText(cell));
  for (const [kind, list] of KIND_WORDS) if (words.some((w) => list.includes(w))) return kind;
  return null;
}

export function buyerKindOf(cell: CellValue | undefined): BuyerKind | null {
  const words = foldedWords(cellText(cell));
  if (words.some((w) => STATE_WORDS.includes(w))) return 'state';
  if (words.some((w) => MUNICIPAL_WORDS.includes(w))) return 'municipal';
  return null;
}
