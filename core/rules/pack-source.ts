/**
 * An organisation's rule pack published at an https address, as every front end keeps it: the last
 * good pack with its ETag / Last-Modified, revalidated at most once a day, and what the last attempt
 * gave. A failed or broken answer never replaces the last good pack. The front end supplies the
 * request (fetch in the add-in and the extension, node:https in the CLI); core stays free of I/O.
 */
import { z } from 'zod';
import { todayIso, type IsoDate } from '../dates.ts';
import { translate, type Lang } from '../i18n/index.ts';
import { describePackIssue, describePackProvenance, parseOrganisationPack } from './organisation-pack.ts';
import type { Jurisdiction, PackIssue, RulePack } from './schema.ts';

/** What a front end's request gives back: the answer, or why there was none (`network`, `timeout`). */
export type PackAnswer = { readonly status: number; readonly etag: string | null; readonly lastModified: string | null; readonly body: string } | { readonly error: string };
export type PackRequest = (url: string, headers: Readonly<Record<string, string>>) => Promise<PackAnswer>;

/** The part of the web platform's fetch that a pack request needs (the add-in and the extension pass theirs, with a timeout). */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; cache: 'no-store'; credentials: 'omit' },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** A PackRequest over fetch: no cookies, no HTTP cache (the conditional headers are ours), failures as codes. */
export function packRequestVia(fetchLike: FetchLike): PackRequest {
  return async (url, headers) => {
    try {
      const response = await fetchLike(url, { headers: { Accept: 'application/json', ...headers }, cache: 'no-store', credentials: 'omit' });
      const body = response.status === 200 ? await response.text() : '';
      return { status: response.status, etag: response.headers.get('ETag'), lastModified: response.headers.get('Last-Modified'), body };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return { error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
    }
  };
}

const packIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

/** A pack issue as JSON storage keeps it. */
function storable(issue: PackIssue): z.infer<typeof packIssueSchema> {
  const params: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(issue.params)) if (v !== undefined) params[k] = typeof v === 'bigint' ? String(v) : v;
  return { path: issue.path, message: issue.message, messageKey: issue.messageKey, params };
}

export const PackSourceState = z.object({
  /** The jurisdiction the address is set for; null where any pack is welcome (the CLI's --rules URL). */
  jurisdiction: z.enum(['NO', 'SE', 'EU']).nullable(),
  url: z.url({ protocol: /^https$/ }),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** ISO timestamp of the last answer that gave or confirmed the pack (200 or 304). */
  fetched: z.string().nullable(),
  /** The last good pack as published; validated again whenever it is used. */
  pack: z.unknown().nullable(),
  attempt: z
    .object({
      at: z.string(),
      outcome: z.enum(['fetched', 'unchanged', 'failed']),
      /** For a failure: `network`, `timeout`, `http-<status>`, `not-json`, `invalid`. */
      reason: z.string().nullable(),
      issues: z.array(packIssueSchema),
    })
    .nullable(),
});
export type PackSourceState = z.infer<typeof PackSourceState>;

export const REFRESH_INTERVAL_MS = 24 * 60 * 60 * 1000;

export function newPackSource(jurisdiction: Jurisdiction | null, url: string): PackSourceState {
  return { jurisdiction, url, etag: null, lastModified: null, fetched: null, pack: null, attempt: null };
}

/** The last good pack, validated as an organisation pack for the source's jurisdiction; null when none. */
export function packFromSource(state: PackSourceState): RulePack | null {
  if (state.pack === null) return null;
  const parsed = parseOrganisationPack(state.pack, state.jurisdiction);
  return parsed.ok ? parsed.pack : null;
}

/** Once a day: due when never tried or the last attempt is a day old. */
export function packSourceDue(state: PackSourceState, now: Date): boolean {
  return state.attempt === null || now.getTime() - Date.parse(state.attempt.at) >= REFRESH_INTERVAL_MS;
}

/** One conditional request; the new state keeps the last good pack unless a valid one replaced it. */
export async function refreshPackSource(state: PackSourceState, request: PackRequest, now: Date): Promise<PackSourceState> {
  const at = now.toISOString();
  const failed = (reason: string, issues: PackIssue[] = []): PackSourceState => ({ ...state, attempt: { at, outcome: 'failed', reason, issues: issues.slice(0, 20).map(storable) } });
  const hasPack = packFromSource(state) !== null;
  const headers: Record<string, string> = {};
  if (hasPack && state.etag) headers['If-None-Match'] = state.etag;
  if (hasPack && state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  const answer = await request(state.url, headers);
  if ('error' in answer) return failed(answer.error);
  if (answer.status === 304 && hasPack) return { ...state, fetched: at, attempt: { at, outcome: 'unchanged', reason: null, issues: [] } };
  if (answer.status !== 200) return failed(`http-${answer.status}`);
  let data: unknown;
  try {
    data = JSON.parse(answer.body);
  } catch {
    return failed('not-json');
  }
  const parsed = parseOrganisationPack(data, state.jurisdiction);
  if (!parsed.ok) return failed('invalid', parsed.issues);
  return { ...state, etag: answer.etag, lastModified: answer.lastModified, fetched: at, pack: data, attempt: { at, outcome: 'fetched', reason: null, issues: [] } };
}

/** A timestamp as the local day and minute (`2026-12-01 07:30`). */
function localTime(iso: string): string {
  const d = new Date(iso);
  return `${todayIso(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Why the last attempt failed, in the user's language. */
export function describeFailure(lang: Lang, reason: string): string {
  const http = /^http-(\d+)$/.exec(reason);
  if (http) return translate(lang, 'rulepack.fetch.reason.http', { status: http[1] });
  const key = `rulepack.fetch.reason.${reason}`;
  return translate(lang, key) === key ? reason : translate(lang, key);
}

/** The last attempt as one sentence ("Fetched …", "Checked …: unchanged", "… failed: … The last good pack is kept."). */
export function describeAttempt(lang: Lang, state: PackSourceState): string {
  const attempt = state.attempt;
  if (attempt === null) return translate(lang, 'rulepack.fetch.none-yet');
  const at = localTime(attempt.at);
  if (attempt.outcome === 'fetched') return translate(lang, 'rulepack.fetch.ok', { at });
  if (attempt.outcome === 'unchanged') return translate(lang, 'rulepack.fetch.unchanged', { at });
  return translate(lang, 'rulepack.fetch.failed', { at, reason: describeFailure(lang, attempt.reason ?? 'network') });
}

/** The day of the last good answer, for provenance ("fetched DATE"). */
export function fetchedDay(state: PackSourceState): IsoDate | null {
  return state.fetched === null ? null : todayIso(new Date(state.fetched));
}

/** What a front end shows for one address: the pack's provenance (or the bare address), the last attempt, its problems. */
export interface PackSourceView {
  readonly country: string;
  readonly provenance: string;
  readonly attempt: string;
  readonly failed: boolean;
  readonly issues: readonly string[];
}

export function packSourceView(lang: Lang, state: PackSourceState): PackSourceView {
  const pack = packFromSource(state);
  const country = translate(lang, `rulepack.country.${state.jurisdiction ?? pack?.jurisdiction ?? 'NO'}`);
  const failed = state.attempt?.outcome === 'failed';
  return {
    country,
    provenance: pack ? describePackProvenance(lang, pack, { from: state.url, fetched: fetchedDay(state) }) : `${country}: ${state.url}`,
    attempt: describeAttempt(lang, state),
    failed,
    issues: failed ? (state.attempt?.issues ?? []).slice(0, 10).map((i) => describePackIssue(lang, i)) : [],
  };
}
