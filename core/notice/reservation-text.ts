/**
 * Recognising a reservation in page text (nb/sv/en), for pages that carry no notice XML: Doffin
 * pages and the Swedish advertising portals. The phrases are the eForms SDK labels and code texts
 * (BT-71 `reserved-procurement`, BT-736 `reserved-execution`; SDK 1.15.1 and SDK-NOR) and the legal
 * wording of LOU 4 kap. 18 § and FOA § 8-8 / § 16-9 / § 30-3 (research/eforms-portals.md §1.2, §3.3, §5).
 *
 * Three kinds are kept apart, as in the notice assessment: `work-integration` (res-ws, the 30 % rule),
 * `sheltered-execution` (BT-736 yes) and `public-service-mission` (res-pub-ser, Art. 77), which is
 * never a reservation for sheltered workshops. `not-reserved` marks text that says the opposite
 * ("Participation is not reserved", "Reservert deltakelse: Ingen"), so callers can tell it from silence.
 */
export type ReservationTextKind = 'work-integration' | 'sheltered-execution' | 'public-service-mission' | 'not-reserved';

export interface ReservationTextMatch {
  /** Position and length of the phrase in the text given. */
  readonly index: number;
  readonly length: number;
  readonly kind: ReservationTextKind;
  /** Which phrase matched (stable id, for tests and for the page's data attribute). */
  readonly phrase: string;
}

/**
 * `strong`: the phrase alone says it, unless the sentence negates a reservation.
 * `context`: only counts when the same sentence speaks of a reservation (reserv…, förbehåll…,
 * forbeholdt…), because the words also occur in ordinary descriptions ("vanskeligstilte").
 * `label`: an eForms field label; decided by the value that follows it (see `labelValue`).
 */
type Strength = 'strong' | 'context' | 'label';

interface Phrase {
  readonly id: string;
  readonly kind: ReservationTextKind;
  readonly strength: Strength;
  readonly pattern: string;
}

// Words are separated by any run of whitespace (pages wrap and indent text freely).
const _ = '\\s+';
const w = (...words: string[]): string => words.join(_);

