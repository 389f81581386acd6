/**
 * The organisation registry URL: fetched daily (alarm) with If-None-Match, imported through the same
 * validated path as a file. Any failure keeps the last good registry and records why, for the
 * options page.
 */
import browser from 'webextension-polyfill';
import { readSettings } from './settings.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { importIntoStore, readRefresh, readStoredRegistry, writeRefresh, type RefreshRecord } from './registry-store.ts';

export const REFRESH_ALARM = 'registry-refresh';
const PERIOD_MINUTES = 24 * 60;
const TIMEOUT_MS = 30_000;

/** Keeps the alarm in line with the settings: daily when a URL is set, none otherwise. */
export async function scheduleRefresh(): Promise<void> {
  const { registryUrl } = await readSettings();
  if (!registryUrl) {
    await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!existing) browser.alarms.create(REFRESH_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
}

function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/** Fetches the URL and replaces the registry only when the file is a whole valid registry. */
export async function refreshFromUrl(): Promise<'no-url' | RefreshRecord> {
  const { registryUrl } = await readSettings();
  if (!registryUrl) return 'no-url';
  const previous = await readRefresh();
  const at = new Date().toISOString();
  const failed = async (error: string, errors: RefreshRecord['errors'] = []): Promise<RefreshRecord> => {
    const record = { at, ok: false, error, errors, etag: previous?.etag ?? null };
    await writeRefresh(record);
    return record;
  };

  if (!(await browser.permissions.contains({ origins: [originPattern(registryUrl)] }))) return failed('permission');
  // The ETag only holds while the registry it describes is still the stored one from this URL.
  const stored = await readStoredRegistry();
  const etag = stored?.origin === 'url' && stored.from === registryUrl ? (previous?.etag ?? null) : null;
  const fetched = await fetchWithTimeout(
    registryUrl,
    { headers: etag ? { 'If-None-Match': etag } : {}, cache: 'no-cache', credentials: 'omit' },
    TIMEOUT_MS,
  );
  if (!fetched.ok) return failed(fetched.code);
  const { response } = fetched;
  if (response.status === 304) {
    const record = { at, ok: true, error: null, errors: [], etag };
    await writeRefresh(record);
    return record;
  }
  if (!response.ok) return failed(`http-${response.status}`);
  const text = await response.text();
  const record: RefreshRecord = { at, ok: true, error: null, errors: [], etag: response.headers.get('ETag') };
  const outcome = await importIntoStore(text, registryUrl, 'url', record);
  if (outcome.ok) return record;
  return outcome.code === 'storage' ? failed('storage') : failed('invalid-registry', outcome.errors.slice(0, 50));
}
