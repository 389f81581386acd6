import { defineConfig } from 'vitest/config';

// Kept apart from the vite build configs so the crx and preact plugins stay out of test runs.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
