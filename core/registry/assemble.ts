/**
 * The steps shared by CSV and JSON import once every entry has passed the schema: each supplier's
 * provenance, duplicate organisation numbers, and warnings about values that are kept as given.
 */
import { lineIssue } from './issues.ts';
import type { SupplierEntry } from './schema.ts';
import type { LineIssue, Provenance, Supplier } from './types.ts';

export interface LocatedEntry {
  readonly line: number;
  readonly entry: SupplierEntry;
  /** The column (CSV header as written) or field path (JSON) of an entry field, for pointing at it. */
  readonly columnOf: (path: readonly PropertyKey[]) => string | undefined;
}

/** Who each jurisdiction counts in the 30 % share (DOMAIN.md §1). */
const CONVENTIONAL_DENOMINATOR = { NO: 'employees', SE: 'occupied' } as const;

/**
 * An entry with provenance of its own describes its own source: source and retrieved fall back to
 * the registry's when blank, url and expires do not (they belong to the source). An entry without
 * any provenance shares the registry's.
 */
export function entryProvenance(own: SupplierEntry['provenance'], registry: Provenance): Provenance {
  if (!own || (own.source === undefined && own.url === undefined && own.retrieved === undefined && own.expires === undefined)) return registry;
  return {
    source: own.source || registry.source,
    url: own.url ?? null,
    retrieved: own.retrieved ?? registry.retrieved,
    expires: own.expires ?? null,
    demo: registry.demo,
  };
}

export interface Assembled {
  readonly suppliers: Supplier[];
  readonly errors: LineIssue[];
  readonly warnings: LineIssue[];
}

/**
 * Suppliers from the entries. With `registry` null (its provenance failed validation) the checks
 * still run, so one import reports every problem at once, but no supplier is built.
 */
export function assembleSuppliers(entries: readonly LocatedEntry[], registry: Provenance | null): Assembled {
  const suppliers: Supplier[] = [];
  const errors: LineIssue[] = [];
  const warnings: LineIssue[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, entry, columnOf } of entries) {
    if (entry.orgnr.digits === null) {
      warnings.push(lineIssue(line, 'orgnr-personal', {}, columnOf(['orgnr'])));
      continue;
    }
    const { digits, jurisdiction } = entry.orgnr;
    const first = firstLineOf.get(digits);
    if (first !== undefined) {
      errors.push(lineIssue(line, 'duplicate-orgnr', { orgnr: digits, firstLine: first }, columnOf(['orgnr'])));
      continue;
    }
    firstLineOf.set(digits, line);

    const provenance = registry && entryProvenance(entry.provenance, registry);
    if (provenance?.expires && provenance.expires < provenance.retrieved) {
      errors.push(
        lineIssue(line, 'expires-before-retrieved', { expires: provenance.expires, retrieved: provenance.retrieved }, columnOf(['provenance', 'expires'])),
      );
      continue;
    }
    if (entry.share) {
      const expected = CONVENTIONAL_DENOMINATOR[jurisdiction];
      if (entry.share.denominator !== expected) {
        warnings.push({
          ...lineIssue(line, 'denominator-convention', { denominator: entry.share.denominator }, columnOf(['share', 'denominator'])),
          messageKey: `registry.issue.denominator-convention.${jurisdiction}`,
        });
      }
      if (entry.share.percent > 0 && entry.share.percent < 1) {
        warnings.push(lineIssue(line, 'share-looks-like-fraction', { value: entry.share.percent, percent: entry.share.percent * 100 }, columnOf(['share', 'percent'])));
      }
    }
    if (provenance) suppliers.push({
      orgnr: digits,
      jurisdiction,
      name: entry.name,
      altNames: entry.altNames.filter((n) => n !== entry.name),
      kind: entry.kind,
      share: entry.share,
      purposeAttested: entry.purposeAttested,
      regions: entry.regions,
      categories: entry.categories,
      provenance,
      ...(entry.candidate ? { candidate: true } : {}),
      ...(entry.status ? { status: entry.status } : {}),
    });
  }
  return { suppliers, errors, warnings };
}
