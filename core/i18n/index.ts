import { LANGS, LOCALE_OF, type AreaMessages, type Lang, type MessageParams } from './catalogue.ts';
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
import { readingMessages } from './messages/reading.ts';
import { cpvMessages } from './messages/cpv.ts';
import { evidenceMessages } from './messages/evidence.ts';
import { followupMessages } from './messages/followup.ts';

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
  readingMessages,
  cpvMessages,
  evidenceMessages,
  followupMessages,
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

/** A number the way the language writes it (nb/sv: `1 300 000,5`; en: `1,300,000.5`). */
export function formatNumber(lang: Lang, value: number | bigint): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_OF[lang], { maximumFractionDigits: 2 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

function formatParam(lang: Lang, value: MessageParams[string]): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : formatNumber(lang, value);
}

/**
 * The message for `key` in `lang` with `{name}` placeholders filled. A key missing everywhere is a
 * programming error, shown as the key itself so a user still sees something traceable.
 */
export function translate(lang: Lang, key: string, params: MessageParams = {}): string {
  const template = CATALOGUES[lang][key] ?? CATALOGUES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(lang, params[name]) : whole,
  );
}

/** A translator bound to one language, the form front ends pass around. */
export type Translate = (key: string, params?: MessageParams) => string;
export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
