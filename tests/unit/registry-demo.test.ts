import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMonths, buildRegistryIndex, importRegistry, SUPPLIER_KINDS, type Registry } from '../../core/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

function load(file: string): Registry {
  const result = importRegistry(new Uint8Array(readFileSync(resolve(REPO_ROOT, 'samples', file))));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.registry;
}

const csv = load('registry.demo.csv');

describe('the bundled demo registry', () => {
  it('is labelled demo, for itself and every supplier', () => {
    expect(csv.provenance.demo).toBe(true);
    expect(csv.suppliers.every((s) => s.provenance.demo)).toBe(true);
  });

  it('keeps its organisation numbers away from the ranges real organisations have', () => {
    // Issued Norwegian numbers start with 8 or 9, so the demo uses 1; Swedish demo numbers are in
    // groups 7 (ekonomiska föreningar) and 8 (ideella föreningar, stiftelser), matching their names.
    for (const s of csv.suppliers) {
      if (s.jurisdiction === 'NO') expect(s.orgnr, s.name).toMatch(/^1\d{8}$/);
      else expect(s.orgnr, s.name).toMatch(/^[78]\d{9}$/);
    }
  });

  it('has a realistic mix: both countries, every kind, both denominators, shares around 30 %, stale and fresh counts', () => {
    const suppliers = csv.suppliers;
    expect(suppliers.length).toBeGreaterThanOrEqual(24);
    expect(new Set(suppliers.map((s) => s.jurisdiction))).toEqual(new Set(['NO', 'SE']));
    expect(new Set(suppliers.map((s) => s.kind))).toEqual(new Set(SUPPLIER_KINDS));
    expect(new Set(suppliers.flatMap((s) => (s.share ? [s.share.denominator] : [])))).toEqual(new Set(['employees', 'occupied']));
    const percents = suppliers.flatMap((s) => (s.share ? [s.share.percent] : []));
    expect(percents).toEqual(expect.arrayContaining([29.9, 30, 45]));
    expect(percents.some((p) => p < 30)).toBe(true);
    expect(suppliers.some((s) => s.share === null)).toBe(true);
    const yearBefore = addMonths(csv.provenance.retrieved, -12);
    expect(suppliers.some((s) => s.share && s.share.asOf < yearBefore)).toBe(true);
    expect(suppliers.some((s) => s.share && s.share.asOf >= yearBefore)).toBe(true);
  });

  it('the JSON copy holds the same registry', () => {
    expect(load('registry.demo.json')).toEqual(csv);
  });

  it('answers the questions a buyer would ask', () => {
    const index = buildRegistryIndex(csv);
    // Cleaning (CPV 90911200) in Gävle (2180, Gävleborg län 21).
    expect(index.fitting({ cpv: ['90911200-8'], regions: ['2180'], jurisdiction: 'SE' }).map((s) => s.name)).toEqual(['Exempel Arbetsintegrering ek. för.']);
    // Catering (55520000) in Bodø (1804, Nordland 18).
    expect(index.fitting({ cpv: ['55520000-1'], regions: ['1804'], jurisdiction: 'NO' }).map((s) => s.name)).toEqual(['Testby Arbeidssenter IKS']);
    expect(index.findNames('Avtale med Prøvebyen Vaskeri og Tekstil AS og Stiftelsen Demo Ombruk.').map((m) => m.supplier.orgnr)).toEqual([
      '103119057',
      '107380612',
    ]);
  });
});
