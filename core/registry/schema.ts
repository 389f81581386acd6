/**
 * The registry file format, validated with zod where the data enters core. A registry file is CSV
 * (one supplier per row, header names in English, Norwegian or Swedish) or JSON
 * (`{ "schema": "inkludo.registry/1", "provenance": {…}, "suppliers": [{…}] }`). Both forms go
 * through the same entry schema, so a bad value gets the same issue code whichever form it came in.
 *
 * Every validation failure carries one of ISSUE_CODES as its zod message; import.ts turns it into a
 * LineIssue with a catalogue key (core/i18n/messages/registry.ts).
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../dates.ts';
import { parseOrgnr, PERSONAL_NUMBER_MARK, type OrgnrJurisdiction, type OrgnrProblem } from '../orgnr/index.ts';
import { readSharePercent } from '../value/share.ts';
import { foldedWords } from './normalise.ts';
import type { EntityState, ShareDenominator, SupplierKind } from './types.ts';

export const REGISTRY_SCHEMA_ID = 'inkludo.registry/1';

export const SUPPLIER_KINDS = ['asf', 'arbeidsmarkedsbedrift', 'vta-aft', 'other'] as const satisfies readonly SupplierKind[];
export const SHARE_DENOMINATORS = ['employees', 'occupied'] as const satisfies readonly ShareDenominator[];
export const ENTITY_STATES = ['active', 'bankrupt', 'under-dissolution', 'deleted', 'unknown'] as const satisfies readonly EntityState[];

/** Issue codes of field values; each has `registry.issue.<code>` in the catalogue. */
export const FIELD_ISSUE_CODES = [
  'orgnr-invalid',
  'name-missing',
  'kind-unknown',
  'share-percent-missing',
  'share-invalid',
  'share-out-of-range',
  'share-denominator-missing',
  'denominator-unknown',
  'share-date-missing',
  'date-invalid',
  'yes-no-invalid',
  'region-invalid',
  'category-invalid',
  'url-invalid',
  'status-unknown',
  'status-date-missing',
  'provenance-source-missing',
  'provenance-retrieved-missing',
  'field-type',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** Folded words joined by `sep`: "Andel (%)" → "andel", "Formål bekreftet" → "formal_bekreftet". */
export function foldedKey(text: string, sep = '_'): string {
  return foldedWords(text).join(sep);
}

// ---- cell values -------------------------------------------------------------------------------

const YES = new Set(['yes', 'y', 'ja', 'j', 'true', '1']);
const NO = new Set(['no', 'n', 'nei', 'nej', 'false', '0']);

const KIND_ALIASES: Readonly<Record<string, SupplierKind>> = {
  asf: 'asf',
  'arbetsintegrerande-socialt-foretag': 'asf',
  'arbetsintegrerande-sociala-foretag': 'asf',
  arbeidsmarkedsbedrift: 'arbeidsmarkedsbedrift',
  arbeidsmarknadsbedrift: 'arbeidsmarkedsbedrift',
  amb: 'arbeidsmarkedsbedrift',
  'vta-aft': 'vta-aft',
  vta: 'vta-aft',
  aft: 'vta-aft',
  other: 'other',
  annet: 'other',
  annen: 'other',
  anna: 'other',
  annan: 'other',
  annat: 'other',
  ovrig: 'other',
  ovrigt: 'other',
};

const DENOMINATOR_ALIASES: Readonly<Record<string, ShareDenominator>> = {
  employees: 'employees',
  ansatte: 'employees',
  tilsette: 'employees',
  anstallda: 'employees',
  occupied: 'occupied',
  sysselsatte: 'occupied',
  sysselsatta: 'occupied',
  verksamma: 'occupied',
};

/** `arbeidsmarkedsbedrift (candidate)` (also kandidat): the kind, and a candidate flag. */
const CANDIDATE_SUFFIX = /\s*\((?:candidate|kandidat)\)\s*$/i;
export function splitCandidate(kind: unknown): { kind: unknown; candidate: boolean } {
  if (typeof kind !== 'string' || !CANDIDATE_SUFFIX.test(kind)) return { kind, candidate: false };
  return { kind: kind.replace(CANDIDATE_SUFFIX, ''), candidate: true };
}

/** Strings that are not a known word are passed on unchanged, so the enum reports them as given. */
function alias<T extends string>(table: Readonly<Record<string, T>>) {
  return (value: unknown): unknown => (typeof value === 'string' ? (table[foldedKey(value, '-')] ?? value) : value);
}

function yesNo(value: unknown): unknown {
  if (value === undefined) return false;
  if (typeof value !== 'string') return value;
  const key = value.trim().toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return value;
}

/**
 * "29,9 %", "30", "45.5" → number, as a percentage (the field is `percent`; a CSV column that does not
 * say % has had its fractions read by import-csv.ts already); anything else is passed on unchanged.
 */
function percent(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return readSharePercent(value, true)?.percent ?? value;
}

/** ISO dates, and the D.M.YYYY that Norwegian Excel writes, → ISO. */
function isoDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (!dotted) return trimmed;
  const [, d = '', m = '', y = ''] = dotted;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Space, `|`, comma or semicolon separated codes → list; numbers (from JSON or Excel) → strings. */
function codeList(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/[\s|,;]+/).filter((s) => s !== '');
  if (Array.isArray(value)) return value.map((v: unknown) => (typeof v === 'number' ? String(v) : v));
  return value;
}

