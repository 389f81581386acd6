/**
 * How a page speaks of a registry supplier, worded in the background where the registry and core's
 * rules are: "in your registry (source, date)" for any page, and share, date, source and core's
 * eligibility verdict for a notice reserved under the 30 % rule. The page picks one; it never words
 * eligibility itself.
 */
import { supplierEligibility, type IsoDate, type Supplier, type Translate } from '../../core/index.ts';
import type { SupplierMatch } from '../shared/page-messages.ts';

export function supplierMatch(supplier: Supplier, t: Translate, today: IsoDate): SupplierMatch {
  const { source, retrieved, demo } = supplier.provenance;
  const verdict = supplierEligibility(supplier, today);
  const demoMark = (text: string) => (demo ? t('content.supplier.demo', { text }) : text);
  const share = verdict.sharePercent ?? supplier.share?.percent ?? null;
  const reserved =
    verdict.status === 'unverified' || share === null
      ? t('content.supplier.reserved.unverified', { source, retrieved })
      : t(`content.supplier.reserved.${verdict.status}`, { share, asOf: supplier.share?.asOf ?? '', source, retrieved });
  return {
    orgnr: supplier.orgnr,
    jurisdiction: supplier.jurisdiction,
    name: supplier.name,
    inRegistry: demoMark(t('content.supplier.in-registry', { source, retrieved })),
    reserved: demoMark(reserved),
    status: verdict.status,
  };
}
