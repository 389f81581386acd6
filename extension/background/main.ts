/** The background (Chrome service worker / Firefox event page): wires messages and events to the stores. */
import '../shared/zod-config.ts';
import browser from 'webextension-polyfill';
import { exportRegistryCsv, exportRegistryJson, parseOrgnr } from '../../core/index.ts';
import { onMessage } from '../shared/messaging.ts';
import { ENABLED_SITES_KEY } from '../shared/sites.ts';
import { registryToSnapshot } from '../shared/registry-snapshot.ts';
import { lookupBrreg } from './brreg.ts';
import { brregBuildHandlers } from './brreg-build.ts';
import { forgetPage, pageStatus, recordPage } from './page-badge.ts';
import { REFRESH_ALARM, refreshFromUrl, scheduleRefresh } from './registry-refresh.ts';
import { installRulePackRefresh } from './rule-pack-refresh.ts';
import { clearStore, currentRegistry, importIntoStore, registryIndex, registryStatus } from './registry-store.ts';
import { readSettings, writeSettings } from './settings.ts';
import { syncSiteScripts } from './site-scripts.ts';
import { fetchTedNotice } from './ted-notice.ts';

onMessage({
  'registry/snapshot': async () => {
    const registry = await currentRegistry();
    return { ok: true, snapshot: registry ? registryToSnapshot(registry) : null };
  },
  'registry/lookup': async ({ orgnr }) => {
    const digits = parseOrgnr(orgnr).digits;
    if (digits === null) return { ok: false, code: 'invalid-orgnr' };
    const registry = await currentRegistry();
    const supplier = registry ? (registryIndex(registry).byOrgnr(digits) ?? null) : null;
    return { ok: true, supplier, hasRegistry: registry !== null };
  },
  'notice/fetch-ted': async ({ publicationNumber }) => fetchTedNotice(publicationNumber, await currentRegistry()),
  'brreg/lookup': async ({ orgnr }) => lookupBrreg(orgnr),
  'page/found': async ({ counts }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, code: 'no-tab' };
    await recordPage(tabId, counts);
    return { ok: true };
  },
  'page/status': async ({ tabId }) => ({ ok: true, counts: await pageStatus(tabId) }),
  'registry/status': async () => ({ ok: true, status: await registryStatus() }),
  'registry/import': async ({ text, filename, demo, source, retrieved, validLinesOnly }) => {
    return importIntoStore(text, filename, demo ? 'demo' : 'file', null, { source, retrieved, validLinesOnly });
  },
  ...brregBuildHandlers,
  'registry/export': async ({ format }) => {
    const registry = await currentRegistry();
    if (!registry) return { ok: false, code: 'no-registry' };
    const text = format === 'csv' ? exportRegistryCsv(registry) : exportRegistryJson(registry);
    return { ok: true, text, filename: `inkludo-registry.${format}` };
  },
  'registry/clear': async () => {
    await clearStore();
    return { ok: true };
  },
  'registry/refresh': async () => {
    const outcome = await refreshFromUrl();
    if (outcome === 'no-url') return { ok: false, code: 'no-url' };
    return { ok: true, status: await registryStatus() };
  },
  'settings/get': async () => ({ ok: true, settings: await readSettings() }),
  'settings/set': async ({ settings: change }) => {
    const before = await readSettings();
    const settings = await writeSettings(change);
    if (settings.registryUrl !== before.registryUrl) {
      await browser.alarms.clear(REFRESH_ALARM);
      await scheduleRefresh();
    }
    return { ok: true, settings };
  },
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void refreshFromUrl();
});

// The badge and counts belong to one page: a new navigation or a closed tab forgets them.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetPage(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void forgetPage(tabId));

browser.permissions.onAdded.addListener(() => void syncSiteScripts());
browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ENABLED_SITES_KEY in changes) void syncSiteScripts();
});

void syncSiteScripts();
void scheduleRefresh();
installRulePackRefresh();