/** Alternative names separated by `|` (names themselves contain spaces and commas). */
function nameList(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split('|');
  return value;
}

/** Collapses runs of whitespace, line breaks from a multi-line Excel cell included; drops a hidden personal identity number. */
export function cleanName(value: string): string {
  return value.replaceAll(PERSONAL_NUMBER_MARK, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A region code. Excel drops the leading zero of Norwegian codes ("301" for Oslo's 0301, "3" for
 * fylke 03); 1- and 3-digit codes exist in neither country, so padding them back is unambiguous.
 */
export function regionCode(value: string): string {
  const v = value.trim();
  return v.length === 1 || v.length === 3 ? `0${v}` : v;
}

/**
 * A CPV prefix. A full code ("90910000", "90910000-9") is a prefix once its check digit and padding
 * zeros go: "9091". A short prefix is kept as written ("4520" stays narrower than "452").
 */
export function cpvPrefix(value: string): string {
  const v = value.trim();
  const full = /^(\d{8})(?:-\d)?$/.exec(v);
  if (!full?.[1]) return v;
  const trimmed = full[1].replace(/0+$/, '');
  return trimmed.length >= 2 ? trimmed : full[1].slice(0, 2);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

// ---- field schemas -----------------------------------------------------------------------------

/** A missing value and a malformed one get different codes. */
function missingOr(missing: FieldIssueCode, invalid: FieldIssueCode) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? missing : invalid);
}

/** `digits` null: a personal identity number (a sole trader's), never kept; the supplier is left out. */
export type ParsedOrgnr = { readonly digits: string; readonly jurisdiction: OrgnrJurisdiction } | { readonly digits: null };

const orgnrSchema = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : (v ?? '')),
  z.string({ error: 'orgnr-invalid' }).transform((raw, ctx): ParsedOrgnr => {
    const parsed = parseOrgnr(raw);
    if (parsed.problem === 'personal-number' || raw.includes(PERSONAL_NUMBER_MARK)) return { digits: null };
    if (parsed.digits === null || parsed.jurisdiction === null) {
      const problem: OrgnrProblem = parsed.problem ?? 'checksum';
      ctx.addIssue({ code: 'custom', message: 'orgnr-invalid', params: { problem, raw }, input: raw });
      return z.NEVER;
    }
    return { digits: parsed.digits, jurisdiction: parsed.jurisdiction };
  }),
);

const nameSchema = z.preprocess(
  (v) => (typeof v === 'string' ? cleanName(v) : v),
  z.string({ error: 'name-missing' }).min(1, { error: 'name-missing' }),
);

const altNamesSchema = z.preprocess(
  nameList,
  z.array(z.string({ error: 'field-type' }), { error: 'field-type' }).transform((names) => unique(names.map(cleanName).filter((n) => n !== ''))),
);

function dateSchema(missing: FieldIssueCode) {
  return z.preprocess(
    isoDate,
    z.string({ error: missingOr(missing, 'date-invalid') }).refine((v): v is IsoDate => isIsoDate(v), { error: 'date-invalid' }),
  );
}
const optionalDate = z.preprocess(isoDate, z.string({ error: 'date-invalid' }).refine(isIsoDate, { error: 'date-invalid' }));

const urlSchema = z
  .string({ error: 'url-invalid' })
  .trim()
  .regex(/^https?:\/\/[^\s]+$/i, { error: 'url-invalid' });

