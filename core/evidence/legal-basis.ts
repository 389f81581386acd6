import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import { resolveParameter } from '../rules/resolve.ts';
import type { Citation } from './model.ts';
import { citationOf } from './citations.ts';
import type { EvidencePurchase } from './purchase.ts';

/**
 * What the purchase's regime means for a reservation:
 * - `reservation`: a reservation provision of the pack applies (FOA part I/II/III or ch. 30; LOU 4 kap. 18 §);
 * - `outside-act`: below Norway's lower threshold the act and regulation do not apply at all;
 * - `unknown`: the regime is unknown, so no provision can be chosen.
 */
export type BasisKind = 'reservation' | 'outside-act' | 'unknown';

export interface ReservationBasis {
  readonly kind: BasisKind;
  /** The provision to cite for the reservation (null unless `reservation`). */
  readonly provision: Citation | null;
  /** The 30 % rule in force at the purchase's date, or null when the pack has no value for it. */
  readonly share: { readonly percent: number; readonly citation: Citation } | null;
  readonly denominator: 'employees' | 'occupied' | null;
  /** For `outside-act`: the threshold rule that puts the purchase outside. */
  readonly threshold: Citation | null;
}

/** The provision id for each regime; Norway's health and social services use chapter 30 above their threshold. */
function provisionId(p: EvidencePurchase): string | null {
  switch (p.regime) {
    case 'NO-PART-I':
      return 'NO-RES-I';
    case 'NO-PART-II':
      return 'NO-RES-II';
    case 'NO-PART-III':
      return p.contractKind === 'social-services' ? 'NO-RES-HS' : 'NO-RES-III';
    case 'SE-DIRECT':
    case 'SE-BELOW-EU':
    case 'SE-ABOVE-EU':
      return 'SE-RES-418-P';
    default:
      return null;
  }
}

export function reservationBasis(p: EvidencePurchase, rules: RuleSet = DEFAULT_RULES): ReservationBasis {
  const pack = rules[p.jurisdiction];
  const shareRule = resolveParameter(pack, 'reserved-share', p.date).applied;
  const shareCitation = shareRule ? citationOf(shareRule.id, rules) : null;
  const share = shareRule?.value != null && shareCitation ? { percent: shareRule.value, citation: shareCitation } : null;
  const denominator = pack.parameters['reserved-share']?.denominator ?? null;
  if (p.regime === 'NO-EXEMPT') {
    const lower = resolveParameter(pack, 'lower-threshold', p.date).applied;
    return { kind: 'outside-act', provision: null, share, denominator, threshold: lower ? citationOf(lower.id, rules) : null };
  }
  const id = provisionId(p);
  const provision = id ? citationOf(id, rules) : null;
  return { kind: provision ? 'reservation' : 'unknown', provision, share, denominator, threshold: null };
}
