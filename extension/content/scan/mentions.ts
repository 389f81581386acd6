/**
 * Supplier mentions in one piece of text: valid organisation numbers and registry names. Pure, so
 * the DOM scanner stays thin and this part is unit-tested in Node.
 */
import { findOrgnrs, type OrgnrJurisdiction, type RegistryIndex, type Supplier } from '../../../core/index.ts';

export interface SupplierMention {
  readonly index: number;
  readonly length: number;
  /** How it was found: the number itself, or a registry name. */
  readonly via: 'orgnr' | 'name';
  /** Canonical digits: of the number, or of the (first) registry supplier with the name. */
  readonly digits: string;
  readonly jurisdiction: OrgnrJurisdiction;
  /** Registry suppliers it refers to; empty when the number is not in the registry. */
  readonly suppliers: readonly Supplier[];
}

/**
 * Org numbers and registry names in `text`, in text order, without overlaps. A name whose supplier the
 * same text also names by its org number is left out, so "Demo Vekst AS (972 418 005)" gets one badge.
 */
export function findSupplierMentions(text: string, registry: RegistryIndex | null): SupplierMention[] {
  const numbers: SupplierMention[] = findOrgnrs(text).map((m) => {
    const supplier = registry?.byOrgnr(m.orgnr.digits);
    return { index: m.index, length: m.length, via: 'orgnr', digits: m.orgnr.digits, jurisdiction: m.orgnr.jurisdiction, suppliers: supplier ? [supplier] : [] };
  });
  if (!registry) return numbers;
  const numbered = new Set(numbers.map((m) => m.digits));
  const names: SupplierMention[] = [];
  for (const m of registry.findNames(text)) {
    const last = names.at(-1);
    if (last && last.index === m.index && last.length === m.length) {
      // Several suppliers share the name: one mention listing them all.
      names[names.length - 1] = { ...last, suppliers: [...last.suppliers, m.supplier] };
      continue;
    }
    names.push({ index: m.index, length: m.length, via: 'name', digits: m.supplier.orgnr, jurisdiction: m.supplier.jurisdiction, suppliers: [m.supplier] });
  }
  const all = [...numbers, ...names.filter((n) => !n.suppliers.some((s) => numbered.has(s.orgnr)))].sort((a, b) => a.index - b.index);
  // A name made of digits could overlap a number; the number wins.
  const out: SupplierMention[] = [];
  for (const m of all) {
    const prev = out.at(-1);
    if (prev && m.index < prev.index + prev.length) {
      if (prev.via === 'name' && m.via === 'orgnr') out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
