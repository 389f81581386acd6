/**
 * The JSON form of a registry: `{ "schema": "inkludo.registry/1", "provenance": {…}, "suppliers": [{…}] }`,
 * with entry fields named as in the Supplier type (orgnr, name, altNames, kind, share {percent,
 * denominator, asOf}, purposeAttested, regions, categories, provenance). Issues point at the line of
 * the entry or field; unknown fields are ignored with a warning.
 */
import type { LocatedEntry } from './assemble.ts';
import { fromZodIssues, lineIssue } from './issues.ts';
import { jsonLineFinder } from './json-lines.ts';
import { registryJsonSchema, SUPPLIER_ENTRY_FIELDS, supplierEntrySchema } from './schema.ts';
import type { LineIssue } from './types.ts';

export interface JsonRead {
  /** The declared provenance (unchecked); undefined when the file is not a registry at all. */
  readonly provenance: unknown;
  readonly entries: LocatedEntry[];
  readonly errors: LineIssue[];
  readonly warnings: LineIssue[];
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

const TOP_LEVEL_FIELDS = ['schema', 'provenance', 'suppliers'];

/** JSON.parse's messages differ between engines; those that give a position or line let us point at it. */
function syntaxErrorLine(text: string, message: string): number {
  const line = /line (\d+) column \d+/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (!position) return 0;
  return text.slice(0, Number(position)).split('\n').length;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(value: Record<string, unknown>, known: readonly string[], at: (field: string) => LineIssue): LineIssue[] {
  return Object.keys(value).filter((k) => !known.includes(k)).map(at);
}

export function readJson(text: string): JsonRead {
  const find = jsonLineFinder(text);
  const lineOf = (path: readonly PropertyKey[]) => find(path) ?? 0;
  const entries: LocatedEntry[] = [];
  const errors: LineIssue[] = [];
  const warnings: LineIssue[] = [];
  const done = (provenance: unknown = undefined): JsonRead => ({ provenance, entries, errors, warnings, lineOf });

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    errors.push(lineIssue(syntaxErrorLine(text, e instanceof Error ? e.message : ''), 'json-syntax'));
    return done();
  }
  if (!isPlainObject(value)) {
    errors.push(lineIssue(1, 'json-shape'));
    return done();
  }
  const outer = registryJsonSchema.safeParse(value, { reportInput: true });
  if (!outer.success) {
    errors.push(...fromZodIssues(outer.error.issues, (path) => ({ line: lineOf(path), column: path.map(String).join('.') })));
    return done();
  }
  warnings.push(...unknownFields(value, TOP_LEVEL_FIELDS, (k) => lineIssue(lineOf([k]), 'column-unknown', { column: k }, k)));

  outer.data.suppliers.forEach((raw, index) => {
    const line = lineOf(['suppliers', index]);
    const columnOf = (path: readonly PropertyKey[]) => path.map(String).join('.');
    if (!isPlainObject(raw)) {
      errors.push(lineIssue(line, 'json-entry-shape', { entry: index + 1 }));
      return;
    }
    warnings.push(
      ...unknownFields(raw, SUPPLIER_ENTRY_FIELDS, (k) => lineIssue(lineOf(['suppliers', index, k]), 'column-unknown', { column: k }, k)),
    );
    const result = supplierEntrySchema.safeParse(raw, { reportInput: true });
    if (result.success) entries.push({ line, entry: result.data, columnOf });
    else errors.push(...fromZodIssues(result.error.issues, (path) => ({ line: lineOf(['suppliers', index, ...path]), column: columnOf(path) })));
  });
  if (outer.data.suppliers.length === 0) errors.push(lineIssue(lineOf(['suppliers']), 'no-rows'));
  return done(outer.data.provenance ?? {});
}
