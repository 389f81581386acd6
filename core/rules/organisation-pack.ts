/**
 * An organisation's own rule pack (from a file or its intranet address) as the front ends load it:
 * for the jurisdiction it was configured for, never silently wider than what the organisation
 * vouches for, and shown with where it came from ("Rules: Norway, organisation pack from URL,
 * verified by …, fetched DATE").
 */
import type { IsoDate } from '../dates.ts';
import { translate, type Lang } from '../i18n/index.ts';
import { DEFAULT_RULES, type RuleSet } from './packs/index.ts';
import { parseRulePack, type Jurisdiction, type PackIssue, type ParameterValue, type RulePack } from './schema.ts';

function issue(path: string, messageKey: string, params: PackIssue['params'], message: string): PackIssue {
  return { path, messageKey, params, message };
}

/**
 * The same value as the bundled pack's of that id: the organisation did not change it, so it needs
 * no verifier. Ending it earlier (a `to` date, as when a new period follows) widens nothing.
 */
function asBundled(value: ParameterValue, bundled: RulePack): boolean {
  for (const parameter of Object.values(bundled.parameters)) {
    const same = parameter.values.find((b) => b.id === value.id);
    if (same) return same.value === value.value && same.from === value.from && same.status === value.status && (same.to === null || (value.to !== null && value.to <= same.to));
  }
  return false;
}

/**
 * What makes a valid pack unusable as this organisation pack: another jurisdiction than the one it
 * was configured for, or a value marked verified (other than as bundled) without saying who verified it.
 */
export function organisationPackIssues(pack: RulePack, expected: Jurisdiction | null, bundled: RuleSet = DEFAULT_RULES): PackIssue[] {
  if (expected !== null && pack.jurisdiction !== expected) {
    return [issue('jurisdiction', 'rulepack.issue.wrong-jurisdiction', { found: pack.jurisdiction, expected }, `the pack is for ${pack.jurisdiction}, not ${expected}`)];
  }
  const out: PackIssue[] = [];
  for (const [name, parameter] of Object.entries(pack.parameters)) {
    parameter.values.forEach((v, i) => {
      if (v.status !== 'verified' || v.verifiedBy !== undefined || asBundled(v, bundled[pack.jurisdiction])) return;
      out.push(issue(`parameters.${name}.values.${i}.verifiedBy`, 'rulepack.issue.verified-by-missing', { rule: v.id }, `rule ${v.id} is marked verified but does not say who verified it`));
    });
  }
  return out;
}

/** Parses and checks a pack an organisation publishes. Never throws. */
export function parseOrganisationPack(data: unknown, expected: Jurisdiction | null): { ok: true; pack: RulePack } | { ok: false; issues: PackIssue[] } {
  const parsed = parseRulePack(data);
  if (!parsed.ok) return parsed;
  const issues = organisationPackIssues(parsed.pack, expected);
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

/** A pack problem as one line in the user's language, naming the rule ids it is about. */
export function describePackIssue(lang: Lang, packIssue: PackIssue): string {
  return translate(lang, packIssue.messageKey, packIssue.params);
}

/** Who verified the pack's own values (distinct, in pack order). */
export function packVerifiers(pack: RulePack): string[] {
  const names = Object.values(pack.parameters).flatMap((p) => p.values.flatMap((v) => (v.verifiedBy !== undefined ? [v.verifiedBy] : [])));
  return [...new Set(names)];
}

/** "verified", or "verified by <who>" for a value an organisation verified itself. */
export function statusLabel(lang: Lang, value: Pick<ParameterValue, 'status' | 'verifiedBy'>): string {
  if (value.status === 'verified' && value.verifiedBy !== undefined) return translate(lang, 'status.verified-by', { who: value.verifiedBy });
  return translate(lang, `status.${value.status}`);
}

export interface PackSource {
  /** A file path or an https address. */
  readonly from: string;
  /** When the pack was last fetched from `from` (addresses only). */
  readonly fetched: IsoDate | null;
}

/** One sentence on which pack the verdicts use: the bundled one, or an organisation's with its source. */
export function describePackProvenance(lang: Lang, pack: RulePack, source: PackSource | null): string {
  const country = translate(lang, `rulepack.country.${pack.jurisdiction}`);
  if (source === null) return translate(lang, 'rulepack.provenance.bundled', { country, version: pack.version, published: pack.published });
  const verifiers = packVerifiers(pack);
  const verifiedBy = verifiers.length > 0 ? verifiers.join('; ') : translate(lang, 'rulepack.provenance.nobody');
  const key = source.fetched === null ? 'rulepack.provenance.file' : 'rulepack.provenance.url';
  return translate(lang, key, { country, from: source.from, verifiedBy, fetched: source.fetched, version: pack.version });
}
