/**
 * What a sheet says about itself when no option does: the buyer kind (from its title rows and tab
 * name) and the jurisdiction (from the language of its headers, its currency words, the format of
 * its organisation numbers, and the user's language as the weakest hint). Each answer carries the
 * evidence it rests on; conflicting or absent evidence gives no answer, never a default.
 */
import type { Translate } from '../i18n/index.ts';
import { findOrgnrs, formatOrgnr } from '../orgnr/index.ts';
import type { BuyerKind, PurchaseJurisdiction } from '../rules/regime.ts';
import { HEADER_SEARCH_ROWS, detectHeader } from './headers.ts';
import type { CellValue } from './types.ts';

export interface PlacedText {
  readonly text: string;
  /** Where the text was found, as the caller names it (`title row 1`, `tab name`). */
  readonly where: string;
}

export interface BuyerEvidence extends PlacedText {
  readonly kind: BuyerKind;
  /** The words that matched (`kommune`, `…direktoratet`). */
  readonly matched: string;
}

export interface BuyerInference {
  /** Null when the evidence conflicts: `evidence` then holds both kinds. */
  readonly kind: BuyerKind | null;
  readonly evidence: readonly BuyerEvidence[];
  readonly conflict: boolean;
}

const L = '\\p{L}';
/** A pattern over whole words: the edges are any non-letter (Unicode-aware, so `Bærum kommune` and `Malmö kommun` both work). */
const words = (body: string, flags = 'iu') => new RegExp(`(?<!${L})${body}(?!${L})`, flags);

const BUYER_PATTERNS: readonly { kind: BuyerKind; label: string; pattern: RegExp }[] = [
  { kind: 'state', label: 'Statens …', pattern: words('statens') },
  { kind: 'state', label: '…direktoratet', pattern: words(`${L}*direktorat(?:et)?`) },
  { kind: 'state', label: '…departementet', pattern: words(`${L}*departement(?:et)?`) },
  { kind: 'state', label: '…tilsynet', pattern: words(`${L}+tilsynet`) },
  { kind: 'state', label: 'Myndigheten för …', pattern: words('myndigheten för') },
  { kind: 'state', label: '…verket', pattern: words(`${L}+verket`) },
  { kind: 'state', label: '…styrelsen', pattern: words(`${L}+styrelsen`) },
  { kind: 'municipal', label: '… fylkeskommune', pattern: words('fylkeskommunes?') },
  { kind: 'municipal', label: '… kommune', pattern: words('kommunes?') },
  { kind: 'municipal', label: '… kommun', pattern: words('kommuns?') },
  { kind: 'municipal', label: 'Region …', pattern: new RegExp(`(?<!${L})(?:Region|REGION)\\s+\\p{Lu}`, 'u') },
  { kind: 'municipal', label: '… landsting', pattern: words('landstinget|landsting') },
];

/**
 * The buyer kind the sheet's title rows and tab name name, or null when none does. Conflicting
 * evidence (a state agency and a municipality) gives `kind: null` with both pieces.
 */
export function inferBuyerKind(texts: readonly PlacedText[]): BuyerInference | null {
  const evidence: BuyerEvidence[] = [];
  for (const placed of texts) {
    for (const { kind, label, pattern } of BUYER_PATTERNS) {
      // Whole words only, so `Vestland fylkeskommune` is not also `… kommune`.
      if (pattern.test(placed.text)) evidence.push({ ...placed, kind, matched: label });
    }
  }
  if (evidence.length === 0) return null;
  const kinds = new Set(evidence.map((e) => e.kind));
  const conflict = kinds.size > 1;
  return { kind: conflict ? null : evidence[0]!.kind, evidence, conflict };
}

export type JurisdictionEvidenceKind = 'header-language' | 'currency' | 'orgnr-format' | 'lang';

export interface JurisdictionEvidence {
  readonly kind: JurisdictionEvidenceKind;
  readonly jurisdiction: PurchaseJurisdiction;
  /** What was seen: the word, the currency, the organisation numbers, the language. */
  readonly text: string;
  readonly points: number;
}

export interface JurisdictionInference {
  readonly jurisdiction: PurchaseJurisdiction | null;
  readonly evidence: readonly JurisdictionEvidence[];
  /** Both countries have evidence and neither outweighs the other clearly. */
  readonly conflict: boolean;
}

export interface JurisdictionInput {
  readonly headers: readonly string[];
  readonly sampleCells?: readonly string[];
  readonly tabName?: string | null;
  readonly titleTexts?: readonly string[];
  /** The user's language (`--lang`, Office's display language): the weakest hint. */
  readonly lang?: string | null;
}

/**
 * Words whose spelling differs between Norwegian and Swedish, as they appear in procurement headers
 * (alone or at the end of a compound: `Avtaleverdi`, `Avtalsvärde`). Matched on whole words or
 * compound ends, so `kommune` never counts as `kommun`.
 */
