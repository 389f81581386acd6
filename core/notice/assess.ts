import type { OrgnrJurisdiction } from '../orgnr/index.ts';
import type { RegistryIndex } from '../registry/match.ts';
import { countiesOfNuts } from '../registry/nuts.ts';
import type { Provenance, Supplier } from '../registry/types.ts';
import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import { legalBasisFor, type LegalBasis } from './legal-basis.ts';
import type { LotKind, Notice, NoticeLot, NoticeParty } from './model.ts';

/** What the assessment needs from the registry index (buildRegistryIndex). */
export type SupplierLookup = Pick<RegistryIndex, 'byOrgnr' | 'byName' | 'fitting'>;

export interface RegistrySource {
  readonly lookup: SupplierLookup;
  /** The registry's own provenance; each supplier also carries its own. */
  readonly provenance: Provenance;
}

/**
 * What a lot says about work integration, strongest first. `public-service-mission` (res-pub-ser,
 * Art. 77) is a different reservation from `work-integration` (res-ws, Art. 20) and is never
 * presented as a sheltered-workshop reservation.
 */
export type LotSignalKind =
  | 'work-integration'
  | 'public-service-mission'
  | 'sheltered-execution'
  | 'social-employment-objective'
  | 'social-strategic-procurement';

export interface LotSignal {
  readonly kind: LotSignalKind;
  /** The eForms field and code that carried it, e.g. BT-71 `res-ws`. */
  readonly field: 'BT-71' | 'BT-736' | 'BT-775' | 'BT-06';
  readonly code: string;
  /** The provision to cite, for reservations; weaker signals have none. */
  readonly legalBasis: LegalBasis | null;
}

export interface FittingSupplier {
  readonly supplier: Supplier;
  /** The notice CPV code the supplier's category matched. */
  readonly cpv: string;
  /**
   * The supplier serves the place of performance (one of its regions lies in a county of it, or it
   * states no region: nationwide); null when no place of performance could be compared.
   */
  readonly inRegion: boolean | null;
}

/** The lot's places of performance (BT-5071, NUTS) as county numbers, through core/registry/data/nuts-regions.json. */
export interface LotPlaces {
  /** NUTS codes the correspondence knows, and the counties (fylke, län) they cover. */
  readonly known: readonly string[];
  readonly counties: readonly string[];
  /** NUTS codes it does not know (foreign regions, NOZZZ, anyw, typos): said, never guessed. */
  readonly unknown: readonly string[];
}

export interface LotAssessment {
  readonly lot: string;
  readonly kind: LotKind;
  /** Empty means no reservation and no social signal. */
  readonly signals: readonly LotSignal[];
  /** Registry suppliers whose categories cover the lot's CPV, those serving the place of performance first, the first FITTING_SHOWN_PER_LOT of them; null without a registry. */
  readonly fitting: readonly FittingSupplier[] | null;
  /** How many suppliers fit in all (may exceed `fitting.length`); null without a registry. */
  readonly fittingCount: number | null;
  readonly places: LotPlaces;
}

/**
 * At most this many fitting suppliers are listed per lot. A notice with 2 000 lots against a registry
 * of 2 000 fitting suppliers would otherwise list four million (hundreds of megabytes of output); the
 * count says how many there are, and a buyer narrows by CPV or region from there.
 */
export const FITTING_SHOWN_PER_LOT = 25;

export interface WinnerInRegistry {
  readonly lot: string | null;
  readonly party: NoticeParty;
  readonly supplier: Supplier;
  /** `name` only when the notice gives no valid organisation number and exactly one supplier has that name. */
  readonly matchedBy: 'orgnr' | 'name';
}

export interface NoticeAssessment {
  /** The first buyer's country (alpha-3), which decides the legal basis; null when the notice does not say. */
  readonly buyerCountry: string | null;
  /** Lots and parts; groups carry no reservation and are left out. */
  readonly lots: readonly LotAssessment[];
  /** Null without a registry. */
  readonly winnersInRegistry: readonly WinnerInRegistry[] | null;
  readonly registry: Provenance | null;
}

const JURISDICTION_OF_COUNTRY: Readonly<Record<string, OrgnrJurisdiction>> = { NOR: 'NO', SWE: 'SE' };

/** `rules`: the packs in force, e.g. with the organisation's own pack for its jurisdiction. */
export function assessNotice(notice: Notice, registry: RegistrySource | null = null, rules: RuleSet = DEFAULT_RULES): NoticeAssessment {
  const buyerCountry = notice.buyers.find((b) => b.country !== null)?.country ?? null;
  const lots = notice.lots
    .filter((lot) => lot.kind !== 'LotsGroup')
    .map((lot) => {
      const places = lotPlaces(lot);
      const fitting = registry ? fittingSuppliers(lot, notice, buyerCountry, registry.lookup, places) : null;
      return { lot: lot.id, kind: lot.kind, signals: lotSignals(lot, buyerCountry, notice, rules), fitting: fitting?.shown ?? null, fittingCount: fitting?.count ?? null, places };
    });
  return {
    buyerCountry,
    lots,
    winnersInRegistry: registry ? winnersInRegistry(notice, registry.lookup) : null,
    registry: registry?.provenance ?? null,
  };
}

