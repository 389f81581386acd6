/**
 * The organisation's rule pack addresses (one per jurisdiction): each fetched once a day (alarm) with
 * If-None-Match / If-Modified-Since, validated as an organisation pack for its jurisdiction, and the
 * last good pack kept when a fetch fails or brings a broken or wrong-jurisdiction pack. Stored in
 * storage.local in core's PackSourceState form and validated again on every read. The options page
 * saves addresses and fetches on demand through the same functions.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import {
  DEFAULT_RULES,
  PackSourceState,
  newPackSource,
  packFromSource,
  packRequestVia,
  packSourceDue,
  refreshPackSource,
  withRulePack,
  type Jurisdiction,
  type RulePack,
  type RuleSet,
} from '../../core/index.ts';

export const RULE_PACK_ALARM = 'rule-pack-refresh';
const SOURCES_KEY = 'rulePackSources';
const PERIOD_MINUTES = 24 * 60;
const TIMEOUT_MS = 30_000;

export async function readPackSources(): Promise<PackSourceState[]> {
  const parsed = z.array(PackSourceState).safeParse((await browser.storage.local.get(SOURCES_KEY))[SOURCES_KEY]);
  return parsed.success ? parsed.data : [];
}

async function writePackSources(sources: readonly PackSourceState[]): Promise<void> {
  await browser.storage.local.set({ [SOURCES_KEY]: sources });
}

const request = packRequestVia((url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }));

function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

async function refreshOne(source: PackSourceState, now: Date): Promise<PackSourceState> {
  if (!(await browser.permissions.contains({ origins: [originPattern(source.url)] }))) {
    return { ...source, attempt: { at: now.toISOString(), outcome: 'failed', reason: 'permission', issues: [] } };
  }
  return refreshPackSource(source, request, now);
}

/**
 * Fetches the sources that are due (or all, `force`) and stores the outcome. Sources changed while
 * the fetch ran are kept as they are now: a removed address stays removed.
 */
export async function refreshRulePacks(force: boolean, now = new Date()): Promise<PackSourceState[]> {
  const before = await readPackSources();
  const fetched = await Promise.all(before.map((s) => (force || packSourceDue(s, now) ? refreshOne(s, now) : s)));
  const current = await readPackSources();
  const merged = current.map((c) => fetched.find((f) => f.url === c.url && f.jurisdiction === c.jurisdiction) ?? c);
  await writePackSources(merged);
  return merged;
}

/** Sets the address for one jurisdiction (replacing its previous one and its pack), or removes it with null. */
export async function setPackSource(jurisdiction: Jurisdiction, url: string | null): Promise<PackSourceState[]> {
  const others = (await readPackSources()).filter((s) => s.jurisdiction !== jurisdiction);
  const next = url === null ? others : [...others, newPackSource(jurisdiction, url)];
  await writePackSources(next);
  return next;
}

/** Keeps the alarm in line with the addresses: daily when there is one, none otherwise. */
export async function scheduleRulePackRefresh(): Promise<void> {
  if ((await readPackSources()).length === 0) {
    await browser.alarms.clear(RULE_PACK_ALARM);
    return;
  }
  if (!(await browser.alarms.get(RULE_PACK_ALARM))) browser.alarms.create(RULE_PACK_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
}

/** The rules the background applies: the bundled packs with the organisation's in place of their jurisdictions'. */
export async function currentRuleSet(): Promise<RuleSet> {
  return (await readPackSources())
    .map(packFromSource)
    .filter((p): p is RulePack => p !== null)
    .reduce(withRulePack, DEFAULT_RULES);
}

/** Wires the daily alarm; called once by the background. */
export function installRulePackRefresh(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RULE_PACK_ALARM) void refreshRulePacks(false);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SOURCES_KEY in changes) void scheduleRulePackRefresh();
  });
  void scheduleRulePackRefresh();
}
