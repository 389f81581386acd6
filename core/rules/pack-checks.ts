/**
 * Checks a rule pack must pass beyond its shape: every value within what the verdicts can compute
 * with (a threshold of 1e308 overflows the exact minor-unit arithmetic), thresholds in their legal
 * order (a lower threshold above the national one gives absurd verdicts), and one verified value per
 * parameter and day. Each problem names the rule ids it is about, with a message key for nb/sv/en.
 */
import type { IsoDate } from '../dates.ts';
import type { MessageParams } from '../i18n/catalogue.ts';
import { MAX_AMOUNT_MINOR } from '../value/parse.ts';
import type { Jurisdiction, ParameterValue } from './schema.ts';

/** The largest amount a pack may hold: the same bound as amounts read from cells (exact in øre/öre). */
export const MAX_PACK_AMOUNT = Number(MAX_AMOUNT_MINOR) / 100;

export interface PackCheckIssue {
  readonly path: readonly (string | number)[];
  readonly messageKey: string;
  readonly params: MessageParams;
  /** English, for logs and the `message` of a PackIssue. */
  readonly message: string;
}

/** The part of a pack these checks read (so they run inside the schema's own refinement). */
interface CheckedPack {
  readonly jurisdiction: Jurisdiction;
  readonly parameters: Readonly<Record<string, { readonly unit: string; readonly values: readonly ParameterValue[] }>>;
}

/**
 * Pairs of parameters whose verified values, where both are in force, must be strictly ordered
 * (first below second). Norway: lower < national < each EEA threshold (FOA §§ 5-1 to 5-3); Sweden:
 * the direct-award limit below each EU threshold (LOU 19 a kap., 5 kap. 1 §).
 */
const ORDER: Readonly<Record<Jurisdiction, readonly (readonly [string, string])[]>> = {
  NO: [
    ['lower-threshold', 'national-threshold'],
    ...['eea-threshold-state', 'eea-threshold-other', 'eea-threshold-works', 'eea-threshold-health-social'].flatMap((eea) => [
      ['lower-threshold', eea] as const,
      ['national-threshold', eea] as const,
    ]),
  ],
  SE: ['eu-threshold-central', 'eu-threshold-sub-central', 'eu-threshold-works', 'eu-threshold-social'].map((eu) => ['direct-award-limit', eu] as const),
  EU: [],
};

const END_OF_TIME = '9999-12-31';

/** The days both periods cover, or null when they do not meet. Verified values always have a `from`. */
function overlap(a: ParameterValue, b: ParameterValue): { from: IsoDate; to: IsoDate | null } | null {
  if (a.from === null || b.from === null) return null;
  const from = a.from > b.from ? a.from : b.from;
  const to = (a.to ?? END_OF_TIME) < (b.to ?? END_OF_TIME) ? (a.to ?? END_OF_TIME) : (b.to ?? END_OF_TIME);
  return from <= to ? { from, to: to === END_OF_TIME ? null : to } : null;
}

const isVerified = (v: ParameterValue): v is ParameterValue & { value: number } => v.status === 'verified' && v.value !== null;

function boundIssues(pack: CheckedPack): PackCheckIssue[] {
  const out: PackCheckIssue[] = [];
  for (const [name, parameter] of Object.entries(pack.parameters)) {
    parameter.values.forEach((v, i) => {
      if (v.value === null) return;
      const path = ['parameters', name, 'values', i, 'value'];
      if (parameter.unit === 'percent' && !(v.value >= 0 && v.value <= 100)) {
        out.push({ path, messageKey: 'rulepack.issue.percent-range', params: { rule: v.id, value: v.value }, message: `rule ${v.id}: ${v.value} is not a percentage (0 to 100)` });
      } else if (parameter.unit !== 'percent' && !(v.value >= 0 && v.value <= MAX_PACK_AMOUNT)) {
        out.push({
          path,
          messageKey: 'rulepack.issue.amount-range',
          params: { rule: v.id, value: String(v.value), max: MAX_PACK_AMOUNT, unit: parameter.unit },
          message: `rule ${v.id}: ${v.value} is not a usable amount (0 to ${MAX_PACK_AMOUNT} ${parameter.unit})`,
        });
      }
    });
  }
  return out;
}

function overlapIssues(pack: CheckedPack): PackCheckIssue[] {
  const out: PackCheckIssue[] = [];
  for (const [name, parameter] of Object.entries(pack.parameters)) {
    const verified = parameter.values.map((v, i) => [v, i] as const).filter(([v]) => isVerified(v));
    verified.forEach(([a], k) => {
      for (const [b, j] of verified.slice(k + 1)) {
        const both = overlap(a, b);
        if (!both) continue;
        out.push({
          path: ['parameters', name, 'values', j, 'from'],
          messageKey: 'rulepack.issue.overlap',
          params: { rule: a.id, other: b.id, parameter: name, from: both.from },
          message: `rules ${a.id} and ${b.id} are both verified values of ${name} from ${both.from}`,
        });
      }
    });
  }
  return out;
}

function orderIssues(pack: CheckedPack): PackCheckIssue[] {
  const out: PackCheckIssue[] = [];
  for (const [lowName, highName] of ORDER[pack.jurisdiction]) {
    const low = pack.parameters[lowName]?.values ?? [];
    const high = pack.parameters[highName]?.values ?? [];
    low.forEach((a, i) => {
      if (!isVerified(a)) return;
      for (const b of high.filter(isVerified)) {
        const both = overlap(a, b);
        if (!both || a.value < b.value) continue;
        out.push({
          path: ['parameters', lowName, 'values', i, 'value'],
          messageKey: 'rulepack.issue.order',
          params: { rule: a.id, value: a.value, other: b.id, otherValue: b.value, parameter: lowName, otherParameter: highName, from: both.from },
          message: `rule ${a.id} (${lowName} ${a.value}) must be below rule ${b.id} (${highName} ${b.value}) from ${both.from}`,
        });
      }
    });
  }
  return out;
}

/** Every bounds, overlap and order problem of a pack whose shape is already valid. */
export function packConsistencyIssues(pack: CheckedPack): PackCheckIssue[] {
  const bounds = boundIssues(pack);
  // Order comparisons of values out of range would only repeat the same problem.
  return bounds.length > 0 ? bounds : [...overlapIssues(pack), ...orderIssues(pack)];
}
