import { translate, type Lang } from '../../core/index.ts';

interface Metadata {
  functions: { id: string; description?: string; parameters: { name: string; description?: string }[] }[];
}

/**
 * functions.json (generated from the JSDoc tags) with its descriptions from the `addin.fn.*`
 * catalogue in `lang`: Excel shows them in the formula bar. Names and ids stay the same in every
 * language, so a workbook works the same wherever it is opened.
 */
export function localizedFunctionsMetadata(json: string, lang: Lang): string {
  const metadata = JSON.parse(json) as Metadata;
  for (const fn of metadata.functions) {
    fn.description = translate(lang, `addin.fn.${fn.id}.description`);
    for (const p of fn.parameters) p.description = translate(lang, `addin.fn.${fn.id}.${p.name}`);
  }
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/** The metadata files the manifest names: functions.json in English, one per other language. */
export const FUNCTIONS_METADATA_FILES: readonly (readonly [Lang, string])[] = [
  ['en', 'functions.json'],
  ['nb', 'functions.nb-NO.json'],
  ['sv', 'functions.sv-SE.json'],
];
