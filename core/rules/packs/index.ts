import noPack from './no.json' with { type: 'json' };
import sePack from './se.json' with { type: 'json' };
import euPack from './eu.json' with { type: 'json' };
import { parseRulePack, type Jurisdiction, type RulePack } from '../schema.ts';

/** The rule packs in force: one per jurisdiction. An organisation may replace one with its own. */
export type RuleSet = Readonly<Record<Jurisdiction, RulePack>>;

function bundled(data: unknown, name: string): RulePack {
  const parsed = parseRulePack(data);
  if (!parsed.ok) throw new Error(`bundled rule pack ${name} is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.pack;
}

export const DEFAULT_RULES: RuleSet = {
  NO: bundled(noPack, 'no.json'),
  SE: bundled(sePack, 'se.json'),
  EU: bundled(euPack, 'eu.json'),
};

/** The rule set with `pack` in place of the bundled pack of its jurisdiction. */
export function withRulePack(rules: RuleSet, pack: RulePack): RuleSet {
  return { ...rules, [pack.jurisdiction]: pack };
}
