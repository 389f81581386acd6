/**
 * Judge stage, one purchase: its estimated value and regime, its supplier's reserved-contract
 * eligibility, and whether it is a candidate for a reserved or an inclusive contract. It sees only
 * the typed Purchase of the read stage (../read/purchase.ts). Cross-row checks are in split.ts.
 */
import { foldedWords, normaliseName } from '../../registry/normalise.ts';
import type { IsoDate } from '../../dates.ts';
import type { Orgnr } from '../../orgnr/index.ts';
import type { Supplier } from '../../registry/types.ts';
import { finding, type Finding } from '../../rules/findings.ts';
import type { RuleSet } from '../../rules/packs/index.ts';
import { BUYER_KINDS, CONTRACT_KINDS, type BuyerKind, type ContractKind, type RegimeCode, type RegimeVerdict } from '../../rules/regime.ts';
import { cachedClassifier, type Classifier } from '../../rules/regime-cache.ts';
import { vatRatesFor, type VatRateCandidate } from '../../rules/vat.ts';
import { inclusiveCategory, type InclusiveCategoryMatch } from '../../rules/inclusive-category.ts';
import { checkReservedEligibility, supplierEligibility, type EligibilityVerdict } from '../../rules/reserved.ts';
import type { RulePack } from '../../rules/schema.ts';
import { estimateContractValue, type EstimateStep } from '../../value/estimate.ts';
import { money, type Money } from '../../value/money.ts';
import type { Purchase } from '../read/purchase.ts';
import type { RowResult, RowSupplier, SheetRegistry } from '../types.ts';
import { addMissing, appendAll } from '../lists.ts';
import { listInterner, memoized, memoized2, memoizedIndexed, perPeriod } from '../memo.ts';
import { packPeriods, type RuleDate } from '../../rules/periods.ts';
import { CANDIDATE_FAMILIES, candidateMatcher, type CandidateFamily, type CandidateMatch } from './candidates.ts';
import { announcementThreshold, provisionsInForce, thresholdAt, thresholdLadder, type Threshold } from './thresholds.ts';

/** What the judge stage shares across a sheet. */
export interface JudgeContext {
  readonly jurisdiction: 'NO' | 'SE';
  readonly currency: string;
  readonly rules: RuleSet;
  readonly pack: RulePack;
  readonly registry: SheetRegistry | null;
  /**
   * The findings of every judged row, one row after another: checkSheet cuts each row's list out once
   * the cross-row checks have added theirs, so each row's list is made once, at its exact size.
   */
  readonly judged: Finding[];
  readonly read: JudgeReaders;
}

/** Lookups that repeat across rows, each cached for one sheet. */
export interface JudgeReaders {
  /** Split-purchase group keys, one string per distinct key (so grouping hashes each once): by supplier name, CPV code, category. */
  readonly nameKey: (name: string) => string | null;
  readonly cpvKey: (code: string) => string;
  readonly categoryKey: (category: string) => string | null;
  readonly candidate: (cpv: readonly string[], category: string | null, description: string | null) => CandidateMatch | null;
  readonly announcementThreshold: (at: RuleDate, kind: ContractKind) => Threshold | null;
  readonly threshold: (parameter: BuyerThreshold, at: RuleDate) => Threshold | null;
  /** The thresholds that change the regime, lowest first (thresholds.ts thresholdLadder), cached per sheet. */
  readonly ladder: (at: RuleDate, buyer: BuyerKind, kind: ContractKind) => readonly Threshold[];
  /** The VAT rates a purchase's category may carry at a date (vatRatesFor), cached per sheet. */
  readonly vatRates: (at: RuleDate, cpv: string | null, kind: ContractKind) => readonly VatRateCandidate[];
  /**
   * The RESERVATION-CANDIDATE finding for a match: what matched and, with a registry, how many of its
   * suppliers deliver this kind of work (market information only, never who). One per sheet for
   * equal matches, kept per match object as long as it lives.
   */
  readonly candidateFindingOf: (match: CandidateMatch) => Finding;
  /** The pack's labour-intensive category of a CPV code (inclusiveCategory), cached per sheet. */
  readonly inclusiveCategory: (cpv: string) => InclusiveCategoryMatch | null;
  /** The provision `id` when it is in force at a date (provisionsInForce), as a list of none or one. */
  readonly provisions: (id: ProvisionId, at: RuleDate) => readonly string[];
  /** One shared list per distinct sequence of rule ids (memo.ts listInterner). */
  readonly ruleIdList: (ids: readonly string[]) => readonly string[];
  /** The ids of `a`, then those of `b` it lacks: a shared list, made once per pair of lists (`a` itself when `b` is empty). */
  readonly ruleIdUnion: (a: readonly string[], b: readonly string[]) => readonly string[];
  /** A reserved row's eligibility at a date: by its registry entry, else by the share the row states (cached per sheet). */
  readonly eligibility: (entry: Supplier | undefined, share: number | null, date: IsoDate) => EligibilityVerdict;
  /** A finding with `provisions` added to its rule ids, once per finding and list. */
  readonly withProvisions: (f: Finding, provisions: readonly string[]) => Finding;
  /** classifyPurchase with verdicts kept per threshold band (regime-cache.ts). */
  readonly classify: Classifier;
  /** The supplier of a row that is not reserved (the registry is not consulted), one per name and organisation number. */
  readonly openSupplier: (name: string | null, orgnr: Orgnr | null) => SupplierJudged;
  /**
   * BUYER-DEPENDS for a buyer and regime, the other buyer's threshold named by its rule id: one
   * finding per sheet for each, as most rows of a sheet without a buyer type share it.
   */
  readonly buyerDependsFinding: (buyer: BuyerKind, regime: RegimeCode, ruleId: string) => Finding;
}

