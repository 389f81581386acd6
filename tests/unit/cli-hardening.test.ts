/**
 * Output that cannot hurt (issue 11): control characters from cells never reach the terminal, a closed
 * pipe ends quietly, option errors and internal errors are catalogue messages without stack traces.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, translate, type Lang } from '../../core/index.ts';
import { runCli } from '../../cli/main.ts';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'inkludo-cli-hardening-'));
// eslint-disable-next-line no-control-regex -- what must not be printed
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

// An OSC 8 hyperlink that hides where it points, a colour change, a title change, a one-byte CSI, a
// carriage return that would overwrite the line, and a bell.
const HOSTILE = '\u001b]8;;https://evil.example/\u0007Klikk her\u001b]8;;\u0007 \u001b[31mRød\u001b[0m \u001b]0;pwned\u0007 \u009b2J\rOK\u0007';

describe('control characters never reach the terminal', () => {
  const sheet = join(dir, 'plan.csv');
  writeFileSync(sheet, `Beskrivelse;Estimert verdi;Leverandør;Org.nr.\n${HOSTILE};"90 000 kr";${HOSTILE};${HOSTILE}\nRenhold;${HOSTILE};Rent AS;135792462\n`);

  it.each([[[]], [['--json']]])('inkludo check %j', async (extra) => {
    const r = await cli('check', sheet, '--jurisdiction', 'NO', '--lang', 'en', ...extra);
    expect(r.out).not.toMatch(CONTROL);
    expect(r.err).not.toMatch(CONTROL);
    expect(r.out).toContain('Klikk her');
    if (extra.length > 0) expect(() => JSON.parse(r.out) as unknown).not.toThrow();
  });

  it('inkludo registry validate and orgnr', async () => {
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, `# source: ${HOSTILE}\n# retrieved: 2026-11-01\norgnr;name;kind\n100427311;${HOSTILE};${HOSTILE}\n`);
    for (const r of [await cli('registry', 'validate', registry, '--lang', 'nb'), await cli('registry', 'validate', registry, '--json'), await cli('orgnr', HOSTILE)]) {
      expect(r.out + r.err).not.toMatch(CONTROL);
    }
  });
});

describe('option errors in the user language', () => {
  const cases: [string[], string, Record<string, string>][] = [
    [['classify', '-5', '--jurisdiction', 'SE'], 'cli.option.unknown', { option: '-5', command: 'classify' }],
    [['rules', '--bogus'], 'cli.option.unknown', { option: '--bogus', command: 'rules' }],
    [['check', 'plan.csv', '--date'], 'cli.option.missing-value', { option: '--date' }],
    [['rules', '--jurisdiction'], 'cli.option.missing-value', { option: '--jurisdiction' }],
    [['rules', '-j', 'NO', '--json=yes'], 'cli.option.takes-no-value', { option: '--json' }],
  ];
  it.each(LANGS.flatMap((lang) => cases.map(([argv, key, params]) => [lang, argv, key, params] as const)))('%s %j → %s', async (lang, argv, key, params) => {
    const r = await cli(...argv, '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.err).toBe(translate(lang as Lang, key, params));
    // Node's own English wording never shows.
    expect(r.err).not.toMatch(/Unknown option '|argument missing|does not take an argument|ERR_PARSE_ARGS/);
  });

  it('a value that starts with a dash is read after --', async () => {
    const r = await cli('classify', '--jurisdiction', 'SE', '--lang', 'en', '--', '-5');
    expect(r.err).not.toContain('Unknown option');
  });
});

describe('an internal error', () => {
  async function crash(env: NodeJS.ProcessEnv) {
    const err: string[] = [];
    const code = await runCli(['rules', '-j', 'NO', '--lang', 'sv'], {
      out: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
      err: (t) => err.push(t),
      env,
    });
    return { code, err: err.join('\n') };
  }

  it('says what happened in the user language, without a stack trace', async () => {
    const r = await crash({});
    expect(r.code).toBe(3);
    expect(r.err).toContain(translate('sv', 'cli.internal-error', { detail: 'Cannot read properties of undefined' }));
    expect(r.err).toContain(translate('sv', 'cli.internal-error.debug'));
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace only when INKLUDO_DEBUG=1 asks for it', async () => {
    const r = await crash({ INKLUDO_DEBUG: '1' });
    expect(r.err).toMatch(/\n\s+at /);
  });
});

describe('the built command in a pipeline', () => {
  const built = resolve(REPO_ROOT, 'dist/cli/inkludo.mjs');
  const big = join(dir, 'big.csv');
  writeFileSync(big, ['Beskrivelse;Estimert verdi', ...Array.from({ length: 20_000 }, (_, i) => `Renhold ${i};${100_000 + i}`)].join('\n'));

  it.each([[[]], [['--json']]])('ends quietly when the reader closes the pipe (check %j | head -n 1)', (extra) => {
    expect(existsSync(built), 'npm run build:cli first').toBe(true);
    const errFile = join(dir, `stderr-${extra.length}.txt`);
    const command = `"${process.execPath}" "${built}" check "${big}" --jurisdiction NO --lang en ${extra.join(' ')} 2>"${errFile}" | head -n 1; echo "\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
    const [first, status] = r.stdout.trim().split('\n');
    expect(first).toBeTruthy();
    expect(readFileSync(errFile, 'utf8')).toBe('');
    expect(status).toBe('141');
  });
});
