/**
 * Enhetsregisteret's JSON (https://data.brreg.no/enhetsregisteret/api/enheter/{orgnr}) → the facts
 * the extension shows. The response is validated here, where it enters; unknown fields are ignored.
 */
import { z } from 'zod';
import type { BrregEntity, BrregStatus } from '../shared/messages.ts';

const codeText = z.object({ kode: z.string(), beskrivelse: z.string() });

const enhetSchema = z.object({
  organisasjonsnummer: z.string().regex(/^\d{9}$/),
  navn: z.string(),
  organisasjonsform: codeText.optional(),
  naeringskode1: codeText.optional(),
  antallAnsatte: z.number().int().nonnegative().optional(),
  harRegistrertAntallAnsatte: z.boolean().optional(),
  konkurs: z.boolean().optional(),
  underKonkursbehandling: z.boolean().optional(),
  underAvvikling: z.boolean().optional(),
  underTvangsavviklingEllerTvangsopplosning: z.boolean().optional(),
  slettedato: z.string().optional(),
});

/** Brackets for the employee count, so the extension never shows an exact small headcount. */
const EMPLOYEE_BRACKETS: readonly (readonly [number, number | null])[] = [
  [0, 0],
  [1, 4],
  [5, 9],
  [10, 19],
  [20, 49],
  [50, 99],
  [100, 249],
  [250, null],
];

export function employeeRange(count: number): { min: number; max: number | null } {
  const bracket = EMPLOYEE_BRACKETS.find(([min, max]) => count >= min && (max === null || count <= max));
  const [min, max] = bracket ?? [250, null];
  return { min, max };
}

function statusOf(enhet: z.infer<typeof enhetSchema>): BrregStatus {
  if (enhet.slettedato) return 'deleted';
  if (enhet.konkurs || enhet.underKonkursbehandling) return 'bankrupt';
  if (enhet.underAvvikling || enhet.underTvangsavviklingEllerTvangsopplosning) return 'under-liquidation';
  return 'active';
}

/** The entity, or null when the JSON is not an Enhetsregisteret unit. */
export function brregEntityFrom(json: unknown, retrieved: string): BrregEntity | null {
  const parsed = enhetSchema.safeParse(json);
  if (!parsed.success) return null;
  const enhet = parsed.data;
  const hasCount = enhet.harRegistrertAntallAnsatte !== false && enhet.antallAnsatte !== undefined;
  return {
    orgnr: enhet.organisasjonsnummer,
    name: enhet.navn,
    status: statusOf(enhet),
    legalForm: enhet.organisasjonsform ? { code: enhet.organisasjonsform.kode, text: enhet.organisasjonsform.beskrivelse } : null,
    industry: enhet.naeringskode1 ? { code: enhet.naeringskode1.kode, text: enhet.naeringskode1.beskrivelse } : null,
    employees: hasCount && enhet.antallAnsatte !== undefined ? employeeRange(enhet.antallAnsatte) : null,
    retrieved,
  };
}

/** A 410 (deleted unit) body carries only the number and the deletion date. */
export function deletedEntity(orgnr: string, json: unknown, retrieved: string): BrregEntity {
  const parsed = z.object({ navn: z.string().optional() }).safeParse(json);
  return { orgnr, name: parsed.success ? (parsed.data.navn ?? '') : '', status: 'deleted', legalForm: null, industry: null, employees: null, retrieved };
}
