/**
 * importRegistry: a registry file (CSV or JSON, as bytes or text) → a Registry, or every problem
 * found with its line. Pure and all-or-nothing: one error anywhere means no registry at all, so a
 * half-read file can never pass for the whole list. Never throws.
 *
 * Registry provenance for CSV, in order of precedence:
 * 1. the `options` the caller gives (e.g. the CLI's --source, --retrieved);
 * 2. `# key: value` lines above the header (`# source: …`, `# url: …`, `# retrieved: 2026-10-01`,
 *    `# expires: …`, `# demo: true`; nb/sv keys kilde/källa, hentet/hämtad, utløper/giltig till too);
 * 3. when neither gives a source or retrieved date but every row has its own: the rows' sources
 *    joined, and the oldest retrieved date.
 * `demo` is true when either the options or the file say so: nothing can turn demo data into real data.
 * For JSON the file's own `provenance` is required; of the options only `demo: true` applies.
 */
import type { IsoDate } from '../dates.ts';
import { findPersonalNumbers, hidePersonalNumbers, PERSONAL_NUMBER_MARK, type PersonalNumberMatch } from '../orgnr/personal-number.ts';
import { assembleSuppliers, type LocatedEntry } from './assemble.ts';
import { decodeText, looksBinary, stripBom } from './decode.ts';
import { readCsv, type ProvenanceKey } from './import-csv.ts';
import { readJson } from './import-json.ts';
import { fromZodIssues, lineIssue } from './issues.ts';
import { provenanceSchema } from './schema.ts';
import type { ImportResult, LineIssue, Provenance } from './types.ts';

export interface ImportOptions {
  /** Forces the format; by default text starting with `{` or `[` is JSON, anything else CSV. */
  readonly format?: 'csv' | 'json';
  readonly source?: string;
  readonly url?: string | null;
  readonly retrieved?: IsoDate;
  readonly expires?: IsoDate | null;
  readonly demo?: boolean;
  /**
   * Import the lines that are valid and leave out the ones with errors (CSV only). Never the
   * default: the user chooses it after seeing the list of lines with errors. Problems of the file as
   * a whole (header, provenance) still refuse it.
   */
  readonly validLinesOnly?: boolean;
}

function failed(errors: readonly LineIssue[]): ImportResult {
  return { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) };
}

function validProvenance(
  raw: unknown,
  locate: (field: string) => { line: number; column?: string },
): { provenance: Provenance | null; errors: LineIssue[] } {
  const parsed = provenanceSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return { provenance: null, errors: fromZodIssues(parsed.error.issues, (path) => locate(String(path[0] ?? ''))) };
  }
  const provenance = parsed.data;
  if (provenance.expires !== null && provenance.expires < provenance.retrieved) {
    const { line, column } = locate('expires');
    return { provenance: null, errors: [lineIssue(line, 'expires-before-retrieved', { expires: provenance.expires, retrieved: provenance.retrieved }, column)] };
  }
  return { provenance, errors: [] };
}

/** Fills a registry source and retrieved date from the rows when every row has its own (rule 3 above). */
function fromRows(entries: readonly LocatedEntry[]): { source?: string; retrieved?: IsoDate } {
  const sources = entries.flatMap((e) => (e.entry.provenance?.source ? [e.entry.provenance.source] : []));
  const dates = entries.flatMap((e) => (e.entry.provenance?.retrieved ? [e.entry.provenance.retrieved] : []));
  const out: { source?: string; retrieved?: IsoDate } = {};
  if (sources.length === entries.length && sources.length > 0) out.source = [...new Set(sources)].join('; ');
  if (dates.length === entries.length && dates.length > 0) out.retrieved = dates.reduce((a, b) => (b < a ? b : a));
  return out;
}

function importCsv(text: string, options: ImportOptions, warnings: LineIssue[]): ImportResult {
  const read = readCsv(text);

  const raw: Record<string, unknown> = {};
  const lineOf: Partial<Record<string, number>> = {};
  for (const [key, declared] of Object.entries(read.declared)) {
    raw[key] = declared.value;
    lineOf[key] = declared.line;
  }
  const derived = fromRows(read.entries);
  for (const key of ['source', 'retrieved'] as const) {
    if (raw[key] === undefined && options[key] === undefined && derived[key] !== undefined) raw[key] = derived[key];
  }
  const fromOptions = new Set<string>();
  for (const key of ['source', 'url', 'retrieved', 'expires'] as const satisfies readonly ProvenanceKey[]) {
    if (options[key] !== undefined) {
      raw[key] = options[key];
      fromOptions.add(key);
    }
  }
  if (options.demo === true || raw['demo'] === undefined) raw['demo'] = options.demo;

  const { provenance, errors } = validProvenance(raw, (field) =>
    fromOptions.has(field) ? { line: 0, column: `options.${field}` } : { line: lineOf[field] ?? 0, column: field ? `# ${field}` : '#' },
  );
  return finish(read.entries, provenance, [...read.errors, ...errors], [...warnings, ...read.warnings], { rowErrors: read.rowErrors, validLinesOnly: options.validLinesOnly === true });
}

