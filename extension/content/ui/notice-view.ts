/**
 * The part of the background's `notice/fetch-ted` answer (core `noticeJson` with its assessment) the
 * notice panel shows, checked with zod where it arrives: the message schema only checks the outline.
 */
import { z } from 'zod';

const provenance = z.object({ source: z.string(), url: z.string().nullable(), retrieved: z.string(), expires: z.string().nullable(), demo: z.boolean() });
const supplier = z.object({ orgnr: z.string(), name: z.string(), jurisdiction: z.enum(['NO', 'SE']), provenance });

const signal = z.object({
  kind: z.enum(['work-integration', 'public-service-mission', 'sheltered-execution', 'social-employment-objective', 'social-strategic-procurement']),
  field: z.string(),
  code: z.string(),
  legalBasis: z
    .object({ ruleId: z.string(), reference: z.object({ title: z.string(), url: z.string() }), status: z.enum(['verified', 'pending', 'unverified']) })
    .nullable(),
});

export const noticeViewSchema = z.object({
  id: z.string().nullable(),
  title: z.string().nullable(),
  procedureId: z.string().nullable(),
  formType: z.string().nullable(),
  lots: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['Lot', 'Part', 'LotsGroup']),
      title: z.string().nullable(),
      reserved: z.array(z.string()),
      reservedExecution: z.string().nullable(),
      socialObjectives: z.array(z.string()),
    }),
  ),
  /** Only whether there are any: the registry matches among them are in the assessment. */
  winners: z.array(z.unknown()),
  assessment: z.object({
    lots: z.array(z.object({ lot: z.string(), signals: z.array(signal), fitting: z.array(supplier.extend({ cpv: z.string() })).nullable() })),
    winnersInRegistry: z.array(supplier.extend({ lot: z.string().nullable() })).nullable(),
    registry: provenance.nullable(),
  }),
});

export type NoticeView = z.infer<typeof noticeViewSchema>;
export type SignalView = z.infer<typeof signal>;
export type ProvenanceView = z.infer<typeof provenance>;
