// Enhetsregisteret as a registry source, re-exported by core/registry/index.ts.
export { BRREG_API_URL, BRREG_LICENCE, BRREG_SOURCE_NAME, searchUrl } from './api.ts';
export { BrregError, brregClient, retryAfterMs, type BrregClientOptions, type BrregErrorCode, type BrregGet, type BrregResponse, type BrregTransport } from './client.ts';
export { buildFromBrreg, buildProvenance, type BrregBuild, type BrregBuildOptions, type BrregProgress, type BrregQuery, type BuildNote } from './build.ts';
export { lookUpStatuses, registryWithStatuses, type StatusOptions } from './status.ts';
