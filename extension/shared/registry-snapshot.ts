/**
 * A core Registry ⇄ the compact snapshot sent to content scripts (messages.ts
 * `registrySnapshotSchema`): supplier provenance is stored once per distinct value.
 */
import type { Provenance, Registry, Supplier } from '../../core/index.ts';
import type { RegistrySnapshot } from './messages.ts';

function provenanceKey(p: Provenance): string {
  return JSON.stringify([p.source, p.url, p.retrieved, p.expires, p.demo]);
}

export function registryToSnapshot(registry: Registry): RegistrySnapshot {
  const provenances: Provenance[] = [];
  const indexOf = new Map<string, number>();
  const suppliers = registry.suppliers.map((s) => {
    const key = provenanceKey(s.provenance);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = provenances.push(s.provenance) - 1;
      indexOf.set(key, index);
    }
    return {
      orgnr: s.orgnr,
      jurisdiction: s.jurisdiction,
      name: s.name,
      altNames: s.altNames,
      kind: s.kind,
      share: s.share,
      purposeAttested: s.purposeAttested,
      regions: s.regions,
      categories: s.categories,
      provenance: index,
      ...(s.candidate ? { candidate: true } : {}),
      ...(s.status ? { status: s.status } : {}),
    };
  });
  return { provenance: registry.provenance, provenances, suppliers };
}

/** Rebuilds the registry; a provenance index out of range falls back to the registry's own. */
export function registryFromSnapshot(snapshot: RegistrySnapshot): Registry {
  const suppliers: Supplier[] = snapshot.suppliers.map(({ provenance, ...rest }) => ({
    ...rest,
    provenance: snapshot.provenances[provenance] ?? snapshot.provenance,
  }));
  return { provenance: snapshot.provenance, suppliers };
}
