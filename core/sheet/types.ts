/**
 * The public types of the sheet check: a 2-D array of cell values in (what Office.js `range.values`
 * gives, and what the CLI makes of an .xlsx or .csv), a report per row and a summary out. The add-in
 * and the CLI both code against these; keep them stable.
 */
import type { IsoDate } from '../dates.ts';
import type { RegistryIndex } from '../registry/match.ts';
import type { EntityStatus } from '../registry/types.ts';
import type { EligibilityStatus } from '../rules/reserved.ts';
import type { Finding, FindingCode, Severity } from '../rules/findings.ts';
import type { RuleSet } from '../rules/packs/index.ts';
import type { BuyerKind, ContractKind, RegimeCode } from '../rules/regime.ts';
import type { EstimateStep } from '../value/estimate.ts';
import type { Money } from '../value/money.ts';
import type { Origin, Origins } from './read/origin.ts';
import type { RejectedValueReason } from './headers.ts';

export type { Origin, Origins, OriginSource, PurchaseField } from './read/origin.ts';

/**
 * A cell that holds no readable value: a formula whose result is an Excel error (`#REF!`, `#VALUE!`,
 * `#N/A`, `#DIV/0!`, …), or a formula saved without its cached result (a file written by a program
 * that does not calculate). Never read as 0 or blank: the sheet check reports it.
 */
export interface CellError {
  readonly error: string;
}

/** The text of a CellError for a formula saved without its result. */
export const NO_CACHED_RESULT = 'no-cached-result';

/**
 * One cell as Office.js `range.values` gives it (the add-in turns error cells, by `valueTypes`, into
 * CellError); the CLI readers give the same (dates → ISO text).
 */
export type CellValue = string | number | boolean | null | CellError;

export type SheetCells = readonly (readonly CellValue[])[];

