import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('core/ is the shared library', () => {
  const files = sources(join(REPO_ROOT, 'core'));

  it('imports nothing from the front ends and no Node built-ins', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? '';
        if (/(^|\/)(addin|extension|cli)\//.test(spec) || spec.startsWith('node:')) offending.push(`${relative(REPO_ROOT, file)} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('uses no DOM, Office or Node globals', () => {
    const globals = /\b(?:window|document|localStorage|DOMParser|Office|Excel|process|Buffer|require)\s*[.(]/;
    const offending = files.filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && globals.test(line)),
    );
    expect(offending.map((f) => relative(REPO_ROOT, f))).toEqual([]);
  });
});
