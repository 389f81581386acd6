import { classifyPurchase } from '../rules/regime.ts';
import type { Reference, VerificationStatus } from '../rules/schema.ts';
import type { Notice } from './model.ts';

/** A provision a buyer cites for a reservation, as data with its source and how sure we are. */
export interface LegalBasis {
  /** The row in research/rules.md this comes from. */
  readonly ruleId: string;
  readonly jurisdiction: 'EU' | 'NO' | 'SE';
  /** Title: the citation as written in that jurisdiction (a proper name, not translated). */
  readonly reference: Reference;
  /** As in the rule packs: verified (seen in the source), pending, unverified (re-check first). */
  readonly status: VerificationStatus;
}

/** research/rules.md confidence V or V2 → verified; I → unverified. */
export const LEGAL_BASES = {
  'EU-RES-20': {
    ruleId: 'EU-RES-20',
    jurisdiction: 'EU',
    reference: { title: 'Directive 2014/24/EU art. 20', url: 'https://bestek-procurement.com/case-c-598-19-conacee-reserved-contracts-and-additional-national-criteria-beyond-those-laid-down-in-article-201-of-directive-2014-24-eu-on-public-procurement' },
    status: 'verified',
  },
  'NO-RES-II': {
    ruleId: 'NO-RES-II',
    jurisdiction: 'NO',
    reference: { title: 'FOA § 8-8 (del II)', url: 'https://www.foa.no/single-post/2018/01/06/reserverte-kontrakter-for-vanskeligstilte-eller-funksjonshemmede-personer' },
    status: 'verified',
  },
  'NO-RES-III': {
    ruleId: 'NO-RES-III',
    jurisdiction: 'NO',
    reference: { title: 'FOA § 16-9 (del III)', url: 'https://www.foa.no/single-post/2018/01/06/reserverte-kontrakter-for-vanskeligstilte-eller-funksjonshemmede-personer' },
    status: 'verified',
  },
  'NO-RES-HS': {
    ruleId: 'NO-RES-HS',
    jurisdiction: 'NO',
    reference: { title: 'FOA § 30-3 (helse- og sosialtjenester)', url: 'https://www.foa.no/single-post/2018/01/06/reserverte-kontrakter-for-vanskeligstilte-eller-funksjonshemmede-personer' },
    status: 'verified',
  },
  'SE-RES-418': {
    ruleId: 'SE-RES-418',
    jurisdiction: 'SE',
    reference: { title: 'LOU 4 kap. 18 §', url: 'https://www.upphandlingsmyndigheten.se/upphandla/om-upphandlingsreglerna/om-lagstiftningen/reserverad-upphandling/' },
    status: 'verified',
  },
  'EU-RES-77': {
    ruleId: 'EU-RES-77',
    jurisdiction: 'EU',
    reference: { title: 'Directive 2014/24/EU art. 77', url: 'https://www.codiceappalti.it/Italian_Procurement_Code/Art__143__Contracts_reserved_for_certain_services_/9747' },
    status: 'verified',
  },
  'SE-RES-77': {
    ruleId: 'SE-RES-77',
    jurisdiction: 'SE',
    reference: { title: 'LOU 19 kap. 25 §', url: 'https://www.upphandlingsmyndigheten.se/frageportalen/2761157/reserverad-upphandling-cpv-koder/' },
    status: 'verified',
  },
  // NO-HS verifies that FOA ch. 30 governs health and social services; the paragraph carrying the
  // Art. 77 reservation was not verified (rules.md: I), so this citation stays unverified.
  'NO-HS': {
    ruleId: 'NO-HS',
    jurisdiction: 'NO',
    reference: { title: 'FOA kap. 30', url: 'https://www.regjeringen.no/no/dokumenter/veileder-offentlige-anskaffelser/id2581234/?ch=48' },
    status: 'unverified',
  },
} as const satisfies Record<string, LegalBasis>;

/** The two reservations a notice can declare; they have different legal bases and must never be confused. */
export type ReservationKind = 'work-integration' | 'public-service-mission';

type NoticeContext = Pick<Notice, 'noticeType' | 'national'> & Partial<Pick<Notice, 'estimatedValue' | 'contractNature' | 'buyerLegalType' | 'issueDate'>>;

const LIGHT_REGIME = new Set(['cn-social', 'pin-cfc-social', 'can-social']);

/**
 * Norway's part by value: when the notice gives its total estimated value in NOK, its contract
 * nature and its date, the rules core decides between part II (§ 8-8) and part III (§ 16-9).
 * Null when the notice does not say enough, or the verdict is unknown.
 */
function norwegianPartByValue(notice: NoticeContext): LegalBasis | null {
  const { estimatedValue, contractNature, issueDate } = notice;
  if (!estimatedValue || estimatedValue.currency !== 'NOK' || !contractNature || !issueDate) return null;
  const verdict = classifyPurchase({
    jurisdiction: 'NO',
    buyer: notice.buyerLegalType === 'cga' ? 'state' : 'municipal',
    contractKind: contractNature === 'supplies' ? 'goods' : contractNature,
    value: estimatedValue,
    date: issueDate,
  });
  if (verdict.regime === 'UNKNOWN') return null;
  return verdict.regime === 'NO-PART-III' ? LEGAL_BASES['NO-RES-III'] : LEGAL_BASES['NO-RES-II'];
}

/**
 * The provision to cite for a reservation, by the buyer's country (eForms alpha-3). For Norway:
 * light-regime forms → § 30-3; otherwise by value when the notice gives it (part II § 8-8, part III
 * § 16-9), else by form: national (below-EEA) forms → § 8-8, EU forms → § 16-9.
 */
export function legalBasisFor(kind: ReservationKind, buyerCountry: string | null, notice: NoticeContext): LegalBasis {
  if (kind === 'public-service-mission') {
    if (buyerCountry === 'NOR') return LEGAL_BASES['NO-HS'];
    if (buyerCountry === 'SWE') return LEGAL_BASES['SE-RES-77'];
    return LEGAL_BASES['EU-RES-77'];
  }
  if (buyerCountry === 'SWE') return LEGAL_BASES['SE-RES-418'];
  if (buyerCountry !== 'NOR') return LEGAL_BASES['EU-RES-20'];
  if (LIGHT_REGIME.has(notice.noticeType ?? '')) return LEGAL_BASES['NO-RES-HS'];
  return norwegianPartByValue(notice) ?? (notice.national ? LEGAL_BASES['NO-RES-II'] : LEGAL_BASES['NO-RES-III']);
}