export function judgeReaders(rules: RuleSet, pack: RulePack, registry: SheetRegistry | null): JudgeReaders {
  const jurisdiction = pack.jurisdiction === 'SE' ? 'SE' : 'NO';
  const fitting = memoized((key: string) => registry?.fitting({ cpv: key.split(','), jurisdiction }).length ?? 0);
  // By period, then by kind (and buyer): array slots, no map look-up.
  const { count } = packPeriods(pack);
  const announcement = perPeriod(count, CONTRACT_KINDS.length, (date, kind) => announcementThreshold(pack, date, CONTRACT_KINDS[kind] as ContractKind));
  const ladder = perPeriod(count, BUYER_KINDS.length * CONTRACT_KINDS.length, (date, i) =>
    thresholdLadder(pack, date, BUYER_KINDS[Math.floor(i / CONTRACT_KINDS.length)] as BuyerKind, CONTRACT_KINDS[i % CONTRACT_KINDS.length] as ContractKind),
  );
  const threshold = perPeriod(count, BUYER_THRESHOLD_PARAMETERS.length, (date, i) => thresholdAt(pack, BUYER_THRESHOLD_PARAMETERS[i] as BuyerThreshold, date));
  const vat = perPeriod(count, CONTRACT_KINDS.length, (date, kind) => memoized((cpv: string | null) => vatRatesFor(pack, date, { cpv, kind: CONTRACT_KINDS[kind] as ContractKind }).rates));
  const provisions = perPeriod(count, PROVISION_IDS.length, (date, i) => provisionsInForce(pack, [PROVISION_IDS[i] as ProvisionId], date));
  const candidateFindings = memoizedIndexed(CANDIDATE_FAMILIES.length, (matched: string, family) =>
    memoized((suppliers: number | null) => reservationCandidateFinding(matched, (CANDIDATE_FAMILIES[family] as CandidateFamily).id, suppliers)),
  );
  const ruleIdList = listInterner<string>();
  const ruleIdUnion = memoized2((a: readonly string[], b: readonly string[]) => {
    const ids: string[] = [];
    addMissing(ids, a);
    addMissing(ids, b);
    return ruleIdList(ids);
  });
  // How many registry suppliers deliver one of these CPV codes in the sheet's jurisdiction.
  const fittingCount = (cpv: readonly string[]) => fitting(cpv.length === 1 ? (cpv[0] as string) : cpv.join(','));
  const findingOfMatch = new WeakMap<CandidateMatch, Finding>();
  const byEntry = memoized2((entry: Supplier, date: IsoDate) => supplierEligibility(entry, date, rules));
  const byShare = memoized2((share: number | null, date: IsoDate) =>
    checkReservedEligibility({ jurisdiction, checkDate: date, share: share === null ? null : { denominator: jurisdiction === 'NO' ? 'employees' : 'occupied', percent: share, asOf: null }, purposeAttested: null }, rules),
  );
  const buyerDependsFindings = memoized2((buyer: BuyerKind, regime: RegimeCode) => {
    const otherBuyer: BuyerKind = buyer === 'state' ? 'municipal' : 'state';
    const otherRegime = regime === ABOVE[jurisdiction] ? BELOW[jurisdiction] : ABOVE[jurisdiction];
    return memoized((ruleId: string) => finding('BUYER-DEPENDS', 'warning', { buyer, regime, otherBuyer, otherRegime }, [ruleId]));
  });
  const nameKey = memoized((name: string) => {
    const normalised = normaliseName(name);
    return normalised === '' ? null : `name:${normalised}`;
  });
  return {
    nameKey,
    cpvKey: memoized((code: string) => `cpv:${code.slice(0, 3)}`),
    categoryKey: memoized((category: string) => {
      const folded = foldedWords(category).join(' ');
      return folded === '' ? null : `category:${folded}`;
    }),
    candidate: candidateMatcher(),
    announcementThreshold: (at, kind) => announcement(at, CONTRACT_KINDS.indexOf(kind)),
    threshold: (parameter, at) => threshold(at, BUYER_THRESHOLD_PARAMETERS.indexOf(parameter)),
    ladder: (at, buyer, kind) => ladder(at, BUYER_KINDS.indexOf(buyer) * CONTRACT_KINDS.length + CONTRACT_KINDS.indexOf(kind)),
    vatRates: (at, cpv, kind) => vat(at, CONTRACT_KINDS.indexOf(kind))(cpv),
    candidateFindingOf: (match) => {
      let found = findingOfMatch.get(match);
      if (!found) {
        const suppliers = registry ? fittingCount(match.cpv) : null;
        const at = CANDIDATE_FAMILIES.indexOf(match.family);
        found = at < 0 ? reservationCandidateFinding(match.matched, match.family.id, suppliers) : candidateFindings(match.matched, at)(suppliers);
        findingOfMatch.set(match, found);
      }
      return found;
    },
    inclusiveCategory: memoized((cpv: string) => inclusiveCategory(cpv, pack)),
    provisions: (id, at) => provisions(at, PROVISION_IDS.indexOf(id)),
    ruleIdList,
    ruleIdUnion: (a, b) => (b.length === 0 ? a : ruleIdUnion(a, b)),
    eligibility: (entry, share, date) => (entry ? byEntry(entry, date) : byShare(share, date)),
    withProvisions: memoized2(withRuleIds),
    classify: cachedClassifier(rules),
    openSupplier: memoized2((name: string | null, orgnr: Orgnr | null) => openSupplier(name, orgnr, nameKey)),
    buyerDependsFinding: (buyer, regime, ruleId) => buyerDependsFindings(buyer, regime)(ruleId),
  };
}

