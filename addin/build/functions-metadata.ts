import { translate, type Lang } from '../../core/index.ts';

interface Metadata {
  functions: { id: string; description?: string; parameters: { name: string; description?: string }[] }[];
}

/**
 * functions.json (generated from the JSDoc tags) with its descriptions and argument names from the
 * `addin.fn.*` catalogue in `lang`: Excel shows them in the formula bar and the argument tooltip
 * (`=INKLUDO.REGIME(verdi; [land]; …)`). Function names and ids stay the same in every language, so a
 * workbook works the same wherever it is opened; arguments are positional, so their names are labels only.
 */
export function localizedFunctionsMetadata(json: string, lang: Lang): string {
  const metadata = JSON.parse(json) as Metadata;
  for (const fn of metadata.functions) {
    fn.description = translate(lang, `addin.fn.${fn.id}.description`);
    for (const p of fn.parameters) {
      const key = `addin.fn.${fn.id}.${p.name}`;
      p.description = translate(lang, key);
      p.name = translate(lang, `${key}.name`);
    }
  }
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/** The metadata files the manifest names: functions.json in English, one per other language. */
export const FUNCTIONS_METADATA_FILES: readonly (readonly [Lang, string])[] = [
  ['en', 'functions.json'],
  ['nb', 'functions.nb-NO.json'],
  ['sv', 'functions.sv-SE.json'],
];
