/**
 * Kinds of work that work-integrating social enterprises (Swedish ASF, Norwegian
 * arbeidsmarkedsbedrifter) typically deliver, by CPV prefix and by words in a category or
 * description. A rule of thumb drawn from the registries and guidance in the market research
 * (see /work/shared/research/market.md), NOT law: any kind of contract may be reserved, and a match
 * here only says the market is worth checking. Kept as data so an organisation can see and adjust it.
 */
import { foldWord, WORD } from '../../registry/normalise.ts';
import { memoized } from '../memo.ts';
import { wordMatches } from '../cells.ts';

const LETTER = /\p{L}/u;

export interface CandidateFamily {
  readonly id: string;
  /** CPV prefixes (2–8 digits, no check digit). */
  readonly cpv: readonly string[];
  /** Folded words (nb, sv, en) in a category or description; a trailing `*` matches as a prefix. */
  readonly words: readonly string[];
}

export const CANDIDATE_FAMILIES: readonly CandidateFamily[] = [
  { id: 'cleaning', cpv: ['9091', '9092', '9061'], words: ['renhold*', 'rengjoring*', 'stad', 'stadning*', 'stadtjanst*', 'lokalvard*', 'cleaning', 'vinduspuss*', 'fonsterputs*'] },
  { id: 'catering', cpv: ['555', '553', '1589'], words: ['kantine*', 'catering', 'servering*', 'kafe', 'kafeteria', 'cafe', 'matservering', 'lunsj', 'lunch', 'storkok*', 'maltid*', 'canteen'] },
  { id: 'green-maintenance', cpv: ['7731', '7734', '7721'], words: ['grontanlegg*', 'grontyte*', 'parkskjots*', 'utomhusskots*', 'markskots*', 'gressklipp*', 'grasklipp*', 'hagearbeid*', 'tradgard*', 'grounds', 'landscaping', 'gardening', 'snomokking', 'snorydding', 'snoskott*', 'vinterdrift', 'vinterunderhall'] },
  { id: 'waste-recycling', cpv: ['9051', '9050', '9052'], words: ['avfall*', 'gjenvinning*', 'atervinning*', 'resirkuler*', 'kildesorter*', 'waste', 'recycling', 'ombruk*', 'ateranvand*'] },
  { id: 'laundry', cpv: ['983', '9831'], words: ['vask', 'vaskeri*', 'tvatt*', 'tvatteri*', 'laundry', 'tekstilvask', 'arbeidstoy', 'arbetsklader'] },
  { id: 'printing-packaging', cpv: ['7982', '7998', '2282'], words: ['trykk*', 'tryck*', 'printing', 'pakking', 'forpakning*', 'forpackning*', 'packaging', 'emballasje*', 'utsendelse*', 'utskick*', 'konvolutt*', 'kuvertering*', 'mailing'] },
  { id: 'joinery-furniture', cpv: ['3912', '3915', '4542', '5081'], words: ['snekker*', 'snickeri*', 'mobler', 'mobel*', 'mobeltapetser*', 'mobelrenover*', 'furniture', 'joinery', 'carpentry', 'tapetsering*'] },
  { id: 'relocation', cpv: ['98392', '6010', '6310'], words: ['flytting*', 'flytt*', 'flyttjanst*', 'relocation', 'removal*', 'budtjeneste*', 'budtjanst*', 'lagring'] },
  { id: 'simple-assembly', cpv: ['4290', '3199', '5070'], words: ['montering*', 'montasje*', 'montage', 'assembly', 'legomontasje', 'underleverans*', 'kontraktsproduksjon*', 'kontraktstillverkning*'] },
  { id: 'bicycle-vehicle-care', cpv: ['5011', '5010', '5110'], words: ['sykkelverksted*', 'cykelverkstad*', 'bilpleie*', 'biltvatt*', 'bilvask*', 'fordonsvard*'] },
];

export interface CandidateMatch {
  readonly family: CandidateFamily;
  /** What matched, as written in the sheet: a CPV code or a word. */
  readonly matched: string;
  /** CPV codes to ask a registry about: the row's own, else the family's prefixes. */
  readonly cpv: readonly string[];
}

function familyOfWord(folded: string): CandidateFamily | null {
  return CANDIDATE_FAMILIES.find((family) => family.words.some((p) => wordMatches(p, folded))) ?? null;
}

/** A family and what of the row matched it. */
type Matched = { readonly family: CandidateFamily; readonly matched: string } | null;

/**
 * A matcher for one sheet: the first family the row's CPV codes, category or description fall in, or
 * null. Each distinct code, word and category is looked up once per sheet (descriptions differ,
 * but their words repeat).
 */
export function candidateMatcher(): (cpv: readonly string[], category: string | null, description: string | null) => CandidateMatch | null {
  const wordFamily = memoized(familyOfWord);
  const cpvMatch = memoized((code: string): Matched => {
    const family = CANDIDATE_FAMILIES.find((f) => f.cpv.some((p) => code.startsWith(p)));
    return family ? { family, matched: `CPV ${code}` } : null;
  });
  const writtenFamily = memoized((word: string) => wordFamily(foldWord(word)));
  // Families in list order, then the first word of the text that belongs to that family.
  const textMatch = (text: string): Matched => {
    let family: CandidateFamily | null = null;
    let matched = '';
    for (const word of text.match(WORD) ?? []) {
      // Family words are letters: numbers (row numbers, years, amounts) are never looked up or kept.
      const found = LETTER.test(word) ? writtenFamily(word) : null;
      if (found && (!family || CANDIDATE_FAMILIES.indexOf(found) < CANDIDATE_FAMILIES.indexOf(family))) {
        family = found;
        matched = word;
      }
    }
    return family && { family, matched };
  };
  // Categories repeat down a sheet; descriptions mostly differ, so only their words are cached.
  const categoryMatch = memoized(textMatch);
  const familyCpv = new Map(CANDIDATE_FAMILIES.map((family) => [family, family.cpv.map((p) => p.padEnd(8, '0'))]));
  // A row's codes come as one shared list per distinct cell (CellReaders.cpv): their match is kept
  // per list, as long as the list lives.
  const byCodes = new WeakMap<readonly string[], CandidateMatch | null>();
  const codesMatch = (cpv: readonly string[]): CandidateMatch | null => {
    let match = byCodes.get(cpv);
    if (match === undefined) {
      match = null;
      for (let i = 0; i < cpv.length && match === null; i++) {
        const found = cpvMatch(cpv[i] as string);
        if (found) match = { family: found.family, matched: found.matched, cpv };
      }
      byCodes.set(cpv, match);
    }
    return match;
  };
  return (cpv, category, description) => {
    const byCode = codesMatch(cpv);
    if (byCode) return byCode;
    const found = (category === null ? null : categoryMatch(category)) ?? (description === null ? null : textMatch(description));
    return found && { family: found.family, matched: found.matched, cpv: cpv.length > 0 ? cpv : (familyCpv.get(found.family) ?? []) };
  };
}
