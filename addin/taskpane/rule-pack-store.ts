import { DEFAULT_RULES, parseRulePack, withRulePack, type RulePack, type RuleSet } from '../../core/index.ts';

/**
 * An organisation's own rule packs (e.g. one that marks a threshold verified once checked in
 * Lovdata), kept in the task pane's localStorage like the registry: they belong to the organisation,
 * not to one workbook. Stored packs are validated again on load; an invalid one is dropped.
 */
const KEY = 'inkludo.rulepacks';

export function loadStoredPacks(): RulePack[] {
  const text = localStorage.getItem(KEY);
  if (text === null) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return [];
    return data.flatMap((item) => {
      const parsed = parseRulePack(item);
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

/** The bundled rules with the organisation's packs in place of their jurisdictions' packs. */
export function rulesWith(packs: readonly RulePack[]): RuleSet {
  return packs.reduce(withRulePack, DEFAULT_RULES);
}