function lotSignals(lot: NoticeLot, buyerCountry: string | null, notice: Notice, rules: RuleSet): LotSignal[] {
  const out: LotSignal[] = [];
  // A lot may carry both codes (ND-LotReservedProcurement is repeatable): report each on its own basis.
  if (lot.reserved.includes('res-ws')) {
    out.push({ kind: 'work-integration', field: 'BT-71', code: 'res-ws', legalBasis: legalBasisFor('work-integration', buyerCountry, notice, rules) });
  }
  if (lot.reserved.includes('res-pub-ser')) {
    out.push({
      kind: 'public-service-mission',
      field: 'BT-71',
      code: 'res-pub-ser',
      legalBasis: legalBasisFor('public-service-mission', buyerCountry, notice, rules),
    });
  }
  // Performance within sheltered employment programmes is the second alternative of the same article.
  if (lot.reservedExecution === 'yes') {
    out.push({ kind: 'sheltered-execution', field: 'BT-736', code: 'yes', legalBasis: legalBasisFor('work-integration', buyerCountry, notice, rules) });
  }
  if (lot.socialObjectives.includes('opp')) out.push({ kind: 'social-employment-objective', field: 'BT-775', code: 'opp', legalBasis: null });
  if (lot.strategic.includes('soc-obj')) out.push({ kind: 'social-strategic-procurement', field: 'BT-06', code: 'soc-obj', legalBasis: null });
  return out;
}

function lotPlaces(lot: NoticeLot): LotPlaces {
  const known: string[] = [];
  const counties = new Set<string>();
  const unknown: string[] = [];
  for (const code of lot.places) {
    const found = countiesOfNuts(code);
    if (!found.known) unknown.push(code);
    else {
      known.push(code);
      for (const region of found.regions) for (const county of region.counties) counties.add(`${region.jurisdiction}:${county}`);
    }
  }
  return { known, counties: [...counties], unknown };
}

/** A supplier's regions meet the places when one lies in a county of them; no regions means nationwide. */
function servesPlaces(supplier: Supplier, places: LotPlaces): boolean | null {
  if (places.counties.length === 0) return null;
  if (supplier.regions.length === 0) return true;
  return supplier.regions.some((r) => places.counties.includes(`${supplier.jurisdiction}:${r.slice(0, 2)}`));
}

function fittingSuppliers(lot: NoticeLot, notice: Notice, buyerCountry: string | null, lookup: SupplierLookup, places: LotPlaces): { shown: FittingSupplier[]; count: number } {
  const codes = lot.cpv.length > 0 || lot.cpvAdditional.length > 0 ? [...lot.cpv, ...lot.cpvAdditional] : notice.cpv;
  const jurisdiction = buyerCountry === null ? undefined : JURISDICTION_OF_COUNTRY[buyerCountry];
  const inside: FittingSupplier[] = [];
  const outside: FittingSupplier[] = [];
  const seen = new Set<string>();
  for (const cpv of codes) {
    for (const supplier of lookup.fitting(jurisdiction ? { cpv: [cpv], jurisdiction } : { cpv: [cpv] })) {
      if (seen.has(supplier.orgnr)) continue;
      seen.add(supplier.orgnr);
      const inRegion = servesPlaces(supplier, places);
      const bucket = inRegion === false ? outside : inside;
      // Only as many as can be shown are kept: in the place of performance first, registry order within each.
      if (bucket.length < FITTING_SHOWN_PER_LOT) bucket.push({ supplier, cpv, inRegion });
    }
  }
  return { shown: [...inside, ...outside].slice(0, FITTING_SHOWN_PER_LOT), count: seen.size };
}

function winnersInRegistry(notice: Notice, lookup: SupplierLookup): WinnerInRegistry[] {
  const out: WinnerInRegistry[] = [];
  for (const winner of notice.winners) {
    const { orgnr, name } = winner.party;
    if (orgnr !== null) {
      // A valid number decides: a registry supplier with the same name but another number is someone else.
      const supplier = lookup.byOrgnr(orgnr);
      if (supplier) out.push({ lot: winner.lot, party: winner.party, supplier, matchedBy: 'orgnr' });
      continue;
    }
    const byName = name === null ? [] : lookup.byName(name);
    const only = byName.length === 1 ? byName[0] : undefined;
    if (only) out.push({ lot: winner.lot, party: winner.party, supplier: only, matchedBy: 'name' });
  }
  return out;
}
