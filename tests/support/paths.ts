import { resolve } from 'node:path';

/** The repository root, and shared/ beside it (CI clones the repo with shared/ next to it). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const EFORMS_FIXTURES = resolve(SHARED, 'fixtures/eforms');
