/**
 * Keeps the dynamically registered content scripts in line with the sites the user enabled and
 * granted: the same files, at the same times, as the manifest declares for the portals (the main
 * script at document_idle, the style at document_start).
 */
import browser from 'webextension-polyfill';
import { enabledSites } from '../shared/sites.ts';

const SCRIPT_ID = 'inkludo-enabled-sites';
const STYLE_ID = 'inkludo-enabled-sites-style';

async function sync(): Promise<void> {
  const [sites, granted] = await Promise.all([enabledSites(), browser.permissions.getAll()]);
  const origins = new Set(granted.origins ?? []);
  const matches = sites.filter((site) => origins.has(site)).sort();
  const declared = browser.runtime.getManifest().content_scripts ?? [];
  const js = declared[0]?.js ?? [];
  const style = declared[1]?.js ?? [];

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID, STYLE_ID] });
  const main = registered.find((r) => r.id === SCRIPT_ID);
  if (main && registered.length === 2 && JSON.stringify([...(main.matches ?? [])].sort()) === JSON.stringify(matches)) return;
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
  if (matches.length === 0 || js.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js, runAt: 'document_idle', persistAcrossSessions: true },
    ...(style.length > 0 ? [{ id: STYLE_ID, matches, js: style, runAt: 'document_start' as const, persistAcrossSessions: true }] : []),
  ]);
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
