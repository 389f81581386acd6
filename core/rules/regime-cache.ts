/**
 * classifyPurchase for the many purchases of one sheet. Without VAT and in the pack's own currency, a
 * verdict depends on the value only through where it falls among the pack's figures (every comparison
 * the ladders, pending alternatives and the documentation limit make is against one of them), and on
 * the date only through its period (periods.ts: where it falls among the dates the pack names). So a
 * verdict is kept per (period, buyer, contract kind, currency stated or not, value place), and
 * only the value itself is filled in. A value including VAT at candidate rates is kept the same way by
 * the places of its net values, its VAT finding made anew (vatVerdict). Values in another currency,
 * or including VAT without candidate rates, go to classifyPurchase every time. The result equals
 * classifyPurchase's (regime-cache.test.ts checks that over random inputs at every boundary).
 */
import { money, type Money } from '../value/money.ts';
import { BUYER_KINDS, CONTRACT_KINDS, classifyPurchase, netOf, vatRatesFinding, type PurchaseInput, type RegimeVerdict, type VatOutcome } from './regime.ts';
import type { VatRateCandidate } from './vat.ts';
import type { RuleSet } from './packs/index.ts';
import { packPeriods, periodOf, placeAmong } from './periods.ts';
import type { RulePack } from './schema.ts';

interface PackPlaces {
  readonly pack: RulePack;
  /** Every figure of the pack in minor units, sorted. */
  readonly figures: readonly bigint[];
  /** Verdicts by period, then by buyer × kind × currency stated, then by value place. */
  readonly verdicts: (Map<number, RegimeVerdict> | undefined)[][];
  /** Verdicts on values incl. VAT by period, then by buyer × kind × currency stated, then by candidate rates. */
  readonly vatVerdicts: (WeakMap<readonly VatRateCandidate[], VatVerdicts> | undefined)[][];
}

function packPlaces(pack: RulePack): PackPlaces {
  const figures = new Set<bigint>();
  for (const parameter of Object.values(pack.parameters)) for (const v of parameter.values) if (v.value !== null) figures.add(BigInt(Math.round(v.value * 100)));
  const { count } = packPeriods(pack);
  const perPeriod = <T>(): T[][] => Array.from({ length: count }, () => []);
  return { pack, figures: [...figures].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), verdicts: perPeriod(), vatVerdicts: perPeriod() };
}

/** Verdicts on values incl. VAT at one list of rates: by the places of the net values, and by value. */
interface VatVerdicts {
  readonly byPlaces: Map<number, RegimeVerdict>;
  /**
   * Whole verdicts by the value itself (minor units), at most VALUES_KEPT: a sheet repeats its
   * amounts ("2,5 MNOK"), and a repeated value then costs one look-up, not its net values, outcomes
   * and VAT finding made again.
   */
  readonly byValue: Map<bigint, RegimeVerdict>;
}
const VALUES_KEPT = 1 << 14;

const KIND_INDEX = new Map(CONTRACT_KINDS.map((k, i) => [k, i]));
const BUYER_INDEX = new Map(BUYER_KINDS.map((b, i) => [b, i]));

/** classifyPurchase; `period`, when the caller has it, must be periodOf(the jurisdiction's pack, input.date). */
export type Classifier = (input: PurchaseInput, period?: number) => RegimeVerdict;

/** The cache slot of a purchase's buyer, kind and whether its value states its currency. */
function slotOf(input: PurchaseInput, value: Money): number {
  return ((BUYER_INDEX.get(input.buyer) ?? 0) * CONTRACT_KINDS.length + (KIND_INDEX.get(input.contractKind) ?? 0)) * 2 + (value.currency === null ? 0 : 1);
}

/** Rates beyond this many are classified uncached (the places of their net values would not fit one number). */
const MAX_CACHED_RATES = 4;

/**
 * A value incl. VAT at its candidate rates: the verdict depends on the value only through where each
 * net value falls among the figures, except for its first finding (vatRatesFinding) and the net
 * values themselves, which are made anew for each value not met before. The rates are kept by
 * identity (the sheet's vatRatesFor lists are cached) in a WeakMap, so an uncached list is simply
 * classified again.
 */
