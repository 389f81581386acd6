/**
 * The checks on one row of a procurement sheet: its estimated value and regime, its supplier's
 * organisation number, reserved-contract eligibility, and whether it is a candidate for a reserved
 * or an inclusive contract. Cross-row checks (split purchases) are in split.ts.
 */
import type { IsoDate } from '../dates.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { parseOrgnr, type Orgnr } from '../orgnr/index.ts';
import { foldedWords, normaliseName } from '../registry/normalise.ts';
import type { Supplier } from '../registry/types.ts';
import { finding, type Finding } from '../rules/findings.ts';
import type { RuleSet } from '../rules/packs/index.ts';
import { classifyPurchase, type BuyerKind, type ContractKind, type RegimeCode } from '../rules/regime.ts';
import { checkReservedEligibility, supplierEligibility, type EligibilityVerdict } from '../rules/reserved.ts';
import type { RulePack } from '../rules/schema.ts';
import { parseDurationMonths, type DurationResult } from '../value/duration.ts';
import { estimateContractValue, type EstimateStep } from '../value/estimate.ts';
import { money, type Money } from '../value/money.ts';
import { parseAmount } from '../value/parse.ts';
import { candidateMatcher, type CandidateMatch } from './candidates.ts';
import { cellCpvCodes, cellDate, cellPercent, cellText, isBlank, yesNo } from './cells.ts';
import { memoized } from './memo.ts';
import { announcementThreshold, provisionsInForce, type Threshold } from './thresholds.ts';
import type { CellValue, ColumnMapping, ColumnRole, RowResult, RowSupplier, SheetRegistry, ValueBasis } from './types.ts';

/** What the whole sheet shares: options, the mapping and what the headers say. */
export interface SheetContext {
  readonly jurisdiction: 'NO' | 'SE';
  readonly locale: Lang;
  readonly currency: string;
  readonly date: IsoDate;
  readonly buyer: BuyerKind;
  readonly contractKind: ContractKind;
  readonly rules: RuleSet;
  readonly pack: RulePack;
  readonly registry: SheetRegistry | null;
  readonly columns: ColumnMapping;
  readonly valueBasis: ValueBasis;
  /** "inkl. mva" / "exkl. moms" in the value header. */
  readonly headerVat: boolean | null;
  readonly read: SheetReaders;
}

/** Readers of cells whose values repeat down a column, each cached for one sheet (memo.ts). */
export interface SheetReaders {
  readonly date: (cell: CellValue | undefined) => IsoDate | null;
  readonly yesNo: (cell: CellValue | undefined) => boolean | null;
  readonly contractKind: (cell: CellValue | undefined) => ContractKind | null;
  readonly buyerKind: (cell: CellValue | undefined) => BuyerKind | null;
  readonly cpv: (cell: CellValue | undefined) => string[];
  readonly duration: (cell: CellValue | undefined) => DurationResult;
  readonly options: (cell: CellValue | undefined) => DurationResult;
  readonly orgnr: (raw: string) => Orgnr;
  readonly name: (name: string) => string;
  readonly categoryKey: (category: string) => string;
  readonly candidate: (cpv: readonly string[], texts: readonly string[]) => CandidateMatch | null;
  /** How many registry suppliers deliver one of these CPV codes in the sheet's jurisdiction. */
  readonly fittingCount: (cpv: readonly string[]) => number;
  readonly announcementThreshold: (date: IsoDate) => Threshold | null;
}

export function sheetReaders(
  pack: RulePack,
  registry: SheetRegistry | null,
  durationUnit: 'months' | 'years' | null,
  optionsUnit: 'months' | 'years' | null,
): SheetReaders {
  const jurisdiction = pack.jurisdiction === 'SE' ? 'SE' : 'NO';
  const fitting = memoized((key: string) => registry?.fitting({ cpv: key.split(','), jurisdiction }).length ?? 0);
  return {
    date: memoized(cellDate),
    yesNo: memoized(yesNo),
    contractKind: memoized(contractKindOf),
    buyerKind: memoized(buyerKindOf),
    cpv: memoized(cellCpvCodes),
    duration: memoized((cell: CellValue | undefined) => parseDurationMonths(cell ?? null, { defaultUnit: durationUnit })),
    options: memoized((cell: CellValue | undefined) => parseDurationMonths(cell ?? null, { defaultUnit: optionsUnit ?? durationUnit })),
    orgnr: memoized((raw: string) => parseOrgnr(raw)),
    name: memoized(normaliseName),
    categoryKey: memoized((category: string) => foldedWords(category).join(' ')),
    candidate: candidateMatcher(),
    fittingCount: (cpv) => fitting(cpv.join(',')),
    announcementThreshold: memoized((date: IsoDate) => announcementThreshold(pack, date)),
  };
}

