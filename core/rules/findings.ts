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
