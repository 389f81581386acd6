/**
 * JSON that is safe to print and to keep: no personal identity number (hidden as
 * personalNumberReplacer hides it, the mark shown in the reader's words) and no raw control character
 * (JSON.stringify escapes U+0000–U+001F; DEL and the C1 controls, which it leaves, are escaped too:
 * U+009B alone is a terminal's CSI). The data is unchanged for a JSON reader.
 */
import { PERSONAL_NUMBER_MARK, mayHoldPersonalNumber, personalNumberReplacer } from './orgnr/personal-number.ts';

const RAW_CONTROL = /[\u007F-\u009F]/;
const RAW_CONTROLS = /[\u007F-\u009F]/g;

/**
 * `value` as one line of such JSON; `mark` is what a hidden number reads as. A replacer takes
 * JSON.stringify off its fast path (twice the time on a report row), so the value is first written
 * without one: a personal identity number in a string or a whole number appears in that JSON as it
 * is (none of its characters is escaped), with the run of digits every such number has, so JSON
 * without such a run has nothing to replace.
 */
export function safeJson(value: unknown, mark: string = PERSONAL_NUMBER_MARK): string {
  let json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return 'null';
  if (mayHoldPersonalNumber(json)) json = JSON.stringify(value, personalNumberReplacer);
  if (RAW_CONTROL.test(json)) json = json.replace(RAW_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // The marks hidden numbers became, and the ones data already carried (import issues hold one in
  // place of a number), in the reader's words.
  return mark !== PERSONAL_NUMBER_MARK && json.includes(PERSONAL_NUMBER_MARK) ? json.replaceAll(PERSONAL_NUMBER_MARK, JSON.stringify(mark).slice(1, -1)) : json;
}

/**
 * A number as safeJson writes it, without the checks only text needs (a report writes one amount per
 * row): JSON writes a finite number as String does, any other as null.
 */
export function safeJsonNumber(value: number, mark: string = PERSONAL_NUMBER_MARK): string {
  const json = Number.isFinite(value) ? String(value) : 'null';
  return mayHoldPersonalNumber(json) ? safeJson(value, mark) : json;
}
