/**
 * `registry/match`: a page sends the distinct organisation numbers and name candidates it found and
 * gets back only the registry suppliers among them, worded. The registry stays in the background.
 */
import { todayIso } from '../../core/index.ts';
import type { PageRequest, PageResponse } from '../shared/page-send.ts';
import { linesOf, nameHitsToText, supplierDetailsToText, type NameHit } from '../shared/match-text.ts';
import type { SupplierMatch } from '../shared/page-messages.ts';
import type { LoadedRegistry } from './registry-store.ts';
import { ProvenanceTable, supplierMatch } from './supplier-wording.ts';

export function matchForPage(request: PageRequest<'registry/match'>, loaded: LoadedRegistry | null): PageResponse<'registry/match'> {
  if (!loaded) return { ok: true, hasRegistry: false, orgnrs: '', details: '', provenances: [], names: '' };
  const today = todayIso();
  const suppliers = new Map<string, SupplierMatch>();
  const provenances = new ProvenanceTable();
  const add = (orgnr: string): boolean => {
    if (suppliers.has(orgnr)) return true;
    const supplier = loaded.index.byOrgnr(orgnr);
    if (supplier) suppliers.set(orgnr, supplierMatch(supplier, today, provenances));
    return supplier !== undefined;
  };
  for (const orgnr of new Set(linesOf(request.orgnrs, ','))) add(orgnr);
  const names: NameHit[] = [];
  linesOf(request.names, '\n').forEach((candidate, i) => {
    // Only a name that starts where the candidate starts: the page cut the candidate at that word.
    const found = loaded.index.findNames(candidate).filter((m) => m.index === 0);
    const first = found[0];
    if (!first) return;
    const orgnrs = [...new Set(found.filter((m) => m.length === first.length).map((m) => m.supplier.orgnr))];
    for (const orgnr of orgnrs) add(orgnr);
    names.push({ candidate: i, length: first.length, orgnrs });
  });
  const matched = [...suppliers.values()];
  return {
    ok: true,
    hasRegistry: true,
    orgnrs: matched.map((m) => m.orgnr).join(','),
    details: supplierDetailsToText(matched),
    provenances: provenances.list,
    names: nameHitsToText(names),
  };
}
