/**
 * The ESPD criterion a bidder answers for a reserved procurement (ESPD-EDM criteria taxonomy),
 * so the self-declaration can be mapped question by question. The English wording of the questions
 * is the criterion's own text (EU-COM-GROW taxonomy 2.x); the other languages describe them.
 */
export const ESPD_RESERVED = {
  uuid: '2043338f-a38a-490b-b3ec-2607cb25a017',
  typeCode: 'CRITERION.OTHER.EO_DATA.SHELTERED_WORKSHOP',
  name: 'Procurement reserved',
  /** Question id → where the declaration answers it (a message key suffix). */
  questions: ['sheltered', 'percentage', 'category', 'evidence'] as const,
} as const;

export type EspdQuestion = (typeof ESPD_RESERVED.questions)[number];
