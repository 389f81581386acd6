/**
 * Editing a rule pack without hand-editing JSON: set one value by its rule id, or add a new period to
 * an existing parameter. The result goes through the same validation as any pack (shape, bounds,
 * order, overlaps), so an edit can only produce a pack every front end accepts.
 */
import { addDays, type IsoDate } from '../dates.ts';
import { parseRulePack, type PackIssue, type ParameterValue, type Reference, type RulePack, type VerificationStatus } from './schema.ts';

export interface ValueChange {
  readonly value: number;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly status: VerificationStatus;
  readonly reference: Reference;
  readonly note?: string;
  /** Required when `status` is verified: who checked the value against its source. */
  readonly verifiedBy?: string;
}

/** An open-ended verified value the edit ended the day before the new one starts. */
export interface ClosedPeriod {
  readonly id: string;
  readonly to: IsoDate;
}

export type AuthorOutcome = { ok: true; pack: RulePack; closed: readonly ClosedPeriod[] } | { ok: false; issues: PackIssue[] };

function refusal(messageKey: string, params: PackIssue['params'], message: string): AuthorOutcome {
  return { ok: false, issues: [{ path: '', messageKey, params, message }] };
}

function newValue(id: string, change: ValueChange): ParameterValue {
  return {
    id,
    value: change.value,
    from: change.from,
    to: change.to,
    status: change.status,
    reference: change.reference,
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(change.verifiedBy !== undefined ? { verifiedBy: change.verifiedBy } : {}),
  };
}

/**
 * A verified value from D ends the open-ended verified value before it on D - 1 (the usual way a
 * threshold changes); the caller reports what was closed. Overlaps with a set end date are refused
 * by the validation instead.
 */
function closeOpenPredecessors(values: ParameterValue[], added: ParameterValue): ClosedPeriod[] {
  if (added.status !== 'verified' || added.from === null) return [];
  const closed: ClosedPeriod[] = [];
  values.forEach((v, i) => {
    if (v === added || v.status !== 'verified' || v.to !== null || v.from === null || v.from >= added.from!) return;
    const to = addDays(added.from!, -1);
    values[i] = { ...v, to };
    closed.push({ id: v.id, to });
  });
  return closed;
}

function precheck(change: ValueChange, id: string): AuthorOutcome | null {
  if (change.status === 'verified' && change.verifiedBy === undefined) {
    return refusal('rulepack.author.verified-by-required', { rule: id }, `rule ${id}: a verified value needs --verified-by`);
  }
  if (change.status !== 'verified' && change.verifiedBy !== undefined) {
    return refusal('rulepack.author.verified-by-unverified', { rule: id, status: change.status }, `rule ${id}: --verified-by only goes with --status verified`);
  }
  return null;
}

function finish(pack: RulePack, published: IsoDate, closed: ClosedPeriod[]): AuthorOutcome {
  const parsed = parseRulePack(JSON.parse(JSON.stringify({ ...pack, published })));
  return parsed.ok ? { ok: true, pack: parsed.pack, closed } : { ok: false, issues: parsed.issues };
}

/** Replaces the value with rule id `id` (a period that exists in the pack, e.g. one whose amount is missing). */
export function setRuleValue(pack: RulePack, id: string, change: ValueChange, published: IsoDate): AuthorOutcome {
  const entry = Object.entries(pack.parameters).find(([, p]) => p.values.some((v) => v.id === id));
  if (!entry) {
    if (pack.provisions.some((p) => p.id === id)) return refusal('rulepack.author.provision', { rule: id }, `${id} is a provision, not a value`);
    return refusal('rulepack.author.unknown-rule', { rule: id }, `no rule ${id} in the pack`);
  }
  const refused = precheck(change, id);
  if (refused) return refused;
  const [name, parameter] = entry;
  const values = parameter.values.map((v) => (v.id === id ? newValue(id, change) : v));
  const closed = closeOpenPredecessors(values, values.find((v) => v.id === id)!);
  return finish({ ...pack, parameters: { ...pack.parameters, [name]: { ...parameter, values } } }, published, closed);
}

/** Adds a new period with a new rule id to an existing parameter. */
export function addRuleValue(pack: RulePack, parameterName: string, id: string, change: ValueChange, published: IsoDate): AuthorOutcome {
  const parameter = Object.hasOwn(pack.parameters, parameterName) ? pack.parameters[parameterName] : undefined;
  if (!parameter) {
    return refusal('rulepack.author.unknown-parameter', { parameter: parameterName, parameters: Object.keys(pack.parameters).join(', ') }, `no parameter ${parameterName}`);
  }
  const taken = Object.values(pack.parameters).some((p) => p.values.some((v) => v.id === id)) || pack.provisions.some((p) => p.id === id);
  if (taken) return refusal('rulepack.author.rule-exists', { rule: id }, `rule ${id} exists already`);
  if (!id.startsWith(`${pack.jurisdiction}-`)) return refusal('rulepack.author.id-prefix', { rule: id, jurisdiction: pack.jurisdiction }, `rule ids of this pack start with ${pack.jurisdiction}-`);
  const refused = precheck(change, id);
  if (refused) return refused;
  const added = newValue(id, change);
  const values = [...parameter.values, added];
  const closed = closeOpenPredecessors(values, added);
  return finish({ ...pack, parameters: { ...pack.parameters, [parameterName]: { ...parameter, values } } }, published, closed);
}
