/**
 * Excel custom functions INKLUDO.REGIME, INKLUDO.ORGNR and INKLUDO.RESERVED. The JSDoc tags below
 * are read by custom-functions-metadata at build time to make functions.json; the names and
 * descriptions Excel shows come from there. Bad input returns #VALUE! with a message in the user's
 * language, never a guess.
 */
import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  DEFAULT_RULES,
  addDays,
  checkReservedEligibility,
  classifyPurchase,
  contractKindFromCpv,
  contractKindOf as contractKindOfWords,
  cpvDigits,
  formatOrgnr,
  isIsoDate,
  langFromLocale,
  parseAmount,
  parseOrgnr,
  todayIso,
  translate,
  type BuyerKind,
  type ContractKind,
  type IsoDate,
  type Lang,
  type MessageParams,
  type PurchaseJurisdiction,
  type ShareDenominator,
} from '../../core/index.ts';

/** Office's display language where the runtime exposes it, else the browser's. */
function lang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return langFromLocale(office?.context?.displayLanguage ?? globalThis.navigator?.language);
}

function valueError(key: string, params: MessageParams): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, translate(lang(), key, params));
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function jurisdictionOf(v: unknown): PurchaseJurisdiction {
  // Without a country: the one whose language Excel speaks (Swedish → SE, otherwise NO).
  if (isBlank(v)) return lang() === 'sv' ? 'SE' : 'NO';
  const code = String(v).trim().toUpperCase();
  if (code === 'NO' || code === 'NOR' || code === 'SE' || code === 'SWE') return code.startsWith('N') ? 'NO' : 'SE';
  throw valueError('addin.fn.error.jurisdiction', { value: String(v) });
}

function choice<T extends string>(v: unknown, allowed: readonly T[], fallback: T, key: string): T {
  if (isBlank(v)) return fallback;
  const text = String(v).trim().toLowerCase();
  const found = allowed.find((a) => a === text);
  if (!found) throw valueError(key, { value: String(v) });
  return found;
}

/**
 * A contract kind as the user writes it: the ids (goods, services, works, social-services), a word in
 * nb, sv or en ("tjenester", "varor", "bygg- og anleggsarbeid"), or a CPV code, as text or a number
 * cell, read by the jurisdiction's rule pack (its divisions and its list of social services).
 */
function contractKindOf(v: unknown, j: PurchaseJurisdiction, date: IsoDate): ContractKind {
  if (isBlank(v)) return 'services';
  const text = typeof v === 'number' && Number.isInteger(v) ? String(v).padStart(8, '0') : String(v).trim();
  const id = CONTRACT_KINDS.find((k) => k === text.toLowerCase());
  const kind = id ?? (cpvDigits(text) !== null ? (contractKindFromCpv(text, DEFAULT_RULES[j], date)?.kind ?? null) : contractKindOfWords(text));
  if (!kind) throw valueError('addin.fn.error.contract', { value: String(v) });
  return kind;
}

/** Excel's serial day 0: serial n is n days after it (true for every date after 1900-02-28). */
const EXCEL_EPOCH: IsoDate = '1899-12-30';

function dateOf(v: unknown): IsoDate {
  if (isBlank(v)) return todayIso();
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2_958_466) return addDays(EXCEL_EPOCH, v);
  if (typeof v === 'string' && isIsoDate(v.trim())) return v.trim();
  throw valueError('addin.fn.error.date', { value: String(v) });
}

/**
 * Which procurement regime a purchase falls under. Returns a regime code: NO-EXEMPT (below the
 * Norwegian lower threshold), NO-PART-I, NO-PART-II, NO-PART-III (at or above the EEA threshold),
 * SE-DIRECT (below the Swedish direct-award limit), SE-BELOW-EU, SE-ABOVE-EU, or UNKNOWN when the
 * rules for the date are missing.
 * @customfunction REGIME
 * @param value Estimated value excluding VAT: a number, or text such as "2,5 MNOK" or "750 000 kr inkl. moms".
 * @param [jurisdiction] NO or SE. Default: SE when Excel is in Swedish, otherwise NO.
 * @param [buyerKind] state or municipal (default municipal).
 * @param [contractKind] goods, services, works or social-services, a word such as "varer" or "tjänster", or a CPV code (default services).
 * @param [date] The date the rules apply at (default today).
 * @returns The regime code.
 */
