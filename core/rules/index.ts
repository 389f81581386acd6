export * from './schema.ts';
export * from './findings.ts';
export * from './packs/index.ts';
export * from './resolve.ts';
export * from './regime.ts';
export * from './reserved.ts';
export * from './rules-in-force.ts';
export * from './describe.ts';
