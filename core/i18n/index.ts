import { hidePersonalNumbers, hidePersonalNumbersIn } from '../orgnr/personal-number.ts';
import { LANGS, compileTemplate, fillTemplate, type AreaMessages, type CompiledTemplate, type Lang, type MessageParams } from './catalogue.ts';
import { commonMessages } from './messages/common.ts';
import { rulesMessages } from './messages/rules.ts';
import { orgnrMessages } from './messages/orgnr.ts';
import { valueMessages } from './messages/value.ts';
import { cliMessages } from './messages/cli.ts';
import { noticeMessages } from './messages/notice.ts';
import { registryMessages } from './messages/registry.ts';
import { registrySourceMessages } from './messages/registry-sources.ts';
import { contentMessages } from './messages/content.ts';
import { addinMessages } from './messages/addin.ts';
import { addinPaneMessages } from './messages/addin-pane.ts';
import { sheetMessages } from './messages/sheet.ts';
import { extensionMessages } from './messages/extension.ts';
import { readingMessages } from './messages/reading.ts';
import { cpvMessages } from './messages/cpv.ts';
import { rulepackMessages } from './messages/rulepack.ts';
import { privacyMessages } from './messages/privacy.ts';
import { xlsxMessages } from './messages/xlsx.ts';
import { evidenceMessages } from './messages/evidence.ts';
import { followupMessages } from './messages/followup.ts';

export * from './catalogue.ts';
export { fillMessage, formatNumber } from './template.ts';
import { formatNumber } from './template.ts';

/** Every area's catalogue. A new area adds its file under messages/ and one line here. */
export const AREAS: readonly AreaMessages[] = [
  commonMessages,
  rulesMessages,
  orgnrMessages,
  valueMessages,
  cliMessages,
  noticeMessages,
  registryMessages,
  registrySourceMessages,
  addinMessages,
  addinPaneMessages,
  contentMessages,
  extensionMessages,
  sheetMessages,
  readingMessages,
  cpvMessages,
  rulepackMessages,
  privacyMessages,
  xlsxMessages,
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

/**
 * A parameter as text. Parameters carry what users typed (cells, file lines, page text), so a personal
 * identity number in one is replaced: no message anywhere repeats one.
 */
function formatParam(lang: Lang, value: MessageParams[string]): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return formatNumber(lang, value);
  return hidePersonalNumbers(value, CATALOGUES[lang]['privacy.personal-number'] ?? '');
}

/**
 * A value as it may be shown or saved for a user (a results sheet cell, a description): a personal
 * identity number in text, or a whole number that is one, becomes "(not shown)" in `lang`.
 */
export function withoutPersonalNumbers<T>(lang: Lang, value: T): T | string {
  return hidePersonalNumbersIn(value, CATALOGUES[lang]['privacy.personal-number'] ?? '');
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
