import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';

interface LintMessage { code: string; file: string }
interface LintReport { summary: { errors: number; warnings: number }; errors: LintMessage[]; warnings: LintMessage[] }

describe('Firefox build', () => {
  it('passes web-ext lint with no errors; the only warnings are the known library ones', () => {
    const dir = resolve(REPO_ROOT, 'dist/extension-firefox');
    let output: string;
    try {
      output = execFileSync(resolve(REPO_ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json'], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // web-ext exits non-zero when it finds errors
    }
    const report = JSON.parse(output) as LintReport;
    expect(report.errors).toEqual([]);
    for (const w of report.warnings) {
      const text = readFileSync(resolve(dir, w.file), 'utf8');
      if (w.code === 'DANGEROUS_EVAL') expect(text, w.file).toContain('try{return Function(``),!0}catch{return!1}'); // zod's probe, disabled by jitless
      else if (w.code === 'UNSAFE_VAR_ASSIGNMENT') expect(text, w.file).toContain('dangerouslySetInnerHTML'); // Preact's own, unused here
      else expect.fail(`unexpected warning ${w.code} in ${w.file}`);
    }
  });
});
