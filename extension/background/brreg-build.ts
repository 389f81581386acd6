/**
 * "Build from Enhetsregisteret" for the options page: core's build through core's polite client with
 * the worker's fetch. A build is held in storage.session until the user imports it (they see the
 * count and the provenance first); the imported build's query is kept in storage.local so the same
 * query can be run again later. Progress goes to storage.session for the page to follow.
 */
import browser from 'webextension-polyfill';
import { BRREG_API_URL, BrregError, brregClient, buildFromBrreg, exportRegistryJson, shelteredWorkCodes, todayIso } from '../../core/index.ts';
import type { Handlers } from '../shared/messaging.ts';
import { brregAreaSchema, type BrregBuildSummary } from '../shared/messages.ts';
import { importIntoStore } from './registry-store.ts';
import { z } from 'zod';

export const BRREG_PROGRESS_KEY = 'brregProgress';
const PENDING_KEY = 'brregPending';
const QUERY_KEY = 'brregQuery';

const pendingSchema = z.object({ registryJson: z.string(), count: z.number().int(), area: brregAreaSchema, url: z.string() });
const storedQuerySchema = brregAreaSchema.extend({ url: z.string() });

function client() {
  return brregClient({ fetch: (url, init) => fetch(url, init), wait: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() }, { timeoutMs: 20_000 });
}

export const brregBuildHandlers: Pick<Handlers, 'brreg/build' | 'brreg/import' | 'brreg/stored'> = {
  'brreg/build': async ({ counties, municipalities }) => {
    const retrieved = todayIso();
    const standard = shelteredWorkCodes(retrieved);
    if (!standard) return { ok: false, code: 'no-standard' };
    const query = { industryCodes: standard.codes, counties, municipalities, orgForms: [] };
    try {
      const built = await buildFromBrreg(query, {
        baseUrl: BRREG_API_URL,
        get: client(),
        retrieved,
        onProgress: (progress) => void browser.storage.session.set({ [BRREG_PROGRESS_KEY]: progress }),
      });
      await browser.storage.session.set({
        [PENDING_KEY]: { registryJson: exportRegistryJson(built.registry), count: built.counts.suppliers, area: { counties, municipalities }, url: built.queryUrls[0] } satisfies z.infer<typeof pendingSchema>,
      });
      const summary: BrregBuildSummary = {
        area: { counties, municipalities },
        industryCodes: standard.codes,
        counts: built.counts,
        provenance: built.registry.provenance,
        notes: built.notes.map((n) => ({ messageKey: n.messageKey, params: { ...n.params } })),
      };
      return { ok: true, build: summary };
    } catch (error) {
      if (!(error instanceof BrregError)) throw error;
      return { ok: false, code: 'brreg', messageKey: `registry.brreg.error.${error.code}`, params: { url: error.url, status: error.status ?? '', ...error.detail } };
    } finally {
      await browser.storage.session.remove(BRREG_PROGRESS_KEY);
    }
  },
  'brreg/import': async () => {
    const pending = pendingSchema.safeParse((await browser.storage.session.get(PENDING_KEY))[PENDING_KEY]);
    if (!pending.success || pending.data.count === 0) return { ok: false, code: 'no-build' };
    const outcome = await importIntoStore(pending.data.registryJson, pending.data.url, 'brreg');
    if (!outcome.ok) return { ok: false, code: outcome.code };
    await browser.storage.local.set({ [QUERY_KEY]: { ...pending.data.area, url: pending.data.url } });
    await browser.storage.session.remove(PENDING_KEY);
    return { ok: true, entries: outcome.entries };
  },
  'brreg/stored': async () => {
    const parsed = storedQuerySchema.safeParse((await browser.storage.local.get(QUERY_KEY))[QUERY_KEY]);
    return { ok: true, query: parsed.success ? parsed.data : null };
  },
};
