import type { IsoDate } from '../dates.ts';
import type { OrgnrJurisdiction } from '../orgnr/index.ts';

/**
 * The supplier registry: suppliers that an organisation has curated as possibly eligible for
 * reserved contracts, each with where the information came from and when. Membership is an
 * indicator, never proof of eligibility.
 */
export type SupplierKind = 'asf' | 'arbeidsmarkedsbedrift' | 'vta-aft' | 'other';

/**
 * Who is counted in the 30 % share. Norway counts employees (headcount); Sweden counts everyone
 * occupied in the business, placements included.
 */
export type ShareDenominator = 'employees' | 'occupied';

/**
 * What Enhetsregisteret said about a Norwegian entity when it was last looked up (`inkludo registry
 * status`): `deleted` is HTTP 410, `unknown` a number the register does not have.
 */
export type EntityState = 'active' | 'bankrupt' | 'under-dissolution' | 'deleted' | 'unknown';
export interface EntityStatus {
  readonly state: EntityState;
  /** The date it was looked up. */
  readonly checked: IsoDate;
}

export interface Provenance {
  /** Name of the source, e.g. "Skoopi ASF-listan" or "Gävle kommun, leverantörsuppföljning". */
  readonly source: string;
  readonly url: string | null;
  readonly retrieved: IsoDate;
  /** After this date the information should be re-checked. */
  readonly expires: IsoDate | null;
  /** Demo data must be labelled as such wherever it shows. */
  readonly demo: boolean;
}

export interface StaffShare {
  /** Share of disabled or disadvantaged people, in percent (0–100), on `denominator`. */
  readonly percent: number;
  readonly denominator: ShareDenominator;
  /** The date the counts refer to (the attestation's date). */
  readonly asOf: IsoDate;
}

export interface Supplier {
  /** Canonical digits (NO 9, SE 10); the checksum holds. */
  readonly orgnr: string;
  readonly jurisdiction: OrgnrJurisdiction;
  readonly name: string;
  /** Other names the supplier trades under. */
  readonly altNames: readonly string[];
  readonly kind: SupplierKind;
  readonly share: StaffShare | null;
  /** The supplier has attested that its main purpose is social and professional integration. */
  readonly purposeAttested: boolean;
  /**
   * Municipality or county codes (NO: 4-digit kommunenummer / 2-digit fylke; SE: 4-digit kommunkod /
   * 2-digit län), in the supplier's own jurisdiction. Empty: no area stated, treated as nationwide.
   */
  readonly regions: readonly string[];
  /**
   * CPV prefixes the supplier delivers (e.g. "9091" for cleaning), 2–8 digits. A full code such as
   * "90910000-9" is stored without its check digit and padding zeros ("9091").
   */
  readonly categories: readonly string[];
  /** Where this entry came from; falls back to the registry's own provenance. */
  readonly provenance: Provenance;
  /**
   * Listed on a signal such as an industry code, not on a list of members: a candidate to check,
   * written `arbeidsmarkedsbedrift (candidate)` in the kind column. Absent means false.
   */
  readonly candidate?: boolean;
  /** The register status and the date it was looked up; absent or null when never looked up. */
  readonly status?: EntityStatus | null;
}

export interface Registry {
  readonly provenance: Provenance;
  readonly suppliers: readonly Supplier[];
}

/**
 * One problem found while importing a registry file. `line` is the 1-based physical line in the file
 * (a quoted CSV cell spanning lines counts every line); 0 means the issue concerns the whole file or
 * the import options rather than one line. `column` is the header as written in a CSV file, or the
 * field path (`share.percent`) in a JSON file.
 */
export interface LineIssue {
  readonly line: number;
  readonly column?: string;
  readonly code: string;
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A failed import returns errors only: there is never a partial registry. */
export type ImportResult =
  | {
      readonly ok: true;
      readonly registry: Registry;
      readonly warnings: readonly LineIssue[];
      /** With `validLinesOnly`: the lines left out and why. */
      readonly skipped?: readonly LineIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly LineIssue[];
      /**
       * Set when every error is one of a single line: how many lines are valid, so a front end can
       * offer "import the N valid lines" (`validLinesOnly`) once the user has seen the errors.
       */
      readonly validLines?: number;
    };