const PHRASES: readonly Phrase[] = [
  // BT-71 res-ws code texts, by their distinctive part (the opening "Deltakelse er reservert for" is shared with res-pub-ser).
  { id: 'sheltered-workshops', kind: 'work-integration', strength: 'strong', pattern: w('sheltered', 'workshops?') },
  { id: 'social-professional-integration', kind: 'work-integration', strength: 'strong', pattern: w('social', 'and', 'professional', 'integration') },
  { id: 'skyddade-verkstader', kind: 'work-integration', strength: 'strong', pattern: `skyddade${_}verkstäd(?:er|erna)|skyddad${_}verkstad(?:en)?` },
  { id: 'social-yrkesmassig-integration', kind: 'work-integration', strength: 'strong', pattern: w('social', 'och', 'yrkesmässig', 'integration') },
  { id: 'vernede-bedrifter', kind: 'work-integration', strength: 'strong', pattern: w('(?:vernede|verna)', 'bedrift(?:er|ene)?') },
  { id: 'sosial-faglig-integrasjon', kind: 'work-integration', strength: 'strong', pattern: w('sosial', 'og', 'faglig', 'integrasjon') },
  // Legal references for the 30 % rule.
  { id: 'lou-4-18', kind: 'work-integration', strength: 'strong', pattern: `4${_}kap\\.?${_}18${_}§` },
  { id: 'foa-reserved', kind: 'work-integration', strength: 'strong', pattern: `(?:FOA|anskaffelsesforskriften)${_}§${_}?(?:16-9|8-8|30-3)(?!\\d)` },
  { id: 'reserverte-kontrakter', kind: 'work-integration', strength: 'strong', pattern: 'reserverte?\\s+kontrakt(?:er|en|ene)?' },
  { id: 'reserved-contracts', kind: 'work-integration', strength: 'strong', pattern: w('reserved', 'contracts?') },
  { id: 'reserverad-upphandling', kind: 'work-integration', strength: 'label', pattern: w('reserverad', 'upphandling') },
  // Words that need a reservation in the same sentence.
  { id: 'arbetsintegrerande', kind: 'work-integration', strength: 'context', pattern: 'arbetsintegrerande(?:\\s+sociala?\\s+företag)?' },
  { id: 'arbeidsmarkedsbedrift', kind: 'work-integration', strength: 'context', pattern: 'arbeidsmarkedsbedrift(?:er|ene)?' },
  { id: 'vanskeligstilte', kind: 'work-integration', strength: 'context', pattern: 'vanskeligstilte' },
  { id: 'missgynnade', kind: 'work-integration', strength: 'context', pattern: 'missgynnade' },
  { id: 'disadvantaged', kind: 'work-integration', strength: 'context', pattern: w('disadvantaged', 'persons') },
  // BT-71 labels; the value after them decides.
  { id: 'bt71-label-en', kind: 'work-integration', strength: 'label', pattern: w('reserved', 'participation') },
  { id: 'bt71-label-nb', kind: 'work-integration', strength: 'label', pattern: w('reservert', 'deltakelse') },
  // BT-71 none.
  { id: 'none-en', kind: 'not-reserved', strength: 'strong', pattern: w('participation', 'is', 'not', 'reserved') },
  { id: 'none-sv', kind: 'not-reserved', strength: 'strong', pattern: w('deltagande', 'är', 'inte', 'reserverat') },
  // BT-71 res-pub-ser: public-service-mission organisations (Art. 77), never sheltered workshops.
  { id: 'public-service-mission-en', kind: 'public-service-mission', strength: 'context', pattern: w('public', 'service', 'mission') },
  { id: 'public-service-mission-sv', kind: 'public-service-mission', strength: 'context', pattern: w('offentligt', 'uppdrag') },
  { id: 'public-service-mission-nb', kind: 'public-service-mission', strength: 'context', pattern: w('offentlige?', 'tjenesteoppdrag') },
  // BT-736 labels; only an explicit yes counts.
  {
    id: 'bt736-en',
    kind: 'sheltered-execution',
    strength: 'label',
    pattern: w('the', 'execution', 'of', 'the', 'contract', 'must', 'be', 'performed', 'within', 'the', 'framework', 'of', 'sheltered', 'employment', 'programmes'),
  },
  {
    id: 'bt736-sv',
    kind: 'sheltered-execution',
    strength: 'label',
    pattern: w('kontraktet', 'måste', 'genomföras', 'inom', 'ramen', 'för', 'program', 'för', 'skyddad', 'anställning'),
  },
  {
    id: 'bt736-nb',
    kind: 'sheltered-execution',
    strength: 'label',
    pattern: w('gjennomføringen', 'av', 'kontrakten', 'skal', 'skje', 'innenfor', 'rammen', 'av', 'programmer', 'for', 'vernet', 'sysselsetting'),
  },
];

// Phrases start and end on word boundaries: "overnede bedrifter" is no match.
const COMBINED = new RegExp(PHRASES.map((p) => `(?<![\\p{L}\\d])(${p.pattern})(?![\\p{L}])`).join('|'), 'giu');

/** Speaks of a reservation: reserv…, förbehåll…, forbeholdt…. */
const RESERVATION_WORD = /(?<![\p{L}])(?:reserv|förbehåll|forbeholdt)/iu;
/** "ikke reservert", "inte reserverat", "not reserved", "ej förbehållen": the sentence denies a reservation. */
const NEGATED = /(?<![\p{L}])(?:ikke|inte|ej|not|no)\s+(?:\p{L}+\s+)?(?:reserv|förbehåll|forbeholdt)/iu;
/** The values a BT-71 label can be followed by that mean "not reserved". */
const LABEL_NONE = /^\s*:?\s*(?:ingen|none|nei|nej|no)(?![\p{L}])/iu;
/** The BT-71 code texts start with these words; a label followed by them is only a label. */
const LABEL_VALUE = /^\s*:?\s*(?:deltakelse|deltagande|participation)(?![\p{L}])/iu;
const EXECUTION_YES = /^\s*:?\s*(?:yes|ja)(?![\p{L}])/iu;

