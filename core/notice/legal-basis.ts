import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import { classifyPurchase } from '../rules/regime.ts';
import type { Reference, VerificationStatus } from '../rules/schema.ts';
import type { Notice } from './model.ts';

/** A provision a buyer cites for a reservation, as data with its source and how sure we are. */
export interface LegalBasis {
  /** The provision's id in its rule pack. */
  readonly ruleId: string;
  readonly jurisdiction: 'EU' | 'NO' | 'SE';
  /** Title: the citation as written in that jurisdiction (a proper name, not translated). */
  readonly reference: Reference;
  /** As in the rule packs: verified (seen in the source), pending, unverified (re-check first). */
  readonly status: VerificationStatus;
}

/**
 * The provisions cited for each reservation, by id in the rule packs (core/rules/packs): the
 * citations, their sources and statuses live there, once.
 */
export const LEGAL_BASIS_IDS = {
  'work-integration': { EU: 'EU-RES-20-P', SE: 'SE-RES-418-P', 'NO-II': 'NO-RES-II', 'NO-III': 'NO-RES-III', 'NO-HS': 'NO-RES-HS' },
  'public-service-mission': { EU: 'EU-RES-77', SE: 'SE-RES-77', NO: 'NO-RES-77' },
} as const;

/** A provision of a pack as the basis to cite. Falls back to the bundled pack when an organisation's own pack leaves it out. */
function provision(jurisdiction: LegalBasis['jurisdiction'], id: string, rules: RuleSet): LegalBasis {
  const found = rules[jurisdiction].provisions.find((p) => p.id === id) ?? DEFAULT_RULES[jurisdiction].provisions.find((p) => p.id === id);
  if (!found) throw new Error(`rule pack ${jurisdiction} has no provision ${id}`);
  return { ruleId: found.id, jurisdiction, reference: found.reference, status: found.status };
}

/** The two reservations a notice can declare; they have different legal bases and must never be confused. */
export type ReservationKind = 'work-integration' | 'public-service-mission';

type NoticeContext = Pick<Notice, 'noticeType' | 'national'> & Partial<Pick<Notice, 'estimatedValue' | 'contractNature' | 'buyerLegalType' | 'issueDate'>>;

const LIGHT_REGIME = new Set(['cn-social', 'pin-cfc-social', 'can-social']);

/**
 * Norway's part by value: when the notice gives its total estimated value in NOK, its contract
 * nature and its date, the rules core decides between part II (§ 8-8) and part III (§ 16-9).
 * Null when the notice does not say enough, or the verdict is unknown.
 */
function norwegianPartByValue(notice: NoticeContext, rules: RuleSet): LegalBasis | null {
  const { estimatedValue, contractNature, issueDate } = notice;
  if (!estimatedValue || estimatedValue.currency !== 'NOK' || !contractNature || !issueDate) return null;
  const verdict = classifyPurchase({
    jurisdiction: 'NO',
    buyer: notice.buyerLegalType === 'cga' ? 'state' : 'municipal',
    contractKind: contractNature === 'supplies' ? 'goods' : contractNature,
    value: estimatedValue,
    date: issueDate,
  }, rules);
  if (verdict.regime === 'UNKNOWN') return null;
  const ids = LEGAL_BASIS_IDS['work-integration'];
  return provision('NO', verdict.regime === 'NO-PART-III' ? ids['NO-III'] : ids['NO-II'], rules);
}

/**
 * The provision to cite for a reservation, by the buyer's country (eForms alpha-3). For Norway:
 * light-regime forms → § 30-3; otherwise by value when the notice gives it (part II § 8-8, part III
 * § 16-9), else by form: national (below-EEA) forms → § 8-8, EU forms → § 16-9.
 */
export function legalBasisFor(kind: ReservationKind, buyerCountry: string | null, notice: NoticeContext, rules: RuleSet = DEFAULT_RULES): LegalBasis {
  if (kind === 'public-service-mission') {
    const ids = LEGAL_BASIS_IDS['public-service-mission'];
    if (buyerCountry === 'NOR') return provision('NO', ids.NO, rules);
    if (buyerCountry === 'SWE') return provision('SE', ids.SE, rules);
    return provision('EU', ids.EU, rules);
  }
  const ids = LEGAL_BASIS_IDS['work-integration'];
  if (buyerCountry === 'SWE') return provision('SE', ids.SE, rules);
  if (buyerCountry !== 'NOR') return provision('EU', ids.EU, rules);
  if (LIGHT_REGIME.has(notice.noticeType ?? '')) return provision('NO', ids['NO-HS'], rules);
  return norwegianPartByValue(notice, rules) ?? provision('NO', notice.national ? ids['NO-II'] : ids['NO-III'], rules);
}