function reservationCandidateFinding(matched: string, family: string, suppliers: number | null): Finding {
  return suppliers === null ?
      finding('RESERVATION-CANDIDATE', 'info', { matched, family }, [], 'finding.RESERVATION-CANDIDATE.matched')
    : finding('RESERVATION-CANDIDATE', 'info', { matched, family, suppliers }, [], 'finding.RESERVATION-CANDIDATE.market');
}

/**
 * A judged row: the RowResult itself, before the cross-row checks add their findings and the
 * findings' rule ids are added to its own (which is why both are replaced): its findings wait in
 * JudgeContext.judged until checkSheet cuts them out, at their exact size (a sheet holds 100 000 rows).
 */
export interface CheckedRow extends Omit<RowResult, 'findings' | 'ruleIds'> {
  findings: readonly Finding[];
  ruleIds: readonly string[];
  /** CPV group (first 3 digits) or normalised category: "purchases of the same kind". */
  readonly kindKey: string | null;
  /** Organisation number, else the normalised supplier name. */
  readonly supplierKey: string | null;
}

function withRuleIds(f: Finding, ruleIds: readonly string[]): Finding {
  return ruleIds.length === 0 ? f : finding(f.code, f.severity, f.params, [...f.ruleIds, ...ruleIds.filter((id) => !f.ruleIds.includes(id))], f.messageKey);
}

interface Estimate {
  readonly gross: Money | null;
  readonly steps: readonly EstimateStep[];
  readonly months: number | null;
  readonly problem: Finding | null;
}

/** A stated total has no estimate steps: one shared empty list rather than one per row. */
const NO_STEPS: readonly EstimateStep[] = Object.freeze([]);

