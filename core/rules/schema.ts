import { z } from 'zod';
import { isIsoDate } from '../dates.ts';
import type { MessageParams } from '../i18n/catalogue.ts';
import { packConsistencyIssues } from './pack-checks.ts';

/**
 * The rule-pack format (OpenFisca-style): every parameter is a list of dated values, each with its
 * rule id, legal reference and verification status. Packs are data: a new threshold period is an
 * edit to JSON, and an organisation can load its own pack in the same format at run time.
 */
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

export const VerificationStatus = z.enum(['verified', 'pending', 'unverified']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const Reference = z.object({ title: z.string().min(1), url: z.url() });
export type Reference = z.infer<typeof Reference>;

export const ParameterValue = z
  .object({
    id: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'rule ids look like NO-LOW-100K'),
    /** Null only for a period known to exist whose value is not in the pack (say so, never guess). */
    value: z.number().nonnegative().nullable(),
    /** Null: the effective date is not decided (a proposal). */
    from: isoDate.nullable(),
    /** Last day in force, inclusive; null while in force. */
    to: isoDate.nullable(),
    /** When a proposal without an effective date was made public. */
    announced: isoDate.optional(),
    status: VerificationStatus,
    reference: Reference,
    sources: z.array(Reference).optional(),
    note: z.string().optional(),
    /**
     * Who checked a value against its source, e.g. "Legal department, Bergen kommune, 2026-12-01":
     * an organisation's own verification is shown as such, never as a bundled value.
     */
    verifiedBy: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => v.from === null || v.to === null || v.from <= v.to, { message: '"to" is before "from"' })
  .refine((v) => v.value !== null || v.status !== 'verified', { message: 'a verified value needs a number' })
  .refine((v) => v.from !== null || v.status !== 'verified', { message: 'a verified value needs a "from" date' });
export type ParameterValue = z.infer<typeof ParameterValue>;

export const Parameter = z.object({
  unit: z.enum(['NOK', 'SEK', 'EUR', 'percent']),
  description: z.string(),
  /** For share parameters: who is counted (Norway: employees; Sweden: everyone occupied). */
  denominator: z.enum(['employees', 'occupied']).optional(),
  values: z.array(ParameterValue).min(1),
});
export type Parameter = z.infer<typeof Parameter>;

export const Provision = z.object({
  id: z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/),
  topic: z.enum(['reserved-contract', 'public-service-mission', 'inclusive-contract', 'estimated-value']),
  from: isoDate,
  to: isoDate.nullable(),
  status: VerificationStatus,
  summary: z.string(),
  reference: Reference,
});
export type Provision = z.infer<typeof Provision>;

export const RulePack = z
  .object({
    schema: z.literal('inkludo.rulepack/1'),
    jurisdiction: z.enum(['NO', 'SE', 'EU']),
    title: z.string(),
    version: z.string(),
    published: isoDate,
    currency: z.enum(['NOK', 'SEK', 'EUR']),
    parameters: z.record(z.string(), Parameter),
    provisions: z.array(Provision),
    policy: z.object({
      evidenceMaxAgeDays: z.int().positive(),
      note: z.string(),
      reference: Reference,
    }),
  })
  .refine(
    (pack) => {
      const ids = [...Object.values(pack.parameters).flatMap((p) => p.values.map((v) => v.id)), ...pack.provisions.map((p) => p.id)];
      return new Set(ids).size === ids.length;
    },
    { message: 'rule ids must be unique within a pack' },
  )
  .superRefine((pack, ctx) => {
    for (const issue of packConsistencyIssues(pack)) {
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message, params: { messageKey: issue.messageKey, ...issue.params } });
    }
  });
export type RulePack = z.infer<typeof RulePack>;
export type Jurisdiction = RulePack['jurisdiction'];

export interface PackIssue {
  readonly path: string;
  /** English; front ends show `messageKey` with `params` in the user's language. */
  readonly message: string;
  /** `rulepack.issue.*`: a bounds, order or overlap problem naming its rule ids, or `rulepack.issue.schema`. */
  readonly messageKey: string;
  readonly params: MessageParams;
}

function packIssue(issue: z.core.$ZodIssue): PackIssue {
  const path = issue.path.map(String).join('.');
  const params = issue.code === 'custom' ? (issue.params as Record<string, MessageParams[string]> | undefined) : undefined;
  if (params && typeof params.messageKey === 'string') {
    const { messageKey, ...rest } = params;
    return { path, message: issue.message, messageKey, params: rest };
  }
  return { path, message: issue.message, messageKey: 'rulepack.issue.schema', params: { path: path || '(root)', detail: issue.message } };
}

/** Validates a pack read from a file, storage or an intranet URL. Never throws. */
export function parseRulePack(data: unknown): { ok: true; pack: RulePack } | { ok: false; issues: PackIssue[] } {
  const result = RulePack.safeParse(data);
  if (result.success) return { ok: true, pack: result.data };
  return { ok: false, issues: result.error.issues.map(packIssue) };
}