/** A sentence ends at . ! ? ; before a capital letter, or at a line break; "4 kap. 18 §" and "ek. för." go on. */
const SENTENCE_END = /[.!?;]\s+(?=\p{Lu})|\n/gu;
const SENTENCE_END_ONCE = /[.!?;](?:\s+(?=\p{Lu})|\s*$)|\n/u;

/** The sentence around `index`: from the previous sentence end to the next one. */
function sentenceAround(text: string, index: number, length: number): { before: string; whole: string } {
  let start = 0;
  for (const m of text.slice(0, index).matchAll(SENTENCE_END)) start = m.index + m[0].length;
  const rest = text.slice(index + length);
  const next = rest.search(SENTENCE_END_ONCE);
  const end = next === -1 ? text.length : index + length + next;
  return { before: text.slice(start, index), whole: text.slice(start, end) };
}

function decide(phrase: Phrase, text: string, index: number, length: number): ReservationTextKind | null {
  const after = text.slice(index + length, index + length + 80);
  if (phrase.strength === 'label') {
    if (phrase.kind === 'sheltered-execution') return EXECUTION_YES.test(after) ? 'sheltered-execution' : null;
    if (LABEL_NONE.test(after)) return 'not-reserved';
    // The code text that follows is matched on its own; on its own the label says nothing.
    if (LABEL_VALUE.test(after) || phrase.id.startsWith('bt71-label')) return null;
  }
  const sentence = sentenceAround(text, index, length);
  if (phrase.kind === 'not-reserved') return 'not-reserved';
  // The phrase itself may be the reservation word: "ikke en reservert kontrakt".
  if (NEGATED.test(sentence.before + text.slice(index, index + length))) return 'not-reserved';
  if (phrase.strength === 'context' && !RESERVATION_WORD.test(sentence.whole)) return null;
  return phrase.kind;
}

/**
 * Every reservation phrase in `text`, in order, with what it says. Phrases that say nothing on their
 * own (a label without a value, a context word outside a reservation sentence) are left out. Never throws.
 */
export function findReservationPhrases(text: string): ReservationTextMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const out: ReservationTextMatch[] = [];
  for (const m of text.matchAll(COMBINED)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const phrase = PHRASES[group];
    if (!phrase) continue;
    const kind = decide(phrase, text, m.index, m[0].length);
    if (kind) out.push({ index: m.index, length: m[0].length, kind, phrase: phrase.id });
  }
  return out;
}

/** A stem of every phrase above: text without one of these cannot state a reservation. */
const STEMS = /reserv|förbehåll|forbeholdt|verkst|vernede|verna|vernet|sheltered|integra|kap|§|offentlig|public|skyddad|arbeidsmarkedsbedrift|vanskeligstilte|missgynnade|disadvantaged|participation|deltagande/iu;

/**
 * A cheap first test for scanning many text nodes: false means `findReservationPhrases` finds
 * nothing in this text on its own (a label's value may still follow in later text).
 */
export function mayStateReservation(text: string): boolean {
  return typeof text === 'string' && STEMS.test(text);
}

const STRENGTH_ORDER: readonly ReservationTextKind[] = ['work-integration', 'sheltered-execution', 'public-service-mission'];

/**
 * What a piece of text says overall: the strongest reservation it states, `not-reserved` when it only
 * denies one, or null when it says nothing about reservation.
 */
export function classifyReservationText(text: string): ReservationTextKind | null {
  const kinds = new Set(findReservationPhrases(text).map((m) => m.kind));
  for (const kind of STRENGTH_ORDER) if (kinds.has(kind)) return kind;
  return kinds.has('not-reserved') ? 'not-reserved' : null;
}
