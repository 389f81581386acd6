/**
 * What each tab's content script reported, kept in storage.session (the service worker may stop
 * between messages), shown as the action badge of that tab.
 */
import browser from 'webextension-polyfill';
import { pageCountsSchema, type PageCounts } from '../shared/messages.ts';
import { badgeText } from './badge-text.ts';

const keyOf = (tabId: number) => `page:${tabId}`;

export async function recordPage(tabId: number, counts: PageCounts): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: counts });
  await browser.action.setBadgeText({ tabId, text: badgeText(counts) });
  await browser.action.setBadgeBackgroundColor({ tabId, color: counts.reserved > 0 ? '#1d5e3a' : '#2a4d8f' });
}

export async function pageStatus(tabId: number): Promise<PageCounts | null> {
  const parsed = pageCountsSchema.safeParse((await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)]);
  return parsed.success ? parsed.data : null;
}

export async function forgetPage(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
