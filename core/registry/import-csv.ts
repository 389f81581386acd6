/**
 * The CSV form of a registry: optional `# key: value` lines (registry provenance), a header row, one
 * supplier per row. Parsing is papaparse's; this file finds the delimiter, keeps physical line
 * numbers (a quoted cell may span lines), and maps header names to fields.
 */
import Papa from 'papaparse/papaparse.js';
import { roleOfHeader } from '../sheet/headers.ts';
import { foldedWords } from './normalise.ts';
import type { LocatedEntry } from './assemble.ts';
import { fromZodIssues, lineIssue } from './issues.ts';
import { commentKeyOf, csvColumnOf, csvColumnOfField, REQUIRED_CSV_COLUMNS, splitCandidate, supplierEntrySchema, type CsvColumn } from './schema.ts';
import type { LineIssue } from './types.ts';
import { headerSaysPercent, readSharePercent } from '../value/share.ts';

export type ProvenanceKey = 'source' | 'url' | 'retrieved' | 'expires' | 'demo';

export interface CsvRead {
  /** Registry provenance from the `# key: value` lines, with the line each came from. */
  readonly declared: Partial<Record<ProvenanceKey, { readonly value: string; readonly line: number }>>;
  readonly entries: LocatedEntry[];
  /** Problems of the file as a whole (header, quotes): no line of it can be trusted. */
  readonly errors: LineIssue[];
  /** Problems of single supplier lines: the other lines may still be imported on request. */
  readonly rowErrors: LineIssue[];
  readonly warnings: LineIssue[];
}

/** Plain lists often start with a title or a note above the header: it is looked for in this many rows. */
const HEADER_SEARCH_ROWS = 10;

/** Sheet-reader roles that name a registry column, for headers outside the registry's own vocabulary. */
const COLUMN_OF_ROLE: Readonly<Partial<Record<string, CsvColumn>>> = { orgnr: 'orgnr', supplier: 'name', cpv: 'categories' };

const NAME_WORDS = new Set(['navn', 'namn', 'name']);

/**
 * A header's column as the sheet reader recognises headers ("Org.nr.", "Leverandør"), for headers
 * outside the registry's own names. One the sheet reader takes for a description but that says
 * "name" ("Leverandørens navn", "Företagets namn") is the supplier's name: a registry has no descriptions.
 */
function columnOfRole(header: string): CsvColumn | undefined {
  const role = roleOfHeader(header);
  if (role === 'description' && foldedWords(header).some((w) => NAME_WORDS.has(w))) return 'name';
  return COLUMN_OF_ROLE[role ?? ''];
}

function columnOfHeader(header: string): CsvColumn | undefined {
  return csvColumnOf(header) ?? columnOfRole(header);
}

const DELIMITERS = [';', ',', '\t'] as const;