export const COLUMN_ROLES = [
  'description',
  /** The estimated value; a header saying "per år"/"per månad" makes it a yearly/monthly rate. */
  'value',
  /** A yes/no column saying whether the value includes VAT. */
  'vat',
  'supplier',
  'orgnr',
  'cpv',
  'category',
  'date',
  /** Contract term: months, or text such as "2 år", "24 mnd", "2+1+1 år". */
  'duration',
  /** Option periods (extensions): months or text such as "1+1 år". */
  'options',
  /** A yes/no column: the contract is (to be) reserved for work-integration enterprises. */
  'reserved',
  'buyerKind',
  'contractKind',
  /** The supplier's share of disabled or disadvantaged people, in percent, when the buyer has evidence. */
  'share',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** The registry lookups the sheet check uses. */
export type SheetRegistry = Pick<RegistryIndex, 'byOrgnr' | 'byName' | 'fitting'>;

/** Which 0-based column plays which role. */
export type ColumnMapping = { readonly [role in ColumnRole]?: number };

/** How a value column is to be read, from its header. */
export type ValueBasis = 'total' | 'yearly' | 'monthly';

export interface SheetCheckOptions {
  readonly jurisdiction: 'NO' | 'SE';
  /** Check date: used for rows without a date of their own. */
  readonly date: IsoDate;
  /**
   * The buyer kind the user chose (`--buyer`, the add-in's setting): it wins over the sheet. Without
   * it the kind comes from a buyer column, else the sheet's titles and tab name, else the default
   * (municipal), and the report says which.
   */
  readonly buyer?: BuyerKind;
  /** The tab's name: evidence for the buyer kind (`Statens vegvesen`). */
  readonly sheetName?: string;
  /** The value basis the user chose (`--value-basis`, the mapping editor); wins over the header. */
  readonly valueBasis?: ValueBasis;
  /**
   * The cells come from delimited text (CSV): a row with more filled cells than the header is then a
   * sign of an unquoted delimiter inside a value (`Kantine,1,500,000`), and the row is not read.
   */
  readonly delimitedText?: boolean;
  /** A RegistryIndex (buildRegistryIndex), or anything with its three lookups. */
  readonly registry?: SheetRegistry | null;
  /**
   * The user's mapping, applied over the detected one: a number maps the role to that 0-based
   * column, null unmaps it.
   */
  readonly mapping?: Partial<Record<ColumnRole, number | null>>;
  /** 1-based header row, when the user knows better than the detection. */
  readonly headerRow?: number;
  readonly rules?: RuleSet;
  /** Contract kind for rows that do not say; 'services' by default. */
  readonly defaultContractKind?: ContractKind;
}

/** What the check knows about a row's supplier. Registry data always carries its source and date. */
export interface RowSupplier {
  readonly name: string | null;
  /** Canonical digits when the organisation number is valid, else null. */
  readonly orgnr: string | null;
  /** The organisation number as written, when one was written. */
  readonly orgnrRaw: string | null;
  /** Whether the registry lists the supplier; null when not looked up (no registry, or the row is not reserved). */
  readonly inRegistry: boolean | null;
  readonly registrySource: string | null;
  readonly registryRetrieved: IsoDate | null;
  readonly registryDemo: boolean;
  /** The reserved-contract eligibility (only for reserved rows). */
  readonly eligibility: EligibilityStatus | null;
  /** The register status the registry holds for the supplier (bankrupt, deleted, …) and when it was looked up. */
  readonly registryStatus: EntityStatus | null;
  /** The registry lists the supplier on a signal only (an industry code): a candidate to check. */
  readonly registryCandidate: boolean;
}

export interface RowResult {
  /** 1-based sheet row. */
  readonly row: number;
  readonly description: string | null;
  readonly regime: RegimeCode;
  /** Estimated value excluding VAT, as compared with the thresholds. */
  readonly estimatedValue: Money | null;
  /** How the estimated value was reached from a yearly or monthly value (describeEstimateStep); empty for a stated total. */
  readonly estimate: readonly EstimateStep[];
  /** The date the row was classified at (its own date, or the check date). */
  readonly date: IsoDate;
  readonly reserved: boolean;
  readonly findings: readonly Finding[];
  /** Every rule id the regime and the findings rest on, without duplicates. */
  readonly ruleIds: readonly string[];
  readonly supplier: RowSupplier | null;
  /** Where each value of the purchase came from (cell, header, sheet, option, default). */
  readonly origins: Origins;
  /** How the value was read: a total, or a yearly or monthly rate. */
  readonly valueBasis: ValueBasis;
  /** The buyer kind and contract kind the row was judged as (origins.buyer and origins.contractKind say from where). */
  readonly buyer: BuyerKind;
  readonly contractKind: ContractKind;
}

export interface SkippedRow {
  readonly row: number;
  readonly reason: 'empty' | 'total' | 'no-description-or-value';
  /** The label that made it a totals row (`Sum`), for the list of skipped rows. */
  readonly label?: string;
}

/** The value column chosen among the candidates, and the ones not taken (a unit price never is). */
export interface ValueColumnChoice {
  readonly column: number | null;
  readonly header: string | null;
  readonly origin: 'detected' | 'option' | 'none';
  readonly rejected: readonly { readonly column: number; readonly header: string; readonly reason: RejectedValueReason }[];
}

/** Why nothing could be checked: the CLI exits 2 and the pane says so. */
export type SheetReadProblem = 'no-header' | 'header-row-past-end' | 'header-row-not-header' | 'no-rows';

/** A sheet-wide value the reading rests on, with its origin. */
export interface SheetFact<T> {
  readonly value: T;
  readonly origin: Origin;
}

export interface SheetSummary {
  readonly byRegime: Readonly<Partial<Record<RegimeCode, number>>>;
  readonly byFinding: Readonly<Partial<Record<FindingCode, number>>>;
  readonly rowsChecked: number;
  readonly rowsSkipped: number;
  /** Rows with at least one error-severity finding. */
  readonly rowsWithErrors: number;
  /**
   * Rows exempt or below the direct-award limit on their own whose purchases of the same kind cross
   * a threshold within 12 months: counted here, not under their own regime in byRegime.
   */
  readonly needsAttention: number;
}

export interface SheetReport {
  /** 1-based header row, or 0 when none was found (then no row is checked). */
  readonly headerRow: number;
  /** Set when nothing could be checked, with the reason. */
  readonly problem: SheetReadProblem | null;
  readonly valueColumn: ValueColumnChoice;
  /** Sheet-wide assumptions and reading findings (info or warning), each listed once for all rows. */
  readonly assumptions: readonly Finding[];
  readonly buyer: SheetFact<BuyerKind>;
  readonly columns: ColumnMapping;
  /** The header row's cells as text. */
  readonly headers: readonly string[];
  /** How the value column is read. */
  readonly valueBasis: ValueBasis;
  readonly rows: readonly RowResult[];
  readonly skipped: readonly SkippedRow[];
  readonly summary: SheetSummary;
  readonly jurisdiction: 'NO' | 'SE';
  readonly date: IsoDate;
}

/** One finding as JSON: code, severity, its message in the chosen language and its rule ids. */
export interface FindingJson {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly ruleIds: readonly string[];
}

/** The stable JSON of ARCHITECTURE.md (`inkludo check --json`); added fields only, never renamed. */
export interface SheetReportJson {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: ColumnMapping;
  /** Sheet-wide assumptions (buyer kind, value basis, scale, value column, …), each once. */
  readonly assumptions: readonly FindingJson[];
  readonly valueColumn: ValueColumnChoice;
  readonly buyer: SheetFact<BuyerKind>;
  readonly rows: readonly {
    readonly row: number;
    readonly regime: RegimeCode;
    readonly findings: readonly FindingCode[];
    readonly estimatedValue: { amount: number; currency: string | null } | null;
    readonly ruleIds: readonly string[];
    readonly messages: readonly string[];
    readonly severities: readonly Severity[];
    /** total, yearly or monthly, as the value was read. */
    readonly valueBasis: ValueBasis;
    /** Where each value came from: cell, header, sheet, option or default. */
    readonly origins: Origins;
    /** The supplier as read and, for reserved rows, as the registry knows it (source, date, status). */
    readonly supplier: RowSupplier | null;
  }[];
  readonly skipped: readonly SkippedRow[];
  readonly summary: SheetSummary;
}
