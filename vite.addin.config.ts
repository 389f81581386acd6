import { defineConfig, build, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { fluentTokenCss, usedTokens } from './addin/build/fluent-tokens.ts';
import { FUNCTIONS_METADATA_FILES, localizedFunctionsMetadata } from './addin/build/functions-metadata.ts';
import { addinBaseUrl, manifestForBaseUrl } from './addin/build/manifest-url.ts';

const root = resolve(import.meta.dirname, 'addin');
const outDir = resolve(import.meta.dirname, 'dist/addin');

/**
 * After the task pane: functions.js as a classic script (desktop Excel loads it outside any page),
 * functions.json from the JSDoc tags (descriptions from the catalogue, one file per language), and
 * the manifest with its URLs pointing at ADDIN_BASE_URL.
 */
function addinExtras(): Plugin {
  return {
    name: 'inkludo-addin-extras',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          lib: { entry: resolve(root, 'functions/register.ts'), formats: ['iife'], name: 'InkludoFunctions', fileName: () => 'functions.js' },
        },
      });
      const metadata = await generateCustomFunctionsMetadata(resolve(root, 'functions/functions.ts'));
      if (metadata.errors.length > 0) throw new Error(`custom functions metadata: ${metadata.errors.join('; ')}`);
      for (const [lang, file] of FUNCTIONS_METADATA_FILES) await writeFile(resolve(outDir, file), localizedFunctionsMetadata(metadata.metadataJson, lang));
      const manifest = await readFile(resolve(import.meta.dirname, 'manifests/addin.xml'), 'utf8');
      await writeFile(resolve(outDir, 'manifest.xml'), manifestForBaseUrl(manifest, addinBaseUrl(process.env.ADDIN_BASE_URL)));
    },
  };
}

const FLUENT_TOKENS = 'virtual:fluent-tokens.css';

/** `import 'virtual:fluent-tokens.css'`: the Fluent tokens the pane's CSS and components use (addin/build/fluent-tokens.ts). */
function fluentTokens(): Plugin {
  return {
    name: 'inkludo-fluent-tokens',
    resolveId: (id) => (id === FLUENT_TOKENS ? `\0${FLUENT_TOKENS}` : null),
    async load(id) {
      if (id !== `\0${FLUENT_TOKENS}`) return null;
      const dir = resolve(root, 'taskpane');
      const files = (await readdir(dir)).filter((f) => /\.(css|tsx)$/.test(f));
      return fluentTokenCss(usedTokens(await Promise.all(files.map((f) => readFile(resolve(dir, f), 'utf8')))));
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [preact(), fluentTokens(), addinExtras()],
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        taskpane: resolve(root, 'taskpane.html'),
        functions: resolve(root, 'functions.html'),
        commands: resolve(root, 'commands.html'),
      },
    },
  },
});
