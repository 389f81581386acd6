/**
 * Writes the hand-built workbooks of tests/support/xlsx-fixtures.ts to tests/fixtures/xlsx/, and the
 * real ones LibreOffice writes from tests/fixtures/xlsx/*.fods and *.csv (`--libreoffice`; needs
 * `soffice` on the PATH). Run: npx tsx tests/make-xlsx-fixtures.ts [--libreoffice]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES } from './support/xlsx-fixtures.ts';

const DIR = resolve(import.meta.dirname, 'fixtures/xlsx');

for (const [name, build] of Object.entries(FIXTURES)) writeFileSync(join(DIR, name), build());

if (process.argv.includes('--libreoffice')) {
  const sources = readdirSync(DIR).filter((f) => f.startsWith('lo-') && (f.endsWith('.fods') || f.endsWith('.csv')));
  // A profile of its own, so a running LibreOffice does not take the job.
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  const outDir = mkdtempSync(join(tmpdir(), 'lo-out-'));
  try {
    for (const source of sources) {
      // CSV: semicolon-separated, UTF-8 (filter options 59 = ';', 34 = '"', 76 = UTF-8).
      const filter = source.endsWith('.csv') ? ['--infilter=CSV:59,34,76,1'] : [];
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...filter, '--convert-to', 'xlsx', '--outdir', outDir, join(DIR, source)], { stdio: 'inherit' });
    }
    for (const file of readdirSync(outDir)) renameSync(join(outDir, file), join(DIR, file));
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
