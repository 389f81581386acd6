/**
 * Keeps one dynamically registered content script in line with the sites the user enabled and
 * granted. Its file is the one the manifest declares for the portals, so both run the same code.
 */
import browser from 'webextension-polyfill';
import { enabledSites } from '../shared/sites.ts';

const SCRIPT_ID = 'inkludo-enabled-sites';

async function sync(): Promise<void> {
  const [sites, granted] = await Promise.all([enabledSites(), browser.permissions.getAll()]);
  const origins = new Set(granted.origins ?? []);
  const matches = sites.filter((site) => origins.has(site)).sort();
  const js = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];

  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered && JSON.stringify([...(registered.matches ?? [])].sort()) === JSON.stringify(matches)) return;
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0 || js.length === 0) return;
  await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js, runAt: 'document_idle', persistAcrossSessions: true }]);
}

let queue: Promise<void> = Promise.resolve();

/**
 * Several events (permission added, site list changed, worker start) can fire together; runs are
 * queued so two of them never register the same script id at once.
 */
export function syncSiteScripts(): Promise<void> {
  queue = queue.then(sync).catch((error: unknown) => console.error('inkludo: content script registration failed', error));
  return queue;
}
