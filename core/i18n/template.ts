/**
 * Filling a message template: `{name}` placeholders replaced by parameters, numbers written the way
 * the language writes them. Apart from the catalogues, so a front end that receives only the messages
 * it shows (the extension's content script) fills them the same way without loading every catalogue.
 */
import { LOCALE_OF, type Lang, type MessageParams } from './catalogue.ts';

const numberFormats = new Map<Lang, Intl.NumberFormat>();
/**
 * Numbers already formatted, per language: a sheet's messages repeat the same thresholds and amounts
 * thousands of times, and Intl formatting is the dearest step of a message. Bounded: cleared when full.
 */
const formatted: Readonly<Record<Lang, Map<number | bigint, string>>> = { nb: new Map(), sv: new Map(), en: new Map() };
const FORMATTED_MAX = 10_000;

/** A number the way the language writes it (nb/sv: `1 300 000,5`; en: `1,300,000.5`). */
export function formatNumber(lang: Lang, value: number | bigint): string {
  const cache = formatted[lang];
  const known = cache.get(value);
  if (known !== undefined) return known;
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_OF[lang], { maximumFractionDigits: 2 });
    numberFormats.set(lang, format);
  }
  const text = format.format(value);
  // The map takes -0 for 0, but Intl writes it "-0".
  if (Object.is(value, -0)) return text;
  if (cache.size >= FORMATTED_MAX) cache.clear();
  cache.set(value, text);
  return text;
}

function formatParam(lang: Lang, value: MessageParams[string]): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : formatNumber(lang, value);
}

/** `template` with its `{name}` placeholders filled; a placeholder without a parameter stays as written. */
export function fillMessage(lang: Lang, template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatParam(lang, params[name]) : whole));
}
