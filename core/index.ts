// The public face of core/: front ends import from here only.
export * from './dates.ts';
export * from './safe-json.ts';
export * from './shared-memo.ts';
export * from './i18n/index.ts';
export * from './orgnr/index.ts';
export * from './value/index.ts';
export * from './rules/index.ts';
export * from './notice/index.ts';
export * from './registry/index.ts';
export * from './sheet/index.ts';
export * from './evidence/index.ts';
export * from './followup/index.ts';
