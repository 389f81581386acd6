/** Languages every user-facing string exists in. English is the source; nb and sv must match its keys. */
export const LANGS = ['nb', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageParams = Readonly<Record<string, string | number | bigint | null | undefined>>;

export interface AreaMessages<K extends string = string> {
  readonly en: Readonly<Record<K, string>>;
  readonly nb: Readonly<Record<K, string>>;
  readonly sv: Readonly<Record<K, string>>;
}

/**
 * One area's messages (rules, value, registry, …) in all three languages.
 * The types make a key missing in nb or sv a compile error; tests/unit/i18n.test.ts checks it at run time too.
 */
export function defineMessages<const K extends string>(messages: AreaMessages<K>): AreaMessages<K> {
  return messages;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (Office's display language, the browser UI language) to a catalogue language. */
export function langFromLocale(locale: string | null | undefined): Lang {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
  if (primary === 'sv') return 'sv';
  return 'en';
}

export const LOCALE_OF: Readonly<Record<Lang, string>> = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' };

/**
 * A message template split once into its literal text and placeholder names, alternating:
 * `'Row {row}: {regime}'` → `['Row ', 'row', ': ', 'regime', '']`. Filling it is then one pass of
 * concatenation instead of a regular-expression replace per message.
 */
export type CompiledTemplate = readonly string[];

export function compileTemplate(template: string): CompiledTemplate {
  return template.split(/\{(\w+)\}/);
}

/** The compiled template filled with `params`; a placeholder without a parameter stays as written. */
export function fillTemplate(parts: CompiledTemplate, params: MessageParams, format: (value: MessageParams[string]) => string): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (name in params ? format(params[name]) : `{${name}}`) + (parts[i + 1] ?? '');
  }
  return out;
}