/** The contract value from the purchase's amount: a total as it is, a rate times the term (× 48 without one). */
function estimate(p: Purchase): Estimate {
  const months = p.termMonths === null ? null : p.termMonths + p.optionMonths;
  if (p.amount === null) return { gross: null, steps: NO_STEPS, months, problem: null };
  if (p.basis === 'total') return { gross: p.amount, steps: NO_STEPS, months, problem: null };
  const estimated = estimateContractValue({
    base: p.amount,
    kind: p.basis,
    durationMonths: p.termMonths,
    openEnded: p.openEnded,
    optionMonths: p.optionMonths,
    contractType: p.contractKind === 'goods' ? 'supplies' : 'services',
  });
  if (!estimated.ok) return { gross: null, steps: NO_STEPS, months, problem: finding('VALUE-UNPARSEABLE', 'error', { raw: '', reason: estimated.error.code }) };
  return { gross: estimated.value, steps: estimated.basis, months, problem: null };
}

function classify(p: Purchase, ctx: JudgeContext, gross: Money | null): RegimeVerdict {
  const at = p.at;
  // A value including VAT: the rates its category may carry (food, catering, exempt services), from the pack.
  const vatRates = p.vatIncluded ? ctx.read.vatRates(at, p.cpv[0] ?? null, p.contractKind) : undefined;
  return ctx.read.classify({ jurisdiction: ctx.jurisdiction, buyer: p.buyer, contractKind: p.contractKind, value: gross, vatIncluded: p.vatIncluded, vatRates, date: at.date }, at.period);
}

const fmt = (m: Money | null): number | null => (m === null ? null : Number(m.minor) / 100);

/** A row's supplier as judged; shared by the rows of an open procurement that name the same supplier. */
export interface SupplierJudged {
  readonly info: RowSupplier | null;
  readonly findings: readonly Finding[];
  readonly key: string | null;
}

const NO_SUPPLIER: SupplierJudged = { info: null, findings: [], key: null };

/** ORGNR-INVALID for a number that is not one; a personal identity number is never repeated in output. */
function orgnrInvalid(parsed: Orgnr): Finding {
  return parsed.problem === 'personal-number' ?
      finding('ORGNR-INVALID', 'warning', { problem: parsed.problem }, [], 'finding.ORGNR-INVALID.personal-number')
    : finding('ORGNR-INVALID', 'warning', { raw: parsed.raw, problem: parsed.problem });
}

function supplierInfo(name: string | null, parsed: Orgnr | null, inRegistry: boolean | null, entry: Supplier | undefined, verdict: EligibilityVerdict | null): RowSupplier {
  return {
    name,
    orgnr: parsed?.digits ?? null,
    orgnrRaw: parsed?.problem === 'personal-number' ? null : (parsed?.raw ?? null),
    inRegistry,
    registrySource: entry?.provenance.source ?? null,
    registryRetrieved: entry?.provenance.retrieved ?? null,
    registryDemo: entry?.provenance.demo ?? false,
    eligibility: verdict?.status ?? null,
    registryStatus: entry?.status ?? null,
    registryCandidate: entry?.candidate === true,
  };
}

/**
 * The supplier of a row that is not reserved: the registry is never consulted, so that a registry
 * supplier is never put forward for an open procurement. Its key is the organisation number, else the
 * normalised name.
 */
function openSupplier(name: string | null, parsed: Orgnr | null, nameKey: (name: string) => string | null): SupplierJudged {
  if (name === null && parsed === null) return NO_SUPPLIER;
  const digits = parsed?.digits ?? null;
  return { key: digits ?? (name === null ? null : nameKey(name)), findings: parsed && digits === null ? [orgnrInvalid(parsed)] : [], info: supplierInfo(name, parsed, null, undefined, null) };
}

