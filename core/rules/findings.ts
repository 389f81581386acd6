import type { MessageParams } from '../i18n/catalogue.ts';

/** Stable finding codes (ARCHITECTURE.md): scripts and other tools read these. */
export const FINDING_CODES = [
  'VALUE-MISSING',
  'VALUE-UNPARSEABLE',
  'VAT-INCLUDED',
  'VAT-RATE-DEPENDS',
  'CPV-KIND-CONFLICT',
  'CPV-KIND-POSSIBLE',
  'CURRENCY-MISMATCH',
  'SPLIT-RISK',
  'ORGNR-INVALID',
  'RESERVED-ELIGIBLE',
  'RESERVED-INELIGIBLE',
  'RESERVED-UNVERIFIED',
  'RESERVED-EVIDENCE-STALE',
  'RESERVATION-CANDIDATE',
  'INCLUSIVE-CANDIDATE',
  'DIRECT-AWARD-DOCUMENT',
  'RULE-PENDING',
  'RULE-FALLBACK',
  'RULE-MISSING',
  /** Something the reading took from a header, the sheet or a default that can change a verdict (info). */
  'ASSUMPTION',
  /** A formula cell with an error result or no saved result: never read as 0. */
  'CELL-UNREADABLE',
  /** The cell's own unit, rate or VAT note disagrees with its column header or VAT column. */
  'UNIT-CONFLICT',
  /** Words in the value header's parentheses that the reader does not understand. */
  'UNIT-UNKNOWN',
  /** Only unit prices or quantities look like values: no purchase value column. */
  'VALUE-COLUMN-MISSING',
  /** A stated total beside options: whether it includes them changes the regime. */
  'OPTIONS-UNCERTAIN',
  'DATE-UNREADABLE',
  'DURATION-UNREADABLE',
  /** A CSV row with more filled cells than the header (an unquoted delimiter in a value?). */
  'ROW-WIDER-THAN-HEADER',
  /** The buyer kind was assumed, and the other kind gives another regime. */
  'BUYER-DEPENDS',
  /** A reserved row's supplier belongs to the other country: not judged by this country's rules. */
  'SUPPLIER-OTHER-COUNTRY',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** i18n key; `finding.<CODE>` unless a finding has variants. */
  readonly messageKey: string;
  readonly params: MessageParams;
  /** The rule ids (from the rule packs) this finding rests on. */
  readonly ruleIds: readonly string[];
}

export function finding(code: FindingCode, severity: Severity, params: MessageParams = {}, ruleIds: readonly string[] = [], messageKey = `finding.${code}`): Finding {
  return { code, severity, messageKey, params, ruleIds };
}
