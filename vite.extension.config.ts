import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTENT_SCRIPT_ENTRY, EARLY_STYLE_ENTRY, makeManifest, type ExtensionTarget } from './manifests/extension.manifest.ts';

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/**
 * Chrome refuses a content script that is not "UTF-8" by its own strict test, which rejects Unicode
 * noncharacters such as U+10FFFF; the minifier writes those raw (saxes' XML character ranges). This
 * escapes every non-ASCII character in the emitted JavaScript, as `\uXXXX` (astral ones as surrogate
 * pairs), which means the same thing in strings, templates, regular expressions and comments.
 */
function asciiOnlyJavaScript(): Plugin {
  const escape = (code: string) =>
    code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return {
    name: 'inkludo:ascii-only-js',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (!file.fileName.endsWith('.js')) continue;
          if (file.type === 'chunk') file.code = escape(file.code);
          else if (typeof file.source === 'string') file.source = escape(file.source);
          else file.source = escape(new TextDecoder().decode(file.source));
        }
      },
    },
  };
}

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
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT_ENTRY, EARLY_STYLE_ENTRY] },
      }),
      asciiOnlyJavaScript(),
    ],
    build: {
      outDir: resolve(import.meta.dirname, target === 'firefox' ? 'dist/extension-firefox' : 'dist/extension'),
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox142' : 'chrome121',
    },
  };
});
