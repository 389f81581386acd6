import type { OrgnrJurisdiction, OrgnrProblem } from '../orgnr/index.ts';
import type { Money } from '../value/money.ts';

/** An eForms organisation (efac:Organization/efac:Company) as far as the notice tells. */
export type ContractNature = 'works' | 'supplies' | 'services';

export interface NoticeParty {
  /** OPT-200 technical id (`ORG-0001`), the key role references point to. */
  readonly ref: string;
  /** BT-500 official name (first language given). */
  readonly name: string | null;
  /** BT-501 exactly as written, or null when absent or a personal identity number (orgnrProblem says so; never kept). */
  readonly orgnrRaw: string | null;
  /** Canonical digits (NO 9, SE 10) when the organisation is Norwegian or Swedish and the checksum holds. */
  readonly orgnr: string | null;
  readonly orgnrJurisdiction: OrgnrJurisdiction | null;
  /** Why a Norwegian or Swedish BT-501 is not a valid number; null when valid or not checked (other countries). */
  readonly orgnrProblem: OrgnrProblem | null;
  /** BT-514 ISO 3166 alpha-3 (`NOR`, `SWE`). */
  readonly country: string | null;
  /** BT-165 winner size (`micro` … `large`, `sme`). */
  readonly size: string | null;
}

/** `Lot` and `Part` (PIN-only) carry BT-71; a `LotsGroup` never does. */
export type LotKind = 'Lot' | 'Part' | 'LotsGroup';

export interface NoticeLot {
  /** `LOT-0001`, `PAR-0000`, `GLO-0001`. */
  readonly id: string;
  readonly kind: LotKind;
  readonly title: string | null;
  /** BT-71 reserved participation codes, lower-case (`none`, `res-ws`, `res-pub-ser`); repeatable. Empty for groups. */
  readonly reserved: readonly string[];
  /** BT-736 reserved execution (`yes`, `no`, `not-known`) or null when absent. */
  readonly reservedExecution: string | null;
  /** BT-06 strategic procurement codes (`env-imp`, `soc-obj`, …). */
  readonly strategic: readonly string[];
  /** BT-775 social objective codes (`opp`, `acc-all`, …). */
  readonly socialObjectives: readonly string[];
  /** BT-27 estimated value; null when absent or not a decimal amount (then see `Notice.warnings`). */
  readonly estimatedValue: Money | null;
  /** BT-262 main CPV codes. */
  readonly cpv: readonly string[];
  /** BT-263 additional CPV codes. */
  readonly cpvAdditional: readonly string[];
  /** BT-5071 place of performance (NUTS codes). */
  readonly places: readonly string[];
}

/** One organisation on one tender for one lot: a winner (BT-3202 settled) or a tenderer that did not win. */
export interface NoticeTender {
  /** The lot, part or group id the tender was for; null when the notice does not say (re-converted legacy notices). */
  readonly lot: string | null;
  /** OPT-321 tender id (`TEN-0001`). */
  readonly tender: string;
  readonly party: NoticeParty;
}

export type NoticeWarningCode = 'value-unparseable' | 'unresolved-reference';

/** Something in the notice the reader could not use; the rest of the notice is still read. */
export interface NoticeWarning {
  readonly code: NoticeWarningCode;
  /** Where: a lot id, `procedure`, or the dangling reference. */
  readonly at: string;
  readonly raw: string;
}

export type NoticeRoot = 'ContractNotice' | 'ContractAwardNotice' | 'PriorInformationNotice';

export interface Notice {
  readonly root: NoticeRoot;
  /** BT-701 notice identifier (UUID, or a Doffin id in re-converted notices). */
  readonly id: string | null;
  readonly version: string | null;
  /** OPP-070 notice subtype: `1`…`40`, `E1`…`E6`, `CEI`, Norwegian `N4`/`N16`/`N29`. */
  readonly subtype: string | null;
  /** Norwegian below-threshold (national) notice: N-subtype or a `…:eforms:national…` customization. */
  readonly national: boolean;
  /** BT-02 notice type (`cn-standard`, `cn-social`, `pin-cfc-social`, `can-social`, `veat`, …). */
  readonly noticeType: string | null;
  /** BT-03 form type (`competition`, `result`, `planning`, …). */
  readonly formType: string | null;
  /** BT-702 notice language (`ENG`, `NOR`, `NOB`, `SWE`). */
  readonly language: string | null;
  /** OPT-002, e.g. `eforms-sdk-1.7#extended#urn:fdc:anskaffelser.no:2023:eforms:eu`. */
  readonly customizationId: string | null;
  /** BT-04 procedure identifier: links a contract notice and its award notice. */
  readonly procedureId: string | null;
  /** BT-21 procedure title. */
  readonly title: string | null;
  /** BT-05 issue date (date part). */
  readonly issueDate: string | null;
  /** BT-11 buyer legal type of the first buyer, e.g. `cga` (central government), `la`, `body-pl-la`. */
  readonly buyerLegalType: string | null;
  /** BT-23 main nature of the contract (procedure level). */
  readonly contractNature: ContractNature | null;
  readonly buyers: readonly NoticeParty[];
  /** BT-27 procedure-level estimated value. */
  readonly estimatedValue: Money | null;
  /** BT-262 procedure-level main CPV codes. */
  readonly cpv: readonly string[];
  readonly lots: readonly NoticeLot[];
  readonly winners: readonly NoticeTender[];
  /** Tenderers whose tender for that lot was not settled (losing or not yet decided). */
  readonly tenderers: readonly NoticeTender[];
  readonly warnings: readonly NoticeWarning[];
}
