/** What a supplier badge says: the registry entry checked against the 30 % rule at a date. Pure. */
import { supplierEligibility, type EligibilityStatus, type IsoDate, type Supplier } from '../../../core/index.ts';

export type BadgeState = 'eligible' | 'in-registry' | 'not-in-registry';

export interface BadgeVerdict {
  readonly state: BadgeState;
  /** The eligibility status behind `in-registry` (unverified, stale, ineligible) or `eligible`; null when not in the registry. */
  readonly status: EligibilityStatus | null;
  readonly sharePercent: number | null;
}

export function badgeVerdict(suppliers: readonly Supplier[], today: IsoDate): BadgeVerdict {
  const first = suppliers[0];
  if (!first) return { state: 'not-in-registry', status: null, sharePercent: null };
  const verdict = supplierEligibility(first, today);
  return { state: verdict.status === 'eligible' ? 'eligible' : 'in-registry', status: verdict.status, sharePercent: verdict.sharePercent };
}