/** A checked row before the cross-row checks add their findings (which is why findings stay mutable). */
export interface CheckedRow extends Omit<RowResult, 'findings' | 'ruleIds'> {
  readonly findings: Finding[];
  readonly ruleIds: string[];
  readonly buyer: BuyerKind;
  readonly contractKind: ContractKind;
  /** CPV group (first 3 digits) or normalised category: "purchases of the same kind". */
  readonly kindKey: string | null;
  /** Organisation number, else the normalised supplier name. */
  readonly supplierKey: string | null;
}

const KIND_WORDS: readonly (readonly [ContractKind, readonly string[]])[] = [
  ['social-services', ['helse', 'sosial', 'sosiale', 'social', 'sociala', 'omsorg', 'vard', 'bilaga', 'health']],
  ['works', ['bygg', 'byggearbeid', 'anlegg', 'anleggsarbeid', 'entreprenad', 'byggentreprenad', 'works', 'work', 'bygganlegg']],
  ['goods', ['vare', 'varer', 'varekjop', 'vara', 'varor', 'varukop', 'goods', 'supplies', 'supply', 'produkt', 'produkter', 'leveranse']],
  ['services', ['tjeneste', 'tjenester', 'tjenestekjop', 'tjanst', 'tjanster', 'tjanstekop', 'services', 'service']],
];
const STATE_WORDS = ['stat', 'statlig', 'statleg', 'state', 'central', 'departement', 'direktorat', 'myndighet', 'forvaltningsmyndighet'];
const MUNICIPAL_WORDS = ['kommune', 'kommun', 'kommunal', 'kommunalt', 'fylke', 'fylkeskommune', 'region', 'regional', 'municipal', 'local', 'landsting'];

function contractKindOf(cell: CellValue | undefined): ContractKind | null {
  const words = foldedWords(cellText(cell));
  for (const [kind, list] of KIND_WORDS) if (words.some((w) => list.includes(w))) return kind;
  return null;
}

function buyerKindOf(cell: CellValue | undefined): BuyerKind | null {
  const words = foldedWords(cellText(cell));
  if (words.some((w) => STATE_WORDS.includes(w))) return 'state';
  if (words.some((w) => MUNICIPAL_WORDS.includes(w))) return 'municipal';
  return null;
}

function withRuleIds(f: Finding, ruleIds: readonly string[]): Finding {
  return ruleIds.length === 0 ? f : finding(f.code, f.severity, f.params, [...f.ruleIds, ...ruleIds.filter((id) => !f.ruleIds.includes(id))], f.messageKey);
}

interface ValueRead {
  readonly gross: Money | null;
  readonly vatIncluded: boolean | null;
  readonly estimate: readonly EstimateStep[];
  /** The VALUE-UNPARSEABLE finding, when the cell could not be read. */
  readonly problem: Finding | null;
  readonly months: number | null;
  readonly openEnded: boolean;
}

function readValue(cells: readonly CellValue[], ctx: SheetContext, kind: ContractKind): ValueRead {
  const at = (role: ColumnRole): CellValue | undefined => (ctx.columns[role] === undefined ? undefined : cells[ctx.columns[role]]);
  const duration = ctx.columns.duration === undefined ? null : ctx.read.duration(at('duration'));
  const options = ctx.columns.options === undefined ? null : ctx.read.options(at('options'));
  const baseMonths = duration?.ok ? duration.months : null;
  const openEnded = duration?.ok === true && duration.openEnded;
  // The options column holds option periods only, so its base term counts as options too.
  const optionMonths = (duration?.ok ? duration.optionMonths : 0) + (options?.ok ? (options.months ?? 0) + options.optionMonths : 0);
  const months = baseMonths === null ? null : baseMonths + optionMonths;
  const none = { months, openEnded, estimate: [] };

  const cell = at('value');
  const amount = parseAmount(cell ?? null, { locale: ctx.locale, defaultCurrency: ctx.currency });
  if (!amount.ok) {
    if (amount.error.code === 'empty') return { ...none, gross: null, vatIncluded: null, problem: null };
    return { ...none, gross: null, vatIncluded: null, problem: finding('VALUE-UNPARSEABLE', 'error', { raw: amount.error.raw, reason: amount.error.code }) };
  }
  const vatIncluded = amount.vatIncluded ?? (ctx.columns.vat === undefined ? null : ctx.read.yesNo(at('vat'))) ?? ctx.headerVat;
  if (ctx.valueBasis === 'total') return { ...none, gross: amount.value, vatIncluded, problem: null };
  const estimated = estimateContractValue({
    base: amount.value,
    kind: ctx.valueBasis,
    durationMonths: baseMonths,
    openEnded,
    optionMonths,
    contractType: kind === 'goods' ? 'supplies' : 'services',
  });
  if (!estimated.ok) return { ...none, gross: null, vatIncluded, problem: finding('VALUE-UNPARSEABLE', 'error', { raw: amount.raw, reason: estimated.error.code }) };
  return { months, openEnded, gross: estimated.value, vatIncluded, estimate: estimated.basis, problem: null };
}