export function regime(value: unknown, jurisdiction?: string, buyerKind?: string, contractKind?: unknown, date?: unknown): string {
  const j = jurisdictionOf(jurisdiction);
  const amount = parseAmount(value, { locale: lang(), defaultCurrency: DEFAULT_RULES[j].currency });
  if (!amount.ok) throw valueError('addin.fn.error.value', { detail: translate(lang(), amount.error.messageKey, { raw: amount.error.raw }) });
  // A rate (`5000 kr/mnd`) is not a contract value: the term it runs for is not known here.
  if (amount.per !== null) throw valueError('addin.fn.error.value', { detail: translate(lang(), 'value.rate-not-total', { raw: amount.raw }) });
  const on = dateOf(date);
  const verdict = classifyPurchase({
    jurisdiction: j,
    buyer: choice<BuyerKind>(buyerKind, BUYER_KINDS, 'municipal', 'addin.fn.error.buyer'),
    contractKind: contractKindOf(contractKind, j, on),
    value: amount.value,
    vatIncluded: amount.vatIncluded,
    date: on,
  });
  return verdict.regime;
}

/**
 * A Norwegian or Swedish organisation number, checked and written the standard way
 * ("972 418 005", "556086-8225").
 * @customfunction ORGNR
 * @param text The number as written, e.g. "NO972418005MVA" or "5560868225".
 * @returns The organisation number in its standard form.
 */
export function orgnr(text: unknown): string {
  const parsed = parseOrgnr(isBlank(text) ? '' : String(text));
  if (parsed.digits === null || parsed.jurisdiction === null) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, translate(lang(), `orgnr.problem.${parsed.problem ?? 'empty'}`, { raw: parsed.raw }));
  }
  return formatOrgnr(parsed.digits, parsed.jurisdiction);
}

/** A share as Excel gives it: 0.3 from a percentage cell, 30, or the text "30 %". */
function percentOf(v: unknown): number {
  const text = typeof v === 'string' ? v.trim().replace(',', '.') : null;
  const percentText = text?.endsWith('%') ? Number(text.slice(0, -1).trim()) : null;
  const n = percentText ?? (typeof v === 'number' ? (v <= 1 ? v * 100 : v) : text !== null && text !== '' ? Number(text) : NaN);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw valueError('addin.fn.error.share', { value: String(v ?? '') });
  return n;
}

/**
 * Whether a share of disabled or disadvantaged staff meets the threshold for reserved contracts
 * (30 %): in Norway counted among employees, in Sweden among everyone occupied, placements included.
 * Only the share is checked; the supplier's purpose and the date of its evidence are not.
 * @customfunction RESERVED
 * @param share The share: a percentage cell (30 %), a number from 0 to 100, or a number from 0 to 1.
 * @param [jurisdiction] NO or SE. Default: SE when Excel is in Swedish, otherwise NO.
 * @returns TRUE when the share meets the threshold.
 */
export function reserved(share: unknown, jurisdiction?: string): boolean {
  const j = jurisdictionOf(jurisdiction);
  const today = dateOf(null);
  const denominator = DEFAULT_RULES[j].parameters['reserved-share']?.denominator as ShareDenominator;
  const verdict = checkReservedEligibility({
    jurisdiction: j,
    checkDate: today,
    share: { denominator, percent: percentOf(share), asOf: today },
    // Asked about the share alone: purpose and evidence date are the caller's to check.
    purposeAttested: true,
  });
  return verdict.status === 'eligible';
}
