import { LANGS, LOCALE_OF, compileTemplate, fillTemplate, type AreaMessages, type CompiledTemplate, type Lang, type MessageParams } from './catalogue.ts';
import { commonMessages } from './messages/common.ts';
import { rulesMessages } from './messages/rules.ts';
import { orgnrMessages } from './messages/orgnr.ts';
import { valueMessages } from './messages/value.ts';
import { cliMessages } from './messages/cli.ts';
import { noticeMessages } from './messages/notice.ts';
import { registryMessages } from './messages/registry.ts';
import { contentMessages } from './messages/content.ts';
import { addinMessages } from './messages/addin.ts';
import { sheetMessages } from './messages/sheet.ts';
import { extensionMessages } from './messages/extension.ts';
import { xlsxMessages } from './messages/xlsx.ts';

export * from './catalogue.ts';

/** Every area's catalogue. A new area adds its file under messages/ and one line here. */
export const AREAS: readonly AreaMessages[] = [
  commonMessages,
  rulesMessages,
  orgnrMessages,
  valueMessages,
  cliMessages,
  noticeMessages,
  registryMessages,
  addinMessages,
  contentMessages,
  extensionMessages,
  sheetMessages,
  xlsxMessages,
];

type Catalogue = Readonly<Record<string, string>>;

function merge(lang: Lang): Catalogue {
  const out: Record<string, string> = {};
  for (const area of AREAS) Object.assign(out, area[lang]);
  return out;
}

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = Object.fromEntries(
  LANGS.map((lang) => [lang, merge(lang)]),
) as Record<Lang, Catalogue>;

export function hasMessage(key: string): boolean {
  return key in CATALOGUES.en;
}

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

const compiled: Readonly<Record<Lang, Map<string, CompiledTemplate>>> = { nb: new Map(), sv: new Map(), en: new Map() };

/**
 * The message for `key` in `lang` with `{name}` placeholders filled. A key missing everywhere is a
 * programming error, shown as the key itself so a user still sees something traceable. Templates
 * are compiled on first use (compileTemplate).
 */
export function translate(lang: Lang, key: string, params: MessageParams = {}): string {
  let parts = compiled[lang].get(key);
  if (parts === undefined) {
    const template = CATALOGUES[lang][key] ?? CATALOGUES.en[key];
    parts = compileTemplate(template ?? key);
    // Only catalogue keys are kept: an unknown key must not grow the cache.
    if (template !== undefined) compiled[lang].set(key, parts);
  }
  return parts.length === 1 ? (parts[0] as string) : fillTemplate(parts, params, (value) => formatParam(lang, value));
}

/** A translator bound to one language, the form front ends pass around. */
export type Translate = (key: string, params?: MessageParams) => string;
export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