/** The delimiter used most in the header line, outside quotes. Ties go to `;`, the Nordic Excel default. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string = DELIMITERS[0];
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

const COMMENT_LINE = /^\s*#\s*([^:=]*?)\s*[:=]\s*(.*?)\s*$/;
// Exported cells that Excel would run as formulas get a leading apostrophe (see export.ts).
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

function cell(raw: string | undefined): string | undefined {
  const v = raw?.trim().replace(ESCAPED_FORMULA, '');
  return v === undefined || v === '' ? undefined : v;
}

function entryRecord(get: (column: CsvColumn) => string | undefined): Record<string, unknown> {
  const percent = get('share_percent');
  const denominator = get('share_denominator');
  const asOf = get('share_as_of');
  const source = get('source');
  const url = get('source_url');
  const retrieved = get('retrieved');
  const expires = get('expires');
  const hasShare = percent !== undefined || denominator !== undefined || asOf !== undefined;
  const hasProvenance = source !== undefined || url !== undefined || retrieved !== undefined || expires !== undefined;
  const state = get('status');
  const checked = get('status_checked');
  const kind = get('kind');
  return {
    orgnr: get('orgnr'),
    name: get('name'),
    altNames: get('alt_names'),
    kind,
    candidate: splitCandidate(kind).candidate,
    share: hasShare ? { percent, denominator, asOf } : null,
    purposeAttested: get('purpose_attested'),
    regions: get('regions'),
    categories: get('categories'),
    provenance: hasProvenance ? { source, url, retrieved, expires } : undefined,
    status: state !== undefined || checked !== undefined ? { state, checked } : null,
  };
}

export function readCsv(source: string): CsvRead {
  const text = source.replace(/\r\n?/g, '\n');
  const declared: CsvRead['declared'] = {};
  const entries: LocatedEntry[] = [];
  const errors: LineIssue[] = [];
  const rowErrors: LineIssue[] = [];
  const warnings: LineIssue[] = [];

  // The comment block above the header is read here, not by papaparse, so that a stray quote in a
  // comment cannot swallow the rows below it.
  let offset = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf('\n', offset);
    const physical = text.slice(offset, end === -1 ? undefined : end);
    const trimmed = physical.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) break;
    const m = COMMENT_LINE.exec(physical);
    const key = m?.[1] !== undefined ? commentKeyOf(m[1]) : undefined;
    if (key && m?.[2] !== undefined && m[2] !== '') declared[key] = { value: m[2], line };
    if (end === -1) {
      offset = text.length;
      break;
    }
    offset = end + 1;
    line++;
  }
  const body = text.slice(offset);
  if (body.trim() === '') {
    errors.push(lineIssue(0, offset === 0 ? 'empty-file' : 'header-missing'));
    return { declared, entries, errors, rowErrors, warnings };
  }

  // Counted over the first lines, so a title line above the header ("Leverandører, 2026") cannot decide it.
  const delimiter = sniffDelimiter(body.split('\n', HEADER_SEARCH_ROWS).join('\n'));
  const parsed = Papa.parse(body, { delimiter, newline: '\n', header: false, skipEmptyLines: false });
  const rows = parsed.data;
  const lineOfRow: number[] = [];
  for (const row of rows) {
    lineOfRow.push(line);
    for (const c of row) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) line++;
    line++;
  }
  for (const error of parsed.errors) {
    if (error.type === 'Quotes') errors.push(lineIssue(lineOfRow[error.row ?? 0] ?? line, 'csv-quotes'));
  }

  // The header is the first row naming an organisation-number column; rows above it are a title or notes.
  const found = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((c) => columnOfHeader(c.trim()) === 'orgnr'));
  const headerIndex = Math.max(found, 0);
  const headerLine = lineOfRow[headerIndex] ?? line;
  if (headerIndex > 0) warnings.push(lineIssue(lineOfRow[0] ?? headerLine, 'lines-above-header', { header: headerLine }));
  const header = rows[headerIndex] ?? [];
  const columnAt = new Map<CsvColumn, number>();
  // The registry's own header names first; a header read the sheet reader's way only fills a column
  // still free, so "Firma" beside "Navn" is an unknown column, not a second name.
  header.forEach((raw, index) => {
    const name = raw.trim();
    const column = name === '' ? undefined : csvColumnOf(name);
    if (column === undefined) return;
    if (columnAt.has(column)) errors.push(lineIssue(headerLine, 'column-duplicate', { column: name }, name));
    else columnAt.set(column, index);
  });
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '' || csvColumnOf(name) !== undefined) return;
    const column = columnOfRole(name);
    if (column === undefined || columnAt.has(column)) warnings.push(lineIssue(headerLine, 'column-unknown', { column: name }, name));
    else columnAt.set(column, index);
  });
  if (REQUIRED_CSV_COLUMNS.every((c) => !columnAt.has(c))) {
    errors.push(lineIssue(headerLine, 'header-missing'));
    return { declared, entries, errors, rowErrors, warnings };
  }
  for (const column of REQUIRED_CSV_COLUMNS) {
    if (!columnAt.has(column)) errors.push(lineIssue(headerLine, 'column-missing', { column }));
  }
  if (errors.length > 0) return { declared, entries, errors, rowErrors, warnings };

  const headerText = (column: CsvColumn | undefined): string | undefined => {
    const index = column === undefined ? undefined : columnAt.get(column);
    return index === undefined ? undefined : header[index]?.trim();
  };
  const columnOf = (path: readonly PropertyKey[]): string | undefined => headerText(csvColumnOfField(path));
  // A share column whose header does not say % may hold Excel's fractions (0.3 for 30 %): see core/value/share.ts.
  const shareHeader = headerText('share_percent');
  const percentHeader = headerSaysPercent(shareHeader);
  const shareValue = (value: string, rowLine: number): string => {
    const reading = readSharePercent(value, percentHeader);
    if (reading?.note !== 'read-as-fraction') return value;
    warnings.push(lineIssue(rowLine, 'share-read-as-fraction', { value, percent: reading.percent }, shareHeader));
    return String(reading.percent);
  };

  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const rowLine = lineOfRow[r] ?? 0;
    // Only lines above the header are comments: below it, `# 1 Arbeid AS` is a supplier's name.
    if (row.every((c) => c.trim() === '')) continue;
    if (row.slice(header.length).some((c) => c.trim() !== '')) {
      rowErrors.push(lineIssue(rowLine, 'extra-cells', { cells: row.length, columns: header.length }));
      continue;
    }
    const record = entryRecord((column) => {
      const index = columnAt.get(column);
      const value = index === undefined ? undefined : cell(row[index]);
      return column === 'share_percent' && value !== undefined ? shareValue(value, rowLine) : value;
    });
    const result = supplierEntrySchema.safeParse(record, { reportInput: true });
    if (result.success) entries.push({ line: rowLine, entry: result.data, columnOf });
    else rowErrors.push(...fromZodIssues(result.error.issues, (path) => ({ line: rowLine, column: columnOf(path) })));
  }
  if (entries.length === 0 && rowErrors.length === 0) errors.push(lineIssue(headerLine, 'no-rows'));
  return { declared, entries, errors, rowErrors, warnings };
}
