import type { IsoDate } from '../dates.ts';
import { money, type Money } from '../value/money.ts';
import { finding, type Finding } from './findings.ts';
import { DEFAULT_RULES, type RuleSet } from './packs/index.ts';
import { resolveParameter, type Resolution } from './resolve.ts';
import type { ParameterValue, RulePack } from './schema.ts';
import type { VatRateCandidate } from './vat.ts';

export const REGIME_CODES = ['NO-EXEMPT', 'NO-PART-I', 'NO-PART-II', 'NO-PART-III', 'SE-DIRECT', 'SE-BELOW-EU', 'SE-ABOVE-EU', 'UNKNOWN'] as const;
export type RegimeCode = (typeof REGIME_CODES)[number];

export const BUYER_KINDS = ['state', 'municipal'] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];
export const CONTRACT_KINDS = ['goods', 'services', 'works', 'social-services'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export type PurchaseJurisdiction = 'NO' | 'SE';

export interface PurchaseInput {
  readonly jurisdiction: PurchaseJurisdiction;
  readonly buyer: BuyerKind;
  readonly contractKind: ContractKind;
  /** Estimated value; a null currency is read as the jurisdiction's own. */
  readonly value: Money | null;
  /** True when the value includes VAT; null or false: excluding VAT, as thresholds are. */
  readonly vatIncluded?: boolean | null;
  /**
   * The VAT rates the value may carry (from vatRatesFor), used when it includes VAT. Without them the
   * pack's standard rate is used and a lower rate only shows up as a warning (the older behaviour).
   */
  readonly vatRates?: readonly VatRateCandidate[];
  readonly date: IsoDate;
}

/** A rule the verdict applied, with what a reader needs to check it. */
export interface AppliedRule {
  readonly id: string;
  readonly parameter: string;
  readonly value: number;
  readonly status: ParameterValue['status'];
  readonly title: string;
  readonly url: string;
  /** Who verified it, when an organisation's own pack did (shown as theirs, never as bundled). */
  readonly verifiedBy: string | null;
}

/** The regime at one of the possible VAT rates. */
export interface VatOutcome {
  readonly rate: number;
  readonly ruleId: string;
  readonly category: string;
  readonly valueExclVat: Money;
  readonly regime: RegimeCode;
}

export interface RegimeVerdict {
  /** `UNKNOWN` whenever the regime depends on something unknown (see `dependsOn`). */
  readonly regime: RegimeCode;
  /** Set when the regime depends on the VAT rate: the regime at each candidate rate. */
  readonly dependsOn?: { readonly on: 'vat-rate'; readonly outcomes: readonly VatOutcome[] };
  /** The value compared with the thresholds (excl. VAT), or null when there was none. */
  readonly valueExclVat: Money | null;
  readonly rules: readonly AppliedRule[];
  readonly ruleIds: readonly string[];
  readonly findings: readonly Finding[];
}

type Lookup = (parameter: string) => bigint | null;
/** A threshold ladder: where a value (in minor units) falls, asking only for the thresholds it needs. */
type Ladder = (value: bigint, lookup: Lookup) => RegimeCode;

function norwegianLadder(input: PurchaseInput): Ladder {
  const eea =
    input.contractKind === 'works' ? 'eea-threshold-works'
    : input.contractKind === 'social-services' ? 'eea-threshold-health-social'
    : input.buyer === 'state' ? 'eea-threshold-state'
    : 'eea-threshold-other';
  return (value, lookup) => {
    const lower = lookup('lower-threshold');
    if (lower === null) return 'UNKNOWN';
    if (value < lower) return 'NO-EXEMPT'; // in scope at a value equal to or greater than the threshold
    if (input.contractKind === 'social-services') {
      // Health and social services: below the EEA threshold only the act and FOA part I apply.
      const threshold = lookup(eea);
      if (threshold === null) return 'UNKNOWN';
      return value >= threshold ? 'NO-PART-III' : 'NO-PART-I';
    }
    const national = lookup('national-threshold');
    if (national === null) return 'UNKNOWN';
    if (value < national) return 'NO-PART-I';
    const threshold = lookup(eea);
    if (threshold === null) return 'UNKNOWN';
    return value >= threshold ? 'NO-PART-III' : 'NO-PART-II';
  };
}

function swedishLadder(input: PurchaseInput): Ladder {
  return (value, lookup) => {
    if (input.contractKind === 'social-services') {
      // Bilaga 2 services may be directly awarded below the threshold for social services.
      const social = lookup('eu-threshold-social');
      if (social === null) return 'UNKNOWN';
      return value < social ? 'SE-DIRECT' : 'SE-ABOVE-EU';
    }
    const limit = lookup('direct-award-limit');
    if (limit === null) return 'UNKNOWN';
    if (value < limit) return 'SE-DIRECT'; // only strictly below the limit
    const eu = lookup(input.contractKind === 'works' ? 'eu-threshold-works' : input.buyer === 'state' ? 'eu-threshold-central' : 'eu-threshold-sub-central');
    if (eu === null) return 'UNKNOWN';
    return value >= eu ? 'SE-ABOVE-EU' : 'SE-BELOW-EU';
  };
}

const toMinor = (major: number): bigint => BigInt(Math.round(major * 100));

/** Resolves parameters once per verdict and remembers which ones the verdict itself used. */
class Resolver {
  readonly used = new Map<string, Resolution>();
  private readonly cache = new Map<string, Resolution>();
  constructor(
    private readonly pack: RulePack,
    private readonly date: IsoDate,
  ) {}

  private peek(parameter: string): Resolution {
    let r = this.cache.get(parameter);
    if (!r) {
      r = resolveParameter(this.pack, parameter, this.date);
      this.cache.set(parameter, r);
    }
    return r;
  }

  resolve(parameter: string): Resolution {
    const r = this.peek(parameter);
    this.used.set(parameter, r);
    return r;
  }

  lookup: Lookup = (parameter) => valueOf(this.resolve(parameter));

  /** What-if lookup with one parameter replaced; it does not count as used by the verdict. */
  lookupWith(parameter: string, value: number): Lookup {
    return (p) => (p === parameter ? toMinor(value) : valueOf(this.peek(p)));
  }
}

function valueOf(r: Resolution): bigint | null {
  return r.applied?.value != null ? toMinor(r.applied.value) : null;
}

function appliedRule(r: Resolution): AppliedRule | null {
  const v = r.applied;
  if (!v || v.value === null) return null;
  return { id: v.id, parameter: r.parameter, value: v.value, status: v.status, title: v.reference.title, url: v.reference.url, verifiedBy: v.verifiedBy ?? null };
}

/** Findings about the rules themselves: pending changes that would alter the verdict, fallbacks, gaps. */
function ruleFindings(resolver: Resolver, ladder: Ladder, value: bigint, regime: RegimeCode, currency: string): Finding[] {
  const out: Finding[] = [];
  for (const r of [...resolver.used.values()]) {
    if (r.applied === null) out.push(finding('RULE-MISSING', 'warning', { parameter: r.parameter }, []));
    else if (r.fallbackFor !== null) {
      const gap = r.fallbackFor === 'none' ? null : r.fallbackFor;
      out.push(
        finding(
          'RULE-FALLBACK',
          'warning',
          { parameter: r.parameter, used: r.applied.id, value: r.applied.value ?? 0, currency, usedTo: r.applied.to, usedBy: r.applied.verifiedBy ?? null, missing: gap?.id ?? '—', source: gap?.reference.url ?? null },
          gap ? [r.applied.id, gap.id] : [r.applied.id],
        ),
      );
    }
    for (const alt of r.alternatives) {
      if (alt.value === null) continue;
      const altRegime = ladder(value, resolver.lookupWith(r.parameter, alt.value));
      if (altRegime === regime) continue;
      out.push(
        finding(
          'RULE-PENDING',
          'warning',
          { rule: alt.id, status: alt.status, value: alt.value, currency, from: alt.from, regime: altRegime, title: alt.reference.title, source: alt.reference.url },
          [alt.id],
        ),
      );
    }
  }
  return out;
}

function verdict(regime: RegimeCode, valueExclVat: Money | null, resolver: Resolver | null, findings: Finding[], dependsOn?: RegimeVerdict['dependsOn']): RegimeVerdict {
  const rules = resolver ? [...resolver.used.values()].map(appliedRule).filter((r): r is AppliedRule => r !== null) : [];
  return { regime, valueExclVat, rules, ruleIds: rules.map((r) => r.id), findings, ...(dependsOn ? { dependsOn } : {}) };
}

/** The net value of a gross one at a VAT rate (percent), rounded to the nearest minor unit. */
export function netOf(gross: bigint, rate: number): bigint {
  const divisor = BigInt(10_000 + Math.round(rate * 100));
  return (gross * 10_000n + divisor / 2n) / divisor;
}

const percent = (rate: number) => `${rate} %`;

/**
 * The first finding of a verdict on a value incl. VAT at candidate rates: how it was read at each rate
 * (`depends`: the rates give different regimes). The only part of such a verdict that carries the
 * value itself, so regime-cache.ts makes it anew for each value.
 */
export function vatRatesFinding(gross: Money, currency: string, rates: readonly VatRateCandidate[], outcomes: readonly VatOutcome[], depends: boolean): Finding {
  const first = outcomes[0]!;
  const ruleIds = rates.map((r) => r.ruleId);
  // Params written out rather than spread from a shared part: V8 may keep spread copies as slow dictionary objects, one per row of a sheet.
  const grossMajor = Number(gross.minor) / 100;
  const rateList = outcomes.map((o) => percent(o.rate)).join(', ');
  if (depends) {
    const byRate = outcomes.map((o) => `${percent(o.rate)}: ${o.regime}`).join('; ');
    return finding('VAT-RATE-DEPENDS', 'warning', { gross: grossMajor, currency, rates: rateList, outcomes: byRate }, ruleIds);
  }
  if (outcomes.length === 1) {
    const params = { gross: grossMajor, currency, rates: rateList, net: Number(first.valueExclVat.minor) / 100, rate: first.rate, rule: first.ruleId };
    return finding('VAT-INCLUDED', 'warning', params, ruleIds, 'finding.VAT-INCLUDED.rate');
  }
  return finding('VAT-INCLUDED', 'warning', { gross: grossMajor, currency, rates: rateList, regime: first.regime }, ruleIds, 'finding.VAT-INCLUDED.rates-agree');
}

/**
 * A value incl. VAT with the candidate rates the caller knows: the regime at each rate; one regime
 * when they agree, else `UNKNOWN` with `dependsOn` listing both (or all) regimes.
 */
function classifyAtRates(gross: Money, rates: readonly VatRateCandidate[], pack: RulePack, ladder: Ladder, resolver: Resolver): RegimeVerdict {
  const currency = gross.currency ?? pack.currency;
  const outcomes: VatOutcome[] = rates.map((r) => {
    const net = netOf(gross.minor, r.rate);
    return { rate: r.rate, ruleId: r.ruleId, category: r.category, valueExclVat: money(net, currency), regime: ladder(net, resolver.lookup) };
  });
  const first = outcomes[0]!;
  const regimes = new Set(outcomes.map((o) => o.regime));
  const findings: Finding[] = [vatRatesFinding(gross, currency, rates, outcomes, regimes.size > 1)];
  const seen = new Set<string>();
  for (const o of outcomes) {
    for (const f of ruleFindings(resolver, ladder, o.valueExclVat.minor, o.regime, pack.currency)) {
      const key = `${f.code}|${f.ruleIds.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  if (regimes.size > 1) return verdict('UNKNOWN', null, resolver, findings, { on: 'vat-rate', outcomes });
  if (first.regime === 'SE-DIRECT') findings.push(...directAwardFindings(resolver, first.valueExclVat.minor, pack));
  return verdict(first.regime, first.valueExclVat, resolver, findings);
}

/** The EU thresholds in EUR (EU pack) a Swedish purchase of this kind is compared with. */
function euThresholdParameter(input: PurchaseInput): string {
  if (input.contractKind === 'works') return 'threshold-works';
  if (input.contractKind === 'social-services') return 'threshold-social';
  return input.buyer === 'state' ? 'threshold-central' : 'threshold-sub-central';
}

/**
 * A value in another currency than the jurisdiction's. Legal figures are never converted here: a
 * Swedish value in EUR at or above the EU threshold (which the EU pack holds in EUR) is above the EU
 * threshold whatever the exchange rate; anything else needs the value in SEK/NOK.
 */
function otherCurrency(input: PurchaseInput, rules: RuleSet): RegimeVerdict {
  const pack = rules[input.jurisdiction];
  const value = input.value as Money;
  const ask = finding('CURRENCY-MISMATCH', 'warning', { currency: value.currency, expected: pack.currency });
  if (input.jurisdiction !== 'SE' || value.currency !== rules.EU.currency || input.vatIncluded) return verdict('UNKNOWN', null, null, [ask]);
  const resolver = new Resolver(rules.EU, input.date);
  const threshold = resolver.lookup(euThresholdParameter(input));
  if (threshold === null || value.minor < threshold) return verdict('UNKNOWN', null, resolver, [ask]);
  return verdict('SE-ABOVE-EU', value, resolver, [finding('CURRENCY-MISMATCH', 'info', { currency: value.currency, expected: pack.currency }, [], 'finding.CURRENCY-MISMATCH.above-eu')]);
}

function directAwardFindings(resolver: Resolver, net: bigint, pack: RulePack): Finding[] {
  const doc = resolver.resolve('documentation-limit').applied;
  return doc?.value != null && net > toMinor(doc.value) ? [finding('DIRECT-AWARD-DOCUMENT', 'info', { limit: doc.value, currency: pack.currency }, [doc.id])] : [];
}

/**
 * Which procurement regime a purchase falls under, with the rules applied and the findings about
 * them. Only verified rule values are applied; pending ones show up as RULE-PENDING when they would
 * change the answer.
 */
export function classifyPurchase(input: PurchaseInput, rules: RuleSet = DEFAULT_RULES): RegimeVerdict {
  const pack = rules[input.jurisdiction];
  if (input.value === null) return verdict('UNKNOWN', null, null, [finding('VALUE-MISSING', 'warning')]);
  if (input.value.currency !== null && input.value.currency !== pack.currency) return otherCurrency(input, rules);
  const resolver = new Resolver(pack, input.date);
  const ladder = input.jurisdiction === 'NO' ? norwegianLadder(input) : swedishLadder(input);
  if (input.vatIncluded && input.vatRates && input.vatRates.length > 0) return classifyAtRates(input.value, input.vatRates, pack, ladder, resolver);
  const findings: Finding[] = [];

  let net = input.value.minor;
  const rate = input.vatIncluded ? resolver.resolve('vat-standard-rate').applied : null;
  if (input.vatIncluded) {
    if (rate?.value == null) return verdict('UNKNOWN', null, resolver, ruleFindings(resolver, ladder, net, 'UNKNOWN', pack.currency));
    // Thresholds are excl. VAT: estimate the net value at the standard rate, and say so.
    const divisor = BigInt(100 + Math.round(rate.value));
    net = (input.value.minor * 100n + divisor / 2n) / divisor;
  }
  const regime = ladder(net, resolver.lookup);
  if (rate?.value != null) {
    // A lower VAT rate (or none) puts the net value nearer the gross one: does that change the regime?
    const grossRegime = ladder(input.value.minor, new Resolver(pack, input.date).lookup);
    findings.push(
      finding(
        'VAT-INCLUDED',
        'warning',
        { gross: Number(input.value.minor) / 100, net: Number(net) / 100, rate: rate.value, currency: pack.currency, otherRegime: grossRegime === regime ? null : grossRegime },
        [rate.id],
        grossRegime === regime ? 'finding.VAT-INCLUDED' : 'finding.VAT-INCLUDED.regime-depends',
      ),
    );
  }
  if (regime === 'SE-DIRECT') findings.push(...directAwardFindings(resolver, net, pack));
  findings.push(...ruleFindings(resolver, ladder, net, regime, pack.currency));
  return verdict(regime, money(net, input.value.currency ?? pack.currency), resolver, findings);
}
