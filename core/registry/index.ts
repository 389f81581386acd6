// The supplier registry's public face, re-exported by core/index.ts.
export * from './types.ts';
export { importRegistry, type ImportOptions } from './import.ts';
export { exportRegistryCsv, exportRegistryJson } from './export.ts';
export { buildRegistryIndex, type FitQuery, type NameMatch, type RegistryIndex } from './match.ts';
export { normaliseName, nameWords } from './normalise.ts';
export { nameCandidates, nameKeyIndex, TEXT_SEPARATOR, type NameCandidate, type NameKeyIndex, type NameKeys } from './name-keys.ts';
export { describeLineIssue } from './issues.ts';
export { REGISTRY_SCHEMA_ID, SUPPLIER_KINDS, SHARE_DENOMINATORS, cpvPrefix } from './schema.ts';
export { registryTextFromCells } from './from-cells.ts';
export { INDUSTRY_STANDARDS, industryCodeMeanings, industryStandardAt, shelteredWorkCodes, type IndustryStandard } from './industry-codes.ts';
export { countiesOfNuts, type NutsRegion } from './nuts.ts';
export { ENTITY_STATES } from './schema.ts';
export * from './brreg/index.ts';
export { describeSupplierStatus } from './describe-status.ts';