interface SupplierRead {
  readonly info: RowSupplier | null;
  readonly findings: Finding[];
  readonly key: string | null;
}

function readSupplier(cells: readonly CellValue[], ctx: SheetContext, reserved: boolean, date: IsoDate, regime: RegimeCode, kind: ContractKind): SupplierRead {
  const nameCell = ctx.columns.supplier === undefined ? undefined : cells[ctx.columns.supplier];
  const orgnrCell = ctx.columns.orgnr === undefined ? undefined : cells[ctx.columns.orgnr];
  const name = isBlank(nameCell) ? null : cellText(nameCell);
  const orgnrRaw = isBlank(orgnrCell) ? null : cellText(orgnrCell);
  if (name === null && orgnrRaw === null) return { info: null, findings: [], key: null };

  const findings: Finding[] = [];
  const parsed = orgnrRaw === null ? null : ctx.read.orgnr(orgnrRaw);
  if (parsed && parsed.digits === null) {
    // A personal identity number is never repeated in output.
    findings.push(
      parsed.problem === 'personal-number' ?
        finding('ORGNR-INVALID', 'warning', { problem: parsed.problem }, [], 'finding.ORGNR-INVALID.personal-number')
      : finding('ORGNR-INVALID', 'warning', { raw: orgnrRaw, problem: parsed.problem }),
    );
  }
  const digits = parsed?.digits ?? null;
  const normalisedName = name === null ? '' : ctx.read.name(name);
  const key = digits ?? (normalisedName === '' ? null : `name:${normalisedName}`);
  // The registry is only consulted for reserved rows: a registry supplier is never put forward for an open procurement.
  let entry: Supplier | undefined;
  let verdict: EligibilityVerdict | null = null;
  if (reserved) {
    if (ctx.registry) {
      entry = digits !== null ? ctx.registry.byOrgnr(digits) : undefined;
      if (!entry && digits === null && name !== null) {
        const byName = ctx.registry.byName(name);
        if (byName.length === 1) entry = byName[0];
      }
    }
    const share = ctx.columns.share === undefined ? null : cellPercent(cells[ctx.columns.share]);
    const denominator = ctx.jurisdiction === 'NO' ? 'employees' : 'occupied';
    verdict =
      entry ? supplierEligibility(entry, date, ctx.rules)
      : checkReservedEligibility(
          { jurisdiction: ctx.jurisdiction, checkDate: date, share: share === null ? null : { denominator, percent: share, asOf: null }, purposeAttested: null },
          ctx.rules,
        );
    const provisions = provisionsInForce(ctx.pack, reservedProvisions(ctx.jurisdiction, regime, kind), date);
    findings.push(...verdict.findings.map((f) => withRuleIds(f, provisions)));
  }
  return {
    key,
    findings,
    info: {
      name,
      orgnr: digits,
      orgnrRaw: parsed?.problem === 'personal-number' ? null : orgnrRaw,
      inRegistry: reserved && ctx.registry ? entry !== undefined : null,
      registrySource: entry?.provenance.source ?? null,
      registryRetrieved: entry?.provenance.retrieved ?? null,
      registryDemo: entry?.provenance.demo ?? false,
      eligibility: verdict?.status ?? null,
    },
  };
}

/** The provisions a reserved contract rests on, by regime. */
function reservedProvisions(jurisdiction: 'NO' | 'SE', regime: RegimeCode, kind: ContractKind): string[] {
  if (jurisdiction === 'SE') return ['SE-RES-418-P'];
  if (kind === 'social-services') return ['NO-RES-HS'];
  if (regime === 'NO-PART-II') return ['NO-RES-II'];
  if (regime === 'NO-PART-III') return ['NO-RES-III'];
  return [];
}

const INCLUSIVE_PROVISION = { NO: 'NO-SOC-5', SE: 'SE-SOC-17' } as const;
/** Months of contract term from which an employment requirement is worth setting (heuristic, see below). */
export const INCLUSIVE_MIN_MONTHS = 12;

