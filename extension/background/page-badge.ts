/**
 * What each tab's content script reported, kept in storage.session (the service worker may stop
 * between messages), shown as the action badge of that tab.
 */
import browser from 'webextension-polyfill';
import { pageCountsSchema, type PageCounts } from '../shared/messages.ts';
import { badgeText } from './badge-text.ts';
import type { Translate } from '../../core/index.ts';

const keyOf = (tabId: number) => `page:${tabId}`;

/** The toolbar badge's number, and a title saying what it counts. */
export async function recordPage(tabId: number, counts: PageCounts, t: Translate): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: counts });
  await browser.action.setBadgeText({ tabId, text: badgeText(counts) });
  const title = counts.reserved + counts.registryMatches === 0 ? t('content.badge.title-none') : t('content.badge.title', { reserved: counts.reserved, suppliers: counts.registryMatches });
  await browser.action.setTitle({ tabId, title });
  await browser.action.setBadgeBackgroundColor({ tabId, color: counts.reserved > 0 ? '#1d5e3a' : '#2a4d8f' });
}

export async function pageStatus(tabId: number): Promise<PageCounts | null> {
  const parsed = pageCountsSchema.safeParse((await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)]);
  return parsed.success ? parsed.data : null;
}

export async function forgetPage(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
