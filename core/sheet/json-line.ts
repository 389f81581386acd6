/**
 * One row of the stable JSON (sheetRowJson) written straight as one line of safe JSON: the same
 * characters as `safeJson(sheetRowJson(r, lang), mark)`. A 100 000-row report is 190 MB of
 * JSON whose rows share their origins, rule ids and codes: those parts are written once per distinct
 * value and reused, and only what differs per row (numbers, messages, the supplier) is written and
 * checked each time.
 */
import type { Lang } from '../i18n/catalogue.ts';
import { translate } from '../i18n/index.ts';
import { markInWords, safeJson } from '../safe-json.ts';
import { describeFinding } from '../rules/describe.ts';
import type { Finding } from '../rules/findings.ts';
import { toMajorNumber } from '../value/money.ts';
import type { Origin, Origins } from './read/origin.ts';
import type { RowResult } from './types.ts';

/** Texts written once per distinct value: codes, regimes, severities, value bases. */
const quoted = new Map<string, string>();
function quotedCode(code: string): string {
  let text = quoted.get(code);
  if (text === undefined) quoted.set(code, (text = safeJson(code)));
  return text;
}

/** Rule-id lists are shared per distinct list (listInterner), so each is written once. */
const listJson = new WeakMap<readonly string[], string>();
function ruleIdsJson(list: readonly string[]): string {
  let text = listJson.get(list);
  if (text === undefined) listJson.set(list, (text = safeJson(list)));
  return text;
}

/**
 * A row's origins as JSON around its row number: the parts between which the row goes, once per
 * shared origins object. A cell origin without a row gets the row's own (as originsAt gives it).
 */
const originParts = new WeakMap<Origins, readonly string[]>();
function originsJson(origins: Origins, row: string): string {
  let parts = originParts.get(origins);
  if (parts === undefined) {
    const built: string[] = [];
    let open = '{';
    for (const [i, field] of (Object.keys(origins) as (keyof Origins)[]).entries()) {
      const o = origins[field] as Origin;
      open += `${i > 0 ? ',' : ''}${safeJson(field)}:`;
      if (o.source === 'cell' && o.row === undefined) {
        built.push(`${open}{"source":"cell"${o.column === undefined ? '' : `,"column":${safeJson(o.column)}`},"row":`);
        open = `${o.text === undefined ? '' : `,"text":${safeJson(o.text)}`}}`;
      } else {
        open += safeJson(o);
      }
    }
    built.push(`${open}}`);
    originParts.set(origins, (parts = built));
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i++) out += row + (parts[i] as string);
  return out;
}

function codesJson(findings: readonly Finding[], pick: (f: Finding) => string): string {
  let out = '[';
  for (let i = 0; i < findings.length; i++) out += (i === 0 ? '' : ',') + quotedCode(pick(findings[i] as Finding));
  return `${out}]`;
}

function messagesJson(findings: readonly Finding[], lang: Lang): string {
  let out = '[';
  for (let i = 0; i < findings.length; i++) out += (i === 0 ? '' : ',') + safeJson(describeFinding(lang, findings[i] as Finding));
  return `${out}]`;
}

/**
 * `safeJson(sheetRowJson(r, lang), mark)`, written faster; the mark is the reader's words for a hidden
 * personal identity number (privacy.personal-number) unless given.
 */
export function sheetRowJsonLine(r: RowResult, lang: Lang, mark = translate(lang, 'privacy.personal-number')): string {
  const row = safeJson(r.row);
  const money = r.estimatedValue;
  const value = money === null ? 'null' : `{"amount":${safeJson(toMajorNumber(money))},"currency":${safeJson(money.currency)}}`;
  return markInWords(
    `{"row":${row},"regime":${quotedCode(r.regime)},"findings":${codesJson(r.findings, (f) => f.code)},"estimatedValue":${value}` +
    `,"ruleIds":${ruleIdsJson(r.ruleIds)},"messages":${messagesJson(r.findings, lang)},"severities":${codesJson(r.findings, (f) => f.severity)}` +
    `,"valueBasis":${quotedCode(r.valueBasis)},"origins":${originsJson(r.origins, row)},"supplier":${safeJson(r.supplier)}}`,
    mark,
  );
}
