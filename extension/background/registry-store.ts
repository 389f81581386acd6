/**
 * The registry store. storage.local holds one record, written in a single set() call, so a reader sees
 * either the old registry or the new one, never a mix. Every import goes through core's
 * importRegistry first: a file with any error changes nothing and returns its line errors.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { buildRegistryIndex, importRegistry, type ImportOptions, type Registry, type RegistryIndex } from '../../core/index.ts';
import {
  REGISTRY_ORIGINS,
  lineIssueSchema,
  registrySnapshotSchema,
  type LineIssueMessage,
  type RegistryOrigin,
  type RegistryStatus,
} from '../shared/messages.ts';
import { registryFromSnapshot, registryToSnapshot } from '../shared/registry-snapshot.ts';

const REGISTRY_KEY = 'registry';
const REFRESH_KEY = 'registryRefresh';

/** Stored in the snapshot form: compact, and validated with the same schema on every read. */
const storedRegistrySchema = z.object({
  snapshot: registrySnapshotSchema,
  origin: z.enum(REGISTRY_ORIGINS),
  from: z.string(),
  importedAt: z.string(),
});
export type StoredRegistry = z.infer<typeof storedRegistrySchema>;

const refreshSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
  errors: z.array(lineIssueSchema),
  etag: z.string().nullable(),
});
export type RefreshRecord = z.infer<typeof refreshSchema>;

export async function readStoredRegistry(): Promise<StoredRegistry | null> {
  const raw = (await browser.storage.local.get(REGISTRY_KEY))[REGISTRY_KEY];
  if (raw === undefined) return null;
  const parsed = storedRegistrySchema.safeParse(raw);
  if (!parsed.success) console.error('inkludo: stored registry is not valid; ignored', parsed.error.issues.slice(0, 3));
  return parsed.success ? parsed.data : null;
}

export async function readRefresh(): Promise<RefreshRecord | null> {
  const parsed = refreshSchema.safeParse((await browser.storage.local.get(REFRESH_KEY))[REFRESH_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function writeRefresh(record: RefreshRecord): Promise<void> {
  await browser.storage.local.set({ [REFRESH_KEY]: record });
}

export interface LoadedRegistry {
  readonly registry: Registry;
  /** Its `nameKeys` are what content scripts get to find name candidates: first words only, never the registry. */
  readonly index: RegistryIndex;
}

let loaded: Promise<LoadedRegistry | null> | null = null;

/**
 * The stored registry with its match index, read and built once and then kept in memory: pages ask
 * for matches many times a second, and a worker restart reads the stored snapshot once again. Any
 * change to the stored registry (import, clear, refresh, even from another extension page) drops it.
 */
export function loadedRegistry(): Promise<LoadedRegistry | null> {
  loaded ??= readStoredRegistry().then((stored) => {
    if (!stored) return null;
    const registry = registryFromSnapshot(stored.snapshot);
    return { registry, index: buildRegistryIndex(registry) };
  });
  return loaded;
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && REGISTRY_KEY in changes) loaded = null;
});

/** The stored registry as a core Registry. */
export async function currentRegistry(): Promise<Registry | null> {
  return (await loadedRegistry())?.registry ?? null;
}

export type ImportOutcome =
  | { ok: true; entries: number; warnings: LineIssueMessage[]; skipped?: LineIssueMessage[] }
  | { ok: false; code: 'invalid-registry'; errors: LineIssueMessage[]; validLines?: number }
  /** The browser refused to store it (Chrome's storage.local holds 10 MB); the old registry stays. */
  | { ok: false; code: 'storage' };

function plainIssues(issues: readonly { line: number; column?: string; code: string; messageKey: string; params: Readonly<Record<string, string | number>> }[]): LineIssueMessage[] {
  return issues.map((i) => ({ line: i.line, ...(i.column !== undefined ? { column: i.column } : {}), code: i.code, messageKey: i.messageKey, params: { ...i.params } }));
}

/**
 * Validates `text` with core and, only when it is a whole valid registry, replaces the stored one.
 * A URL refresh's record is written in the same set() call.
 */
export async function importIntoStore(
  text: string,
  from: string,
  origin: RegistryOrigin,
  refresh: RefreshRecord | null = null,
  options: Pick<ImportOptions, 'source' | 'retrieved' | 'validLinesOnly'> = {},
): Promise<ImportOutcome> {
  const result = importRegistry(text, { ...options, ...(origin === 'demo' ? { demo: true } : {}) });
  if (!result.ok) return { ok: false, code: 'invalid-registry', errors: plainIssues(result.errors), ...(result.validLines ? { validLines: result.validLines } : {}) };
  const record: StoredRegistry = {
    snapshot: registryToSnapshot(result.registry),
    origin,
    from,
    importedAt: new Date().toISOString(),
  };
  try {
    await browser.storage.local.set({ [REGISTRY_KEY]: record, ...(refresh ? { [REFRESH_KEY]: refresh } : {}) });
  } catch (error) {
    console.error('inkludo: storing the registry failed', error);
    return { ok: false, code: 'storage' };
  }
  return { ok: true, entries: result.registry.suppliers.length, warnings: plainIssues(result.warnings), ...(result.skipped ? { skipped: plainIssues(result.skipped) } : {}) };
}

export async function clearStore(): Promise<void> {
  await browser.storage.local.remove([REGISTRY_KEY, REFRESH_KEY]);
}

export async function registryStatus(): Promise<RegistryStatus> {
  const [stored, refresh] = await Promise.all([readStoredRegistry(), readRefresh()]);
  return {
    registry: stored
      ? {
          entries: stored.snapshot.suppliers.length,
          provenance: stored.snapshot.provenance,
          origin: stored.origin,
          from: stored.from,
          importedAt: stored.importedAt,
        }
      : null,
    refresh: refresh ? { at: refresh.at, ok: refresh.ok, error: refresh.error, errors: refresh.errors } : null,
  };
}
