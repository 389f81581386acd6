/**
 * The estimated value of a contract (EU dir. 2014/24 art. 5, FOA § 5-4, LOU 5 kap.): the total payable
 * excluding VAT, with every option and extension counted as if exercised. Where only a monthly or
 * yearly price is known:
 * - services (art. 5(14)): a fixed term up to 48 months counts in full; no fixed term, or a term over
 *   48 months, counts as the monthly value × 48;
 * - supplies by lease or hire (art. 5(12)): a fixed term counts in full (over 12 months the residual
 *   value comes on top, which the buyer must add); no fixed term counts as monthly value × 48.
 * The term includes option periods (`2+1+1 år` is 48 months). Amounts must already be excluding VAT:
 * parseAmount reports a VAT hint, and removing VAT needs a rate this helper does not guess.
 * Every step is returned with a message key, so the answer explains itself.
 */
import { translate } from '../i18n/index.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { MAX_DURATION_MONTHS } from './duration.ts';
import { formatAmount } from './format.ts';
import { money, type Money } from './money.ts';

export type EstimateKind = 'total' | 'monthly' | 'yearly';
export type ContractType = 'services' | 'supplies';

export interface EstimateInput {
  /** The stated total, or the price per month or per year. */
  readonly base: Money;
  readonly kind: EstimateKind;
  /** The base term; null or absent when none is given (counted as no fixed term). */
  readonly durationMonths?: number | null;
  readonly openEnded?: boolean;
  /** Option and extension periods priced at the same monthly or yearly rate (`2+1+1 år` → 24). */
  readonly optionMonths?: number;
  /** Options priced separately (extra quantities, extra services). */
  readonly options?: readonly Money[];
  /** Extensions priced separately. */
  readonly extensions?: readonly (Money | { readonly value: Money })[];
  /** Default services, the common case for work-integrating social enterprises. */
  readonly contractType?: ContractType;
}

export const ESTIMATE_STEP_CODES = [
  'stated-total',
  'term-with-options',
  'monthly-times-term',
  'yearly-times-term',
  'monthly-times-48-open-ended',
  'yearly-times-4-open-ended',
  'monthly-times-48-no-term',
  'yearly-times-4-no-term',
  'monthly-times-48-over-48',
  'yearly-times-4-over-48',
  'supplies-residual-value',
  'option-added',
  'extension-added',
  'estimated-value',
] as const;
export type EstimateStepCode = (typeof ESTIMATE_STEP_CODES)[number];

export interface EstimateStep {
  readonly code: EstimateStepCode;
  readonly messageKey: `value.estimate.${EstimateStepCode}`;
  /** Amounts the message shows, by placeholder: rate, subtotal, amount, total. */
  readonly amounts: Readonly<Record<string, Money>>;
  /** Plain numbers the message shows, by placeholder: months, baseMonths, optionMonths, index. */
  readonly counts: Readonly<Record<string, number>>;
}

export const ESTIMATE_ERROR_CODES = ['negative-value', 'currency-mismatch', 'invalid-duration', 'option-months-without-rate'] as const;
export type EstimateErrorCode = (typeof ESTIMATE_ERROR_CODES)[number];

export type EstimateResult =
  | { readonly ok: true; readonly value: Money; readonly basis: readonly EstimateStep[] }
  | {
      readonly ok: false;
      readonly error: { readonly code: EstimateErrorCode; readonly messageKey: `value.estimate.error.${EstimateErrorCode}` };
    };

/** Art. 5(12) and 5(14): without a fixed term, or over this many months, count this many months. */
export const MONTHS_CAP = 48;

function step(code: EstimateStepCode, amounts: Record<string, Money>, counts: Record<string, number> = {}): EstimateStep {
  return { code, messageKey: `value.estimate.${code}`, amounts, counts };
}

function fail(code: EstimateErrorCode): EstimateResult {
  return { ok: false, error: { code, messageKey: `value.estimate.error.${code}` } };
}

function isMonthCount(n: unknown, min: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= MAX_DURATION_MONTHS;
}

