/** A TED notice by publication number: fetch the XML, read it with core, assess it against the registry. */
import { assessNotice, noticeJson, readNotice, type Registry } from '../../core/index.ts';
import type { ResponseOf } from '../shared/messages.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { registryIndex } from './registry-store.ts';
import { currentRuleSet } from './rule-pack-refresh.ts';
import { tedXmlUrl } from './ted-url.ts';

const TIMEOUT_MS = 15_000;

export async function fetchTedNotice(publicationNumber: string, registry: Registry | null): Promise<ResponseOf<'notice/fetch-ted'>> {
  const url = tedXmlUrl(publicationNumber);
  const fetched = await fetchWithTimeout(url, { headers: { Accept: 'application/xml' }, credentials: 'omit' }, TIMEOUT_MS);
  if (!fetched.ok) return { ok: false, code: fetched.code };
  const { response } = fetched;
  if (response.status === 404) return { ok: false, code: 'not-found' };
  if (!response.ok) return { ok: false, code: 'http-error' };
  const read = readNotice(await response.text());
  if (!read.ok) return { ok: false, code: 'unreadable', messageKey: read.error.messageKey };
  const assessment = assessNotice(read.notice, registry ? { lookup: registryIndex(registry), provenance: registry.provenance } : null, await currentRuleSet());
  return { ok: true, notice: noticeJson(read.notice, assessment), url };
}
