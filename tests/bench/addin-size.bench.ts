/**
 * The built task pane (dist/addin): its script and stylesheet, raw and gzipped, as Office downloads
 * them. Build first: `npm run build:addin`. Issue 15 set the budget against 105 kB gzip of script before
 * the Fluent look.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/paths.ts';

// 1 kB = 1000 bytes, as Vite prints it (and issue 15 quoted it).
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const assets = resolve(REPO_ROOT, 'dist/addin/assets');

if (!existsSync(assets)) console.log('add-in: not built (dist/addin/assets missing)');
else {
  let gzipTotal = 0;
  for (const file of readdirSync(assets).filter((f) => /^taskpane-.*\.(js|css)$/.test(f)).sort()) {
    const bytes = readFileSync(join(assets, file));
    const gzip = gzipSync(bytes).length;
    gzipTotal += gzip;
    console.log(`add-in ${file.replace(/-[\w-]+\./, '.')}: ${kB(bytes.length)} raw, ${kB(gzip)} gzip`);
  }
  console.log(`add-in task pane, script + stylesheet: ${kB(gzipTotal)} gzip`);
}
