/**
 * Rows of the stable JSON (sheetRowJson) written straight as lines of safe JSON, as UTF-8 bytes: each
 * line the bytes of `safeJson(sheetRowJson(r, lang), mark)`. A 100 000-row report is 190 MB of JSON
 * whose rows share their origins, rule ids, codes and many findings (a split-purchase window's
 * finding is one object for all its rows): those parts are written and encoded once per distinct
 * value and copied as bytes, and only what differs per row (its number, its amount) is written each time.
 */
import { textBytes, type ByteSink } from '../byte-sink.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { translate } from '../i18n/index.ts';
import type { Finding } from '../rules/findings.ts';
import { safeJson, safeJsonNumber } from '../safe-json.ts';
import { memoizedWhenShared } from '../shared-memo.ts';
import { toMajorNumber } from '../value/money.ts';
import { FindingContents, findingTexts } from './finding-texts.ts';
import type { Origin, Origins } from './read/origin.ts';
import type { RowResult } from './types.ts';

/** Writes a report row's line (without its line feed) into a sink. */
export type SheetRowJsonWriter = (r: RowResult, out: ByteSink) => void;

/**
 * A writer of report rows in `lang`, a hidden personal identity number shown as `mark` (by default
 * the reader's words, privacy.personal-number). It keeps what rows share for as long as it lives;
 * `contents`, the report's findings by content, may be shared with the report's other writers.
 */
export function sheetRowJsonWriter(lang: Lang, mark = translate(lang, 'privacy.personal-number'), contents = new FindingContents(lang)): SheetRowJsonWriter {
  const json = (value: unknown): string => safeJson(value, mark);
  const bytes = textBytes();
  const once = <K, V>(cache: { get(k: K): V | undefined; set(k: K, v: V): unknown }, make: (k: K) => V) => (key: K): V => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
  // The fixed parts of a line, each with the value it leads to where there are few values.
  const ROW = bytes('{"row":');
  const regimeHead = once(new Map<string | null, Uint8Array>(), (regime: string | null) => bytes(`,"regime":${json(regime)},"findings":[`));
  const VALUE = bytes('],"estimatedValue":');
  const NULL = bytes('null');
  const AMOUNT = bytes('{"amount":');
  const currencyTail = once(new Map<string | null, Uint8Array>(), (currency: string | null) => bytes(`,"currency":${json(currency)}}`));
  const RULE_IDS = bytes(',"ruleIds":');
  const MESSAGES = bytes(',"messages":[');
  const SEVERITIES = bytes('],"severities":[');
  const basisHead = once(new Map<string, Uint8Array>(), (basis: string) => bytes(`],"valueBasis":${json(basis)},"origins":`));
  const SUPPLIER = bytes(',"supplier":');
  const CLOSE = bytes('}');
  const COMMA = bytes(',');
  // Codes and severities; rule-id lists are shared per distinct list (listInterner).
  const quoted = once(new Map<string, Uint8Array>(), (text: string) => bytes(json(text)));
  const ruleIds = once(new WeakMap<readonly string[], Uint8Array>(), (ids) => bytes(json(ids)));
  // A row's origins around its row number, once per shared origins object: a cell origin without a
  // row gets the row's own, as originsAt gives it.
  const originParts = once(new WeakMap<Origins, readonly Uint8Array[]>(), (origins) => {
    const parts: Uint8Array[] = [];
    let open = '{';
    for (const [i, field] of (Object.keys(origins) as (keyof Origins)[]).entries()) {
      const o = origins[field] as Origin;
      open += `${i > 0 ? ',' : ''}${json(field)}:`;
      if (o.source === 'cell' && o.row === undefined) {
        parts.push(bytes(`${open}{"source":"cell"${o.column === undefined ? '' : `,"column":${json(o.column)}`},"row":`));
        open = `${o.text === undefined ? '' : `,"text":${json(o.text)}`}}`;
      } else {
        open += json(o);
      }
    }
    parts.push(bytes(`${open}}`));
    return parts;
  });
  const message = findingTexts(contents, (text) => bytes(json(text)));
  // Suppliers judged once are one object for all their rows (100 000 rows: 10 000 objects).
  const supplier = memoizedWhenShared((s: NonNullable<RowResult['supplier']>) => bytes(json(s)));
  const code = (f: Finding) => quoted(f.code);
  const severity = (f: Finding) => quoted(f.severity);
  const list = (out: ByteSink, findings: readonly Finding[], item: (f: Finding) => Uint8Array): void => {
    for (let i = 0; i < findings.length; i++) {
      if (i > 0) out.bytes(COMMA);
      out.bytes(item(findings[i] as Finding));
    }
  };

  return (r, out) => {
    // A row number (at most a few million) is never a personal identity number's ten digits.
    const row = String(r.row);
    out.bytes(ROW);
    out.ascii(row);
    out.bytes(regimeHead(r.regime));
    list(out, r.findings, code);
    out.bytes(VALUE);
    const money = r.estimatedValue;
    if (money === null) out.bytes(NULL);
    else {
      out.bytes(AMOUNT);
      // An amount may read as a personal identity number and be hidden: its text is the mark's.
      out.text(safeJsonNumber(toMajorNumber(money), mark));
      out.bytes(currencyTail(money.currency));
    }
    out.bytes(RULE_IDS);
    out.bytes(ruleIds(r.ruleIds));
    out.bytes(MESSAGES);
    list(out, r.findings, message);
    out.bytes(SEVERITIES);
    list(out, r.findings, severity);
    out.bytes(basisHead(r.valueBasis));
    const parts = originParts(r.origins);
    out.bytes(parts[0] as Uint8Array);
    for (let i = 1; i < parts.length; i++) {
      out.ascii(row);
      out.bytes(parts[i] as Uint8Array);
    }
    out.bytes(SUPPLIER);
    out.bytes(r.supplier === null ? NULL : supplier(r.supplier));
    out.bytes(CLOSE);
  };
}
