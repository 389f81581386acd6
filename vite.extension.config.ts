import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTENT_SCRIPT_ENTRY, makeManifest, type ExtensionTarget } from './manifests/extension.manifest.ts';

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** `vite build --config vite.extension.config.ts --mode chrome|firefox`. */
export default defineConfig(({ mode }) => {
  const target: ExtensionTarget = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // Only the extension's own public files (_locales); the CLI build has no public dir.
    publicDir: resolve(import.meta.dirname, 'extension/public'),
    plugins: [
      preact(),
      crx({
        manifest: makeManifest(target, version),
        browser: target,
        // One self-contained IIFE: no loader and no chunks exposed to web pages as web-accessible resources.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT_ENTRY] },
      }),
    ],
    build: {
      outDir: resolve(import.meta.dirname, target === 'firefox' ? 'dist/extension-firefox' : 'dist/extension'),
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox142' : 'chrome121',
    },
  };
});
