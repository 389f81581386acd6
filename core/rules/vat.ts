import type { IsoDate } from '../dates.ts';
import { cpvDigits } from './cpv-kind.ts';
import type { ContractKind } from './regime.ts';
import { resolveParameter } from './resolve.ts';
import type { RulePack, VerificationStatus } from './schema.ts';

/**
 * Which VAT rates a value "incl. VAT" may carry, by category (food, serving, health, education…)
 * as far as the CPV code tells it. Where the category or the rate is unsure, every possible rate is
 * a candidate and `certain` is false: a caller then shows the regime at each rate, never one guess.
 */

export interface VatRateCandidate {
  readonly rate: number;
  readonly ruleId: string;
  /** The pack's category (`food`, `serving`, …) or `standard`. */
  readonly category: string;
  readonly status: VerificationStatus;
  readonly title: string;
  readonly url: string;
}

export type VatRateReason =
  /** One verified rate for the category read from the CPV code. */
  | 'category-from-cpv'
  /** The category's rate is pending, unverified or one of several. */
  | 'category-rate-unsure'
  /** No CPV code (and no contract kind that settles it). */
  | 'no-cpv'
  /** A CPV code the pack maps to no VAT category. */
  | 'cpv-not-mapped'
  /** The pack has no rate for the category at this date. */
  | 'rate-missing';

export interface VatRates {
  /** Distinct rates, best supported first. */
  readonly rates: readonly VatRateCandidate[];
  readonly certain: boolean;
  readonly reason: VatRateReason;
  readonly category: string | null;
  /** The CPV prefix that gave the category, when one did. */
  readonly evidence: { readonly code: string; readonly prefix: string } | null;
}

const STANDARD = 'vat-standard-rate';

/**
 * Every rate a parameter may have at the date: the verified one first, then pending or unverified
 * ones. A verified rate that only applies as a fallback (an earlier period) counts as unverified here.
 */
function ratesOf(pack: RulePack, parameter: string, category: string, date: IsoDate): VatRateCandidate[] {
  const r = resolveParameter(pack, parameter, date);
  const candidate = (v: NonNullable<typeof r.applied>, status: VerificationStatus): VatRateCandidate => ({
    rate: v.value ?? 0,
    ruleId: v.id,
    category,
    status,
    title: v.reference.title,
    url: v.reference.url,
  });
  return [
    ...(r.applied ? [candidate(r.applied, r.fallbackFor === null ? r.applied.status : 'unverified')] : []),
    ...r.alternatives.map((v) => candidate(v, v.status)),
  ];
}

function distinctRates(candidates: readonly VatRateCandidate[]): VatRateCandidate[] {
  const seen = new Set<number>();
  return candidates.filter((c) => (seen.has(c.rate) ? false : (seen.add(c.rate), true)));
}

function categoryOf(code: string, pack: RulePack): { name: string; prefix: string } | null {
  let best: { name: string; prefix: string } | null = null;
  for (const [name, category] of Object.entries(pack.cpv?.vatCategories ?? {})) {
    for (const prefix of category.cpvPrefixes) {
      if (code.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { name, prefix };
    }
  }
  return best;
}

/** Every rate the pack knows at the date: the standard rate first. */
function allRates(pack: RulePack, date: IsoDate): VatRateCandidate[] {
  const categories = Object.entries(pack.cpv?.vatCategories ?? {});
  return distinctRates([
    ...ratesOf(pack, STANDARD, 'standard', date),
    ...categories.flatMap(([name, c]) => c.parameters.flatMap((p) => ratesOf(pack, p, name, date))),
  ]);
}

/**
 * The VAT rates a purchase may carry under `pack` at `date`. With a CPV code whose category has one
 * verified rate, that rate alone (`certain`); otherwise the candidates, standard rate among them.
 * Works without a CPV code take the category of CPV 45 (construction: the standard rate), as the pack maps it.
 */
export function vatRatesFor(pack: RulePack, date: IsoDate, purchase: { readonly cpv?: string | null; readonly kind?: ContractKind | null }): VatRates {
  const code = purchase.cpv ? cpvDigits(purchase.cpv) : null;
  const found = code !== null ? categoryOf(code, pack) : purchase.kind === 'works' ? categoryOf('45000000', pack) : null;
  const evidence = code !== null && found !== null ? { code, prefix: found.prefix } : null;
  const rates = ratesByCategory(pack, date, found?.name ?? null, code === null ? 'no-cpv' : 'cpv-not-mapped');
  return evidence ? { ...rates, evidence } : rates;
}

/** Packs are immutable once loaded: the rates of a category at a date are worked out once. */
const memo = new WeakMap<RulePack, Map<string, VatRates>>();

function ratesByCategory(pack: RulePack, date: IsoDate, name: string | null, unknown: 'no-cpv' | 'cpv-not-mapped'): VatRates {
  let byKey = memo.get(pack);
  if (!byKey) memo.set(pack, (byKey = new Map()));
  const key = `${date}|${name ?? unknown}`;
  let result = byKey.get(key);
  if (!result) {
    result = uncachedRates(pack, date, name, unknown);
    byKey.set(key, result);
  }
  return result;
}

function uncachedRates(pack: RulePack, date: IsoDate, name: string | null, unknown: 'no-cpv' | 'cpv-not-mapped'): VatRates {
  if (name === null) return { rates: allRates(pack, date), certain: false, reason: unknown, category: null, evidence: null };
  const category = pack.cpv!.vatCategories![name]!;
  const rates = distinctRates(category.parameters.flatMap((p) => ratesOf(pack, p, name, date)));
  if (rates.length === 0) return { rates: allRates(pack, date), certain: false, reason: 'rate-missing', category: name, evidence: null };
  const certain = rates.length === 1 && rates[0]!.status === 'verified';
  return { rates, certain, reason: certain ? 'category-from-cpv' : 'category-rate-unsure', category: name, evidence: null };
}
