/**
 * Finding the header row (within the first 20 rows) and mapping columns to roles by their header
 * text in Norwegian, Swedish and English. Headers are compared as folded words (lower case, ø→o,
 * å/ä→a, punctuation dropped), so "Org.nr.", "Organisasjonsnummer" and "ORG NR" all match.
 */
import { foldedWords } from '../registry/normalise.ts';
import { cellText, wordMatches } from './cells.ts';
import { COLUMN_ROLES, type CellValue, type ColumnMapping, type ColumnRole, type SheetCells } from './types.ts';

export const HEADER_SEARCH_ROWS = 20;

/**
 * Per role, the folded words or phrases (space-separated words, matched as consecutive words) that
 * mark a header. A word ending in `*` matches as a prefix. Roles are tried in this order, so a more
 * specific role comes before a broader one ("Leverandørens org.nr." is orgnr, not supplier;
 * "Verdi inkl. mva" is value, not VAT).
 */
const ROLE_WORDS: readonly (readonly [ColumnRole, readonly string[]])[] = [
  ['orgnr', ['org nr', 'orgnr', 'org no', 'orgno', 'org number', 'organisasjonsnummer', 'organisationsnummer', 'organisation number', 'organization number', 'organisasjonsnr', 'organisationsnr', 'foretaksnummer', 'vat number']],
  ['share', ['andel', 'share', 'malgruppe*', 'malgrupp*']],
  ['value', ['verdi', 'varde', 'value', 'belop', 'belopp', 'sum', 'kostnad', 'cost', 'amount', 'pris', 'price', 'kontraktsvarde', 'kontraktsverdi', 'avtalsvarde', 'avtaleverdi', 'arsverdi', 'arsvarde', 'budsjett', 'budget', 'estimat*', 'anslatt', 'beraknat', 'berakn*', 'uppskatt*', 'omfang', 'omsetning', 'volum', 'volym']],
  ['vat', ['mva', 'moms', 'vat', 'merverdiavgift', 'mervardesskatt']],
  ['reserved', ['reservert', 'reserverad', 'reserverat', 'reserved', 'reservasjon', 'reservation']],
  ['buyerKind', ['buyer kind', 'buyer type', 'oppdragsgivertype', 'type oppdragsgiver', 'myndighetstyp', 'typ av myndighet', 'virksomhetstype', 'sektor', 'sector', 'statlig kommunal', 'stat kommun']],
  ['contractKind', ['kontraktstype', 'kontraktsart', 'kontraktstyp', 'avtaletype', 'avtalstyp', 'contract kind', 'contract type', 'type kontrakt', 'anskaffelsestype', 'upphandlingstyp', 'type anskaffelse', 'typ av upphandling', 'type', 'typ', 'art']],
  ['options', ['opsjon*', 'option*', 'forlengelse*', 'forlangning*', 'extension*']],
  ['duration', ['varighet', 'avtalstid', 'avtaletid', 'kontraktstid', 'avtaleperiode', 'avtalsperiod', 'kontraktsperiode', 'lopetid', 'lengde', 'langd', 'duration', 'term', 'period', 'periode']],
  ['cpv', ['cpv*']],
  ['category', ['kategori', 'category', 'kategorier', 'varegruppe', 'varugrupp', 'tjenesteomrade', 'omrade', 'anskaffelsesomrade', 'upphandlingsomrade', 'produktomrade', 'fagomrade', 'area']],
  ['date', ['dato', 'datum', 'date', 'startdato', 'startdatum', 'start', 'oppstart', 'kunngjoring', 'annonsering', 'tidspunkt', 'planlagt', 'avtalsstart', 'kontraktsstart', 'signert', 'tecknat', 'undertecknat']],
  ['supplier', ['leverandor', 'leverantor', 'supplier', 'vendor', 'leverandorer', 'leverantorer', 'contractor', 'firma', 'foretak', 'foretag', 'bedrift']],
  ['description', ['beskrivelse', 'beskrivning', 'description', 'anskaffelse', 'anskaffelsen', 'upphandling', 'upphandlingen', 'innkjop', 'inkop', 'purchase', 'procurement', 'avtale', 'avtal', 'kontrakt', 'contract', 'tittel', 'titel', 'title', 'navn', 'namn', 'name', 'gjenstand', 'foremal', 'subject', 'tjeneste', 'tjanst', 'service', 'vare', 'vara', 'item']],
];

interface Pattern {
  readonly words: readonly string[];
}

const PATTERNS: readonly (readonly [ColumnRole, readonly Pattern[]])[] = ROLE_WORDS.map(([role, phrases]) => [
  role,
  phrases.map((p) => ({ words: p.split(' ') })),
]);

function containsPhrase(words: readonly string[], pattern: Pattern): boolean {
  const n = pattern.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    if (pattern.words.every((p, k) => wordMatches(p, words[i + k] ?? ''))) return true;
  }
  return false;
}

/** The role a header names, or null. */
export function roleOfHeader(header: string): ColumnRole | null {
  const words = foldedWords(header);
  if (words.length === 0 || words.length > 12) return null; // a sentence is a title or a note, not a header
  for (const [role, patterns] of PATTERNS) if (patterns.some((p) => containsPhrase(words, p))) return role;
  return null;
}

