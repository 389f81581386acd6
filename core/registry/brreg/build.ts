/**
 * A registry built from Enhetsregisteret: every unit and sub-unit with one of the given industry codes
 * (by default the sheltered-work codes of the standard in force, see ../industry-codes.ts), in the
 * given counties or municipalities and organisation forms. A sub-unit is resolved to its legal entity
 * (the one that signs contracts), and its own municipality becomes one of the entity's delivery
 * regions. Every supplier is a candidate (`arbeidsmarkedsbedrift (candidate)`): an industry code
 * says what a business registered, not that 30 % of its staff are disabled or disadvantaged.
 *
 * Regions are filtered here, not by the API: the search has no county filter, and filtering the
 * sub-units by where they are is the point. The query itself is the industry codes and organisation
 * forms; its URL is kept as the registry's provenance.
 */
import { addMonths, type IsoDate } from '../../dates.ts';
import { industryCodeMeanings, industryStandardAt } from '../industry-codes.ts';
import type { EntityStatus, Provenance, Registry, Supplier } from '../types.ts';
import {
  BRREG_BATCH,
  BRREG_LICENCE,
  BRREG_MAX_DEPTH,
  BRREG_PAGE_SIZE,
  BRREG_SOURCE_NAME,
  enhetSchema,
  pageSchema,
  searchUrl,
  stateOf,
  underenhetSchema,
  type BrregPath,
  type Enhet,
  type Underenhet,
} from './api.ts';
import { BrregError, type BrregGet } from './client.ts';

export interface BrregQuery {
  readonly industryCodes: readonly string[];
  /** 2-digit county numbers; with municipalities, a unit in any of them is kept. Empty: all of Norway. */
  readonly counties: readonly string[];
  readonly municipalities: readonly string[];
  /** Organisation form codes (AS, STI, KOMM …); empty: every form. */
  readonly orgForms: readonly string[];
}

export interface BrregProgress {
  readonly stage: BrregPath | 'parents';
  readonly done: number;
  readonly total: number;
}

export interface BrregBuildOptions {
  readonly baseUrl: string;
  readonly get: BrregGet;
  /** The day of the build: the registry's retrieved date and the status date. */
  readonly retrieved: IsoDate;
  readonly onProgress?: (progress: BrregProgress) => void;
}

