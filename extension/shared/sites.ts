/**
 * Sites the user enabled from the popup, beyond the built-in portals. The list lives in storage.local;
 * the background registers the content script for those of them whose permission is granted
 * (background/site-scripts.ts), so the popup may close during the permission prompt without harm.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { sitePattern } from './site-pattern.ts';

export const ENABLED_SITES_KEY = 'enabledSites';

/** True when the page is on one of the portals the manifest declares the content script for. */
export function isPortal(pageUrl: string): boolean {
  const pattern = sitePattern(pageUrl);
  const portals = browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
  return pattern !== null && portals.includes(pattern);
}

export async function enabledSites(): Promise<string[]> {
  const parsed = z.array(z.string()).safeParse((await browser.storage.local.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY]);
  return parsed.success ? parsed.data : [];
}

/** Records the site first, then asks for its permission; false when the user declines. */
export async function enableSite(pattern: string): Promise<boolean> {
  const sites = await enabledSites();
  if (!sites.includes(pattern)) await browser.storage.local.set({ [ENABLED_SITES_KEY]: [...sites, pattern] });
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) await disableSite(pattern);
  return granted;
}

export async function disableSite(pattern: string): Promise<void> {
  const sites = await enabledSites();
  await browser.storage.local.set({ [ENABLED_SITES_KEY]: sites.filter((s) => s !== pattern) });
  await browser.permissions.remove({ origins: [pattern] });
}
