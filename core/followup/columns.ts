import { foldedWords } from '../registry/normalise.ts';
import { wordMatches } from '../sheet/cells.ts';
import type { ColumnMapping } from '../sheet/types.ts';

/**
 * The columns a contract register adds for follow-up, found by their headers (nb/sv/en, folded
 * words; `*` ends a prefix): the date of the supplier's share evidence, whether an employment
 * requirement applies, its reporting dates, and the contract's own id. A column the sheet check
 * already uses for one of its roles is never taken again.
 */
export type FollowupRole = 'evidenceDate' | 'employment' | 'reporting' | 'contractId';

const ROLE_WORDS: readonly (readonly [FollowupRole, readonly string[]])[] = [
  ['evidenceDate', ['bevisdato', 'dokumentasjonsdato', 'dokumentasjon dato', 'attestdato', 'attest dato', 'intygsdatum', 'intyg datum', 'underlagsdatum', 'underlag datum', 'evidence date', 'evidence dated', 'attestation date', 'share evidence']],
  ['employment', ['sysselsattningskrav', 'sysselsettingskrav', 'arbeidskrav', 'inkluderingskrav', 'employment requirement*', 'sociala krav', 'sosiale krav', 'social clause*']],
  ['reporting', ['rapportering*', 'redovisning*', 'reporting*', 'rapportdato*', 'rapportdatum']],
  ['contractId', ['avtals id', 'avtalsid', 'avtale id', 'avtaleid', 'kontrakt id', 'kontraktsid', 'kontrakts id', 'contract id', 'saksnummer', 'saksnr', 'diarienummer', 'dnr', 'referanse', 'referens', 'reference', 'id', 'nr']],
];

function hasPhrase(words: readonly string[], phrase: string): boolean {
  const pattern = phrase.split(' ');
  for (let i = 0; i + pattern.length <= words.length; i++) if (pattern.every((p, k) => wordMatches(p, words[i + k] ?? ''))) return true;
  return false;
}

export function followupColumns(headers: readonly string[], taken: ColumnMapping): Partial<Record<FollowupRole, number>> {
  const used = new Set(Object.values(taken));
  const out: Partial<Record<FollowupRole, number>> = {};
  headers.forEach((header, column) => {
    if (used.has(column)) return;
    const words = foldedWords(header);
    if (words.length === 0 || words.length > 8) return;
    const role = ROLE_WORDS.find(([r, phrases]) => out[r] === undefined && phrases.some((p) => hasPhrase(words, p)))?.[0];
    if (role) out[role] = column;
  });
  return out;
}
