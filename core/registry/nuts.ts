/**
 * NUTS codes (notices, BT-5071) → the county numbers the registry uses (Norwegian fylke, Swedish län),
 * from cited data (./data/nuts-regions.json). A municipality number starts with its county's number
 * in both countries, so county numbers are enough to meet the registry's regions.
 */
import { z } from 'zod';
import type { OrgnrJurisdiction } from '../orgnr/index.ts';
import data from './data/nuts-regions.json' with { type: 'json' };

const nutsSchema = z.object({
  schema: z.literal('inkludo.nuts-regions/1'),
  sources: z.array(z.object({ title: z.string(), url: z.url() })).min(1),
  regions: z.record(
    z.string().regex(/^[A-Z]{2}[0-9A-Z]{3}$/),
    z.object({ jurisdiction: z.enum(['NO', 'SE']), name: z.string(), counties: z.array(z.string().regex(/^\d{2}$/)).min(1) }),
  ),
});

const parsed = nutsSchema.safeParse(data);
if (!parsed.success) throw new Error(`bundled nuts-regions.json is invalid: ${parsed.error.message}`);
const REGIONS = parsed.data.regions;

export interface NutsRegion {
  readonly nuts: string;
  readonly jurisdiction: OrgnrJurisdiction;
  readonly name: string;
  readonly counties: readonly string[];
}

/**
 * The counties of a NUTS code. A NUTS 1 or 2 code ("NO08", "SE2") covers every NUTS 3 region under it.
 * `unknown`: the code is not one this correspondence knows (a foreign region, `NOZZZ`, `anyw`, a typo).
 */
export function countiesOfNuts(code: string): { known: true; regions: NutsRegion[] } | { known: false } {
  const wanted = code.trim().toUpperCase();
  if (!/^[A-Z]{2}[0-9A-Z]{1,3}$/.test(wanted)) return { known: false };
  const regions = Object.entries(REGIONS)
    .filter(([nuts]) => nuts.startsWith(wanted))
    .map(([nuts, r]) => ({ nuts, jurisdiction: r.jurisdiction, name: r.name, counties: r.counties }));
  return regions.length > 0 ? { known: true, regions } : { known: false };
}
