/**
 * The messages between the extension's parts (content script, popup, options → background), as zod
 * schemas with their inferred types. Everything that crosses `runtime.sendMessage` is parsed on
 * arrival, requests by the background and responses by the sender: a message of an unknown type or
 * shape is refused with `{ ok: false, code: 'bad-message' }`, never acted on.
 *
 * Use `sendMessage` / `onMessage` from ./messaging.ts rather than the raw runtime API.
 */
import './zod-config.ts';
import { z } from 'zod';
import type { noticeJson } from '../../core/index.ts';

// ---- shared pieces -----------------------------------------------------------------------------

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Norwegian (9) or Swedish (10) canonical organisation-number digits. */
const orgnrDigits = z.string().regex(/^\d{9,10}$/);

export const provenanceSchema = z.object({
  source: z.string(),
  url: z.string().nullable(),
  retrieved: isoDate,
  expires: isoDate.nullable(),
  demo: z.boolean(),
});

export const lineIssueSchema = z.object({
  line: z.number().int().nonnegative(),
  column: z.string().optional(),
  code: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type LineIssueMessage = z.infer<typeof lineIssueSchema>;

/** A supplier as sent in a registry snapshot: its provenance is an index into `provenances`. */
export const snapshotSupplierSchema = z.object({
  orgnr: orgnrDigits,
  jurisdiction: z.enum(['NO', 'SE']),
  name: z.string(),
  altNames: z.array(z.string()).readonly(),
  kind: z.enum(['asf', 'arbeidsmarkedsbedrift', 'vta-aft', 'other']),
  share: z
    .object({ percent: z.number().min(0).max(100), denominator: z.enum(['employees', 'occupied']), asOf: isoDate })
    .nullable(),
  purposeAttested: z.boolean(),
  regions: z.array(z.string()).readonly(),
  categories: z.array(z.string()).readonly(),
  provenance: z.number().int().nonnegative(),
  /** Listed on an industry code, not as a verified member (core's Supplier.candidate). */
  candidate: z.boolean().optional(),
  /** The register status and the date it was looked up (core's Supplier.status). */
  status: z.object({ state: z.enum(['active', 'bankrupt', 'under-dissolution', 'deleted', 'unknown']), checked: isoDate }).nullable().optional(),
});

/** A registry supplier with its own provenance, as core's `Supplier`. */
export const supplierSchema = snapshotSupplierSchema.extend({ provenance: provenanceSchema });

/**
 * The registry in a compact form for content scripts: per-supplier provenance is deduplicated into
 * `provenances` (usually a few distinct values for thousands of suppliers), which makes a
 * 20 000-entry snapshot about 40 % smaller (5 MB of JSON; tests/bench/extension-size.bench.ts).
 * `registryFromSnapshot` (./registry-snapshot.ts) rebuilds a core `Registry` for `buildRegistryIndex`.
 */
export const registrySnapshotSchema = z.object({
  provenance: provenanceSchema,
  provenances: z.array(provenanceSchema),
  suppliers: z.array(snapshotSupplierSchema),
});
export type RegistrySnapshot = z.infer<typeof registrySnapshotSchema>;

export const pageCountsSchema = z.object({
  /** Reservation signals found on the page (BT-71 codes or reservation wording). */
  reserved: z.number().int().nonnegative(),
  /** Supplier mentions (org numbers or names) found on the page. */
  suppliers: z.number().int().nonnegative(),
  /** Of those, suppliers that are in the registry. */
  registryMatches: z.number().int().nonnegative(),
});
export type PageCounts = z.infer<typeof pageCountsSchema>;

export const LANGUAGE_SETTINGS = ['auto', 'nb', 'sv', 'en'] as const;
export const settingsSchema = z.object({
  /** `auto` follows the browser's UI language. */
  language: z.enum(LANGUAGE_SETTINGS),
  defaultJurisdiction: z.enum(['NO', 'SE']),
  /** The organisation's own registry file (CSV or JSON over https), refreshed daily; null when none. */
  registryUrl: z.url({ protocol: /^https$/ }).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: 'auto', defaultJurisdiction: 'NO', registryUrl: null };

/** Where the stored registry came from. */
export const REGISTRY_ORIGINS = ['file', 'url', 'demo', 'brreg'] as const;
export type RegistryOrigin = (typeof REGISTRY_ORIGINS)[number];

export const registryStatusSchema = z.object({
  /** Null when no registry has been imported yet. */
  registry: z
    .object({
      entries: z.number().int().nonnegative(),
      provenance: provenanceSchema,
      origin: z.enum(REGISTRY_ORIGINS),
      /** File name or URL it was imported from. */
      from: z.string(),
      /** ISO timestamp of the import. */
      importedAt: z.string(),
    })
    .nullable(),
  /** The last refresh from the organisation URL, when one is configured. */
  refresh: z
    .object({
      at: z.string(),
      ok: z.boolean(),
      /** Failure code (`http-404`, `network`, `timeout`, `invalid-registry`, `permission`). */
      error: z.string().nullable(),
      errors: z.array(lineIssueSchema),
    })
    .nullable(),
});
export type RegistryStatus = z.infer<typeof registryStatusSchema>;

export const brregStatusSchema = z.enum(['active', 'bankrupt', 'under-liquidation', 'deleted']);
export type BrregStatus = z.infer<typeof brregStatusSchema>;

/** What Enhetsregisteret says about an organisation (no personal data: roles are never fetched). */
export const brregEntitySchema = z.object({
  orgnr: orgnrDigits,
  name: z.string(),
  status: brregStatusSchema,
  legalForm: z.object({ code: z.string(), text: z.string() }).nullable(),
  /** Main NACE industry (næringskode 1). */
  industry: z.object({ code: z.string(), text: z.string() }).nullable(),
  /** Employee count as a range, so an exact small number is never shown; null when not registered. */
  employees: z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative().nullable() }).nullable(),
  /** ISO date the answer was fetched (answers are cached). */
  retrieved: isoDate,
});
export type BrregEntity = z.infer<typeof brregEntitySchema>;

/** core's notice JSON: its outline is checked, its type is core's own (it is built by core in the background). */
export type NoticeJson = ReturnType<typeof noticeJson>;
const noticeOutline = z.looseObject({
  id: z.string().nullable(),
  lots: z.array(z.looseObject({ id: z.string(), reserved: z.array(z.string()) })),
  assessment: z.looseObject({ lots: z.array(z.looseObject({ lot: z.string(), signals: z.array(z.unknown()) })) }),
});
const noticeJsonSchema = z.custom<NoticeJson>((value) => noticeOutline.safeParse(value).success);

/** The area of an Enhetsregisteret build, as the options page chose it. */
export const brregAreaSchema = z.object({ counties: z.array(z.string()), municipalities: z.array(z.string()) });

/** What a build found, shown before it is imported. */
export const brregBuildSummarySchema = z.object({
  area: brregAreaSchema,
  industryCodes: z.array(z.string()),
  counts: z.object({ units: z.number().int(), subUnits: z.number().int(), suppliers: z.number().int() }),
  provenance: provenanceSchema,
  notes: z.array(z.object({ messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});
export type BrregBuildSummary = z.infer<typeof brregBuildSummarySchema>;

// ---- failures ------------------------------------------------------------------------------------

/** Every request can fail with a code; `bad-message` means the message itself did not validate. */
function failure<const C extends readonly string[]>(codes: C) {
  return z.object({ ok: z.literal(false), code: z.enum(['bad-message', 'internal', ...codes]) });
}

// ---- requests and their responses ------------------------------------------------------------------

export const MESSAGES = {
  /** content → background: the registry for local matching. `null` when none is imported. */
  'registry/snapshot': {
    request: z.object({ type: z.literal('registry/snapshot') }),
    response: z.union([z.object({ ok: z.literal(true), snapshot: registrySnapshotSchema.nullable() }), failure([])]),
  },
  /** popup/content → background: one organisation number in the registry (`null` when not listed or no registry). */
  'registry/lookup': {
    request: z.object({ type: z.literal('registry/lookup'), orgnr: z.string().max(40) }),
    response: z.union([
      z.object({ ok: z.literal(true), supplier: supplierSchema.nullable(), hasRegistry: z.boolean() }),
      failure(['invalid-orgnr']),
    ]),
  },
  /** content → background: fetch a TED notice's XML, read and assess it against the registry. */
  'notice/fetch-ted': {
    request: z.object({
      type: z.literal('notice/fetch-ted'),
      /** `262891-2023` or `00262891-2023`. */
      publicationNumber: z.string().regex(/^\d{1,8}-\d{4}$/),
    }),
    response: z.union([
      z.object({
        ok: z.literal(true),
        /** core's `noticeJson(notice, assessment)`: the stable notice JSON with `assessment`. */
        notice: noticeJsonSchema,
        url: z.string(),
      }),
      z.object({
        ok: z.literal(false),
        code: z.enum(['bad-message', 'internal', 'not-found', 'http-error', 'timeout', 'network', 'unreadable']),
        /** For `unreadable`: the notice reader's error key (`notice.error.*`). */
        messageKey: z.string().optional(),
      }),
    ]),
  },
  /** content or popup → background: Enhetsregisteret facts about a Norwegian organisation. */
  'brreg/lookup': {
    request: z.object({ type: z.literal('brreg/lookup'), orgnr: z.string().max(40) }),
    response: z.union([
      z.object({ ok: z.literal(true), entity: brregEntitySchema }),
      failure(['invalid-orgnr', 'not-found', 'timeout', 'network', 'http-error', 'unreadable']),
    ]),
  },
  /** content → background: what the scanner found; sets the tab's badge. The tab comes from the sender. */
  'page/found': {
    request: z.object({ type: z.literal('page/found'), counts: pageCountsSchema }),
    response: z.union([z.object({ ok: z.literal(true) }), failure(['no-tab'])]),
  },
  /** popup → background: the last counts a content script reported for the tab; null when none. */
  'page/status': {
    request: z.object({ type: z.literal('page/status'), tabId: z.number().int().nonnegative() }),
    response: z.union([z.object({ ok: z.literal(true), counts: pageCountsSchema.nullable() }), failure([])]),
  },
  /** popup/options → background. */
  'registry/status': {
    request: z.object({ type: z.literal('registry/status') }),
    response: z.union([z.object({ ok: z.literal(true), status: registryStatusSchema }), failure([])]),
  },
  /** options → background: import a CSV/JSON registry file. A failed import changes nothing. */
  'registry/import': {
    request: z.object({
      type: z.literal('registry/import'),
      text: z.string().max(50_000_000),
      filename: z.string().max(500),
      /** The bundled demo registry; stored and shown as DEMO. */
      demo: z.boolean().optional(),
      /** A plain list's source and date, typed in by the user (see core's ImportOptions). */
      source: z.string().max(500).optional(),
      retrieved: isoDate.optional(),
      /** The user chose to import the valid lines after seeing the lines with errors. */
      validLinesOnly: z.boolean().optional(),
    }),
    response: z.union([
      z.object({ ok: z.literal(true), entries: z.number().int().nonnegative(), warnings: z.array(lineIssueSchema), skipped: z.array(lineIssueSchema).optional() }),
      z.object({ ok: z.literal(false), code: z.literal('invalid-registry'), errors: z.array(lineIssueSchema), validLines: z.number().int().nonnegative().optional() }),
      failure(['storage']),
    ]),
  },
  /**
   * options → background: fetch from Enhetsregisteret the sheltered-work providers located in these
   * counties and municipalities (none: all of Norway), and hold the result until `brreg/import`.
   * Progress is written to storage.session under `brregProgress`.
   */
  'brreg/build': {
    request: z.object({ type: z.literal('brreg/build'), counties: z.array(z.string().regex(/^\d{2}$/)).max(50), municipalities: z.array(z.string().regex(/^\d{4}$/)).max(400) }),
    response: z.union([
      z.object({ ok: z.literal(true), build: brregBuildSummarySchema }),
      z.object({ ok: z.literal(false), code: z.literal('brreg'), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
      failure(['no-standard']),
    ]),
  },
  /** options → background: store the held build as the registry, and its query for later refreshes. */
  'brreg/import': {
    request: z.object({ type: z.literal('brreg/import') }),
    response: z.union([z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }), failure(['no-build', 'storage', 'invalid-registry'])]),
  },
  /** options → background: the query of the last imported build, to show and refresh; null when none. */
  'brreg/stored': {
    request: z.object({ type: z.literal('brreg/stored') }),
    response: z.union([z.object({ ok: z.literal(true), query: brregAreaSchema.extend({ url: z.string() }).nullable() }), failure([])]),
  },
  /** options → background: the stored registry as a file. */
  'registry/export': {
    request: z.object({ type: z.literal('registry/export'), format: z.enum(['csv', 'json']) }),
    response: z.union([z.object({ ok: z.literal(true), text: z.string(), filename: z.string() }), failure(['no-registry'])]),
  },
  /** options → background: remove the stored registry. */
  'registry/clear': {
    request: z.object({ type: z.literal('registry/clear') }),
    response: z.union([z.object({ ok: z.literal(true) }), failure(['storage'])]),
  },
  /** options → background: fetch the organisation registry URL now. */
  'registry/refresh': {
    request: z.object({ type: z.literal('registry/refresh') }),
    response: z.union([
      z.object({ ok: z.literal(true), status: registryStatusSchema }),
      failure(['no-url']),
    ]),
  },
  'settings/get': {
    request: z.object({ type: z.literal('settings/get') }),
    response: z.union([z.object({ ok: z.literal(true), settings: settingsSchema }), failure([])]),
  },
  'settings/set': {
    request: z.object({ type: z.literal('settings/set'), settings: settingsSchema.partial() }),
    response: z.union([z.object({ ok: z.literal(true), settings: settingsSchema }), failure(['storage'])]),
  },
} as const;

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['response']>;

const requestSchemas = Object.values(MESSAGES).map((m) => m.request);
export const requestSchema = z.discriminatedUnion(
  'type',
  requestSchemas as unknown as [(typeof requestSchemas)[number], ...(typeof requestSchemas)[number][]],
);

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}
