/**
 * What a value column's header says about the numbers below it: their scale (`MNOK`, `i 1000 kr`,
 * `tkr`), currency (`(EUR)`), whether they are a total or a rate (only explicit rate phrases such as
 * `per år`, `årlig`, `/mnd` make a rate: `Avtaleverdi (24 mnd)` is a total), VAT (`inkl. mva`) and
 * whether options are included (`inkl. opsjoner`). Words in parentheses that say none of these are
 * reported as not understood, never ignored.
 */
import { foldWord } from '../../registry/normalise.ts';
import { amountUnitWord } from '../../value/parse.ts';
import type { ValueBasis } from '../types.ts';

export interface ValueHeader {
  /** Power of ten bare numbers in the column are multiplied by. */
  readonly scale: number;
  /** The scale as written (`MNOK`, `i 1000 kr`), for the assumption shown to the user. */
  readonly scaleText: string | null;
  /** An ISO currency named in the header, `local` for a krone word (`kr`, `tkr`), null when none. */
  readonly currency: string | 'local' | null;
  readonly currencyText: string | null;
  readonly basis: ValueBasis;
  /** The rate phrase as written (`per år`), null for a total. */
  readonly basisText: string | null;
  /** true `inkl. mva`, false `ekskl. mva`, null when the header does not say. */
  readonly vatIncluded: boolean | null;
  /** true `inkl. opsjoner`, false `ekskl. opsjoner`, null when the header does not say. */
  readonly optionsIncluded: boolean | null;
  /** Words in the header's parentheses that the reader does not understand. */
  readonly unknown: readonly string[];
}

const YEAR_RATE = /(?:(?<!\p{L})(?:(?:per|pr\.?)\s*(?:år|aar|year|annum)|årlig\p{L}*|årsverdi|årsvärde|arsverdi|yearly|annual\p{L}*)|\/\s*år)(?!\p{L})/u;
const MONTH_RATE = /(?:(?<!\p{L})(?:(?:per|pr\.?)\s*(?:måned|mnd|månad|mån|month)|månedlig\p{L}*|månatlig\p{L}*|månadsvis|monthly)|\/\s*(?:mnd|måned|månad|mån))(?!\p{L})/u;
const VAT_IN = /(?<!\p{L})(?:inkl|inklusive|inkludert|incl|including|med|m\/)\.?\s*(?:mva|moms|vat)(?!\p{L})/u;
const VAT_EX = /(?<!\p{L})(?:ekskl|eks|exkl|ex|excl|excluding|uten|utan|u\/)\.?\s*(?:mva|moms|vat)(?!\p{L})/u;
const OPTION_WORD = '(?:opsjon\\p{L}*|option\\p{L}*|forlengelse\\p{L}*|förlängning\\p{L}*|forlangning\\p{L}*|extension\\p{L}*)';
const OPTIONS_IN = new RegExp(`(?<!\\p{L})(?:inkl|inklusive|inkludert|incl|including|med)\\.?\\s*${OPTION_WORD}`, 'u');
const OPTIONS_EX = new RegExp(`(?<!\\p{L})(?:ekskl|eks|exkl|excl|excluding|uten|utan|utover|utöver)\\.?\\s*${OPTION_WORD}`, 'u');
// `i 1000 kr`, `(1000 kr)`, `i hele tusen`, `tusen kroner`, `i tusental`: thousands; the same for millions.
const THOUSANDS = /(?<![\p{L}\d])(?:1[ .]?000|tusen|tusental|tusentals|thousands?)(?![\p{L}\d])/u;
const MILLIONS = /(?<![\p{L}\d])(?:1[ .]?000[ .]?000|millioner|miljoner|millions)(?![\p{L}\d])/u;

/** Words that may stand in a value header's parentheses without saying anything about the unit. */
const NEUTRAL = new Set([
  'inkl', 'inklusive', 'inkludert', 'incl', 'including', 'med', 'ekskl', 'eks', 'exkl', 'ex', 'excl', 'excluding', 'uten', 'utan', 'u',
  'mva', 'moms', 'vat', 'per', 'pr', 'ar', 'aar', 'year', 'years', 'arlig', 'arlige', 'arligt', 'maned', 'maneder', 'mnd', 'manad', 'manader', 'man', 'month', 'months',
  'opsjon', 'opsjoner', 'option', 'options', 'forlengelse', 'forlengelser', 'forlangning', 'forlangningar', 'extension', 'extensions', 'utover', 'utover',
  'total', 'totalt', 'sum', 'samlet', 'samlad', 'for', 'i', 'hele', 'under', 'over', 'av', 'og', 'och', 'and', 'the', 'of', 'in', 'ca', 'cirka', 'estimert', 'estimat',
  'anslatt', 'beraknat', 'uppskattat', 'avtaleperioden', 'avtalsperioden', 'avtalstiden', 'kontraktsperioden', 'perioden', 'term', 'contract', 'tusen', 'tusental',
  'tusentals', 'thousand', 'thousands', 'millioner', 'miljoner', 'million', 'millions', 'nok', 'sek', 'eur', 'kr', 'kroner', 'kronor', 'valuta', 'currency', 'belop', 'verdi', 'varde', 'value',
]);

function foldedTokens(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(/\p{L}+|[€$£]/gu), (m) => foldWord(m[0]));
}

/** Reads a value column's header. Never throws; an empty header says nothing. */
export function readValueHeader(header: string): ValueHeader {
  const text = header.toLowerCase().replace(/\s+/g, ' ');
  let scale = 0;
  let scaleText: string | null = null;
  let currency: string | 'local' | null = null;
  let currencyText: string | null = null;
  for (const m of text.matchAll(/\p{L}+\.?|[€$£]/gu)) {
    // A lone `m` or `k` in a header is too often something else (`m/mva`, `m²`) to be a scale.
    const unit = /^\p{L}\.?$/u.test(m[0]) ? null : amountUnitWord(m[0]);
    if (!unit) continue;
    if (unit.scale > scale) {
      scale = unit.scale;
      scaleText = m[0];
    }
    if (unit.currency || unit.krone) {
      currency = unit.currency ?? (currency === null ? 'local' : currency);
      currencyText = m[0];
    }
  }
  const thousands = THOUSANDS.exec(text);
  const millions = MILLIONS.exec(text);
  if (millions && scale < 6) [scale, scaleText] = [6, millions[0]];
  else if (thousands && scale < 3) [scale, scaleText] = [3, thousands[0]];

  const year = YEAR_RATE.exec(text);
  const month = MONTH_RATE.exec(text);
  const basis: ValueBasis = month ? 'monthly' : year ? 'yearly' : 'total';
  const vatIncluded = VAT_IN.test(text) ? true : VAT_EX.test(text) ? false : null;
  const optionsIncluded = OPTIONS_IN.test(text) ? true : OPTIONS_EX.test(text) ? false : null;

  const unknown: string[] = [];
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    for (const token of foldedTokens(m[1] ?? '')) {
      if (!NEUTRAL.has(token) && !amountUnitWord(token)) unknown.push(token);
    }
  }
  return { scale, scaleText, currency, currencyText, basis, basisText: (month ?? year)?.[0] ?? null, vatIncluded, optionsIncluded, unknown };
}
