/**
 * Keeps one dynamically registered content script in line with the sites the user enabled and
 * granted. Its file is the one the manifest declares for the portals, so both run the same code.
 */
import browser from 'webextension-polyfill';
import { enabledSites } from '../shared/sites.ts';

const SCRIPT_ID = 'inkludo-enabled-sites';

export async function syncSiteScripts(): Promise<void> {
  const [sites, granted] = await Promise.all([enabledSites(), browser.permissions.getAll()]);
  const origins = new Set(granted.origins ?? []);
  const matches = sites.filter((site) => origins.has(site));
  const js = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0 || js.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
