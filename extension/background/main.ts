/** The background (Chrome service worker / Firefox event page): wires messages and events to the stores. */
import '../shared/zod-config.ts';
import browser from 'webextension-polyfill';
import { exportRegistryCsv, exportRegistryJson, parseOrgnr, translator, type Lang, type Translate } from '../../core/index.ts';
import { onMessage } from '../shared/messaging.ts';
import { ENABLED_SITES_KEY } from '../shared/sites.ts';
import { lookupBrreg } from './brreg.ts';
import { brregBuildHandlers } from './brreg-build.ts';
import { forgetPage, pageStatus, recordPage } from './page-badge.ts';
import { REFRESH_ALARM, refreshFromUrl, scheduleRefresh } from './registry-refresh.ts';
import { currentRuleSet, installRulePackRefresh } from './rule-pack-refresh.ts';
import { readSettings, writeSettings } from './settings.ts';
import { syncSiteScripts } from './site-scripts.ts';
import { pageLanguage } from '../ui/language.ts';
import { tedNoticePanel } from './notice-panel.ts';
import { pageStart } from './page-start.ts';
import { isCollapsed, rememberCollapsed, siteOf } from './panel-prefs.ts';
import { matchForPage } from './registry-match.ts';
import { clearStore, currentRegistry, importIntoStore, loadedRegistry, registryStatus } from './registry-store.ts';

/** The user's language and a translator for it, as the settings say. */
async function userLanguage(): Promise<{ lang: Lang; t: Translate }> {
  const lang = pageLanguage((await readSettings()).language);
  return { lang, t: translator(lang) };
}

onMessage({
  // ---- answered to content scripts (page-messages.ts) ----
  'page/start': async (_request, sender) => {
    const [{ lang }, loaded, collapsed] = await Promise.all([userLanguage(), loadedRegistry(), isCollapsed(siteOf(sender.tab?.url))]);
    return pageStart(lang, loaded, collapsed);
  },
  'registry/match': async (request) => matchForPage(request, await loadedRegistry()),
  'notice/panel': async ({ publicationNumber }) => {
    const [{ lang, t }, loaded] = await Promise.all([userLanguage(), loadedRegistry()]);
    return { ok: true, panel: await tedNoticePanel(publicationNumber, loaded, t, lang, await currentRuleSet()) };
  },
  'panel/collapse': async ({ collapsed }, sender) => {
    const site = siteOf(sender.tab?.url);
    if (site === null) return { ok: false, code: 'no-tab' };
    await rememberCollapsed(site, collapsed);
    return { ok: true };
  },
  'brreg/lookup': async ({ orgnr }) => lookupBrreg(orgnr),
  'page/found': async ({ counts }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, code: 'no-tab' };
    await recordPage(tabId, counts, (await userLanguage()).t);
    return { ok: true };
  },
  // ---- extension pages only (dispatch.ts refuses them from web pages) ----
  'registry/lookup': async ({ orgnr }) => {
    const digits = parseOrgnr(orgnr).digits;
    if (digits === null) return { ok: false, code: 'invalid-orgnr' };
    const loaded = await loadedRegistry();
    return { ok: true, supplier: loaded?.index.byOrgnr(digits) ?? null, hasRegistry: loaded !== null };
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
