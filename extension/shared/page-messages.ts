/**
 * The messages a content script may send: what a page needs and nothing more (issue 11's trust
 * boundary). The background answers these from any sender of this extension; every other message
 * (registry import, clear, export, settings, status …) is refused unless it comes from one of the
 * extension's own pages (dispatch.ts). A content script never receives the registry, only the
 * matches for the numbers and name candidates it found, already worded in the user's language.
 *
 * Kept apart from messages.ts, and written with zod's tree-shakable "mini" API (the same schemas
 * underneath), so the content script bundles these schemas and little of zod.
 */
import './zod-config.ts';
import { z } from 'zod/mini';

const orgnrDigits = z.string().check(z.regex(/^\d{9,10}$/));
const eligibilityStatus = z.enum(['eligible', 'ineligible', 'unverified', 'stale']);
const reservationKind = z.enum(['work-integration', 'sheltered-execution', 'public-service-mission']);
export type ReservationKind = z.infer<typeof reservationKind>;

export function failure<const C extends readonly string[]>(codes: C) {
  return z.object({ ok: z.literal(false), code: z.enum(['bad-message', 'internal', 'forbidden', ...codes]) });
}

/** Where a registry entry came from (deduplicated: a registry has few distinct ones). */
export const matchProvenanceSchema = z.object({ source: z.string(), retrieved: z.string(), demo: z.boolean() });
export type MatchProvenance = z.infer<typeof matchProvenanceSchema>;

/**
 * A registry supplier found on a page, with core's eligibility verdict at today's date (status and
 * the share it rests on); supplier-words.ts words it for the page's context.
 */
export const supplierMatchSchema = z.object({
  orgnr: orgnrDigits,
  jurisdiction: z.enum(['NO', 'SE']),
  name: z.string(),
  status: eligibilityStatus,
  share: z.nullable(z.number()),
  asOf: z.nullable(z.string()),
  /** Index into the answer's `provenances`. */
  provenance: z.int().check(z.nonnegative()),
});
export type SupplierMatch = z.infer<typeof supplierMatchSchema>;

/** A name candidate (by position in the request) that starts with a registry name: the name's length and whose it is. */
const nameHitSchema = z.object({ candidate: z.int().check(z.nonnegative()), length: z.int().check(z.positive()), orgnrs: z.array(orgnrDigits) });
export type NameHit = z.infer<typeof nameHitSchema>;

/** One line of the notice panel: plain words, the code (if any) for a tooltip, an optional link. */
const lineSchema = z.object({
  text: z.string(),
  code: z.optional(z.string()),
  href: z.optional(z.url({ protocol: /^https$/ })),
});
export type PanelLine = z.infer<typeof lineSchema>;

/** The notice panel's content, composed and worded by the background from core's notice assessment. */
export const noticePanelSchema = z.object({
  state: z.enum(['notice', 'fallback']),
  noticeId: z.nullable(z.string()),
  /** Some lot is reserved under the 30 % rule (BT-71 res-ws): supplier findings may speak of shares. */
  reservedWorkIntegration: z.boolean(),
  /** Reservation findings, one per lot and kind, for the findings list. */
  findings: z.array(z.object({ kind: reservationKind, text: z.string(), code: z.string() })),
  sections: z.array(z.object({ heading: z.nullable(z.string()), lines: z.array(lineSchema) })),
});
export type NoticePanel = z.infer<typeof noticePanelSchema>;

export const MAX_LOOKUP = 5000;

export const pageCountsSchema = z.object({
  /** Reservation signals found on the page (BT-71 codes or reservation wording). */
  reserved: z.int().check(z.nonnegative()),
  /** Supplier mentions (org numbers or names) found on the page. */
  suppliers: z.int().check(z.nonnegative()),
  /** Registry suppliers among them, each counted once. */
  registryMatches: z.int().check(z.nonnegative()),
});
export type PageCounts = z.infer<typeof pageCountsSchema>;

export const brregStatusSchema = z.enum(['active', 'bankrupt', 'under-liquidation', 'deleted']);
export type BrregStatus = z.infer<typeof brregStatusSchema>;

