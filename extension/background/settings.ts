/** User settings in storage.local, validated on read (a bad stored value falls back to the default). */
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../shared/messages.ts';

const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const settings = settingsSchema.parse({ ...(await readSettings()), ...change });
  await browser.storage.local.set({ [KEY]: settings });
  return settings;
}
