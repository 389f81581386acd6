/** Enhetsregisteret lookups with a short-lived cache in storage.session (survives worker restarts). */
import browser from 'webextension-polyfill';
import { parseOrgnr, todayIso } from '../../core/index.ts';
import type { ResponseOf } from '../shared/messages.ts';
import { brregEntityFrom, deletedEntity } from './brreg-entity.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';

const API = 'https://data.brreg.no/enhetsregisteret/api/enheter/';
const TIMEOUT_MS = 5_000;
const FOUND_TTL_MS = 6 * 60 * 60 * 1000;
const NOT_FOUND_TTL_MS = 60 * 60 * 1000;

type Lookup = ResponseOf<'brreg/lookup'>;
interface CacheEntry {
  readonly at: number;
  readonly result: Lookup;
}

async function cached(key: string): Promise<Lookup | null> {
  const stored = (await browser.storage.session.get(key))[key] as CacheEntry | undefined;
  if (!stored) return null;
  const ttl = stored.result.ok ? FOUND_TTL_MS : NOT_FOUND_TTL_MS;
  return Date.now() - stored.at < ttl ? stored.result : null;
}

export async function lookupBrreg(raw: string): Promise<Lookup> {
  const orgnr = parseOrgnr(raw, 'NO');
  if (orgnr.digits === null || orgnr.jurisdiction !== 'NO') return { ok: false, code: 'invalid-orgnr' };
  const key = `brreg:${orgnr.digits}`;
  const hit = await cached(key);
  if (hit) return hit;

  const fetched = await fetchWithTimeout(API + orgnr.digits, { headers: { Accept: 'application/json' } }, TIMEOUT_MS);
  if (!fetched.ok) return { ok: false, code: fetched.code };
  const { response } = fetched;
  const retrieved = todayIso();
  let result: Lookup;
  if (response.status === 404) result = { ok: false, code: 'not-found' };
  else if (response.status === 410) result = { ok: true, entity: deletedEntity(orgnr.digits, await response.json().catch(() => null), retrieved) };
  else if (!response.ok) return { ok: false, code: 'http-error' };
  else {
    const entity = brregEntityFrom(await response.json().catch(() => null), retrieved);
    if (!entity) return { ok: false, code: 'unreadable' };
    result = { ok: true, entity };
  }
  await browser.storage.session.set({ [key]: { at: Date.now(), result } satisfies CacheEntry });
  return result;
}