const shareSchema = z.object(
  {
    percent: z.preprocess(
      percent,
      z
        .number({ error: missingOr('share-percent-missing', 'share-invalid') })
        .min(0, { error: 'share-out-of-range' })
        .max(100, { error: 'share-out-of-range' }),
    ),
    denominator: z.preprocess(
      alias(DENOMINATOR_ALIASES),
      z.enum(SHARE_DENOMINATORS, { error: missingOr('share-denominator-missing', 'denominator-unknown') }),
    ),
    asOf: dateSchema('share-date-missing'),
  },
  { error: 'field-type' },
);

const regionsSchema = z.preprocess(
  codeList,
  z
    .array(z.string({ error: 'region-invalid' }).transform(regionCode).pipe(z.string().regex(/^\d{2}(?:\d{2})?$/, { error: 'region-invalid' })), {
      error: 'field-type',
    })
    .transform(unique),
);

const categoriesSchema = z.preprocess(
  codeList,
  z
    .array(z.string({ error: 'category-invalid' }).transform(cpvPrefix).pipe(z.string().regex(/^\d{2,8}$/, { error: 'category-invalid' })), {
      error: 'field-type',
    })
    .transform(unique),
);

/** An entry's own provenance; blank parts fall back to the registry's (see import.ts). */
const entryProvenanceSchema = z.object(
  {
    source: z.string({ error: 'field-type' }).transform(cleanName).optional(),
    url: urlSchema.nullable().optional(),
    retrieved: optionalDate.optional(),
    expires: optionalDate.nullable().optional(),
  },
  { error: 'field-type' },
);

const STATE_ALIASES: Readonly<Record<string, EntityState>> = {
  active: 'active', aktiv: 'active',
  bankrupt: 'bankrupt', konkurs: 'bankrupt',
  'under-dissolution': 'under-dissolution', 'under-avvikling': 'under-dissolution', 'under-avveckling': 'under-dissolution',
  deleted: 'deleted', slettet: 'deleted', avregistrerad: 'deleted',
  unknown: 'unknown', ukjent: 'unknown', okand: 'unknown',
};

/** A register status and the date it was looked up. */
const entityStatusSchema = z.object(
  {
    state: z.preprocess(alias(STATE_ALIASES), z.enum(ENTITY_STATES, { error: 'status-unknown' })),
    checked: dateSchema('status-date-missing'),
  },
  { error: 'field-type' },
);

/** One supplier, from a CSV row (cells as strings, blanks as undefined) or a JSON entry. */
export const supplierEntrySchema = z.object({
  orgnr: orgnrSchema,
  name: nameSchema,
  altNames: altNamesSchema,
  kind: z.preprocess((v) => alias(KIND_ALIASES)(splitCandidate(v ?? 'other').kind), z.enum(SUPPLIER_KINDS, { error: 'kind-unknown' })),
  candidate: z.boolean({ error: 'field-type' }).optional(),
  share: shareSchema.nullable().optional().transform((s) => s ?? null),
  purposeAttested: z.preprocess(yesNo, z.boolean({ error: 'yes-no-invalid' })),
  regions: regionsSchema,
  categories: categoriesSchema,
  provenance: entryProvenanceSchema.optional(),
  status: entityStatusSchema.nullable().optional(),
});
export type SupplierEntry = z.output<typeof supplierEntrySchema>;
export const SUPPLIER_ENTRY_FIELDS: readonly string[] = Object.keys(supplierEntrySchema.shape);

/** Registry-level provenance, from a JSON file or from a CSV file's `# key: value` lines and the import options. */
export const provenanceSchema = z.object(
  {
    source: z.preprocess(
      (v) => (typeof v === 'string' ? cleanName(v) : v),
      z.string({ error: 'provenance-source-missing' }).min(1, { error: 'provenance-source-missing' }),
    ),
    url: urlSchema.nullable().optional().transform((u) => u ?? null),
    retrieved: dateSchema('provenance-retrieved-missing'),
    expires: optionalDate.nullable().optional().transform((d) => d ?? null),
    demo: z.preprocess((v) => yesNo(v), z.boolean({ error: 'yes-no-invalid' })),
  },
  { error: 'field-type' },
);
/** The JSON form's outer shape; entries are validated one by one so each issue finds its entry. */
export const registryJsonSchema = z.object({
  schema: z.literal(REGISTRY_SCHEMA_ID, { error: 'json-schema-id' }),
  provenance: z.unknown(),
  suppliers: z.array(z.unknown(), { error: 'field-type' }),
});

// ---- CSV header ----------------------------------------------------------------------------------

