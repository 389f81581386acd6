import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The `inkludo` command as one ES module for Node; node_modules stay external (yauzl, zod, …).
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'cli/bin.ts'),
    outDir: resolve(import.meta.dirname, 'dist/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'inkludo.mjs' } },
  },
});
