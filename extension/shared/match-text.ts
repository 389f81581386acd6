/**
 * The page messages' bulky parts as plain text (page/start's name keys, registry/match's answer):
 * one string crosses between the background and a page at the cost of a copy and is checked with one
 * pattern, where thousands of small objects cost a structured clone and a schema check each. A page
 * reads a supplier's details only when its panel lists the supplier.
 */
import './zod-config.ts';
import { z } from 'zod/mini';
import type { MatchProvenance, SupplierMatch } from './page-messages.ts';

/** Name-key hashes (30 bits) as two UTF-16 units of 15 bits each, so never a surrogate. */
export function hashesToText(hashes: Iterable<number>): string {
  let out = '';
  for (const hash of hashes) out += String.fromCharCode(hash >>> 15, hash & 0x7fff);
  return out;
}

export function hashesFromText(text: string): Set<number> {
  const hashes = new Set<number>();
  for (let i = 0; i + 1 < text.length; i += 2) hashes.add((text.charCodeAt(i) << 15) | text.charCodeAt(i + 1));
  return hashes;
}

/**
 * The request's name candidates (never empty: each starts with a word), one per line: a line break
 * inside a candidate is sent as a space, which findNames reads the same (both only part words).
 */
export function candidatesToText(names: readonly string[]): string {
  return names.map((name) => name.replace(/[\r\n]/g, ' ')).join('\n');
}

/** A list sent as lines (or as numbers joined by commas): none when empty. */
export function linesOf(text: string, separator: string): string[] {
  return text === '' ? [] : text.split(separator);
}

/** A name candidate (by position in the request) that starts with a registry name: the name's length and whose it is. */
export interface NameHit {
  readonly candidate: number;
  readonly length: number;
  readonly orgnrs: readonly string[];
}

/** One hit per line: candidate, tab, length, tab, numbers joined by commas. */
export const NAME_HITS = /^(?:\d{1,5}\t\d{1,3}\t\d{9,10}(?:,\d{9,10})*(?:\n(?!$)|$))*$/;

export function nameHitsToText(hits: readonly NameHit[]): string {
  return hits.map((h) => `${h.candidate}\t${h.length}\t${h.orgnrs.join(',')}`).join('\n');
}

export function nameHitsFromText(text: string): NameHit[] {
  return linesOf(text, '\n').map((line) => {
    const [candidate, length, orgnrs] = line.split('\t');
    return { candidate: Number(candidate), length: Number(length), orgnrs: (orgnrs ?? '').split(',') };
  });
}

/** The matched suppliers' numbers, joined by commas. */
export const ORGNR_LIST = /^(?:\d{9,10}(?:,\d{9,10})*)?$/;

const eligibilityStatus = z.enum(['eligible', 'ineligible', 'unverified', 'stale']);
export type EligibilityStatus = z.infer<typeof eligibilityStatus>;

/** A supplier's details, one JSON array per line in the order of the numbers: what supplierWords needs. */
const detailsSchema = z.tuple([
  z.enum(['NO', 'SE']),
  z.string(),
  eligibilityStatus,
  z.nullable(z.number()),
  z.nullable(z.string()),
  z.int().check(z.nonnegative()),
]);

export function supplierDetailsToText(matches: readonly SupplierMatch[]): string {
  return matches.map((m) => JSON.stringify([m.jurisdiction, m.name, m.status, m.share, m.asOf, m.provenance])).join('\n');
}

/** One supplier's details line read back; null when it does not hold what the background writes. */
export function supplierFromText(orgnr: string, line: string): SupplierMatch | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = detailsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const [jurisdiction, name, status, share, asOf, provenance] = parsed.data;
  return { orgnr, jurisdiction, name, status, share, asOf, provenance };
}

/** What a page keeps of one answer's suppliers until it lists them. */
export interface MatchedSuppliers {
  readonly orgnrs: readonly string[];
  /** Lines of details, in the order of `orgnrs`. */
  readonly details: readonly string[];
  readonly provenances: readonly MatchProvenance[];
}
