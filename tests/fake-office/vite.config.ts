import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The fake Office host as one classic script (window.FakeOffice), for the e2e test and the playground.
export default defineConfig({
  resolve: { alias: { 'office-addin-manifest': resolve(import.meta.dirname, 'office-app-stub.ts') } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/fake-office'),
    emptyOutDir: true,
    lib: { entry: resolve(import.meta.dirname, 'host.ts'), formats: ['iife'], name: 'FakeOffice', fileName: () => 'fake-office.js' },
  },
});
