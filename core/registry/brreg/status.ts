/**
 * The register status of a registry's Norwegian suppliers: comma-list lookups of BRREG_BATCH numbers
 * (`/enheter?organisasjonsnummer=…`), then one lookup for each number the search did not return:
 * 410 is a deleted entity, a sub-unit number is looked up among sub-units, and a number the register
 * does not know is `unknown`. Every status carries the date it was looked up.
 */
import type { IsoDate } from '../../dates.ts';
import type { EntityStatus, Registry } from '../types.ts';
import { enhetSchema, stateOf, underenhetSchema } from './api.ts';
import { enheterByNumber } from './build.ts';
import { BrregError, type BrregGet } from './client.ts';

export interface StatusOptions {
  readonly baseUrl: string;
  readonly get: BrregGet;
  readonly checked: IsoDate;
  readonly onProgress?: (done: number, total: number) => void;
}

async function single(orgnr: string, options: StatusOptions): Promise<EntityStatus['state']> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const unit = await options.get(`${base}/enheter/${orgnr}`);
  if (unit.status === 410) return 'deleted';
  if (unit.status === 200) {
    const parsed = enhetSchema.safeParse(unit.body);
    if (!parsed.success) throw new BrregError('unreadable', `${base}/enheter/${orgnr}`, 200);
    return stateOf(parsed.data);
  }
  const sub = await options.get(`${base}/underenheter/${orgnr}`);
  if (sub.status === 410) return 'deleted';
  if (sub.status !== 200) return 'unknown';
  const parsed = underenhetSchema.safeParse(sub.body);
  if (!parsed.success) throw new BrregError('unreadable', `${base}/underenheter/${orgnr}`, 200);
  return parsed.data.slettedato ? 'deleted' : 'active';
}

export async function lookUpStatuses(orgnrs: readonly string[], options: StatusOptions): Promise<Map<string, EntityStatus>> {
  const numbers = [...new Set(orgnrs)];
  const found = await enheterByNumber(numbers, options, (done) => options.onProgress?.(done, numbers.length));
  const out = new Map<string, EntityStatus>();
  for (const orgnr of numbers) {
    const enhet = found.get(orgnr);
    out.set(orgnr, { state: enhet ? stateOf(enhet) : await single(orgnr, options), checked: options.checked });
  }
  return out;
}

/** The registry with the looked-up statuses on its Norwegian suppliers; the others are unchanged. */
export async function registryWithStatuses(registry: Registry, options: StatusOptions): Promise<Registry> {
  const norwegian = registry.suppliers.filter((s) => s.jurisdiction === 'NO').map((s) => s.orgnr);
  const statuses = await lookUpStatuses(norwegian, options);
  return { ...registry, suppliers: registry.suppliers.map((s) => (statuses.has(s.orgnr) ? { ...s, status: statuses.get(s.orgnr) ?? null } : s)) };
}
