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

const RuleId = z.string().regex(/^[A-Z]{2}-[A-Z0-9-]+$/, 'rule ids look like NO-LOW-100K');

/** One CPV code as the legal text writes it (`55510000-8`) or a range (`85000000-9 to 85323000-9`). */
export const CPV_ENTRY_CODES = /^(\d{8}(?:-\d)?)(?: to (\d{8}(?:-\d)?))?$/;

/** A dated, sourced entry of a CPV list: what a legal annex lists, written exactly as the annex writes it. */
export const CpvEntry = z
  .object({
    id: RuleId,
    codes: z.string().regex(CPV_ENTRY_CODES, 'write one code "55510000-8" or a range "85000000-9 to 85323000-9"'),
    /** The annex heading the entry stands under (e.g. "Hotel and restaurant services"). */
    heading: z.string().min(1),
    from: isoDate,
    to: isoDate.nullable(),
    status: VerificationStatus,
    /** When the entry's own legal reference differs from its list's. */
    reference: Reference.optional(),
    /** What confirmed the entry (required for a verified entry). */
    sources: z.array(Reference).optional(),
    note: z.string().optional(),
  })
  .refine((e) => e.status !== 'verified' || (e.sources?.length ?? 0) > 0, { message: 'a verified entry names the source that confirmed it' })
  .refine((e) => {
    const m = CPV_ENTRY_CODES.exec(e.codes);
    return !m?.[2] || m[1]!.slice(0, 8) <= m[2].slice(0, 8);
  }, { message: 'a range must run from the lower code to the higher' });
export type CpvEntry = z.infer<typeof CpvEntry>;

/** Contract kind by main CPV division (`45`, or an inclusive span `03-44`). */
export const CpvDivisionRule = z.object({
  id: RuleId,
  kind: z.enum(['goods', 'services', 'works']),
  divisions: z.string().regex(/^\d{2}(?:-\d{2})?$/),
  status: VerificationStatus,
  reference: Reference,
  note: z.string().optional(),
});
export type CpvDivisionRule = z.infer<typeof CpvDivisionRule>;

/**
 * A VAT category: the rate parameter it uses and the CPV prefixes that put a purchase in it. The
 * mapping from CPV to category is Inkludo's reading (the VAT acts do not use CPV), so it says so in `note`.
 */
export const VatCategory = z.object({
  /** Rate parameters of the pack; more than one when the category alone does not settle the rate. */
  parameters: z.array(z.string().min(1)).min(1),
  cpvPrefixes: z.array(z.string().regex(/^\d{2,8}$/)),
  description: z.string(),
  note: z.string().optional(),
});
export type VatCategory = z.infer<typeof VatCategory>;

/** Labour-intensive categories for the inclusive-contract hint, by CPV prefix. */
export const InclusiveCategory = z.object({
  id: RuleId,
  cpvPrefixes: z.array(z.string().regex(/^\d{2,8}$/)).min(1),
  description: z.string(),
  /** `rule-of-thumb`: Inkludo's judgement, not a legal list; shown as such. */
  basis: z.enum(['legal-source', 'guidance', 'rule-of-thumb']),
  status: VerificationStatus,
  reference: Reference,
  note: z.string().optional(),
});
export type InclusiveCategory = z.infer<typeof InclusiveCategory>;

/** The CPV-based data of a pack (issue 9): kind by division, the social-services list, VAT categories. */
export const CpvData = z.object({
  divisions: z.array(CpvDivisionRule).optional(),
  socialServices: z
    .object({ title: z.string(), reference: Reference, note: z.string().optional(), entries: z.array(CpvEntry).min(1) })
    .optional(),
  vatCategories: z.record(z.string(), VatCategory).optional(),
  inclusiveCategories: z.array(InclusiveCategory).optional(),
});
export type CpvData = z.infer<typeof CpvData>;

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
    cpv: CpvData.optional(),
    policy: z.object({
      evidenceMaxAgeDays: z.int().positive(),
      note: z.string(),
      reference: Reference,
    }),
  })
  .refine(
    (pack) => {
      const ids = [
        ...Object.values(pack.parameters).flatMap((p) => p.values.map((v) => v.id)),
        ...pack.provisions.map((p) => p.id),
        ...(pack.cpv?.divisions ?? []).map((d) => d.id),
        ...(pack.cpv?.socialServices?.entries ?? []).map((e) => e.id),
        ...(pack.cpv?.inclusiveCategories ?? []).map((c) => c.id),
      ];
      return new Set(ids).size === ids.length;
    },
    { message: 'rule ids must be unique within a pack' },
  )
  .refine(
    (pack) => Object.values(pack.cpv?.vatCategories ?? {}).every((c) => c.parameters.every((p) => p in pack.parameters)),
    { message: 'a VAT category names a parameter the pack does not have' },
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