/** The supplier of a reserved row: looked up in the registry, and its eligibility judged at the row's date. */
function reservedSupplier(p: Purchase, ctx: JudgeContext, regime: RegimeCode): SupplierJudged {
  const name = p.supplierName;
  const parsed = p.orgnr;
  if (name === null && parsed === null) return NO_SUPPLIER;

  const findings: Finding[] = [];
  if (parsed && parsed.digits === null) findings.push(orgnrInvalid(parsed));
  const digits = parsed?.digits ?? null;
  const otherCountry = parsed?.jurisdiction != null && digits !== null && parsed.jurisdiction !== ctx.jurisdiction;
  const key = digits ?? (name === null ? null : ctx.read.nameKey(name));
  let entry: Supplier | undefined;
  let verdict: EligibilityVerdict | null = null;
  if (ctx.registry) {
    entry = digits !== null ? ctx.registry.byOrgnr(digits) : undefined;
    if (!entry && digits === null && name !== null) {
      const byName = ctx.registry.byName(name);
      if (byName.length === 1) entry = byName[0];
    }
  }
  if (otherCountry || (entry && entry.jurisdiction !== ctx.jurisdiction)) {
    // Judged only by the rules of the sheet's jurisdiction: a supplier of the other country gets no mixed verdict.
    findings.push(finding('SUPPLIER-OTHER-COUNTRY', 'warning', { country: entry?.jurisdiction ?? parsed?.jurisdiction ?? '', jurisdiction: ctx.jurisdiction }));
  } else {
    verdict = ctx.read.eligibility(entry, p.share, p.at.date);
    const provision = reservedProvision(ctx.jurisdiction, regime, p.contractKind);
    const provisions = provision === null ? NO_PROVISIONS : ctx.read.provisions(provision, p.at);
    for (let i = 0; i < verdict.findings.length; i++) findings.push(ctx.read.withProvisions(verdict.findings[i] as Finding, provisions));
  }
  return { key, findings, info: supplierInfo(name, parsed, ctx.registry ? entry !== undefined : null, entry, verdict) };
}

/** The provision a reserved contract rests on, by regime, if any. */
function reservedProvision(jurisdiction: 'NO' | 'SE', regime: RegimeCode, kind: ContractKind): ProvisionId | null {
  if (jurisdiction === 'SE') return 'SE-RES-418-P';
  if (kind === 'social-services') return 'NO-RES-HS';
  if (regime === 'NO-PART-II') return 'NO-RES-II';
  if (regime === 'NO-PART-III') return 'NO-RES-III';
  return null;
}

const NO_PROVISIONS: readonly string[] = Object.freeze([]);

const INCLUSIVE_PROVISION = { NO: 'NO-SOC-5', SE: 'SE-SOC-17' } as const;
/** The estimated-value provisions a split-purchase finding rests on (split.ts). */
export const VALUE_PROVISION = { NO: 'NO-VAL', SE: 'SE-VAL' } as const;
/** Every provision the judge stage names, each read per period (JudgeReaders.provisions). */
const PROVISION_IDS = ['SE-RES-418-P', 'NO-RES-HS', 'NO-RES-II', 'NO-RES-III', ...Object.values(INCLUSIVE_PROVISION), ...Object.values(VALUE_PROVISION)] as const;
export type ProvisionId = (typeof PROVISION_IDS)[number];
/** Months of contract term from which an employment requirement is worth setting (heuristic, see below). */
export const INCLUSIVE_MIN_MONTHS = 12;

/**
 * INCLUSIVE-CANDIDATE, a heuristic: a services or works contract at or above the value where it must
 * be announced (NO national threshold, SE direct-award limit; for social and other specific services
 * their own threshold) and running at least 12 months (options included, or open-ended) gives a
 * supplier room to employ and train people from outside working life. With a CPV code, the code must
 * fall in the pack's labour-intensive categories (a rule of thumb, named with its rule id). The law
 * allows such clauses (NO anskaffelsesloven § 5, SE LOU 17 kap. 1 §); it does not set these limits.
 */
function inclusiveCandidate(ctx: JudgeContext, p: Purchase, net: Money | null, months: number | null): Finding | null {
  if (p.contractKind === 'goods' || net === null) return null;
  if (!p.openEnded && (months === null || months < INCLUSIVE_MIN_MONTHS)) return null;
  const threshold = ctx.read.announcementThreshold(p.at, p.contractKind);
  if (!threshold || net.minor < threshold.minor) return null;
  const category = p.cpv[0] === undefined ? null : ctx.read.inclusiveCategory(p.cpv[0]);
  if (p.cpv[0] !== undefined && category === null) return null;
  return finding(
    'INCLUSIVE-CANDIDATE',
    'info',
    { months: p.openEnded ? null : months, value: Number(net.minor) / 100, threshold: threshold.value, currency: ctx.currency, cpv: category?.code ?? null, status: category?.category.status ?? null },
    ctx.read.ruleIdList([threshold.ruleId, ...(category ? [category.category.id] : []), ...ctx.read.provisions(INCLUSIVE_PROVISION[ctx.jurisdiction], p.at)]),
    INCLUSIVE_KEYS[p.openEnded ? 'open-ended' : 'term'][category ? 1 : 0],
  );
}

