/**
 * Where a value of a purchase came from. The read stage records one per field, so every output can
 * say "from cell D12", "from the header of column D", "from the sheet's title", "from --buyer" or
 * "assumed by default".
 */
import { listInterner } from '../memo.ts';

export type OriginSource = 'cell' | 'header' | 'sheet' | 'option' | 'default';

export interface Origin {
  readonly source: OriginSource;
  /** Column letter (A, B, … AA) for cell and header origins. */
  readonly column?: string;
  /**
   * 1-based sheet row for sheet origins. A cell origin in a row result leaves it out (its row is the
   * row's own, shared by every row: originsAt adds it for output).
   */
  readonly row?: number;
  /** The text the value was read from, as written (cell text, header text, title, option value). */
  readonly text?: string;
}

/** The fields of a purchase whose origin is recorded. */
export const PURCHASE_FIELDS = [
  'description',
  'value',
  'valueBasis',
  'scale',
  'currency',
  'vat',
  'date',
  'buyer',
  'contractKind',
  'duration',
  'options',
  'cpv',
  'supplier',
  'orgnr',
  'reserved',
  'share',
] as const;
export type PurchaseField = (typeof PURCHASE_FIELDS)[number];

export type Origins = Readonly<Partial<Record<PurchaseField, Origin>>>;

/**
 * One shared, frozen origins object per combination of origins: a sheet's rows take their origins from
 * the same few columns, headers and sheet facts, so 100 000 rows share a few dozen objects.
 */
export function originsInterner(): (origins: Origins) => Origins {
  const combinations = listInterner<Origin | undefined>();
  const shared = new Map<readonly (Origin | undefined)[], Origins>();
  return (origins) => {
    const combination = combinations(PURCHASE_FIELDS.map((field) => origins[field]));
    let found = shared.get(combination);
    if (!found) shared.set(combination, (found = Object.freeze({ ...origins })));
    return found;
  };
}

/** A row's origins with the row on each cell origin, as outputs show them (`D12`). */
export function originsAt(origins: Origins, row: number): Origins {
  const out: Partial<Record<PurchaseField, Origin>> = {};
  for (const field of Object.keys(origins) as PurchaseField[]) {
    const o = origins[field] as Origin;
    out[field] = o.source === 'cell' && o.row === undefined ? { source: o.source, column: o.column, row, ...(o.text === undefined ? {} : { text: o.text }) } : o;
  }
  return out;
}

/** 0 → A, 25 → Z, 26 → AA (Excel's bijective base 26). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Describes an origin in the params of a finding: `D12`, `D (header)`. `row`: the row a row result's cell origin belongs to. */
export function originRef(origin: Origin, row?: number): string {
  const at = origin.row ?? (origin.source === 'cell' ? row : undefined);
  if (origin.source === 'cell' && origin.column && at) return `${origin.column}${at}`;
  if (origin.column) return origin.column;
  return origin.row ? String(origin.row) : '';
}
