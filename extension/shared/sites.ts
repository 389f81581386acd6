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

/**
 * Asks for the site's permission and records the site. The request comes first, while the click is
 * still the user's (Firefox requires that); the site is recorded before the answer, because a
 * Firefox popup may close during the prompt. False when the user declines.
 */
export async function enableSite(pattern: string): Promise<boolean> {
  const answer = browser.permissions.request({ origins: [pattern] });
  const sites = await enabledSites();
  if (!sites.includes(pattern)) await browser.storage.local.set({ [ENABLED_SITES_KEY]: [...sites, pattern] });
  const granted = await answer;
  if (!granted) await disableSite(pattern);
  return granted;
}

/** Forgets the site and gives its permission back, unless the manifest requires it anyway. */
export async function disableSite(pattern: string): Promise<void> {
  const sites = await enabledSites();
  await browser.storage.local.set({ [ENABLED_SITES_KEY]: sites.filter((s) => s !== pattern) });
  const required = browser.runtime.getManifest().host_permissions ?? [];
  if (!required.includes(pattern)) await browser.permissions.remove({ origins: [pattern] });
}
