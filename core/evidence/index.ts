// The evidence pack's public face, re-exported by core/index.ts.
export * from './model.ts';
export { citationOf, citationsOf, citationText } from './citations.ts';
export { reservationBasis, type BasisKind, type ReservationBasis } from './legal-basis.ts';
export { purchaseFromRow, singlePurchase, type EvidencePurchase, type EvidenceSupplier, type EvidenceAssumption, type SinglePurchaseInput } from './purchase.ts';
export { buildEvidencePack, evidenceFileStem } from './pack.ts';
export { ESPD_RESERVED } from './espd.ts';
export { EMPLOYMENT_GUIDANCE } from './guidance.ts';
