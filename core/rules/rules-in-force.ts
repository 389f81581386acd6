import type { IsoDate } from '../dates.ts';
import { DEFAULT_RULES, type RuleSet } from './packs/index.ts';
import { resolveParameter, type Resolution } from './resolve.ts';
import type { Jurisdiction, Parameter, ParameterValue, Provision, RulePack } from './schema.ts';

export interface ParameterListing extends Resolution {
  readonly unit: Parameter['unit'];
  readonly description: string;
  readonly denominator: Parameter['denominator'];
  /** Values that start after the date (any status). */
  readonly upcoming: readonly ParameterValue[];
}

export interface RulesInForce {
  readonly jurisdiction: Jurisdiction;
  readonly date: IsoDate;
  readonly pack: Pick<RulePack, 'title' | 'version' | 'published'>;
  readonly parameters: readonly ParameterListing[];
  readonly provisions: readonly Provision[];
  readonly policy: RulePack['policy'];
}

/** Every parameter and provision of one pack as it stands on one date: what `inkludo rules` prints. */
export function rulesInForce(jurisdiction: Jurisdiction, date: IsoDate, rules: RuleSet = DEFAULT_RULES): RulesInForce {
  const pack = rules[jurisdiction];
  const parameters = Object.entries(pack.parameters).map(([name, parameter]) => ({
    ...resolveParameter(pack, name, date),
    unit: parameter.unit,
    description: parameter.description,
    denominator: parameter.denominator,
    upcoming: parameter.values.filter((v) => v.from !== null && v.from > date),
  }));
  const provisions = pack.provisions.filter((p) => p.from <= date && (p.to === null || date <= p.to));
  return { jurisdiction, date, pack: { title: pack.title, version: pack.version, published: pack.published }, parameters, provisions, policy: pack.policy };
}
