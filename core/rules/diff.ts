/** What changed between two rule packs, by rule id: what `inkludo rules diff A B` lists, with sources. */
import type { ParameterValue, Provision, RulePack } from './schema.ts';

type Entry =
  | { readonly kind: 'value'; readonly parameter: string; readonly item: ParameterValue }
  | { readonly kind: 'provision'; readonly item: Provision };

export interface RuleChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The parameter name, or null for a provision. */
  readonly parameter: string | null;
  readonly before: ParameterValue | Provision | null;
  readonly after: ParameterValue | Provision | null;
  /** The fields that differ (for `changed`), e.g. `value`, `status`, `reference`. */
  readonly fields: readonly string[];
}

export interface PackDiff {
  /** Pack-level fields that differ: jurisdiction, title, version, published, currency, policy. */
  readonly pack: readonly string[];
  readonly rules: readonly RuleChange[];
}

function entries(pack: RulePack): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [parameter, p] of Object.entries(pack.parameters)) for (const item of p.values) out.set(item.id, { kind: 'value', parameter, item });
  for (const item of pack.provisions) out.set(item.id, { kind: 'provision', item });
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(a: Entry, b: Entry): string[] {
  const fields = new Set([...Object.keys(a.item), ...Object.keys(b.item)]);
  const out = [...fields].filter((f) => !same((a.item as Record<string, unknown>)[f], (b.item as Record<string, unknown>)[f]));
  const parameterOf = (e: Entry) => (e.kind === 'value' ? e.parameter : null);
  if (parameterOf(a) !== parameterOf(b)) out.unshift('parameter');
  return out;
}

/** Rule changes in the order of pack B (then the removed ones in the order of pack A). */
export function diffPacks(a: RulePack, b: RulePack): PackDiff {
  const before = entries(a);
  const after = entries(b);
  const rules: RuleChange[] = [];
  for (const [id, entry] of after) {
    const old = before.get(id);
    const parameter = entry.kind === 'value' ? entry.parameter : null;
    if (!old) rules.push({ id, change: 'added', parameter, before: null, after: entry.item, fields: [] });
    else {
      const fields = changedFields(old, entry);
      if (fields.length > 0) rules.push({ id, change: 'changed', parameter, before: old.item, after: entry.item, fields });
    }
  }
  for (const [id, entry] of before) {
    if (!after.has(id)) rules.push({ id, change: 'removed', parameter: entry.kind === 'value' ? entry.parameter : null, before: entry.item, after: null, fields: [] });
  }
  const packFields = (['jurisdiction', 'title', 'version', 'published', 'currency', 'policy'] as const).filter((f) => !same(a[f], b[f]));
  return { pack: packFields, rules };
}
