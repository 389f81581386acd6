/**
 * The thresholds a sheet check compares sums and values with, read from the rule pack at a date.
 * Only verified values apply (resolveParameter), as in classifyPurchase.
 */
import type { IsoDate } from '../../dates.ts';
import type { RulePack } from '../../rules/schema.ts';
import { resolveParameter } from '../../rules/resolve.ts';
import type { BuyerKind, ContractKind } from '../../rules/regime.ts';

export interface Threshold {
  readonly parameter: string;
  /** Minor units (øre, öre). */
  readonly minor: bigint;
  /** The same as a number (exact: thresholds are far below 2^53 øre), for sums kept as numbers. */
  readonly cents: number;
  readonly value: number;
  readonly ruleId: string;
}

export function thresholdAt(pack: RulePack, parameter: string, date: IsoDate): Threshold | null {
  const applied = resolveParameter(pack, parameter, date).applied;
  if (!applied || applied.value === null) return null;
  const cents = Math.round(applied.value * 100);
  return { parameter, minor: BigInt(cents), cents, value: applied.value, ruleId: applied.id };
}

/**
 * The thresholds that change the regime, lowest first: Norway the lower threshold, the national
 * threshold and the EEA threshold; Sweden the direct-award limit and the EU threshold. For social
 * services only the thresholds the ladder in core/rules/regime.ts uses for them.
 */
export function thresholdLadder(pack: RulePack, date: IsoDate, buyer: BuyerKind, kind: ContractKind): Threshold[] {
  const names =
    pack.jurisdiction === 'NO' ?
      kind === 'social-services' ? ['lower-threshold', 'eea-threshold-health-social']
      : ['lower-threshold', 'national-threshold', kind === 'works' ? 'eea-threshold-works' : buyer === 'state' ? 'eea-threshold-state' : 'eea-threshold-other']
    : kind === 'social-services' ? ['eu-threshold-social']
    : ['direct-award-limit', kind === 'works' ? 'eu-threshold-works' : buyer === 'state' ? 'eu-threshold-central' : 'eu-threshold-sub-central'];
  return names.map((n) => thresholdAt(pack, n, date)).filter((t): t is Threshold => t !== null);
}

/**
 * The value from which a contract must be announced rather than bought freely: NO national threshold,
 * SE direct-award limit; for social and other specific services their own (EEA / EU) threshold, since
 * below it they may be bought without announcement (NO FOA part I; SE direct award under LOU 19 kap.).
 */
export function announcementThreshold(pack: RulePack, date: IsoDate, kind: ContractKind = 'services'): Threshold | null {
  if (kind === 'social-services') return thresholdAt(pack, pack.jurisdiction === 'NO' ? 'eea-threshold-health-social' : 'eu-threshold-social', date);
  return thresholdAt(pack, pack.jurisdiction === 'NO' ? 'national-threshold' : 'direct-award-limit', date);
}

/** Ids of the pack's provisions in force at `date` among `ids`, in that order. */
export function provisionsInForce(pack: RulePack, ids: readonly string[], date: IsoDate): string[] {
  return ids.filter((id) => pack.provisions.some((p) => p.id === id && p.from <= date && (p.to === null || date <= p.to)));
}