/** The unit of a bare number in a duration or options column, from its header ("Varighet (mnd)"). */
export function durationUnitOf(header: string): 'months' | 'years' | null {
  const words = foldedWords(header);
  if (words.some((w) => ['mnd', 'maneder', 'manader', 'months', 'month', 'man', 'md'].includes(w))) return 'months';
  if (words.some((w) => ['ar', 'years', 'year', 'aar'].includes(w))) return 'years';
  return null;
}

/** The detected mapping of one row read as a header: each role gets its leftmost column. */
export function mapHeaderRow(row: readonly CellValue[]): ColumnMapping {
  const mapping: Partial<Record<ColumnRole, number>> = {};
  row.forEach((cell, column) => {
    if (typeof cell !== 'string') return;
    const role = roleOfHeader(cell);
    if (role !== null && mapping[role] === undefined) mapping[role] = column;
  });
  return mapping;
}

export interface HeaderDetection {
  /** 0-based index of the header row, or -1 when none was found. */
  readonly index: number;
  readonly columns: ColumnMapping;
}

/**
 * The header row: among the first HEADER_SEARCH_ROWS rows, the one naming the most roles, which must
 * include a description or a value and at least one other role. A merged title row above ("Innkjøpsplan
 * 2025") names none and loses; ties go to the upper row.
 */
export function detectHeader(cells: SheetCells): HeaderDetection {
  let best: HeaderDetection = { index: -1, columns: {} };
  let bestCount = 1;
  const rows = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < rows; i++) {
    const columns = mapHeaderRow(cells[i] ?? []);
    const count = Object.keys(columns).length;
    if (count > bestCount && (columns.description !== undefined || columns.value !== undefined)) {
      best = { index: i, columns };
      bestCount = count;
    }
  }
  return best;
}

/** The detected mapping with the user's override on top: a number maps a role, null unmaps it. */
export function applyOverride(detected: ColumnMapping, override: Partial<Record<ColumnRole, number | null>> | undefined): ColumnMapping {
  if (!override) return detected;
  const out: Partial<Record<ColumnRole, number>> = { ...detected };
  for (const role of COLUMN_ROLES) {
    const v = override[role];
    if (v === null) delete out[role];
    else if (v !== undefined && Number.isInteger(v) && v >= 0) out[role] = v;
  }
  return out;
}

export function headerTexts(row: readonly CellValue[] | undefined): string[] {
  return (row ?? []).map((c) => cellText(c));
}

/** Why a column that looks like a value was not taken as the purchase value. */
export type RejectedValueReason = 'unit-price' | 'quantity' | 'lower-rank' | 'same-rank';

export interface ValueCandidate {
  readonly column: number;
  readonly header: string;
  /** 3 total/estimated/contract value, 2 a value or cost, 1 a price or volume, 0 a unit price or quantity (never the value). */
  readonly rank: 0 | 1 | 2 | 3;
  readonly kind: 'value' | 'unit-price' | 'quantity';
}

const UNIT_PRICE = ['enhetspris', 'a pris', 'apris', 'styckpris', 'stykkpris', 'timepris', 'timpris', 'unit price', 'unit cost', 'price per', 'pris per', 'pris pr', 'per stk', 'per styck', 'per enhet', 'per time', 'per timme', 'per hour', 'hourly', 'per unit', 'pr stk', 'pr enhet', 'pr time'].map((p) => ({ words: p.split(' ') }));
const QUANTITY = ['antall', 'antal', 'mengde', 'kvantitet', 'quantity', 'qty', 'stk', 'styck', 'units'].map((p) => ({ words: [p] }));
const TOTAL_VALUE = ['estimert', 'estimat*', 'anslatt', 'beraknat', 'berakn*', 'uppskatt*', 'avtaleverdi', 'avtalsvarde', 'kontraktsverdi', 'kontraktsvarde', 'totalverdi', 'totalvarde', 'total', 'totalt', 'sum', 'summa', 'samlet', 'samlat', 'sammanlagt'].map((p) => ({ words: [p] }));
const PLAIN_VALUE = ['verdi', 'varde', 'value', 'belop', 'belopp', 'amount', 'kostnad', 'kostnader', 'cost', 'costs', 'budsjett', 'budget', 'arsverdi', 'arsvarde'].map((p) => ({ words: [p] }));

/** Every column of the header row that could hold the value, ranked (a unit price never outranks a value). */
export function valueCandidates(row: readonly CellValue[]): ValueCandidate[] {
  const out: ValueCandidate[] = [];
  row.forEach((cell, column) => {
    if (typeof cell !== 'string') return;
    const words = foldedWords(cell);
    if (words.length === 0 || words.length > 12) return;
    const has = (patterns: readonly Pattern[]) => patterns.some((p) => containsPhrase(words, p));
    const header = cell.trim();
    if (has(UNIT_PRICE)) out.push({ column, header, rank: 0, kind: 'unit-price' });
    else if (roleOfHeader(cell) === 'value') out.push({ column, header, rank: has(TOTAL_VALUE) ? 3 : has(PLAIN_VALUE) ? 2 : 1, kind: 'value' });
    else if (has(QUANTITY)) out.push({ column, header, rank: 0, kind: 'quantity' });
  });
  return out;
}