/**
 * INCLUSIVE-CANDIDATE, a heuristic: a services or works contract at or above the value where it is
 * announced (NO national threshold, SE direct-award limit) and running at least 12 months (options
 * included, or open-ended) gives a supplier room to employ and train people from outside working
 * life. The law allows such clauses (NO anskaffelsesloven § 5, SE LOU 17 kap. 1 §); it does not set
 * these limits.
 */
function inclusiveCandidate(ctx: SheetContext, date: IsoDate, kind: ContractKind, net: Money | null, months: number | null, openEnded: boolean): Finding | null {
  if (kind === 'goods' || net === null) return null;
  if (!openEnded && (months === null || months < INCLUSIVE_MIN_MONTHS)) return null;
  const threshold = ctx.read.announcementThreshold(date);
  if (!threshold || net.minor < threshold.minor) return null;
  return finding(
    'INCLUSIVE-CANDIDATE',
    'info',
    { months: openEnded ? null : months, value: Number(net.minor) / 100, threshold: threshold.value, currency: ctx.currency },
    [threshold.ruleId, ...provisionsInForce(ctx.pack, [INCLUSIVE_PROVISION[ctx.jurisdiction]], date)],
    openEnded ? 'finding.INCLUSIVE-CANDIDATE.open-ended' : 'finding.INCLUSIVE-CANDIDATE.term',
  );
}

function reservationCandidate(ctx: SheetContext, cpv: readonly string[], texts: readonly string[]): Finding | null {
  const match = ctx.read.candidate(cpv, texts);
  if (!match) return null;
  if (!ctx.registry) return finding('RESERVATION-CANDIDATE', 'info', { matched: match.matched, family: match.family.id }, [], 'finding.RESERVATION-CANDIDATE.matched');
  // Market information only: how many registry suppliers deliver this kind of work, never who.
  const suppliers = ctx.read.fittingCount(match.cpv);
  return finding('RESERVATION-CANDIDATE', 'info', { matched: match.matched, family: match.family.id, suppliers }, [], 'finding.RESERVATION-CANDIDATE.market');
}

export function checkRow(cells: readonly CellValue[], row: number, ctx: SheetContext): CheckedRow {
  const at = (role: ColumnRole): CellValue | undefined => (ctx.columns[role] === undefined ? undefined : cells[ctx.columns[role]]);
  const description = isBlank(at('description')) ? null : cellText(at('description'));
  const date = ctx.read.date(at('date')) ?? ctx.date;
  const buyer = ctx.read.buyerKind(at('buyerKind')) ?? ctx.buyer;
  const contractKind = ctx.read.contractKind(at('contractKind')) ?? ctx.contractKind;
  const reserved = ctx.read.yesNo(at('reserved')) === true;

  const value = readValue(cells, ctx, contractKind);
  const findings: Finding[] = [];
  let regime: RegimeCode = 'UNKNOWN';
  let net: Money | null = null;
  const ruleIds: string[] = [];
  if (value.problem) findings.push(value.problem);
  else {
    const gross = value.gross === null ? null : money(value.gross.minor, value.gross.currency ?? ctx.currency);
    const verdict = classifyPurchase({ jurisdiction: ctx.jurisdiction, buyer, contractKind, value: gross, vatIncluded: value.vatIncluded, date }, ctx.rules);
    regime = verdict.regime;
    net = verdict.valueExclVat;
    findings.push(...verdict.findings);
    ruleIds.push(...verdict.ruleIds);
  }

  const supplier = readSupplier(cells, ctx, reserved, date, regime, contractKind);
  findings.push(...supplier.findings);

  const cpv = ctx.read.cpv(at('cpv'));
  const category = isBlank(at('category')) ? null : cellText(at('category'));
  if (!reserved) {
    const candidate = reservationCandidate(ctx, cpv, [category ?? '', description ?? ''].filter((t) => t !== ''));
    if (candidate) findings.push(candidate);
  }
  const inclusive = inclusiveCandidate(ctx, date, contractKind, net, value.months, value.openEnded);
  if (inclusive) findings.push(inclusive);

  const categoryKey = category === null ? '' : ctx.read.categoryKey(category);
  const kindKey = cpv[0] !== undefined ? `cpv:${cpv[0].slice(0, 3)}` : categoryKey !== '' ? `category:${categoryKey}` : null;
  return {
    row,
    description,
    regime,
    estimatedValue: net,
    estimate: value.estimate,
    date,
    reserved,
    findings,
    ruleIds,
    supplier: supplier.info,
    buyer,
    contractKind,
    kindKey,
    supplierKey: supplier.key,
  };
}
