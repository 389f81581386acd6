import { cpvDigits } from './cpv-kind.ts';
import type { InclusiveCategory, RulePack } from './schema.ts';

export interface InclusiveCategoryMatch {
  readonly category: InclusiveCategory;
  /** The CPV code read (8 digits) and the prefix of the category it starts with. */
  readonly code: string;
  readonly prefix: string;
}

/**
 * Whether a CPV code falls in one of the pack's labour-intensive categories, the reason an
 * inclusive-contract hint may give. The categories say their basis (`rule-of-thumb` when no legal
 * source lists them) and their status; a caller shows both with the hint.
 */
export function inclusiveCategory(cpv: string, pack: RulePack): InclusiveCategoryMatch | null {
  const code = cpvDigits(cpv);
  if (code === null) return null;
  let best: InclusiveCategoryMatch | null = null;
  for (const category of pack.cpv?.inclusiveCategories ?? []) {
    for (const prefix of category.cpvPrefixes) {
      if (code.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { category, code, prefix };
    }
  }
  return best;
}