const INCLUSIVE_KEYS = {
  'open-ended': ['finding.INCLUSIVE-CANDIDATE.open-ended', 'finding.INCLUSIVE-CANDIDATE.open-ended-category'],
  term: ['finding.INCLUSIVE-CANDIDATE.term', 'finding.INCLUSIVE-CANDIDATE.term-category'],
} as const;

function reservationCandidate(ctx: JudgeContext, p: Purchase): Finding | null {
  const match = ctx.read.candidate(p.cpv, p.category, p.description);
  return match && ctx.read.candidateFindingOf(match);
}

/**
 * The regime of a stated total beside an options column: whether the total includes the options is
 * unknown unless the header says, so both readings are judged; when they differ the row says so and
 * its regime is UNKNOWN rather than one confident answer. Adds the findings of the verdict taken (then
 * its own) to `findings`, and returns that verdict.
 */
function optionsReading(p: Purchase, ctx: JudgeContext, verdict: RegimeVerdict, findings: Finding[]): RegimeVerdict {
  if (p.basis !== 'total' || p.optionMonths === 0 || p.amount === null || p.optionsIncluded === true) return asStated(verdict, findings);
  if (p.termMonths === null || p.termMonths === 0) {
    asStated(verdict, findings);
    if (p.optionsIncluded === false) findings.push(finding('OPTIONS-UNCERTAIN', 'warning', { options: p.optionMonths }, [], 'finding.OPTIONS-UNCERTAIN.no-term'));
    return verdict;
  }
  // Most totals stay between the same two thresholds with their options added: a look at the ladder
  // settles that without a second verdict (values excl. VAT in the sheet's currency only).
  const net = verdict.valueExclVat;
  if (p.optionsIncluded === null && !p.vatIncluded && net !== null && net.currency === ctx.currency && verdict.regime !== 'UNKNOWN') {
    const scaled = scaledMinor(net.minor, p.termMonths + p.optionMonths, p.termMonths);
    const ladder = ctx.read.ladder(p.at, p.buyer, p.contractKind);
    // A scaled value in doubles means the value itself is an exact double: numbers compared with numbers.
    const cents = Number(net.minor);
    let crossed = false;
    for (let i = 0; i < ladder.length && !crossed; i++) {
      const t = ladder[i] as Threshold;
      crossed = typeof scaled === 'number' ? cents < t.cents && scaled >= t.cents : net.minor < t.minor && scaled >= t.minor;
    }
    if (!crossed) return asStated(verdict, findings);
  }
  const withOptions = money((p.amount.minor * BigInt(p.termMonths + p.optionMonths)) / BigInt(p.termMonths), p.amount.currency);
  const other = classify(p, ctx, withOptions);
  if (p.optionsIncluded === false) return asStated(other, findings);
  asStated(verdict, findings);
  if (other.regime === verdict.regime) return verdict;
  findings.push(
    finding(
      'OPTIONS-UNCERTAIN',
      'warning',
      { stated: fmt(verdict.valueExclVat), regime: verdict.regime, withOptions: fmt(other.valueExclVat), otherRegime: other.regime, currency: ctx.currency, options: p.optionMonths, term: p.termMonths },
      ctx.read.ruleIdUnion(verdict.ruleIds, other.ruleIds),
    ),
  );
  return { ...verdict, regime: 'UNKNOWN' };
}

/**
 * minor × factor ÷ divisor, rounded down (minor ≥ 0, divisor > 0): in doubles while the product is an
 * exact integer (then the quotient's floor is exact too), else in bigint.
 */
function scaledMinor(minor: bigint, factor: number, divisor: number): number | bigint {
  const product = Number(minor) * factor;
  return Number.isSafeInteger(product) ? Math.floor(product / divisor) : (minor * BigInt(factor)) / BigInt(divisor);
}

/** A verdict taken as it is: its findings added to the row's. */
function asStated(verdict: RegimeVerdict, findings: Finding[]): RegimeVerdict {
  appendAll(findings, verdict.findings);
  return verdict;
}