const HEADER_WORDS: Readonly<Record<PurchaseJurisdiction, readonly string[]>> = {
  NO: ['leverandør', 'leverandører', 'leverandørens', 'organisasjonsnummer', 'estimert', 'anslått', 'planlagt', 'beløp', 'beløpet', 'verdi', 'verdien', 'mva', 'merverdiavgift', 'kommune', 'fylkeskommune', 'anskaffelse', 'anskaffelsen', 'avtale', 'avtalen', 'innkjøp', 'innkjøpsplan', 'varighet', 'løpetid', 'opsjon', 'opsjoner', 'beskrivelse', 'navn', 'tjeneste', 'tjenester', 'antall', 'måneder', 'oppdragsgiver', 'avdeling', 'reservert', 'merknad', 'oppstart', 'kontraktstype'],
  SE: ['leverantör', 'leverantörer', 'leverantörens', 'organisationsnummer', 'uppskattat', 'beräknat', 'avtals', 'belopp', 'beloppet', 'värde', 'värdet', 'moms', 'mervärdesskatt', 'kommun', 'landsting', 'upphandling', 'upphandlingen', 'avtal', 'avtalet', 'inköp', 'löptid', 'avtalstid', 'förlängning', 'beskrivning', 'namn', 'tjänst', 'tjänster', 'antal', 'månader', 'avdelning', 'reserverad', 'anmärkning', 'avtalsstart', 'kontraktsart'],
};
const HEADER_POINTS = 3;

/** Currency words and the country they point to; `kr` alone is both countries' and points nowhere. */
const CURRENCY_WORDS: Readonly<Record<PurchaseJurisdiction, readonly string[]>> = {
  NO: ['nok', 'mnok', 'tnok', 'knok'],
  SE: ['sek', 'msek', 'ksek', 'tkr', 'mkr', 'mnkr', 'tsek'],
};
const CURRENCY_POINTS = 4;
const ORGNR_POINTS = 1;
const ORGNR_MAX_POINTS = 3;
const LANG_POINTS = 1;
/** The winner needs at least this many times the loser's points; closer than that is a conflict. */
const MARGIN = 2;

function lowerWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}.]+/u).map((w) => w.replace(/^\.+|\.+$/g, '')).filter(Boolean);
}

/** A word seen in a header: itself, or the end of a compound (`avtaleverdi` ends with `verdi`). */
function headerWordsOf(header: string, dictionary: readonly string[]): string[] {
  const found: string[] = [];
  for (const word of lowerWords(header)) {
    // The two languages' words never end alike (kommune/kommun, avtale/avtal, verdi/värde), so a compound's end is safe to match.
    const hit = dictionary.find((d) => word === d || (d.length >= 4 && word.endsWith(d)));
    if (hit) found.push(hit);
  }
  return found;
}

function currencyWordsOf(text: string, dictionary: readonly string[]): string[] {
  const lower = ` ${text.toLowerCase()} `;
  return dictionary.filter((w) => words(w.replace(/\./g, '\\.'), 'iu').test(lower));
}

/**
 * The jurisdiction the evidence points to, with every piece of evidence and its points. Null when
 * there is none, or when both countries have evidence and neither has at least twice the other's.
 */
export function inferJurisdiction(input: JurisdictionInput): JurisdictionInference {
  const evidence: JurisdictionEvidence[] = [];
  const add = (kind: JurisdictionEvidenceKind, jurisdiction: PurchaseJurisdiction, text: string, points: number) => {
    if (!evidence.some((e) => e.kind === kind && e.jurisdiction === jurisdiction && e.text === text)) evidence.push({ kind, jurisdiction, text, points });
  };
  const labelled = [...input.headers, ...(input.titleTexts ?? []), ...(input.tabName ? [input.tabName] : [])];
  for (const j of ['NO', 'SE'] as const) {
    for (const header of labelled) for (const word of headerWordsOf(header, HEADER_WORDS[j])) add('header-language', j, word, HEADER_POINTS);
    for (const text of [...labelled, ...(input.sampleCells ?? [])]) for (const word of currencyWordsOf(text, CURRENCY_WORDS[j])) add('currency', j, word.toUpperCase(), CURRENCY_POINTS);
  }
  const orgnrs: Record<PurchaseJurisdiction, Set<string>> = { NO: new Set(), SE: new Set() };
  for (const cell of input.sampleCells ?? []) for (const m of findOrgnrs(cell)) orgnrs[m.orgnr.jurisdiction].add(formatOrgnr(m.orgnr.digits, m.orgnr.jurisdiction));
  for (const j of ['NO', 'SE'] as const) {
    const seen = [...orgnrs[j]];
    if (seen.length > 0) add('orgnr-format', j, seen.slice(0, 3).join(', ') + (seen.length > 3 ? ' …' : ''), Math.min(seen.length * ORGNR_POINTS, ORGNR_MAX_POINTS));
  }
  const lang = (input.lang ?? '').toLowerCase();
  if (lang === 'nb' || lang === 'nn' || lang === 'no') add('lang', 'NO', lang, LANG_POINTS);
  if (lang === 'sv') add('lang', 'SE', lang, LANG_POINTS);

  const score = (j: PurchaseJurisdiction) => evidence.filter((e) => e.jurisdiction === j).reduce((sum, e) => sum + e.points, 0);
  const no = score('NO');
  const se = score('SE');
  const strongest = no > se ? 'NO' : se > no ? 'SE' : null;
  const [win, lose] = strongest === 'NO' ? [no, se] : [se, no];
  // The user's language alone is a hint, not evidence about the sheet.
  const onlyLang = evidence.every((e) => e.kind === 'lang');
  if (strongest === null || onlyLang) return { jurisdiction: null, evidence, conflict: no > 0 && se > 0 };
  if (lose > 0 && win < MARGIN * lose) return { jurisdiction: null, evidence, conflict: true };
  return { jurisdiction: strongest, evidence, conflict: false };
}