function vatVerdict(input: PurchaseInput, value: Money, rates: readonly VatRateCandidate[], places: PackPlaces, period: number, rules: RuleSet): RegimeVerdict {
  const slots = places.vatVerdicts[period] as (typeof places.vatVerdicts)[number];
  const slot = slotOf(input, value);
  let byRates = slots[slot];
  if (!byRates) slots[slot] = byRates = new WeakMap();
  let verdicts = byRates.get(rates);
  if (!verdicts) byRates.set(rates, (verdicts = { byPlaces: new Map(), byValue: new Map() }));
  const same = verdicts.byValue.get(value.minor);
  if (same) return same;
  const verdict = vatVerdictAt(input, value, rates, places, verdicts.byPlaces, rules);
  if (verdicts.byValue.size < VALUES_KEPT) verdicts.byValue.set(value.minor, verdict);
  return verdict;
}

/** vatVerdict for a value not met before at these rates. */
function vatVerdictAt(input: PurchaseInput, value: Money, rates: readonly VatRateCandidate[], places: PackPlaces, byPlaces: Map<number, RegimeVerdict>, rules: RuleSet): RegimeVerdict {
  const base = 2 * places.figures.length + 2;
  const nets: bigint[] = [];
  let at = 0;
  for (let i = 0; i < rates.length; i++) {
    nets.push(netOf(value.minor, (rates[i] as VatRateCandidate).rate));
    at = at * base + placeAmong(places.figures, nets[i] as bigint);
  }
  const cached = byPlaces.get(at);
  if (!cached) {
    const verdict = classifyPurchase(input, rules);
    byPlaces.set(at, verdict);
    return verdict;
  }
  const currency = value.currency ?? places.pack.currency;
  const depends = cached.dependsOn !== undefined;
  const outcomes: VatOutcome[] = rates.map((r, i) => ({
    rate: r.rate,
    ruleId: r.ruleId,
    category: r.category,
    valueExclVat: money(nets[i] as bigint, currency),
    regime: cached.dependsOn?.outcomes[i]?.regime ?? cached.regime,
  }));
  const findings = cached.findings.slice();
  findings[0] = vatRatesFinding(value, currency, rates, outcomes, depends);
  const valueExclVat = depends ? null : (outcomes[0] as VatOutcome).valueExclVat;
  return depends ?
      { regime: cached.regime, valueExclVat, rules: cached.rules, ruleIds: cached.ruleIds, findings, dependsOn: { on: 'vat-rate', outcomes } }
    : { regime: cached.regime, valueExclVat, rules: cached.rules, ruleIds: cached.ruleIds, findings };
}

/** A classifier equal to classifyPurchase with `rules`, remembering verdicts for the life of the returned function (one sheet). */
export function cachedClassifier(rules: RuleSet): Classifier {
  const byJurisdiction = new Map<string, PackPlaces>();
  let last: PackPlaces | undefined;
  return (input, known) => {
    const value = input.value;
    const pack = rules[input.jurisdiction];
    if (value === null || (value.currency !== null && value.currency !== pack.currency)) return classifyPurchase(input, rules);
    const rates = input.vatIncluded ? input.vatRates : undefined;
    if (input.vatIncluded && (!rates || rates.length === 0 || rates.length > MAX_CACHED_RATES)) return classifyPurchase(input, rules);
    // A sheet's purchases share one jurisdiction: its places are checked first.
    let places = last !== undefined && last.pack === pack ? last : byJurisdiction.get(input.jurisdiction);
    if (!places || places.pack !== pack) byJurisdiction.set(input.jurisdiction, (places = packPlaces(pack)));
    last = places;
    const period = known ?? periodOf(pack, input.date);
    if (rates) return vatVerdict(input, value, rates, places, period, rules);
    const slots = places.verdicts[period] as (typeof places.verdicts)[number];
    const slot = slotOf(input, value);
    let byValue = slots[slot];
    if (!byValue) slots[slot] = byValue = new Map();
    const at = placeAmong(places.figures, value.minor);
    let verdict = byValue.get(at);
    if (!verdict) {
      verdict = classifyPurchase(input, rules);
      byValue.set(at, verdict);
      return verdict;
    }
    // Money is immutable: a value with its currency is its own value excl. VAT. Written out rather
    // than spread (V8 may keep spread copies as slow dictionary objects); no verdict here has dependsOn.
    const valueExclVat = value.currency === null ? money(value.minor, pack.currency) : value;
    return { regime: verdict.regime, valueExclVat, rules: verdict.rules, ruleIds: verdict.ruleIds, findings: verdict.findings };
  };
}
