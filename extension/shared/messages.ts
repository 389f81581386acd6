/**
 * The messages between the extension's parts (content script, popup, options → background), as zod
 * schemas with their inferred types. Everything that crosses `runtime.sendMessage` is parsed on
 * arrival, requests by the background and responses by the sender: a message of an unknown type or
 * shape is refused with `{ ok: false, code: 'bad-message' }`, never acted on.
 *
 * Use `sendMessage` / `onMessage` from ./messaging.ts rather than the raw runtime API. The messages a
 * content script may send are in ./page-messages.ts; all the others are privileged (dispatch.ts).
 */
import './zod-config.ts';
import { z } from 'zod';
import { failure, PAGE_MESSAGES, pageCountsSchema } from './page-messages.ts';

export { brregEntitySchema, brregStatusSchema, pageCountsSchema, type BrregEntity, type BrregStatus, type PageCounts } from './page-messages.ts';

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
 * The registry as the background stores it: per-supplier provenance is deduplicated into
 * `provenances` (usually a few distinct values for thousands of suppliers), about 40 % smaller
 * (tests/bench/extension-size.bench.ts). `registryFromSnapshot` (./registry-snapshot.ts) rebuilds a
 * core `Registry` for `buildRegistryIndex`. It never leaves the background.
 */
export const registrySnapshotSchema = z.object({
  provenance: provenanceSchema,
  provenances: z.array(provenanceSchema),
  suppliers: z.array(snapshotSupplierSchema),
});
export type RegistrySnapshot = z.infer<typeof registrySnapshotSchema>;

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

// ---- requests and their responses ------------------------------------------------------------------

export const MESSAGES = {
  ...PAGE_MESSAGES,
  /** popup → background: one organisation number in the registry (`null` when not listed or no registry). */
  'registry/lookup': {
    request: z.object({ type: z.literal('registry/lookup'), orgnr: z.string().max(40) }),
    response: z.union([
      z.object({ ok: z.literal(true), supplier: supplierSchema.nullable(), hasRegistry: z.boolean() }),
      failure(['invalid-orgnr']),
    ]),
  },
  /** popup → background: the last counts a content script reported for the tab; null when none. */
  'page/status': {
    request: z.object({ type: z.literal('page/status'), tabId: z.number().int().nonnegative() }),
    response: z.union([z.object({ ok: z.literal(true), counts: z.nullable(pageCountsSchema) }), failure([])]),
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
