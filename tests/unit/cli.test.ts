import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('inkludo rules', () => {
  it('lists the lower threshold 100 000 (verified) and the pending and unverified changes with sources', async () => {
    const { code, out } = await cli('rules', '--jurisdiction', 'NO', '--date', '2026-11-23', '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toMatch(/\[verified\] NO-LOW-100K: 100,000 NOK .* in force\n\s+.*regjeringen\.no/);
    expect(out).toMatch(/\[pending\] NO-LOW-PROP-300K: 300,000 NOK \(effective date not decided\) — possible change, not applied\n\s+Prop\. 147 L.*stortinget\.no/);
    expect(out).toMatch(/\[unverified\] NO-LOW-2026: 500,000 NOK \(2026-07-01 –\) — possible change, not applied\n\s+.*lovdata\.no/);
  });

  it('speaks Norwegian and Swedish', async () => {
    expect((await cli('rules', '-j', 'NO', '--date', '2026-11-23', '--lang', 'nb')).out).toContain('[bekreftet] NO-LOW-100K: 100\u00a0000 NOK');
    expect((await cli('rules', '-j', 'SE', '--date', '2026-11-23', '--lang', 'sv')).out).toContain('reservvärde');
  });

  it('gives JSON with --json', async () => {
    const listing = JSON.parse((await cli('rules', '-j', 'SE', '--date', '2025-01-01', '--json')).out) as { parameters: { parameter: string; applied: { id: string } }[] };
    expect(listing.parameters.find((p) => p.parameter === 'direct-award-limit')?.applied.id).toBe('SE-DU-LOU');
  });
});

describe('inkludo classify', () => {
  it('reads amounts the way people type them, VAT hints included', async () => {
    const mnok = JSON.parse((await cli('classify', '2,5 MNOK', '-j', 'NO', '--date', '2026-01-15', '--json')).out) as { regime: string };
    expect(mnok.regime).toBe('NO-PART-III');
    const withVat = JSON.parse((await cli('classify', '1 250 000 kr inkl. mva', '-j', 'NO', '--date', '2026-01-15', '--json')).out) as { vatIncluded: boolean; valueExclVat: { amount: number }; regime: string };
    expect(withVat).toMatchObject({ vatIncluded: true, valueExclVat: { amount: 1_000_000 }, regime: 'NO-PART-I' });
  });

  it('classifies at the boundary and names the rules', async () => {
    const below = JSON.parse((await cli('classify', '699999', '-j', 'SE', '--date', '2025-06-01', '--json')).out) as { regime: string; ruleIds: string[] };
    expect(below).toMatchObject({ regime: 'SE-DIRECT', ruleIds: ['SE-DU-LOU', 'SE-DU-DOC'] });
    const at = await cli('classify', '700000', '-j', 'SE', '--date', '2025-06-01', '--lang', 'sv');
    expect(at.out).toContain('SE-BELOW-EU — Under EU:s tröskelvärden');
  });
});

describe('bad input: a clear message in the chosen language and exit code 2', () => {
  it.each([
    [['rules', '--jurisdiction', 'DK', '--lang', 'nb'], '«DK» er ikke tillatt for --jurisdiction. Velg en av: NO, SE, EU.'],
    [['rules', '-j', 'NO', '--date', '2026-02-30', '--lang', 'sv'], '”2026-02-30” är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD.'],
    [['classify', '12abc', '-j', 'NO', '--lang', 'en'], 'The value "12abc" could not be read as an amount.'],
    [['frobnicate', '--lang', 'en'], 'Unknown command "frobnicate". Run inkludo --help for the list.'],
    [['rules', '--bogus', '--lang', 'en'], 'Unknown option --bogus. Run inkludo rules --help for the options.'],
    [['rules', '--lang', 'de'], '"de" is not allowed for --lang. Choose one of: nb, sv, en.'],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('orgnr exits 1 when a number is invalid', async () => {
    expect((await cli('orgnr', '972418013', '--lang', 'en')).code).toBe(0);
    const bad = await cli('orgnr', '972418014', '--lang', 'nb');
    expect(bad).toMatchObject({ code: 1, out: '«972418014» har feil kontrollsiffer: trolig en tastefeil.' });
  });
});

describe('the built command', () => {
  const built = resolve(REPO_ROOT, 'dist/cli/inkludo.mjs');
  it('runs as a real process through bin/inkludo.mjs', () => {
    const out = execFileSync(process.execPath, [resolve(REPO_ROOT, 'bin/inkludo.mjs'), 'orgnr', 'NO943184097MVA', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([{ raw: 'NO943184097MVA', jurisdiction: 'NO', digits: '943184097', problem: null }]);
    const bad = spawnSync(process.execPath, [built, 'classify'], { encoding: 'utf8', env: { LANG: 'sv_SE.UTF-8' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Ange beräknat värde');
  });
});

describe('inkludo registry validate', () => {
  it('accepts the demo registry and labels it as demo data', async () => {
    const r = await cli('registry', 'validate', resolve(REPO_ROOT, 'samples/registry.demo.csv'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('DEMO DATA: fictitious organisations');
  });

  it('reports every bad line with its number and exits 1; a missing file is bad input (2)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'inkludo-')), 'bad.csv');
    writeFileSync(file, 'orgnr;name;kind\n972418013;Test AS;asf\n123;Bad;xx\n');
    const r = await cli('registry', 'validate', file, '--source', 'Test', '--retrieved', '2026-10-01', '--lang', 'nb');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'Ikke gyldig: 2 feil.',
      expect.stringMatching(/^Linje 3 \(orgnr\): «123» har feil antall siffer/),
      expect.stringMatching(/^Linje 3 \(kind\): /),
      '1 linjer er gyldige. For å skrive bare dem til et nytt register: inkludo registry import FIL --valid-lines-only --out NY.csv',
    ]);
    expect((await cli('registry', 'validate', '/no/such/file.csv', '--lang', 'en'))).toMatchObject({ code: 2, err: 'File not found: /no/such/file.csv' });
  });
});

describe('--rules: an organisation loads its own rule pack at run time', () => {
  it('applies a pack that verifies the NOK 500 000 threshold, and refuses a broken pack', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { DEFAULT_RULES } = await import('../../core/index.ts');
    const dir = mkdtempSync(resolve(tmpdir(), 'inkludo-pack-'));
    const own = structuredClone(DEFAULT_RULES.NO) as unknown as { parameters: Record<string, { values: { id: string; status: string; to: string | null; verifiedBy?: string }[] }> };
    const values = own.parameters['lower-threshold']!.values;
    Object.assign(values.find((v) => v.id === 'NO-LOW-2026')!, { status: 'verified', verifiedBy: 'Test: legal department' });
    values.find((v) => v.id === 'NO-LOW-100K')!.to = '2026-06-30';
    const good = resolve(dir, 'no-2026.json');
    writeFileSync(good, JSON.stringify(own));
    const bundled = JSON.parse((await cli('classify', '400000', '-j', 'NO', '--date', '2026-08-01', '--json')).out) as { regime: string };
    expect(bundled.regime).toBe('NO-PART-I');
    const withPack = JSON.parse((await cli('classify', '400000', '-j', 'NO', '--date', '2026-08-01', '--rules', good, '--json')).out) as { regime: string; ruleIds: string[] };
    expect(withPack).toMatchObject({ regime: 'NO-EXEMPT', ruleIds: ['NO-LOW-2026'] });
    expect((await cli('rules', '-j', 'NO', '--date', '2026-08-01', '--rules', good, '--lang', 'en')).out).toMatch(/\[verified by Test: legal department\] NO-LOW-2026: 500,000 NOK .* in force/);

    const broken = resolve(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...own, schema: 'something else' }));
    const r = await cli('classify', '400000', '-j', 'NO', '--rules', broken, '--lang', 'nb');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Regelpakken ${broken} er ikke gyldig og ble ikke brukt: schema:`);
  });
});
