/**
 * Enhetsregisteret's open API (Brønnøysundregistrene; no key; licence NLOD): the response shapes this
 * code relies on, validated where they enter, and the query URLs. Checked against the published
 * OpenAPI description (https://raw.githubusercontent.com/brreg/openAPI/master/specs/enhetsregisteret.yml,
 * 2023-11-20) and public clients' recorded responses:
 * - `GET /enheter` and `/underenheter` search with `naeringskode`, `kommunenummer`,
 *   `organisasjonsform` and `organisasjonsnummer` (comma lists), `size` and `page`; "Max dybde
 *   (page*size) er 10 000". A page is HAL: `_embedded.enheter` (or `underenheter`, absent when
 *   empty) and `page: { size, totalElements, totalPages, number }`.
 * - `GET /enheter/{orgnr}`: 404 unknown, 410 removed ("Enheten er fjernet").
 * - Units carry `konkurs`, `underAvvikling`, `underTvangsavviklingEllerTvangsopplosning`,
 *   `slettedato`, `forretningsadresse.kommunenummer`; `antallAnsatte` is left out under 5.
 * - Sub-units carry `overordnetEnhet` (the legal entity that signs contracts) and
 *   `beliggenhetsadresse.kommunenummer` (where the work is done).
 * No field read here holds a personal identity number (roles, which may, are never fetched).
 */
import { z } from 'zod';

export const BRREG_API_URL = 'https://data.brreg.no/enhetsregisteret/api';
export const BRREG_SOURCE_NAME = 'Enhetsregisteret, Brønnøysundregistrene';
export const BRREG_LICENCE = { name: 'NLOD 2.0', url: 'https://data.norge.no/nlod/no/2.0' } as const;
/** The deepest result the search reaches: (page + 1) × size ≤ 10 000. */
export const BRREG_MAX_DEPTH = 10_000;
export const BRREG_PAGE_SIZE = 100;
/** Organisation numbers per comma-list lookup: short enough for any URL length limit (100 × 10 characters). */
export const BRREG_BATCH = 100;

const orgnr = z.string().regex(/^\d{9}$/);
const codeText = z.object({ kode: z.string(), beskrivelse: z.string().optional() });
const address = z.object({ kommunenummer: z.string().regex(/^\d{4}$/).optional() }).optional();

export const enhetSchema = z.object({
  organisasjonsnummer: orgnr,
  navn: z.string(),
  organisasjonsform: codeText.optional(),
  naeringskode1: codeText.optional(),
  naeringskode2: codeText.optional(),
  naeringskode3: codeText.optional(),
  forretningsadresse: address,
  postadresse: address,
  konkurs: z.boolean().optional(),
  underKonkursbehandling: z.boolean().optional(),
  underAvvikling: z.boolean().optional(),
  underTvangsavviklingEllerTvangsopplosning: z.boolean().optional(),
  slettedato: z.string().optional(),
});
export type Enhet = z.infer<typeof enhetSchema>;

export const underenhetSchema = z.object({
  organisasjonsnummer: orgnr,
  navn: z.string(),
  overordnetEnhet: orgnr.optional(),
  organisasjonsform: codeText.optional(),
  beliggenhetsadresse: address,
  postadresse: address,
  slettedato: z.string().optional(),
});
export type Underenhet = z.infer<typeof underenhetSchema>;

export const pageInfoSchema = z.object({ size: z.number().int(), totalElements: z.number().int().nonnegative(), totalPages: z.number().int().nonnegative(), number: z.number().int().nonnegative() });

export function pageSchema<T extends z.ZodType>(key: 'enheter' | 'underenheter', item: T) {
  return z.object({ _embedded: z.object({ [key]: z.array(item) }).partial().optional(), page: pageInfoSchema });
}

export type BrregPath = 'enheter' | 'underenheter';

/** A search URL; parameters in a fixed order so the stored query reads the same every time. */
export function searchUrl(base: string, path: BrregPath, params: Readonly<Record<string, string | readonly string[] | undefined>>): string {
  const query = Object.entries(params)
    .flatMap(([k, v]) => (v === undefined || (Array.isArray(v) && v.length === 0) ? [] : [`${k}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v)).replace(/%2C/g, ',')}`]))
    .join('&');
  return `${base.replace(/\/+$/, '')}/${path}${query ? `?${query}` : ''}`;
}

/** The status an entity's fields show (a 410 is `deleted` too, see status.ts). */
export function stateOf(enhet: Enhet): 'active' | 'bankrupt' | 'under-dissolution' | 'deleted' {
  if (enhet.slettedato) return 'deleted';
  if (enhet.konkurs || enhet.underKonkursbehandling) return 'bankrupt';
  if (enhet.underAvvikling || enhet.underTvangsavviklingEllerTvangsopplosning) return 'under-dissolution';
  return 'active';
}
