/**
 * Where a value of a purchase came from. The read stage records one per field, so every output can
 * say "from cell D12", "from the header of column D", "from the sheet's title", "from --buyer" or
 * "assumed by default".
 */

import { RECENT } from '../memo.ts';

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
 * The order readPurchase records a row's origins in, which is the order of their keys in its output:
 * the description, the value and its unit and basis, VAT, date, buyer, CPV, kind, term, reservation,
 * supplier, share.
 */
const RECORDED_ORDER: readonly PurchaseField[] = ['description', 'value', 'scale', 'currency', 'valueBasis', 'vat', 'date', 'buyer', 'cpv', 'contractKind', 'duration', 'options', 'reserved', 'supplier', 'orgnr', 'share'];

/** The origins of the row being read (`fields`, one object for the whole sheet), and their shared copy. */
export interface RowOrigins {
  readonly fields: Partial<Record<PurchaseField, Origin>>;
  /** The shared, frozen origins of the fields recorded since the last call, which empties `fields`. */
  take(): Origins;
}

/**
 * One shared, frozen origins object per combination of origins: a sheet's rows take their origins from
 * the same few columns, headers and sheet facts, so 100 000 rows share a few dozen objects. The row
 * being read records its origins in one scratch object whose keys all exist from the start (one
 * shape, no object per row); a combination's shared copy holds the recorded keys only, in
 * RECORDED_ORDER.
 */
export function originsInterner(): RowOrigins {
  interface Node {
    origins?: Origins;
    readonly next: Map<Origin | undefined, Node>;
  }
  const root: Node = { next: new Map() };
  const fields = noOrigins();
  // The last few combinations, compared field by field before the trie: a sheet's rows repeat a handful of them.
  const recent: { readonly combination: RecordedOrigins; readonly origins: Origins }[] = [];
  let oldest = 0;
  const interned = (): Origins => {
    let node = root;
    for (const field of RECORDED_ORDER) {
      const origin = fields[field];
      let next = node.next.get(origin);
      if (!next) node.next.set(origin, (next = { next: new Map() }));
      node = next;
    }
    if (!node.origins) {
      const shared: Partial<Record<PurchaseField, Origin>> = {};
      for (const field of RECORDED_ORDER) if (fields[field] !== undefined) shared[field] = fields[field];
      node.origins = Object.freeze(shared);
    }
    const entry = { combination: { ...fields }, origins: node.origins };
    if (recent.length < RECENT) recent.push(entry);
    else recent[oldest++ % RECENT] = entry;
    return node.origins;
  };
  return {
    fields,
    take() {
      let origins: Origins | null = null;
      for (let i = 0; i < recent.length && origins === null; i++) {
        const entry = recent[i] as (typeof recent)[number];
        if (sameOrigins(fields, entry.combination)) origins = entry.origins;
      }
      origins ??= interned();
      clearOrigins(fields);
      return origins;
    },
  };
}

/** Every field's origin, undefined where none was recorded: one shape for every row. */
type RecordedOrigins = Record<PurchaseField, Origin | undefined>;

function noOrigins(): RecordedOrigins {
  const fields = {} as RecordedOrigins;
  clearOrigins(fields);
  return fields;
}

// Written out field by field (not looped over RECORDED_ORDER): named accesses on one shape are what V8 makes fast.
function clearOrigins(o: RecordedOrigins): void {
  o.description = o.value = o.scale = o.currency = o.valueBasis = o.vat = o.date = o.buyer = undefined;
  o.cpv = o.contractKind = o.duration = o.options = o.reserved = o.supplier = o.orgnr = o.share = undefined;
}

function sameOrigins(a: RecordedOrigins, b: RecordedOrigins): boolean {
  return (
    a.description === b.description && a.value === b.value && a.scale === b.scale && a.currency === b.currency && a.valueBasis === b.valueBasis && a.vat === b.vat &&
    a.date === b.date && a.buyer === b.buyer && a.cpv === b.cpv && a.contractKind === b.contractKind && a.duration === b.duration && a.options === b.options &&
    a.reserved === b.reserved && a.supplier === b.supplier && a.orgnr === b.orgnr && a.share === b.share
  );
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
