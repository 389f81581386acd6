import type { IsoDate } from '../dates.ts';
import { finding, type Finding } from './findings.ts';
import type { ContractKind } from './regime.ts';
import { CPV_ENTRY_CODES, type CpvEntry, type RulePack, type VerificationStatus } from './schema.ts';

/**
 * Contract kind from a CPV code, as the packs say it: the main division tells works, goods or
 * services, and the pack's list of social and other specific services (directive Annex XIV, FOA's
 * list, LOU bilaga 2) turns a service into `social-services`. Only verified entries are applied; an
 * unverified entry that matches is returned beside the applied kind, never instead of it.
 */

const PLAIN_CPV = /^\d{8}(?:-\d)?$/;

/** The 8 digits of a CPV code as people write it: `55510000-8`, `55510000`, `5551 0000`, `CPV 85311000-2`. */
export function cpvDigits(raw: string): string | null {
  if (PLAIN_CPV.test(raw)) return raw.slice(0, 8); // the common case, without the general pattern
  const m = /(?<!\d)(\d{2})[\s.]?(\d{2})[\s.]?(\d{2})[\s.]?(\d{2})(?:\s*-\s*\d)?(?!\d)/.exec(raw);
  return m ? `${m[1]}${m[2]}${m[3]}${m[4]}` : null;
}

export interface CpvMatch {
  /** The 8 digits the input was read as. */
  readonly code: string;
  /** What matched, in words a reader can check: `division 45`, `Annex XIV 85000000-85323000`, `Annex XIV 55510000`. */
  readonly matched: string;
}

export interface CpvKindCandidate {
  readonly kind: ContractKind;
  readonly ruleId: string;
  readonly status: VerificationStatus;
  readonly evidence: CpvMatch;
  readonly title: string;
  readonly url: string;
}

export interface CpvKind extends CpvKindCandidate {
  /**
   * An unverified or not-in-force list entry that would make this a social service: shown as a
   * possibility (like RULE-PENDING), never applied.
   */
  readonly possible: CpvKindCandidate | null;
}

/** The inclusive numeric span an entry covers: a range covers every code between its ends, a single code only itself. */
export function entrySpan(entry: Pick<CpvEntry, 'codes'>): readonly [string, string] {
  const m = CPV_ENTRY_CODES.exec(entry.codes);
  if (!m?.[1]) throw new Error(`not a CPV entry: ${entry.codes}`); // the schema refuses such entries
  const low = m[1].slice(0, 8);
  return [low, m[2] ? m[2].slice(0, 8) : low];
}

const listName = (pack: RulePack): string => (pack.jurisdiction === 'SE' ? 'LOU bilaga 2' : pack.jurisdiction === 'NO' ? 'FOA ch. 30 / Annex XIV' : 'Annex XIV');

function inForce(entry: { from: string; to: string | null }, date: IsoDate): boolean {
  return entry.from <= date && (entry.to === null || date <= entry.to);
}

/** Packs are immutable once loaded: each list's spans are computed once per pack. */
const spans = new WeakMap<RulePack, readonly { entry: CpvEntry; low: string; high: string }[]>();

function spannedEntries(pack: RulePack): readonly { entry: CpvEntry; low: string; high: string }[] {
  let list = spans.get(pack);
  if (!list) {
    list = (pack.cpv?.socialServices?.entries ?? []).map((entry) => {
      const [low, high] = entrySpan(entry);
      return { entry, low, high };
    });
    spans.set(pack, list);
  }
  return list;
}

function socialEntry(code: string, pack: RulePack, date: IsoDate): { entry: CpvEntry; matched: string } | null {
  let best: { entry: CpvEntry; matched: string } | null = null;
  for (const { entry, low, high } of spannedEntries(pack)) {
    if (code < low || code > high || !inForce(entry, date)) continue;
    const matched = `${listName(pack)} ${low === high ? low : `${low}-${high}`}`;
    // A verified entry wins over an unverified one that covers the same code.
    if (!best || (entry.status === 'verified' && best.entry.status !== 'verified')) best = { entry, matched };
  }
  return best;
}

function divisionRule(code: string, pack: RulePack): CpvKindCandidate | null {
  const division = code.slice(0, 2);
  for (const rule of pack.cpv?.divisions ?? []) {
    const [from = '', to = from] = rule.divisions.split('-');
    if (division < from || division > to) continue;
    return {
      kind: rule.kind,
      ruleId: rule.id,
      status: rule.status,
      evidence: { code, matched: `division ${division}` },
      title: rule.reference.title,
      url: rule.reference.url,
    };
  }
  return null;
}

/**
 * The contract kind a CPV code gives under `pack` at `date`, with the rule and the evidence; null
 * when the text holds no CPV code, the pack has no division rule for it, or that rule is not verified.
 */
export function contractKindFromCpv(raw: string, pack: RulePack, date: IsoDate): CpvKind | null {
  const code = cpvDigits(raw);
  if (code === null) return null;
  // A sheet repeats its codes: the answer per (pack, date, code) is kept, in a bounded table.
  let known = answers.get(pack);
  if (!known) answers.set(pack, (known = new Map()));
  const key = `${date}|${code}`;
  if (known.has(key)) return known.get(key)!;
  if (known.size >= MAX_KEPT) known.clear();
  const answer = uncachedKind(code, pack, date);
  known.set(key, answer);
  return answer;
}

const answers = new WeakMap<RulePack, Map<string, CpvKind | null>>();
const MAX_KEPT = 10_000;

function uncachedKind(code: string, pack: RulePack, date: IsoDate): CpvKind | null {
  const byDivision = divisionRule(code, pack);
  if (byDivision === null || byDivision.status !== 'verified') return null;
  const social = byDivision.kind === 'services' ? socialEntry(code, pack, date) : null;
  if (social === null) return { ...byDivision, possible: null };
  const candidate: CpvKindCandidate = {
    kind: 'social-services',
    ruleId: social.entry.id,
    status: social.entry.status,
    evidence: { code, matched: social.matched },
    title: (social.entry.reference ?? pack.cpv!.socialServices!.reference).title,
    url: (social.entry.reference ?? pack.cpv!.socialServices!.reference).url,
  };
  return social.entry.status === 'verified' ? { ...candidate, possible: null } : { ...byDivision, possible: candidate };
}

/**
 * The findings a CPV-derived kind brings beside a verdict: a kind given elsewhere (a sheet column,
 * an option) that disagrees with the CPV code wins but is reported; an unverified list entry that
 * would make the purchase a social service is reported as a possibility.
 */
export function cpvKindFindings(cpv: CpvKind, givenKind: ContractKind | null): Finding[] {
  const out: Finding[] = [];
  if (givenKind !== null && givenKind !== cpv.kind) {
    out.push(finding('CPV-KIND-CONFLICT', 'warning', { kind: givenKind, code: cpv.evidence.code, cpvKind: cpv.kind, matched: cpv.evidence.matched }, [cpv.ruleId]));
  }
  const p = cpv.possible;
  if (p && (givenKind === null || givenKind === cpv.kind)) {
    out.push(finding('CPV-KIND-POSSIBLE', 'info', { code: p.evidence.code, kind: p.kind, matched: p.evidence.matched, rule: p.ruleId, status: p.status, source: p.url }, [p.ruleId]));
  }
  return out;
}