const BUYER_THRESHOLDS = { NO: ['eea-threshold-state', 'eea-threshold-other'], SE: ['eu-threshold-central', 'eu-threshold-sub-central'] } as const;
const BUYER_THRESHOLD_PARAMETERS = [...BUYER_THRESHOLDS.NO, ...BUYER_THRESHOLDS.SE] as const;
type BuyerThreshold = (typeof BUYER_THRESHOLD_PARAMETERS)[number];
const ABOVE = { NO: 'NO-PART-III', SE: 'SE-ABOVE-EU' } as const;
const BELOW = { NO: 'NO-PART-II', SE: 'SE-BELOW-EU' } as const;

/**
 * BUYER-DEPENDS: the buyer kind came from the sheet or a default, and the other kind gives another
 * regime. Only the state and municipal thresholds differ by buyer (goods and ordinary services), so a
 * value at or above the one and below the other is the only case; no second verdict is computed.
 */
function buyerDepends(p: Purchase, ctx: JudgeContext, regime: RegimeCode, net: Money | null): Finding | null {
  const source = p.origins.buyer?.source;
  if (source === 'cell' || source === 'option' || net === null || p.contractKind === 'works' || p.contractKind === 'social-services') return null;
  if (regime !== ABOVE[ctx.jurisdiction] && regime !== BELOW[ctx.jurisdiction]) return null;
  const [stateParameter, municipalParameter] = BUYER_THRESHOLDS[ctx.jurisdiction];
  const state = ctx.read.threshold(stateParameter, p.at);
  const municipal = ctx.read.threshold(municipalParameter, p.at);
  if (!state || !municipal) return null;
  const [low, high] = state.minor <= municipal.minor ? [state, municipal] : [municipal, state];
  if (net.minor < low.minor || net.minor >= high.minor) return null;
  const other = p.buyer === 'state' ? municipal : state;
  return ctx.read.buyerDependsFinding(p.buyer, regime, other.ruleId);
}

/** A judged row's findings before checkSheet cuts them from JudgeContext.judged. */
const NOT_CUT_YET: readonly Finding[] = Object.freeze([]);

/** Judges one purchase. Its findings extend the read stage's list, and are then added to JudgeContext.judged. */
export function judgePurchase(p: Purchase, ctx: JudgeContext): CheckedRow {
  const findings = p.findings;
  // The row's rule ids, then those of its verdict and findings in the order they come: shared lists
  // joined by a cached union (a few pairs of lists recur down a sheet), not a list built per row.
  let ruleIds = p.ruleIds;
  const value = estimate(p);
  let regime: RegimeCode = 'UNKNOWN';
  let net: Money | null = null;
  if (value.problem) findings.push(value.problem);
  else if (!p.amountUnreadable) {
    const verdict = optionsReading(p, ctx, classify(p, ctx, value.gross), findings);
    regime = verdict.regime;
    net = verdict.valueExclVat;
    ruleIds = ctx.read.ruleIdUnion(ruleIds, verdict.ruleIds);
    const depends = buyerDepends(p, ctx, regime, net);
    if (depends) findings.push(depends);
  }

  const supplier = p.reserved ? reservedSupplier(p, ctx, regime) : ctx.read.openSupplier(p.supplierName, p.orgnr);
  appendAll(findings, supplier.findings);

  if (!p.reserved) {
    const candidate = reservationCandidate(ctx, p);
    if (candidate) findings.push(candidate);
  }
  const inclusive = inclusiveCandidate(ctx, p, net, value.months);
  if (inclusive) findings.push(inclusive);
  appendAll(ctx.judged, findings);
  for (let i = 0; i < findings.length; i++) ruleIds = ctx.read.ruleIdUnion(ruleIds, (findings[i] as Finding).ruleIds);

  const kindKey = p.cpv[0] !== undefined ? ctx.read.cpvKey(p.cpv[0]) : p.category === null ? null : ctx.read.categoryKey(p.category);
  return {
    row: p.row,
    description: p.description,
    regime,
    estimatedValue: net,
    estimate: value.steps,
    date: p.at.date,
    reserved: p.reserved,
    // Kept in the sheet's list until the cross-row checks are done (JudgeContext.judged).
    findings: NOT_CUT_YET,
    // The read stage's list is shared but not the interner's: one no union replaced is interned here.
    ruleIds: ruleIds === p.ruleIds ? ctx.read.ruleIdList(ruleIds) : ruleIds,
    supplier: supplier.info,
    origins: p.origins,
    valueBasis: p.basis,
    buyer: p.buyer,
    contractKind: p.contractKind,
    kindKey,
    supplierKey: supplier.key,
  };
}