function importJson(text: string, options: ImportOptions, warnings: LineIssue[]): ImportResult {
  const read = readJson(text);
  if (read.provenance === undefined) return failed(read.errors);
  const declared = read.provenance;
  const isObject = typeof declared === 'object' && declared !== null && !Array.isArray(declared);
  const raw = options.demo === true && isObject ? { ...declared, demo: true } : declared;
  const { provenance, errors } = validProvenance(raw, (field) => ({
    line: read.lineOf(['provenance', field]),
    column: field ? `provenance.${field}` : 'provenance',
  }));
  return finish(read.entries, provenance, [...read.errors, ...errors], [...warnings, ...read.warnings]);
}

/**
 * The text with every personal identity number replaced by PERSONAL_NUMBER_MARK (which names drop and
 * an organisation-number cell reads as a sole trader's number), and the lines it was found on. Done on
 * the whole text before anything is read, so no issue, warning or supplier can carry one. In JSON a
 * bare number (`"orgnr": 8501011234`) becomes the mark as a string, so the file stays JSON.
 */
function withoutPersonalNumbers(text: string, format: 'csv' | 'json'): { text: string; lines: number[] } {
  const found = findPersonalNumbers(text);
  if (found.length === 0) return { text, lines: [] };
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  for (const m of found) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    if (lines.at(-1) !== line) lines.push(line);
  }
  const inString = jsonStringTracker(text);
  const bareJsonNumber = (m: PersonalNumberMatch) => format === 'json' && !inString(m.index) && /^\d+$/.test(text.slice(m.index, m.index + m.length));
  return { text: hidePersonalNumbers(text, (m) => (bareJsonNumber(m) ? JSON.stringify(PERSONAL_NUMBER_MARK) : PERSONAL_NUMBER_MARK)), lines };
}

/**
 * Whether a position of a JSON text is inside a string, for positions asked in increasing order: one
 * pass over the text in all, however many positions are asked.
 */
function jsonStringTracker(text: string): (index: number) => boolean {
  let at = 0;
  let inside = false;
  let escaped = false;
  return (index) => {
    for (; at < index; at++) {
      const c = text[at];
      if (escaped) escaped = false;
      else if (inside && c === '\\') escaped = true;
      else if (c === '"') inside = !inside;
    }
    return inside;
  };
}

/** Lines that had a personal identity number somewhere other than the organisation number cell. */
function removedWarnings(lines: readonly number[], warnings: readonly LineIssue[]): LineIssue[] {
  const soleTraders = new Set(warnings.filter((w) => w.code === 'orgnr-personal').map((w) => w.line));
  return lines.filter((line) => !soleTraders.has(line)).map((line) => lineIssue(line, 'personal-number-removed'));
}

interface LineErrors {
  /** Errors of single supplier lines (CSV), which `validLinesOnly` may leave out. */
  readonly rowErrors: readonly LineIssue[];
  readonly validLinesOnly: boolean;
}

/**
 * Every problem of every stage is reported together; any one of them means no registry, unless the
 * user chose to import the valid lines and every problem is one of a single line.
 */
function finish(
  entries: readonly LocatedEntry[],
  provenance: Provenance | null,
  errors: readonly LineIssue[],
  warnings: readonly LineIssue[],
  lines: LineErrors = { rowErrors: [], validLinesOnly: false },
): ImportResult {
  const assembled = assembleSuppliers(entries, provenance);
  const lineErrors = [...lines.rowErrors, ...assembled.errors];
  if (errors.length > 0 || !provenance) return failed([...errors, ...lineErrors]);
  const registry = { provenance, suppliers: assembled.suppliers };
  if (lineErrors.length === 0) return { ok: true, registry, warnings: [...warnings, ...assembled.warnings] };
  if (lines.validLinesOnly && registry.suppliers.length > 0) {
    return { ok: true, registry, warnings: [...warnings, ...assembled.warnings], skipped: [...lineErrors].sort((a, b) => a.line - b.line) };
  }
  return { ok: false, errors: [...lineErrors].sort((a, b) => a.line - b.line), validLines: registry.suppliers.length };
}

export function importRegistry(input: Uint8Array | string, options: ImportOptions = {}): ImportResult {
  const warnings: LineIssue[] = [];
  let text: string;
  if (typeof input === 'string') text = stripBom(input);
  else {
    // Untyped callers (messages between extension parts) may hand over anything.
    if (!ArrayBuffer.isView(input)) return failed([lineIssue(0, 'binary-file')]);
    const decoded = decodeText(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
    text = decoded.text;
    if (decoded.encoding === 'windows-1252') warnings.push(lineIssue(0, 'encoding-fallback'));
  }
  if (text.trim() === '') return failed([lineIssue(0, 'empty-file')]);
  if (looksBinary(text)) return failed([lineIssue(0, 'binary-file')]);

  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const scrubbed = withoutPersonalNumbers(text, format);
  const result = format === 'json' ? importJson(scrubbed.text, options, warnings) : importCsv(scrubbed.text, options, warnings);
  if (!result.ok || scrubbed.lines.length === 0) return result;
  return { ...result, warnings: [...result.warnings, ...removedWarnings(scrubbed.lines, result.warnings)].sort((a, b) => a.line - b.line) };
}
