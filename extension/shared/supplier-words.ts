/**
 * How a page speaks of a registry supplier, from core's verdict (status, share, date) and the entry's
 * source: "in your registry (source, date)" on any page; share, date, source and eligibility only on
 * a notice reserved under the 30 % rule. Shared by the content script (its findings) and the
 * background (award winners in the notice panel), so both say it the same way.
 */
import type { Translate } from '../../core/index.ts';
import type { MatchProvenance, SupplierMatch } from './page-messages.ts';

export interface SupplierWords {
  readonly inRegistry: string;
  readonly reserved: string;
}

export function supplierWords(match: SupplierMatch, provenance: MatchProvenance, t: Translate): SupplierWords {
  const { source, retrieved, demo } = provenance;
  const demoMark = (text: string) => (demo ? t('content.supplier.demo', { text }) : text);
  const reserved =
    match.status === 'unverified' || match.share === null
      ? t('content.supplier.reserved.unverified', { source, retrieved })
      : t(`content.supplier.reserved.${match.status}`, { share: match.share, asOf: match.asOf ?? '', source, retrieved });
  return { inRegistry: demoMark(t('content.supplier.in-registry', { source, retrieved })), reserved: demoMark(reserved) };
}
