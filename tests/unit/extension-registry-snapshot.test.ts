import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistryIndex, importRegistry, type Registry } from '../../core/index.ts';
import { registrySnapshotSchema } from '../../extension/shared/messages.ts';
import { registryFromSnapshot, registryToSnapshot } from '../../extension/shared/registry-snapshot.ts';
import { REPO_ROOT } from '../support/paths.ts';

function demoRegistry(): Registry {
  const result = importRegistry(readFileSync(resolve(REPO_ROOT, 'samples/registry.demo.csv'), 'utf8'));
  if (!result.ok) throw new Error('the demo registry must import');
  return result.registry;
}

describe('registry snapshot', () => {
  it('round-trips the demo registry exactly, through JSON and the message schema', () => {
    const registry = demoRegistry();
    const sent = JSON.parse(JSON.stringify(registryToSnapshot(registry))) as unknown;
    const parsed = registrySnapshotSchema.parse(sent);
    expect(registryFromSnapshot(parsed)).toEqual(registry);
  });

  it('keeps a candidate flag and a register status through the snapshot', () => {
    const imported = importRegistry('# source: Enhetsregisteret\n# retrieved: 2026-11-30\norgnr;name;kind;status;status_checked\n974760673;A;arbeidsmarkedsbedrift (candidate);bankrupt;2026-11-30\n914791723;B;asf;;\n');
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const parsed = registrySnapshotSchema.parse(JSON.parse(JSON.stringify(registryToSnapshot(imported.registry))));
    expect(registryFromSnapshot(parsed)).toEqual(imported.registry);
    expect(registryFromSnapshot(parsed).suppliers[0]).toMatchObject({ candidate: true, status: { state: 'bankrupt', checked: '2026-11-30' } });
  });

  it('stores each distinct provenance once and keeps per-supplier provenance', () => {
    const registry = demoRegistry();
    const snapshot = registryToSnapshot(registry);
    const distinct = new Set(registry.suppliers.map((s) => JSON.stringify(s.provenance)));
    expect(snapshot.provenances).toHaveLength(distinct.size);
    expect(distinct.size).toBeGreaterThan(1); // the demo file has rows with their own source
    const own = registry.suppliers.find((s) => s.provenance.source !== registry.provenance.source);
    const rebuilt = registryFromSnapshot(snapshot).suppliers.find((s) => s.orgnr === own?.orgnr);
    expect(rebuilt?.provenance).toEqual(own?.provenance);
  });

  it('gives the same matches from a rebuilt index as from the original', () => {
    const registry = demoRegistry();
    const original = buildRegistryIndex(registry);
    const rebuilt = buildRegistryIndex(registryFromSnapshot(registryToSnapshot(registry)));
    const text = 'Tilbud fra Demo Vekst AS og Exempel Arbetsintegrering ek. för. mottatt.';
    expect(rebuilt.findNames(text).map((m) => [m.index, m.supplier.orgnr])).toEqual(original.findNames(text).map((m) => [m.index, m.supplier.orgnr]));
    expect(rebuilt.byOrgnr('100427311')?.name).toBe('Demo Vekst AS');
  });

  it('falls back to the registry provenance for an index out of range', () => {
    const snapshot = registryToSnapshot(demoRegistry());
    const first = snapshot.suppliers[0];
    if (!first) throw new Error('demo registry is empty');
    const broken = { ...snapshot, suppliers: [{ ...first, provenance: 99 }] };
    expect(registryFromSnapshot(broken).suppliers[0]?.provenance).toEqual(snapshot.provenance);
  });
});
