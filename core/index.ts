// The public face of core/: front ends import from here only.
export * from './i18n/index.ts';
export * from './orgnr/index.ts';
