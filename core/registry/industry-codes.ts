/**
 * Industry codes (SSB's Standard for næringsgruppering) that mark sheltered work, as dated and cited
 * data (./data/industry-codes.json), never as constants in code: SN2025 re-used 88.994 for another
 * activity, so the code to query depends on the standard in force.
 */
import { z } from 'zod';
import type { IsoDate } from '../dates.ts';
import data from './data/industry-codes.json' with { type: 'json' };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const industryCodesSchema = z.object({
  schema: z.literal('inkludo.industry-codes/1'),
  standards: z.array(
    z.object({
      id: z.string(),
      from: isoDate,
      to: isoDate.nullable(),
      status: z.enum(['verified', 'pending', 'unverified']),
      reference: z.object({ title: z.string(), url: z.url() }),
      switchNote: z.string().optional(),
      codes: z.array(z.object({ code: z.string().regex(/^\d{2}\.\d{1,3}$/), title: z.string(), shelteredWork: z.boolean(), note: z.string().optional() })),
    }),
  ),
});
export type IndustryStandard = z.infer<typeof industryCodesSchema>['standards'][number];

const parsed = industryCodesSchema.safeParse(data);
if (!parsed.success) throw new Error(`bundled industry-codes.json is invalid: ${parsed.error.message}`);
export const INDUSTRY_STANDARDS: readonly IndustryStandard[] = parsed.data.standards;

/** The standard in force on `date`, or null before the first one. */
export function industryStandardAt(date: IsoDate): IndustryStandard | null {
  return INDUSTRY_STANDARDS.find((s) => s.from <= date && (s.to === null || date <= s.to)) ?? null;
}

/** The sheltered-work codes of the standard in force on `date` (verified values only). */
export function shelteredWorkCodes(date: IsoDate): { standard: IndustryStandard; codes: string[] } | null {
  const standard = industryStandardAt(date);
  if (!standard || standard.status !== 'verified') return null;
  return { standard, codes: standard.codes.filter((c) => c.shelteredWork).map((c) => c.code) };
}

/** What a code meant in each standard, for saying why a query of a retired or re-used code found nothing or something else. */
export function industryCodeMeanings(code: string): { standard: string; title: string; shelteredWork: boolean }[] {
  return INDUSTRY_STANDARDS.flatMap((s) => s.codes.filter((c) => c.code === code).map((c) => ({ standard: s.id, title: c.title, shelteredWork: c.shelteredWork })));
}
