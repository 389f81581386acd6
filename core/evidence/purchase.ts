import type { IsoDate } from '../dates.ts';
import type { MessageParams } from '../i18n/catalogue.ts';
import type { Supplier } from '../registry/types.ts';
import type { Finding } from '../rules/findings.ts';
import type { BuyerKind, ContractKind, PurchaseJurisdiction, RegimeCode, RegimeVerdict } from '../rules/regime.ts';
import type { EligibilityStatus } from '../rules/reserved.ts';
import type { Origins, RowResult, SheetReport } from '../sheet/types.ts';
import type { Money } from '../value/money.ts';
import { originsAt } from '../sheet/read/origin.ts';

/**
 * Something Inkludo took for granted about the purchase, shown in the record with why: one of the
 * sheet check's assumption findings, or one the evidence pack makes itself.
 */
export interface EvidenceAssumption {
  readonly messageKey: string;
  readonly params: MessageParams;
}

/** What the documents say about the supplier: who, and what the registry (an indicator) records. */
export interface EvidenceSupplier {
  readonly name: string | null;
  /** Canonical digits; never a personal identity number (the readers refuse those). */
  readonly orgnr: string | null;
  /** The registry entry relied on, with its provenance, or null when the registry does not list the supplier. */
  readonly registry: Supplier | null;
  /** Whether a registry was loaded at all: "not listed" and "not looked up" are different things. */
  readonly registryLoaded: boolean;
  readonly eligibility: EligibilityStatus | null;
}

/** One purchase as the evidence pack needs it, from a checked sheet row or from a single classification. */
export interface EvidencePurchase {
  readonly jurisdiction: PurchaseJurisdiction;
  /** The date the regime was decided at: the row's date or the check date. */
  readonly date: IsoDate;
  readonly description: string | null;
  readonly regime: RegimeCode;
  readonly estimatedValue: Money | null;
  /** Null when the source does not say (a sheet row's report does not carry it). */
  readonly contractKind: ContractKind | null;
  readonly buyer: BuyerKind | null;
  readonly cpv: readonly string[];
  /** Every rule id the regime and the findings rest on. */
  readonly ruleIds: readonly string[];
  readonly findings: readonly Finding[];
  readonly supplier: EvidenceSupplier | null;
  readonly origin: { readonly kind: 'sheet-row'; readonly row: number; readonly sheet: string } | { readonly kind: 'single' };
  /** For a sheet row: where each of its values came from (cell, header, sheet, option, default). */
  readonly origins: Origins | null;
  readonly assumptions: readonly EvidenceAssumption[];
}

type SupplierLookup = { byOrgnr(digits: string): Supplier | undefined };

/** Rule ids that only a health-and-social-services verdict rests on. */
const SOCIAL_SERVICES_RULE = /^(?:NO-EEA-\d{4}-HS|SE-THR-\d{4}-SOCIAL|NO-RES-HS)$/;
const WORKS_RULE = /^(?:NO-EEA-\d{4}-WORKS|SE-THR-\d{4}-WORKS)$/;

/**
 * The contract kind a row's verdict shows by the thresholds it used: social services and works have
 * thresholds of their own. Other kinds share theirs, so they stay unknown rather than guessed.
 */
function kindShownByRules(ruleIds: readonly string[]): ContractKind | null {
  if (ruleIds.some((id) => SOCIAL_SERVICES_RULE.test(id))) return 'social-services';
  if (ruleIds.some((id) => WORKS_RULE.test(id))) return 'works';
  return null;
}

/**
 * A checked sheet row (as `inkludo check` reports it) as an evidence purchase, with the sheet's
 * assumptions (they hold for every row) and the row's origins.
 */
export function purchaseFromRow(
  row: RowResult,
  context: {
    readonly jurisdiction: PurchaseJurisdiction;
    readonly sheet: string;
    readonly registry: SupplierLookup | null;
    readonly report: Pick<SheetReport, 'assumptions' | 'buyer'>;
  },
): EvidencePurchase {
  const s = row.supplier;
  const kind = kindShownByRules(row.ruleIds);
  const assumptions: EvidenceAssumption[] = [...context.report.assumptions];
  if (kind) assumptions.push({ messageKey: 'evidence.assumption.kind-from-rules', params: { kind } });
  return {
    jurisdiction: context.jurisdiction,
    date: row.date,
    description: row.description,
    regime: row.regime,
    estimatedValue: row.estimatedValue,
    contractKind: kind,
    buyer: context.report.buyer.value,
    cpv: [],
    ruleIds: row.ruleIds,
    findings: row.findings,
    supplier: s
      ? {
          name: s.name,
          orgnr: s.orgnr,
          registry: s.orgnr && context.registry ? (context.registry.byOrgnr(s.orgnr) ?? null) : null,
          registryLoaded: context.registry !== null,
          eligibility: s.eligibility,
        }
      : null,
    origin: { kind: 'sheet-row', row: row.row, sheet: context.sheet },
    origins: originsAt(row.origins, row.row),
    assumptions,
  };
}

export interface SinglePurchaseInput {
  readonly jurisdiction: PurchaseJurisdiction;
  readonly date: IsoDate;
  readonly description: string | null;
  readonly verdict: RegimeVerdict;
  /** Given by the user, or null when a default was used (said so in the record). */
  readonly contractKind: ContractKind | null;
  readonly buyer: BuyerKind | null;
  readonly defaults: { readonly contractKind: ContractKind; readonly buyer: BuyerKind };
  readonly cpv: readonly string[];
  readonly supplierOrgnr: string | null;
  readonly registry: SupplierLookup | null;
  readonly eligibility: { readonly status: EligibilityStatus; readonly findings: readonly Finding[]; readonly ruleIds: readonly string[] } | null;
}

/** A purchase given on the command line or in a form: its classification plus the supplier. */
export function singlePurchase(input: SinglePurchaseInput): EvidencePurchase {
  const entry = input.supplierOrgnr && input.registry ? (input.registry.byOrgnr(input.supplierOrgnr) ?? null) : null;
  const assumptions: EvidenceAssumption[] = [];
  if (input.contractKind === null) assumptions.push({ messageKey: 'evidence.assumption.kind-default', params: { kind: input.defaults.contractKind } });
  if (input.buyer === null) assumptions.push({ messageKey: 'evidence.assumption.buyer-default', params: { buyer: input.defaults.buyer } });
  const findings = [...input.verdict.findings, ...(input.eligibility?.findings ?? [])];
  return {
    jurisdiction: input.jurisdiction,
    date: input.date,
    description: input.description,
    regime: input.verdict.regime,
    estimatedValue: input.verdict.valueExclVat,
    contractKind: input.contractKind ?? input.defaults.contractKind,
    buyer: input.buyer ?? input.defaults.buyer,
    cpv: input.cpv,
    ruleIds: [...new Set([...input.verdict.ruleIds, ...(input.eligibility?.ruleIds ?? [])])],
    findings,
    supplier: input.supplierOrgnr ? { name: entry?.name ?? null, orgnr: input.supplierOrgnr, registry: entry, registryLoaded: input.registry !== null, eligibility: input.eligibility?.status ?? null } : null,
    origin: { kind: 'single' },
    origins: null,
    assumptions,
  };
}