/** What Enhetsregisteret says about an organisation (no personal data: roles are never fetched). */
export const brregEntitySchema = z.object({
  orgnr: orgnrDigits,
  name: z.string(),
  status: brregStatusSchema,
  legalForm: z.nullable(z.object({ code: z.string(), text: z.string() })),
  /** Main NACE industry (næringskode 1). */
  industry: z.nullable(z.object({ code: z.string(), text: z.string() })),
  /** Employee count as a range, so an exact small number is never shown; null when not registered. */
  employees: z.nullable(z.object({ min: z.int().check(z.nonnegative()), max: z.nullable(z.int().check(z.nonnegative())) })),
  /** ISO date the answer was fetched (answers are cached). */
  retrieved: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type BrregEntity = z.infer<typeof brregEntitySchema>;

export const PAGE_MESSAGES = {
  /** content → background: the user's language, its page messages, and what a scanner needs to find names. */
  'page/start': {
    request: z.object({ type: z.literal('page/start') }),
    response: z.union([
      z.object({
        ok: z.literal(true),
        lang: z.enum(['nb', 'sv', 'en']),
        messages: z.record(z.string(), z.string()),
        hasRegistry: z.boolean(),
        /** Folded first words of registry names, one per line (never whole names, numbers or shares); one string is far cheaper to pass and check than 20 000. */
        nameKeys: z.object({ firstWords: z.string(), maxWords: z.int().check(z.nonnegative()) }),
        /** The user collapsed the panel on this site before. */
        collapsed: z.boolean(),
      }),
      failure([]),
    ]),
  },
  /** content → background: which of these numbers and name candidates are registry suppliers. */
  'registry/match': {
    request: z.object({
      type: z.literal('registry/match'),
      orgnrs: z.array(orgnrDigits).check(z.maxLength(MAX_LOOKUP)),
      names: z.array(z.string().check(z.maxLength(400))).check(z.maxLength(MAX_LOOKUP)),
    }),
    response: z.union([
      z.object({
        ok: z.literal(true),
        hasRegistry: z.boolean(),
        /** The matched suppliers, each once. */
        suppliers: z.array(supplierMatchSchema),
        provenances: z.array(matchProvenanceSchema),
        names: z.array(nameHitSchema),
      }),
      failure([]),
    ]),
  },
  /** content → background: a TED notice's panel (fetched, read and assessed in the background). */
  'notice/panel': {
    request: z.object({
      type: z.literal('notice/panel'),
      /** `262891-2023` or `00262891-2023`. */
      publicationNumber: z.string().check(z.regex(/^\d{1,8}-\d{4}$/)),
    }),
    response: z.union([z.object({ ok: z.literal(true), panel: noticePanelSchema }), failure([])]),
  },
  /** content → background: remember whether the panel is collapsed on the sender's site. */
  'panel/collapse': {
    request: z.object({ type: z.literal('panel/collapse'), collapsed: z.boolean() }),
    response: z.union([z.object({ ok: z.literal(true) }), failure(['no-tab'])]),
  },
  /** content → background: what the scanner found; sets the tab's badge and its title. The tab comes from the sender. */
  'page/found': {
    request: z.object({ type: z.literal('page/found'), counts: pageCountsSchema }),
    response: z.union([z.object({ ok: z.literal(true) }), failure(['no-tab'])]),
  },
  /** content or popup → background: Enhetsregisteret facts about a Norwegian organisation. */
  'brreg/lookup': {
    request: z.object({ type: z.literal('brreg/lookup'), orgnr: z.string().check(z.maxLength(40)) }),
    response: z.union([
      z.object({ ok: z.literal(true), entity: brregEntitySchema }),
      failure(['invalid-orgnr', 'not-found', 'timeout', 'network', 'http-error', 'unreadable']),
    ]),
  },
} as const;

export type PageMessageType = keyof typeof PAGE_MESSAGES;

export function isPageMessageType(type: string): type is PageMessageType {
  return Object.hasOwn(PAGE_MESSAGES, type);
}
