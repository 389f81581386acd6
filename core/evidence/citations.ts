import { translate, type Lang } from '../i18n/index.ts';
import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import type { Jurisdiction } from '../rules/schema.ts';
import type { Citation } from './model.ts';

/**
 * A rule id of any pack (a parameter value or a provision) as a citation with its reference and
 * status. An organisation's own pack is searched first; an id it leaves out falls back to the bundled
 * pack. Null for an id no pack knows.
 */
export function citationOf(ruleId: string, rules: RuleSet = DEFAULT_RULES): Citation | null {
  const prefix = ruleId.slice(0, 2) as Jurisdiction;
  for (const set of [rules, DEFAULT_RULES]) {
    const pack = set[prefix];
    if (!pack) continue;
    const provision = pack.provisions.find((p) => p.id === ruleId);
    if (provision) return { ruleId, title: provision.reference.title, url: provision.reference.url, status: provision.status };
    for (const parameter of Object.values(pack.parameters)) {
      const value = parameter.values.find((v) => v.id === ruleId);
      if (value) return { ruleId, title: value.reference.title, url: value.reference.url, status: value.status };
    }
  }
  return null;
}

/** The citations of the ids that some pack knows, in order, without duplicates. */
export function citationsOf(ruleIds: readonly string[], rules: RuleSet = DEFAULT_RULES): Citation[] {
  return [...new Set(ruleIds)].map((id) => citationOf(id, rules)).filter((c): c is Citation => c !== null);
}

/** A citation as the reader sees it; a pending or unverified rule says so in words. */
export function citationText(lang: Lang, c: Citation): string {
  const key = c.status === 'verified' ? 'evidence.cite.verified' : 'evidence.cite.not-verified';
  return translate(lang, key, { id: c.ruleId, title: c.title, url: c.url, status: translate(lang, `status.${c.status}`) });
}
