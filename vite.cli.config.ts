import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The `inkludo` command as ES modules for Node, its libraries bundled in: resolving and compiling
// zod's, yauzl's and docx's own modules from node_modules took 100–150 ms of every run's start. The
// .docx writer is a chunk of its own, loaded by `inkludo evidence` alone.
export default defineConfig({
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'dist/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { inkludo: resolve(import.meta.dirname, 'cli/bin.ts'), 'xlsx-reader': resolve(import.meta.dirname, 'cli/xlsx/read-worker.ts'), 'xlsx-results': resolve(import.meta.dirname, 'cli/xlsx/results-worker.ts') },
      output: {
        entryFileNames: '[name].mjs',
        // The modules the .docx writer shares with the rest in one chunk, named after one of them.
        chunkFileNames: 'inkludo-[name].mjs',
      },
    },
  },
});
