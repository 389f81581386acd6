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
import { linesOf, NAME_HITS, ORGNR_LIST, type EligibilityStatus } from './match-text.ts';

const orgnrDigits = z.string().check(z.regex(/^\d{9,10}$/));
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
 * the share it rests on); supplier-words.ts words it for the page's context. Sent as text
 * (match-text.ts).
 */
export interface SupplierMatch {
  readonly orgnr: string;
  readonly jurisdiction: 'NO' | 'SE';
  readonly name: string;
  readonly status: EligibilityStatus;
  readonly share: number | null;
  readonly asOf: string | null;
  /** Index into the answer's `provenances`. */
  readonly provenance: number;
}

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
        /** Hashes of the folded first words of registry names (never words, names, numbers or shares), as text (match-text.ts `hashesToText`). */
        nameKeys: z.object({ hashes: z.string().check(z.refine((text) => text.length % 2 === 0)), maxWords: z.int().check(z.nonnegative()) }),
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
      /** Distinct numbers joined by commas, and name candidates a line each (match-text.ts): one string each crosses cheaply. */
      orgnrs: z.string().check(z.regex(ORGNR_LIST), z.refine((text) => linesOf(text, ',').length <= MAX_LOOKUP)),
      names: z.string().check(z.refine((text) => linesOf(text, '\n').length <= MAX_LOOKUP && linesOf(text, '\n').every((name) => name.length <= 400))),
    }),
    response: z.union([
      z.object({
        ok: z.literal(true),
        hasRegistry: z.boolean(),
        /** The matched suppliers, each once: their numbers joined by commas … */
        orgnrs: z.string().check(z.regex(ORGNR_LIST)),
        /** … and their details, a line each (match-text.ts), read when the page lists them. */
        details: z.string(),
        provenances: z.array(matchProvenanceSchema),
        /** The name candidates that start with a registry name, a line each (match-text.ts `nameHitsToText`). */
        names: z.string().check(z.regex(NAME_HITS)),
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