/** Something the user must know about the result; `messageKey` is in core/i18n/messages/registry-sources.ts. */
export interface BuildNote {
  readonly code: 'zero-results' | 'code-not-sheltered' | 'code-unknown' | 'parent-missing' | 'no-address';
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface BrregBuild {
  readonly registry: Registry;
  readonly query: BrregQuery;
  /** The search URLs without paging: units first, then sub-units. */
  readonly queryUrls: readonly [string, string];
  readonly counts: { readonly units: number; readonly subUnits: number; readonly suppliers: number };
  readonly notes: readonly BuildNote[];
}

function note(code: BuildNote['code'], params: BuildNote['params'] = {}): BuildNote {
  return { code, messageKey: `registry.build.${code}`, params };
}

/** Every page of one search, within the API's depth limit. */
async function allPages<T>(path: BrregPath, url: string, item: typeof enhetSchema | typeof underenhetSchema, options: BrregBuildOptions): Promise<T[]> {
  const schema = pageSchema(path, item);
  const out: T[] = [];
  for (let page = 0; ; page++) {
    const pageUrl = `${url}${url.includes('?') ? '&' : '?'}size=${BRREG_PAGE_SIZE}&page=${page}`;
    const response = await options.get(pageUrl);
    const parsed = schema.safeParse(response.body);
    if (response.status !== 200 || !parsed.success) throw new BrregError(response.status === 200 ? 'unreadable' : 'http', pageUrl, response.status);
    const { totalElements, totalPages } = parsed.data.page;
    if (totalElements > BRREG_MAX_DEPTH) throw new BrregError('too-many', url, null, { total: totalElements, max: BRREG_MAX_DEPTH });
    out.push(...((parsed.data._embedded?.[path] ?? []) as T[]));
    options.onProgress?.({ stage: path, done: out.length, total: totalElements });
    if (page + 1 >= totalPages) return out;
  }
}

/** The legal entities of these numbers, by comma-list lookups of BRREG_BATCH numbers. */
export async function enheterByNumber(numbers: readonly string[], options: Pick<BrregBuildOptions, 'baseUrl' | 'get'>, onBatch?: (done: number) => void): Promise<Map<string, Enhet>> {
  const found = new Map<string, Enhet>();
  const schema = pageSchema('enheter', enhetSchema);
  for (let i = 0; i < numbers.length; i += BRREG_BATCH) {
    const batch = numbers.slice(i, i + BRREG_BATCH);
    const url = `${searchUrl(options.baseUrl, 'enheter', { organisasjonsnummer: batch })}&size=${BRREG_BATCH}`;
    const response = await options.get(url);
    const parsed = schema.safeParse(response.body);
    if (response.status !== 200 || !parsed.success) throw new BrregError(response.status === 200 ? 'unreadable' : 'http', url, response.status);
    for (const enhet of parsed.data._embedded?.enheter ?? []) found.set(enhet.organisasjonsnummer, enhet);
    onBatch?.(Math.min(i + BRREG_BATCH, numbers.length));
  }
  return found;
}

function countyOf(municipality: string): string {
  return municipality.slice(0, 2);
}

function inArea(query: BrregQuery, municipality: string | undefined): boolean {
  if (query.counties.length === 0 && query.municipalities.length === 0) return true;
  if (municipality === undefined) return false;
  return query.municipalities.includes(municipality) || query.counties.includes(countyOf(municipality));
}

/** Municipalities and their counties, sorted: "0301 03 4601 46" reads as codes, not as a list of places. */
function regionsOf(municipalities: ReadonlySet<string>): string[] {
  const codes = new Set<string>();
  for (const m of municipalities) {
    codes.add(m);
    codes.add(countyOf(m));
  }
  return [...codes].sort();
}

/** What the query and the codes mean, said before the result can be misread. */
function codeNotes(query: BrregQuery, retrieved: IsoDate): BuildNote[] {
  const standard = industryStandardAt(retrieved);
  return query.industryCodes.flatMap((code) => {
    const current = standard?.codes.find((c) => c.code === code);
    if (current) return current.shelteredWork ? [] : [note('code-not-sheltered', { code, standard: standard?.id ?? '', title: current.title })];
    const meanings = industryCodeMeanings(code);
    return meanings.length > 0 ? [note('code-unknown', { code, standard: standard?.id ?? '', was: meanings.map((m) => `${m.standard} ${m.title}`).join('; ') })] : [];
  });
}

export function buildProvenance(query: BrregQuery, queryUrl: string, retrieved: IsoDate): Provenance {
  const standard = industryStandardAt(retrieved);
  const area = [...query.counties, ...query.municipalities];
  const parts = [
    BRREG_SOURCE_NAME,
    `næringskode ${query.industryCodes.join(', ')}${standard ? ` (${standard.id})` : ''}`,
    ...(area.length > 0 ? [`område ${area.join(', ')}`] : []),
    ...(query.orgForms.length > 0 ? [`org.form ${query.orgForms.join(', ')}`] : []),
    `lisens ${BRREG_LICENCE.name}`,
  ];
  return { source: parts.join('; '), url: queryUrl, retrieved, expires: addMonths(retrieved, 12), demo: false };
}

export async function buildFromBrreg(query: BrregQuery, options: BrregBuildOptions): Promise<BrregBuild> {
  const filters = { naeringskode: query.industryCodes, organisasjonsform: query.orgForms };
  const queryUrls = [searchUrl(options.baseUrl, 'enheter', filters), searchUrl(options.baseUrl, 'underenheter', filters)] as const;
  const units = await allPages<Enhet>('enheter', queryUrls[0], enhetSchema, options);
  const subUnits = await allPages<Underenhet>('underenheter', queryUrls[1], underenhetSchema, options);
  const notes = codeNotes(query, options.retrieved);
  if (units.length === 0 && subUnits.length === 0) notes.push(note('zero-results', { codes: query.industryCodes.join(', ') }));

  // Legal entity → the municipalities it delivers in.
  const entities = new Map<string, Enhet>();
  const areas = new Map<string, Set<string>>();
  const addArea = (orgnr: string, municipality: string | undefined) => {
    const set = areas.get(orgnr) ?? new Set<string>();
    if (municipality) set.add(municipality);
    areas.set(orgnr, set);
  };
  for (const unit of units) {
    // A unit without a business address is placed by its postal address, never left as "nationwide".
    const municipality = unit.forretningsadresse?.kommunenummer ?? unit.postadresse?.kommunenummer;
    if (!inArea(query, municipality)) continue;
    entities.set(unit.organisasjonsnummer, unit);
    addArea(unit.organisasjonsnummer, municipality);
  }
  const parentsWanted: string[] = [];
  const located = subUnits.filter((s) => s.overordnetEnhet !== undefined && inArea(query, s.beliggenhetsadresse?.kommunenummer));
  for (const sub of located) {
    const parent = sub.overordnetEnhet as string;
    if (!entities.has(parent) && !parentsWanted.includes(parent)) parentsWanted.push(parent);
  }
  const parents = await enheterByNumber(parentsWanted, options, (done) => options.onProgress?.({ stage: 'parents', done, total: parentsWanted.length }));
  for (const sub of located) {
    const parent = sub.overordnetEnhet as string;
    const entity = entities.get(parent) ?? parents.get(parent);
    if (!entity) {
      notes.push(note('parent-missing', { subUnit: sub.organisasjonsnummer, parent }));
      continue;
    }
    entities.set(parent, entity);
    addArea(parent, sub.beliggenhetsadresse?.kommunenummer);
  }

  // A registry supplier without regions counts as nationwide: say which ones are so only for lack of an address.
  for (const [orgnr, set] of areas) if (set.size === 0) notes.push(note('no-address', { orgnr, name: entities.get(orgnr)?.navn ?? '' }));
  const provenance = buildProvenance(query, queryUrls[0], options.retrieved);
  const suppliers: Supplier[] = [...entities.values()]
    .sort((a, b) => a.navn.localeCompare(b.navn, 'nb'))
    .map((e) => {
      const status: EntityStatus = { state: stateOf(e), checked: options.retrieved };
      return {
        orgnr: e.organisasjonsnummer,
        jurisdiction: 'NO',
        name: e.navn.replace(/\s+/g, ' ').trim(),
        altNames: [],
        kind: 'arbeidsmarkedsbedrift',
        candidate: true,
        share: null,
        purposeAttested: false,
        regions: regionsOf(areas.get(e.organisasjonsnummer) ?? new Set()),
        categories: [],
        provenance,
        status,
      };
    });
  return { registry: { provenance, suppliers }, query, queryUrls, counts: { units: units.length, subUnits: subUnits.length, suppliers: suppliers.length }, notes };
}
