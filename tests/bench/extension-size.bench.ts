/**
 * The built extension (dist/extension, dist/extension-firefox): file sizes of the content script
 * (target ≤ 30 kB gzip), the background and the popup/options chunks, raw and gzipped; and what a
 * 20 000-supplier registry costs the background, which alone holds it: storing the snapshot, and
 * after a worker restart reading it back and rebuilding the index and name keys (pages pay nothing
 * of this; see extension-scan.bench.ts for their cost).
 * Build first: `npm run build:extension && npm run build:extension:firefox`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRegistryIndex, importRegistry, type Registry } from '../../core/index.ts';
import { registrySnapshotSchema } from '../../extension/shared/messages.ts';
import { registryFromSnapshot, registryToSnapshot } from '../../extension/shared/registry-snapshot.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { measure, report } from './harness.ts';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const CONTENT_TARGET = 30 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sizes(label: string, dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`${label}: not built (${relative(REPO_ROOT, dir)} missing)`);
    return;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const content = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
  let total = 0;
  for (const file of files(dir).filter((f) => f.endsWith('.js')).sort()) {
    const bytes = readFileSync(file);
    total += bytes.length;
    const name = relative(dir, file);
    const gzip = gzipSync(bytes).length;
    const role = content.has(name) ? ` (content script: ${(gzip / CONTENT_TARGET).toFixed(2)} of the ${kB(CONTENT_TARGET)} gzip target)` : '';
    console.log(`${label} ${name}: ${kB(bytes.length)} raw, ${kB(gzip)} gzip${role}`);
  }
  console.log(`${label} all JavaScript: ${kB(total)}`);
}

sizes('chrome', resolve(REPO_ROOT, 'dist/extension'));
sizes('firefox', resolve(REPO_ROOT, 'dist/extension-firefox'));

// A 20 000-supplier registry made from the demo rows with new numbers and names.
const demo = importRegistry(readFileSync(resolve(REPO_ROOT, 'samples/registry.demo.csv'), 'utf8'));
if (!demo.ok) throw new Error('the demo registry must import');
const suppliers = Array.from({ length: 20_000 }, (_, i) => {
  const base = demo.registry.suppliers[i % demo.registry.suppliers.length];
  if (!base) throw new Error('demo registry is empty');
  return { ...base, orgnr: String(100_000_000 + i), name: `${base.name} ${i}` };
});
const big: Registry = { provenance: demo.registry.provenance, suppliers };

const json = JSON.stringify(registryToSnapshot(big));
console.log(`registry snapshot, 20 000 suppliers: ${kB(json.length)} JSON (plain registry ${kB(JSON.stringify(big).length)}), kept in the background only`);
report(await measure('background: registryToSnapshot (20 000), on import', () => registryToSnapshot(big)), { count: 20_000, unit: 'suppliers' });
report(
  await measure('background: worker restart, snapshot validated + rebuilt + indexed + name keys (20 000)', () => {
    const registry = registryFromSnapshot(registrySnapshotSchema.parse(JSON.parse(json)));
    return buildRegistryIndex(registry);
  }),
  { count: 20_000, unit: 'suppliers' },
);