/** The evidence for one country in words: `header words leverandør, beløp; currency MNOK`. */
function evidenceText(t: Translate, evidence: readonly JurisdictionEvidence[], jurisdiction: PurchaseJurisdiction): string {
  const kinds: JurisdictionEvidenceKind[] = ['header-language', 'currency', 'orgnr-format', 'lang'];
  return kinds
    .map((kind) => evidence.filter((e) => e.jurisdiction === jurisdiction && e.kind === kind).map((e) => e.text))
    .map((texts, i) => (texts.length > 0 ? t(`infer.evidence.${kinds[i]!}`, { text: texts.join(', ') }) : ''))
    .filter(Boolean)
    .join('; ');
}

/** What a front end says about the jurisdiction inference, in the user's language. */
export function describeJurisdictionInference(t: Translate, inference: JurisdictionInference): string {
  if (inference.jurisdiction !== null) {
    return t('infer.jurisdiction.inferred', { jurisdiction: inference.jurisdiction, evidence: evidenceText(t, inference.evidence, inference.jurisdiction) });
  }
  if (inference.conflict) return t('infer.jurisdiction.conflict', { no: evidenceText(t, inference.evidence, 'NO'), se: evidenceText(t, inference.evidence, 'SE') });
  return t('infer.jurisdiction.none');
}

/** What a front end says about the buyer-kind inference, in the user's language. */
export function describeBuyerInference(t: Translate, inference: BuyerInference): string {
  if (inference.kind !== null) {
    const first = inference.evidence[0]!;
    return t('infer.buyer.inferred', { kind: t(`buyer.${inference.kind}`), text: first.text, where: first.where });
  }
  const of = (kind: BuyerKind) => inference.evidence.filter((e) => e.kind === kind).map((e) => `"${e.text}" (${e.where})`).join(', ');
  return t('infer.buyer.conflict', { state: of('state'), municipal: of('municipal') });
}

/** Cells sampled from a sheet as jurisdiction evidence: enough to see its org numbers and currency words. */
const SAMPLE_ROWS = 200;
/** inferSheetJurisdiction reads no row past these (the header search window and the sample below it). */
export const JURISDICTION_EVIDENCE_ROWS = HEADER_SEARCH_ROWS + SAMPLE_ROWS;

/**
 * The jurisdiction a sheet's own cells point to: its header row (found without any jurisdiction),
 * the title rows above it, the tab name, and the first rows' cells (org numbers, currency words).
 */
export function inferSheetJurisdiction(cells: readonly (readonly CellValue[])[], options: { readonly sheetName?: string | null; readonly lang?: string | null }): JurisdictionInference {
  const header = detectHeader(cells);
  const text = (c: CellValue | undefined) => (typeof c === 'string' ? c : typeof c === 'number' ? String(c) : '');
  const headerIndex = Math.max(header.index, 0);
  const sampleCells: string[] = [];
  for (let i = headerIndex + 1; i < Math.min(cells.length, headerIndex + 1 + SAMPLE_ROWS); i++) for (const c of cells[i] ?? []) if (text(c) !== '') sampleCells.push(text(c));
  const titleTexts: string[] = [];
  for (let i = 0; i < headerIndex; i++) for (const c of cells[i] ?? []) if (text(c) !== '') titleTexts.push(text(c));
  return inferJurisdiction({
    headers: header.index < 0 ? [] : (cells[header.index] ?? []).map(text).filter(Boolean),
    sampleCells,
    tabName: options.sheetName ?? null,
    titleTexts,
    lang: options.lang ?? null,
  });
}
