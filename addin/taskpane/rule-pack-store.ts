import { z } from 'zod';
import {
  DEFAULT_RULES,
  PackSourceState,
  packFromSource,
  packRequestVia,
  packSourceDue,
  parseOrganisationPack,
  refreshPackSource,
  withRulePack,
  type RulePack,
  type RuleSet,
} from '../../core/index.ts';

/**
 * An organisation's own rule packs (e.g. one that marks a threshold verified once checked in
 * Lovdata), kept in the task pane's localStorage like the registry: they belong to the organisation,
 * not to one workbook. Stored packs are validated again on load; an invalid one is dropped.
 */
const KEY = 'inkludo.rulepacks';
/** The organisation's pack addresses, one per jurisdiction, each with its last good pack. */
const SOURCES_KEY = 'inkludo.rulepack-sources';
const FETCH_TIMEOUT_MS = 30_000;

export function loadStoredPacks(): RulePack[] {
  const text = localStorage.getItem(KEY);
  if (text === null) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return [];
    return data.flatMap((item) => {
      const parsed = parseOrganisationPack(item, null);
      return parsed.ok ? [parsed.pack] : [];
    });
  } catch {
    return [];
  }
}

export function storePacks(packs: readonly RulePack[]): void {
  if (packs.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(packs));
}

export function loadPackSources(): PackSourceState[] {
  try {
    const parsed = z.array(PackSourceState).safeParse(JSON.parse(localStorage.getItem(SOURCES_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** False when the browser refused to store them (storage full): the sources in memory still apply. */
export function storePackSources(sources: readonly PackSourceState[]): boolean {
  try {
    if (sources.length === 0) localStorage.removeItem(SOURCES_KEY);
    else localStorage.setItem(SOURCES_KEY, JSON.stringify(sources));
    return true;
  } catch {
    return false;
  }
}

// The server must allow the task pane's origin (CORS) and the If-None-Match / If-Modified-Since headers.
const request = packRequestVia((url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }));

/** Fetches the sources that are due (once a day), or all of them when `force`; the last good pack always stays. */
export async function refreshPackSources(sources: readonly PackSourceState[], force: boolean, now = new Date()): Promise<PackSourceState[]> {
  return Promise.all(sources.map((s) => (force || packSourceDue(s, now) ? refreshPackSource(s, request, now) : s)));
}

/** The bundled rules with the organisation's packs in place of their jurisdictions' packs; an address's pack wins over a file's. */
export function rulesWith(packs: readonly RulePack[], sources: readonly PackSourceState[] = []): RuleSet {
  const fromSources = sources.map(packFromSource).filter((p): p is RulePack => p !== null);
  return [...packs, ...fromSources].reduce(withRulePack, DEFAULT_RULES);
}
