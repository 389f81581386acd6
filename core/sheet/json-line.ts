/**
 * Rows of the stable JSON (sheetRowJson) written straight as lines of safe JSON: each line the same
 * characters as `safeJson(sheetRowJson(r, lang), mark)`. A 100 000-row report is 190 MB of JSON whose
 * rows share their origins, rule ids, codes and many findings (a split-purchase window's finding is
 * one object for all its rows): those parts are written once per distinct value and reused, and only
 * what differs per row is written and checked each time.
 */
import type { Lang } from '../i18n/catalogue.ts';
import { translate } from '../i18n/index.ts';
import type { Finding } from '../rules/findings.ts';
import { safeJson } from '../safe-json.ts';
import { memoizedWhenShared } from '../shared-memo.ts';
import { toMajorNumber } from '../value/money.ts';
import { findingTexts } from './finding-texts.ts';
import type { Origin, Origins } from './read/origin.ts';
import type { RowResult } from './types.ts';

/**
 * A writer of report rows in `lang`, a hidden personal identity number shown as `mark` (by default
 * the reader's words, privacy.personal-number). It keeps what rows share for as long as it lives.
 */
export function sheetRowJsonWriter(lang: Lang, mark = translate(lang, 'privacy.personal-number')): (r: RowResult) => string {
  const json = (value: unknown): string => safeJson(value, mark);
  const once = <K, V>(cache: { get(k: K): V | undefined; set(k: K, v: V): unknown }, make: (k: K) => V) => (key: K): V => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
  // Codes, regimes, severities and value bases; rule-id lists are shared per distinct list (listInterner).
  const quoted = once(new Map<string, string>(), json);
  const ruleIds = once(new WeakMap<readonly string[], string>(), json);
  // A row's origins around its row number, once per shared origins object: a cell origin without a
  // row gets the row's own, as originsAt gives it.
  const originParts = once(new WeakMap<Origins, readonly string[]>(), (origins) => {
    const parts: string[] = [];
    let open = '{';
    for (const [i, field] of (Object.keys(origins) as (keyof Origins)[]).entries()) {
      const o = origins[field] as Origin;
      open += `${i > 0 ? ',' : ''}${json(field)}:`;
      if (o.source === 'cell' && o.row === undefined) {
        parts.push(`${open}{"source":"cell"${o.column === undefined ? '' : `,"column":${json(o.column)}`},"row":`);
        open = `${o.text === undefined ? '' : `,"text":${json(o.text)}`}}`;
      } else {
        open += json(o);
      }
    }
    parts.push(`${open}}`);
    return parts;
  });
  const message = findingTexts(lang, json);
  // Suppliers judged once are one object for all their rows (100 000 rows: 10 000 objects).
  const supplier = memoizedWhenShared((s: NonNullable<RowResult['supplier']>) => json(s));
  const list = (findings: readonly Finding[], item: (f: Finding) => string): string => {
    let out = '[';
    for (let i = 0; i < findings.length; i++) out += (i === 0 ? '' : ',') + item(findings[i] as Finding);
    return `${out}]`;
  };
  const code = (f: Finding) => quoted(f.code);
  const severity = (f: Finding) => quoted(f.severity);

  return (r) => {
    // A row number (at most a few million) is never a personal identity number's ten digits.
    const row = String(r.row);
    const money = r.estimatedValue;
    const value = money === null ? 'null' : `{"amount":${json(toMajorNumber(money))},"currency":${json(money.currency)}}`;
    const parts = originParts(r.origins);
    let origins = parts[0] as string;
    for (let i = 1; i < parts.length; i++) origins += row + (parts[i] as string);
    return (
      `{"row":${row},"regime":${quoted(r.regime)},"findings":${list(r.findings, code)},"estimatedValue":${value}` +
      `,"ruleIds":${ruleIds(r.ruleIds)},"messages":${list(r.findings, message)},"severities":${list(r.findings, severity)}` +
      `,"valueBasis":${quoted(r.valueBasis)},"origins":${origins},"supplier":${r.supplier === null ? 'null' : supplier(r.supplier)}}`
    );
  };
}
