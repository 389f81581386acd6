/**
 * The tab the popup is about: the active tab of the window (its address is readable through
 * activeTab once the user clicked the toolbar button), or `?tab=<id>` when the popup page is opened
 * on its own, as the end-to-end tests do.
 */
import browser from 'webextension-polyfill';

export interface TargetTab {
  readonly id: number;
  /** Undefined when the browser does not reveal the address (no activeTab grant). */
  readonly url: string | undefined;
}

export async function targetTab(): Promise<TargetTab | null> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    const tab = await browser.tabs.get(requested).catch(() => null);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
}