/** CSV column keys, in the order the exporter writes them. */
export const CSV_COLUMNS = [
  'orgnr',
  'name',
  'kind',
  'share_percent',
  'share_denominator',
  'share_as_of',
  'purpose_attested',
  'regions',
  'categories',
  'alt_names',
  'source',
  'source_url',
  'retrieved',
  'expires',
  'status',
  'status_checked',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['orgnr', 'name'];

/** Header names (folded: lower case, å→a, ø→o, words joined by `_`) in English, Norwegian and Swedish. */
const HEADER_ALIASES: Readonly<Record<CsvColumn, readonly string[]>> = {
  orgnr: ['orgnr', 'org_nr', 'orgno', 'org_no', 'org_number', 'organisasjonsnummer', 'organisationsnummer', 'organisation_number', 'organization_number'],
  name: ['name', 'navn', 'namn', 'firmanavn', 'foretaksnavn', 'foretagsnamn', 'supplier', 'leverandor', 'leverantor'],
  kind: ['kind', 'type', 'typ', 'virksomhetstype', 'verksamhetstyp'],
  share_percent: ['share_percent', 'share', 'share_pct', 'percent', 'andel', 'andel_prosent', 'andel_procent', 'andel_pct', 'prosent', 'procent'],
  share_denominator: ['share_denominator', 'denominator', 'andel_av', 'grunnlag', 'nevner', 'namnare'],
  share_as_of: ['share_as_of', 'as_of', 'per_dato', 'per_datum', 'andel_per', 'andel_dato', 'andel_datum', 'telledato', 'matt_datum'],
  purpose_attested: ['purpose_attested', 'purpose', 'attested', 'formal_bekreftet', 'formal_attestert', 'syfte_intygat', 'intygat_syfte'],
  regions: ['regions', 'region', 'regioner', 'omrade', 'omrader', 'omraden', 'kommuner', 'kommune', 'kommun', 'fylke', 'lan'],
  categories: ['categories', 'category', 'cpv', 'cpv_prefix', 'kategorier', 'kategori'],
  alt_names: ['alt_names', 'alternative_names', 'other_names', 'aliases', 'alias', 'andre_navn', 'andra_namn'],
  source: ['source', 'kilde', 'kalla'],
  source_url: ['source_url', 'url', 'kilde_url', 'kalla_url', 'lenke', 'lank'],
  retrieved: ['retrieved', 'hentet', 'hentet_dato', 'hamtad', 'hamtat', 'hamtad_datum'],
  expires: ['expires', 'utloper', 'gyldig_til', 'giltig_till', 'utgar'],
  status: ['status', 'register_status', 'registerstatus'],
  status_checked: ['status_checked', 'status_dato', 'status_datum', 'status_sjekket', 'status_kontrollerad'],
};

const COLUMN_OF_HEADER: ReadonlyMap<string, CsvColumn> = new Map(
  CSV_COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((header) => [header, column] as const)),
);

export function csvColumnOf(header: string): CsvColumn | undefined {
  return COLUMN_OF_HEADER.get(foldedKey(header));
}

/** `# key: value` lines above the CSV header: registry-level provenance. */
const COMMENT_KEYS: Readonly<Record<string, 'source' | 'url' | 'retrieved' | 'expires' | 'demo'>> = {
  source: 'source', kilde: 'source', kalla: 'source',
  url: 'url', source_url: 'url', lenke: 'url', lank: 'url',
  retrieved: 'retrieved', hentet: 'retrieved', hamtad: 'retrieved', hamtat: 'retrieved',
  expires: 'expires', utloper: 'expires', gyldig_til: 'expires', giltig_till: 'expires', utgar: 'expires',
  demo: 'demo',
};

export function commentKeyOf(key: string): (typeof COMMENT_KEYS)[string] | undefined {
  return COMMENT_KEYS[foldedKey(key)];
}

/** Where an entry field lives in a CSV file, for pointing an issue at its column. */
export function csvColumnOfField(path: readonly PropertyKey[]): CsvColumn | undefined {
  const [first, second] = path;
  switch (first) {
    case 'orgnr':
    case 'name':
    case 'kind':
    case 'regions':
    case 'categories':
      return first;
    case 'altNames':
      return 'alt_names';
    case 'purposeAttested':
      return 'purpose_attested';
    case 'share':
      return second === 'denominator' ? 'share_denominator' : second === 'asOf' ? 'share_as_of' : 'share_percent';
    case 'status':
      return second === 'checked' ? 'status_checked' : 'status';
    case 'candidate':
      return 'kind';
    case 'provenance':
      return second === 'url' ? 'source_url' : second === 'retrieved' ? 'retrieved' : second === 'expires' ? 'expires' : 'source';
    default:
      return undefined;
  }
}
