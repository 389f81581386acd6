/** Whether the user collapsed the page panel, remembered per site (host name) in storage.local. */
import browser from 'webextension-polyfill';
import { z } from 'zod';

const KEY = 'panelCollapsed';
const storedSchema = z.record(z.string(), z.boolean());

/** The host of the tab a content script runs in; null for a sender without a web page. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

async function readAll(): Promise<Record<string, boolean>> {
  const parsed = storedSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : {};
}

export async function isCollapsed(site: string | null): Promise<boolean> {
  return site !== null && (await readAll())[site] === true;
}

export async function rememberCollapsed(site: string, collapsed: boolean): Promise<void> {
  const all = await readAll();
  if (collapsed) all[site] = true;
  else delete all[site];
  await browser.storage.local.set({ [KEY]: all });
}
