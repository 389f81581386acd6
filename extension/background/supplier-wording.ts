/**
 * A registry supplier as the background sends it to a page: core's eligibility verdict at today's
 * date (status and the share it rests on), never a verdict of the page's own. Provenances are
 * numbered per answer, since a registry has few distinct ones.
 */
import { supplierEligibility, type IsoDate, type Supplier } from '../../core/index.ts';
import type { MatchProvenance, SupplierMatch } from '../shared/page-messages.ts';

export class ProvenanceTable {
  readonly list: MatchProvenance[] = [];
  private readonly index = new Map<string, number>();

  indexOf(supplier: Supplier): number {
    const { source, retrieved, demo } = supplier.provenance;
    const key = JSON.stringify([source, retrieved, demo]);
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.list.push({ source, retrieved, demo }) - 1;
      this.index.set(key, at);
    }
    return at;
  }
}

export function supplierMatch(supplier: Supplier, today: IsoDate, provenances: ProvenanceTable): SupplierMatch {
  const verdict = supplierEligibility(supplier, today);
  return {
    orgnr: supplier.orgnr,
    jurisdiction: supplier.jurisdiction,
    name: supplier.name,
    status: verdict.status,
    share: verdict.sharePercent ?? supplier.share?.percent ?? null,
    asOf: supplier.share?.asOf ?? null,
    provenance: provenances.indexOf(supplier),
  };
}
