// The sheet check's public face, re-exported by core/index.ts.
export * from './types.ts';
export { checkSheet, startSheetCheck, type SheetCheck } from './check.ts';
export { findingJson, sheetReportJson, sheetRowJson } from './json.ts';
export { sheetRowJsonWriter } from './json-line.ts';
export { FindingContents, findingTexts, type DescribedFinding } from './finding-texts.ts';
export { memoized } from './memo.ts';
export { NO_CELLS } from './cells.ts';
export { readSheetCsv, type SheetCsvError, type SheetCsvResult } from './csv.ts';
export { CANDIDATE_FAMILIES, type CandidateFamily } from './judge/candidates.ts';
export { HEADER_SEARCH_ROWS, roleOfHeader } from './headers.ts';
export { columnLetters, originRef } from './read/origin.ts';
export { describeBuyerInference, describeJurisdictionInference, inferBuyerKind, inferJurisdiction, inferSheetJurisdiction, JURISDICTION_EVIDENCE_ROWS, type BuyerEvidence, type BuyerInference, type JurisdictionEvidence, type JurisdictionEvidenceKind, type JurisdictionInference, type JurisdictionInput, type PlacedText } from './infer.ts';
export { contractKindOf } from './read/kind-words.ts';