/** rate × months / 12 for a yearly rate, rounded up to the øre: never below the true value at a threshold. */
function yearlyFor(rate: Money, months: number): Money {
  const product = rate.minor * BigInt(months);
  return money(product / 12n + (product % 12n === 0n ? 0n : 1n), rate.currency);
}

function periodicValue(input: EstimateInput, optionMonths: number): { value: Money; steps: EstimateStep[] } {
  const { base: rate, kind } = input;
  const monthly = kind === 'monthly';
  const forMonths = (months: number) => (monthly ? money(rate.minor * BigInt(months), rate.currency) : yearlyFor(rate, months));
  const capped = forMonths(MONTHS_CAP);
  const steps: EstimateStep[] = [];

  const base = input.durationMonths ?? null;
  if (input.openEnded) {
    steps.push(step(monthly ? 'monthly-times-48-open-ended' : 'yearly-times-4-open-ended', { rate, subtotal: capped }));
    return { value: capped, steps };
  }
  if (base === null) {
    steps.push(step(monthly ? 'monthly-times-48-no-term' : 'yearly-times-4-no-term', { rate, subtotal: capped }));
    return { value: capped, steps };
  }
  const months = base + optionMonths;
  if (optionMonths > 0) steps.push(step('term-with-options', {}, { baseMonths: base, optionMonths, months }));
  if (months > MONTHS_CAP && input.contractType !== 'supplies') {
    steps.push(step(monthly ? 'monthly-times-48-over-48' : 'yearly-times-4-over-48', { rate, subtotal: capped }, { months }));
    return { value: capped, steps };
  }
  const value = forMonths(months);
  steps.push(step(monthly ? 'monthly-times-term' : 'yearly-times-term', { rate, subtotal: value }, { months }));
  if (input.contractType === 'supplies' && months > 12) steps.push(step('supplies-residual-value', {}, { months }));
  return { value, steps };
}

export function estimateContractValue(input: EstimateInput): EstimateResult {
  const options = input.options ?? [];
  const extensions = (input.extensions ?? []).map((e) => ('minor' in e ? e : e.value));
  const all = [input.base, ...options, ...extensions];
  if (all.some((m) => m.minor < 0n)) return fail('negative-value');
  const currencies = new Set(all.flatMap((m) => (m.currency === null ? [] : [m.currency])));
  if (currencies.size > 1) return fail('currency-mismatch');
  const [currency = null] = currencies;

  const optionMonths = input.optionMonths ?? 0;
  if (!isMonthCount(optionMonths, 0)) return fail('invalid-duration');
  if (input.durationMonths !== null && input.durationMonths !== undefined && !isMonthCount(input.durationMonths, 1)) {
    return fail('invalid-duration');
  }

  const basis: EstimateStep[] = [];
  let total: bigint;
  if (input.kind === 'total') {
    // A stated total has no rate to price option months with; silently dropping them would understate.
    if (optionMonths > 0) return fail('option-months-without-rate');
    basis.push(step('stated-total', { total: input.base }));
    total = input.base.minor;
  } else {
    const periodic = periodicValue(input, optionMonths);
    basis.push(...periodic.steps);
    total = periodic.value.minor;
  }
  options.forEach((amount, i) => {
    basis.push(step('option-added', { amount }, { index: i + 1 }));
    total += amount.minor;
  });
  extensions.forEach((amount, i) => {
    basis.push(step('extension-added', { amount }, { index: i + 1 }));
    total += amount.minor;
  });
  const value = money(total, currency);
  basis.push(step('estimated-value', { total: value }));
  return { ok: true, value, basis };
}

/** One basis step as a sentence in `lang`, amounts written by formatAmount. */
export function describeEstimateStep(item: EstimateStep, lang: Lang): string {
  const params: Record<string, string | number> = { ...item.counts };
  for (const [name, amount] of Object.entries(item.amounts)) params[name] = formatAmount(amount, lang, { decimals: 'auto' });
  return translate(lang, item.messageKey, params);
}
