/** Real sources bundled with vite into one IIFE for a browser page or worker (benches, browser tests). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { REPO_ROOT } from './paths.ts';

/** `source` (a module, imports by absolute path) as an IIFE that sets the global `name` to its exports. */
export async function bundleForPage(name: string, source: string, minify = true): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-bundle-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, source);
  try {
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      root: REPO_ROOT,
      build: { write: false, minify, target: 'chrome121', lib: { entry, formats: ['iife'], name } },
    })) as Rolldown.RolldownOutput[];
    const chunk = out[0]?.output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('bundle produced no chunk');
    return chunk.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
