import { daysBetween, type IsoDate } from '../dates.ts';
import type { ShareDenominator, Supplier } from '../registry/types.ts';
import { finding, type Finding } from './findings.ts';
import { DEFAULT_RULES, type RuleSet } from './packs/index.ts';
import { resolveParameter } from './resolve.ts';
import type { PurchaseJurisdiction } from './regime.ts';

/**
 * Evidence about a supplier's share of disabled or disadvantaged people: counts when the buyer has
 * them (exact), or a percentage from an attestation. Never names of people.
 */
export interface ShareEvidence {
  readonly denominator: ShareDenominator;
  /** People in the target group, and everyone counted in the denominator. */
  readonly counts?: { readonly target: number; readonly total: number };
  /** Share in percent (0–100), used when counts are absent. */
  readonly percent?: number;
  /** The date the counts refer to. */
  readonly asOf: IsoDate | null;
}

export interface EligibilityInput {
  readonly jurisdiction: PurchaseJurisdiction;
  /** When the condition must hold: the tender submission date. */
  readonly checkDate: IsoDate;
  readonly share: ShareEvidence | null;
  /** The supplier attests that its main purpose is social and professional integration. */
  readonly purposeAttested: boolean | null;
}

export type EligibilityStatus = 'eligible' | 'ineligible' | 'unverified' | 'stale';

export type EligibilityReason =
  | 'share-missing'
  | 'share-invalid'
  | 'denominator-mismatch'
  | 'share-below'
  | 'share-met'
  | 'purpose-not-attested'
  | 'evidence-date-missing'
  | 'evidence-after-check-date'
  | 'evidence-too-old';

export interface EligibilityVerdict {
  readonly status: EligibilityStatus;
  /** The share as evidenced, rounded to one decimal, or null. */
  readonly sharePercent: number | null;
  readonly requiredPercent: number | null;
  readonly denominator: ShareDenominator | null;
  readonly reasons: readonly EligibilityReason[];
  readonly findings: readonly Finding[];
  readonly ruleIds: readonly string[];
}

const SCALE = 1_000_000;

/** target/total ≥ required%, in integers so that 29.9 % never rounds up to 30 %. */
function meetsShare(evidence: ShareEvidence, requiredPercent: number): boolean | null {
  const required = Math.round(requiredPercent * SCALE);
  if (evidence.counts) {
    const { target, total } = evidence.counts;
    if (!Number.isInteger(target) || !Number.isInteger(total) || target < 0 || total <= 0 || target > total) return null;
    return BigInt(target) * 100n * BigInt(SCALE) >= BigInt(required) * BigInt(total);
  }
  const p = evidence.percent;
  if (p === undefined || !Number.isFinite(p) || p < 0 || p > 100) return null;
  return Math.round(p * SCALE) >= required;
}

function sharePercent(evidence: ShareEvidence): number | null {
  if (evidence.counts) {
    const { target, total } = evidence.counts;
    return total > 0 ? Math.round((target / total) * 1000) / 10 : null;
  }
  return evidence.percent ?? null;
}

/**
 * Whether a supplier may take part in a contract reserved under the 30 % rule, on the evidence at
 * hand, at the check date. The share must be counted on the jurisdiction's own denominator
 * (Norway: employees; Sweden: everyone occupied, placements included).
 */
export function checkReservedEligibility(
  input: EligibilityInput,
  rules: RuleSet = DEFAULT_RULES,
  options: { maxEvidenceAgeDays?: number } = {},
): EligibilityVerdict {
  const pack = rules[input.jurisdiction];
  const rule = resolveParameter(pack, 'reserved-share', input.checkDate).applied;
  const required = rule?.value ?? null;
  const denominator = (pack.parameters['reserved-share']?.denominator ?? null) as ShareDenominator | null;
  const maxAge = options.maxEvidenceAgeDays ?? pack.policy.evidenceMaxAgeDays;
  const ruleIds = rule ? [rule.id] : [];
  const evidence = input.share;
  const pct = evidence ? sharePercent(evidence) : null;
  const base = { sharePercent: pct, requiredPercent: required, denominator, ruleIds };
  const asOf = evidence?.asOf ?? null;
  const params = { share: pct, required, denominator, asOf, checkDate: input.checkDate, maxAge };

  const unverified = (reason: EligibilityReason): EligibilityVerdict => ({
    ...base,
    status: 'unverified',
    reasons: [reason],
    // Params written out rather than spread: V8 may keep spread copies as slow dictionary objects, one per row of a sheet.
    findings: [finding('RESERVED-UNVERIFIED', 'warning', { share: pct, required, denominator, asOf, checkDate: input.checkDate, maxAge, reason }, ruleIds, `finding.RESERVED-UNVERIFIED.${reason}`)],
  });

  if (required === null) return { ...base, status: 'unverified', reasons: [], findings: [finding('RULE-MISSING', 'warning', { parameter: 'reserved-share' })] };
  if (!evidence) return unverified('share-missing');
  if (evidence.denominator !== denominator) return unverified('denominator-mismatch');
  const meets = meetsShare(evidence, required);
  if (meets === null) return unverified('share-invalid');
  if (!meets) {
    return { ...base, status: 'ineligible', reasons: ['share-below'], findings: [finding('RESERVED-INELIGIBLE', 'error', params, ruleIds)] };
  }
  if (input.purposeAttested !== true) return unverified('purpose-not-attested');
  if (!evidence.asOf) return unverified('evidence-date-missing');
  const age = daysBetween(evidence.asOf, input.checkDate);
  if (age < 0) return unverified('evidence-after-check-date');
  if (age > maxAge) {
    return {
      ...base,
      status: 'stale',
      reasons: ['share-met', 'evidence-too-old'],
      findings: [finding('RESERVED-EVIDENCE-STALE', 'warning', { ...params, age }, ruleIds)],
    };
  }
  return { ...base, status: 'eligible', reasons: ['share-met'], findings: [finding('RESERVED-ELIGIBLE', 'info', params, ruleIds)] };
}

/** The eligibility check on what a registry entry says about a supplier. */
export function supplierEligibility(supplier: Supplier, checkDate: IsoDate, rules: RuleSet = DEFAULT_RULES): EligibilityVerdict {
  return checkReservedEligibility(
    {
      jurisdiction: supplier.jurisdiction,
      checkDate,
      share: supplier.share ? { denominator: supplier.share.denominator, percent: supplier.share.percent, asOf: supplier.share.asOf } : null,
      purposeAttested: supplier.purposeAttested,
    },
    rules,
  );
}
