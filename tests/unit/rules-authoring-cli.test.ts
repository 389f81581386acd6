/**
 * Keeping the rules current from the command line: `rules set` → validate → `rules diff` → use in
 * `classify`, `rules add` for a new period, refusals that write nothing, and `rules --check`.
 * The amounts below are TEST VALUES, not the legal SEK thresholds (which are not in any stored source).
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, parseOrganisationPack, parseRulePack } from '../../core/index.ts';
import { cli } from '../support/cli.ts';

const SOURCE = ['--source-title', 'TEST: Kommissionens meddelande C/2025/7081 (test)', '--source-url', 'https://eur-lex.europa.eu/test'];
const VERIFIED = ['--status', 'verified', '--verified-by', 'TEST: Juridiska enheten, Exempelkommun, 2026-12-01'];
const SE_2026 = ['--from', '2026-01-01', '--to', '2027-12-31'];

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-author-'));
});

async function classify(value: string, pack: string | null, date = '2026-11-30') {
  const args = ['classify', value, '--jurisdiction', 'SE', '--buyer', 'state', '--kind', 'services', '--date', date, '--json', ...(pack ? ['--rules', pack] : [])];
  const r = await cli(...args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as { regime: string; ruleIds: string[]; rules: { id: string; verifiedBy: string | null }[]; findings: { code: string }[] };
}

describe('rules set → validate → diff → classify', () => {
  it('enters a verified SEK threshold for 2026–27 and every command uses it', async () => {
    const set = await cli('rules', 'set', 'SE-THR-2026-CENTRAL', '--value', '1 500 000', ...SE_2026, ...SOURCE, ...VERIFIED, '--base', 'SE', '--out', path('se-1.json'), '--lang', 'en');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain(`Wrote ${path('se-1.json')} (SE, published`);
    expect(set.out).toContain('~ SE-THR-2026-CENTRAL (eu-threshold-central): value — → 1,500,000 SEK; status pending → verified by TEST: Juridiska enheten');

    const written: unknown = JSON.parse(readFileSync(path('se-1.json'), 'utf8'));
    expect(parseRulePack(written).ok).toBe(true);
    expect(parseOrganisationPack(written, 'SE').ok).toBe(true);

    const second = await cli('rules', 'set', 'SE-THR-2026-SUB', '--value', '2300000', ...SE_2026, ...SOURCE, ...VERIFIED, '--base', path('se-1.json'), '--out', path('se-2.json'));
    expect(second.code, second.err).toBe(0);

    const diff = await cli('rules', 'diff', 'SE', path('se-2.json'), '--lang', 'sv');
    expect(diff.code).toBe(0);
    const lines = diff.out.split('\n');
    expect(lines.filter((l) => l.startsWith('~ ')).map((l) => l.split(' ')[1])).toEqual(['SE-THR-2026-CENTRAL', 'SE-THR-2026-SUB']);
    expect(diff.out).toContain('källa: TEST: Kommissionens meddelande C/2025/7081 (test) <https://eur-lex.europa.eu/test>');
    expect((await cli('rules', 'diff', path('se-1.json'), path('se-1.json'), '--lang', 'en')).out).toBe('No differences by rule id.');

    // 1 520 000 SEK: below the 2024–25 central threshold the bundled pack falls back to, above the entered 2026 one.
    const bundled = await classify('1520000', null);
    expect(bundled.regime).toBe('SE-BELOW-EU');
    expect(bundled.findings.map((f) => f.code)).toContain('RULE-FALLBACK');
    const own = await classify('1520000', path('se-2.json'));
    expect(own.regime).toBe('SE-ABOVE-EU');
    expect(own.ruleIds).toContain('SE-THR-2026-CENTRAL');
    expect(own.findings.map((f) => f.code)).not.toContain('RULE-FALLBACK');
    expect(own.rules.find((r) => r.id === 'SE-THR-2026-CENTRAL')?.verifiedBy).toBe('TEST: Juridiska enheten, Exempelkommun, 2026-12-01');

    const text = await cli('classify', '1520000', '--jurisdiction', 'SE', '--buyer', 'state', '--date', '2026-11-30', '--rules', path('se-2.json'), '--lang', 'sv');
    expect(text.out).toContain('[bekräftad av TEST: Juridiska enheten, Exempelkommun, 2026-12-01] SE-THR-2026-CENTRAL');
    expect(text.err).toBe(`Regler: Sverige, organisationens paket från ${path('se-2.json')}, bekräftat av TEST: Juridiska enheten, Exempelkommun, 2026-12-01.`);
    const listing = await cli('rules', '-j', 'SE', '--date', '2026-11-30', '--rules', path('se-2.json'), '--lang', 'en');
    expect(listing.out).toMatch(/\[verified by TEST: Juridiska enheten, Exempelkommun, 2026-12-01\] SE-THR-2026-SUB: 2,300,000 SEK \(2026-01-01 – 2027-12-31\) — in force/);
  });

  it('adds a new period to a parameter and ends the open-ended one the day before', async () => {
    const r = await cli('rules', 'add', 'SE-DU-2027', '--parameter', 'direct-award-limit', '--value', '800000', '--from', '2027-01-01', ...SOURCE, ...VERIFIED, '--base', 'SE', '--out', path('se-du.json'), '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Rule SE-DU-LOU now ends on 2026-12-31, the day before the new value starts.');
    expect(r.out).toContain('+ SE-DU-2027 (direct-award-limit): added');
    expect((await classify('750000', path('se-du.json'), '2026-12-31')).regime).toBe('SE-BELOW-EU');
    expect((await classify('750000', path('se-du.json'), '2027-01-01')).regime).toBe('SE-DIRECT');
  });
});

describe('refusals write nothing', () => {
  it.each([
    [['set', 'SE-DU-LOU', '--value', '1e308'], 'is not an amount'],
    [['set', 'SE-DU-LOU', '--value', '1600000'], 'Rule SE-DU-LOU (direct-award-limit, 1,600,000) must be below rule SE-THR-2022-CENTRAL'],
    [['set', 'SE-MOMS-25', '--value', '125'], 'Rule SE-MOMS-25: 125 is not a percentage (0 to 100).'],
    [['set', 'SE-NOPE', '--value', '1'], 'There is no rule SE-NOPE in the pack.'],
    [['set', 'SE-RES-418-P', '--value', '1'], 'SE-RES-418-P is a provision'],
    [['add', 'SE-DU-LOU', '--parameter', 'direct-award-limit', '--value', '1'], 'Rule SE-DU-LOU exists already'],
    [['add', 'NO-DU-2027', '--parameter', 'direct-award-limit', '--value', '1'], 'rule ids of this pack start with SE-'],
    [['add', 'SE-X-1', '--parameter', 'nope', '--value', '1'], 'There is no parameter nope in the pack.'],
  ])('rules %j', async (args, message) => {
    const out = path(`refused-${args[1]}.json`);
    const r = await cli('rules', ...args, '--from', '2022-02-01', ...SOURCE, ...VERIFIED, '--base', 'SE', '--out', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('a verified value needs --verified-by; --verified-by needs verified', async () => {
    const base = ['rules', 'set', 'SE-THR-2026-WORKS', '--value', '60000000', ...SE_2026, ...SOURCE, '--base', 'SE', '--out', path('w.json'), '--lang', 'nb'];
    expect((await cli(...base, '--status', 'verified')).err).toBe('Ingenting ble skrevet, fordi:\n  Regel SE-THR-2026-WORKS: en bekreftet verdi trenger --verified-by (hvem som kontrollerte den mot kilden).');
    expect((await cli(...base, '--status', 'pending', '--verified-by', 'X')).code).toBe(2);
    expect(existsSync(path('w.json'))).toBe(false);
    expect((await cli(...base, '--status', 'pending')).code).toBe(0);
  });

  it('--out is never the base pack, also through a symbolic link', async () => {
    const base = path('base.json');
    writeFileSync(base, JSON.stringify(DEFAULT_RULES.SE));
    symlinkSync(base, path('link.json'));
    for (const out of [base, path('link.json')]) {
      const r = await cli('rules', 'set', 'SE-THR-2026-WORKS', '--value', '60000000', ...SE_2026, ...SOURCE, ...VERIFIED, '--base', base, '--out', out, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.err).toContain('is the input pack');
    }
    expect(JSON.parse(readFileSync(base, 'utf8'))).toEqual(JSON.parse(JSON.stringify(DEFAULT_RULES.SE)));
  });

  it('a hand-edited pack with a threshold of 1e308 is bad input for classify (exit 2, the rule named), not an internal error', async () => {
    const data = structuredClone(DEFAULT_RULES.NO) as unknown as { parameters: Record<string, { values: { id: string; value: number | null }[] }> };
    data.parameters['lower-threshold']!.values[0]!.value = 1e308;
    writeFileSync(path('huge.json'), JSON.stringify(data));
    const r = await cli('classify', '500000', '--jurisdiction', 'NO', '--rules', path('huge.json'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Rule NO-LOW-100K: 1e+308 is not a usable amount');

    data.parameters['lower-threshold']!.values[0]!.value = 2_000_000;
    writeFileSync(path('upside-down.json'), JSON.stringify(data));
    const order = await cli('classify', '500000', '--jurisdiction', 'NO', '--rules', path('upside-down.json'), '--lang', 'nb');
    expect(order.code).toBe(2);
    expect(order.err).toContain('Regel NO-LOW-100K (lower-threshold, 2\u00a0000\u00a0000) må være lavere enn regel NO-NAT-2017');
  });
});

describe('rules --check: parameters without a verified value at a date', () => {
  it('Norway is current on 2026-11-30; Sweden lacks the four 2026–27 EU thresholds and two unverified VAT exemptions (exit 1)', async () => {
    const no = await cli('rules', '--check', '--jurisdiction', 'NO', '--date', '2026-11-30', '--lang', 'en');
    expect([no.code, no.out]).toEqual([0, 'Norway on 2026-11-30: every parameter has a verified value.']);
    const se = await cli('rules', '--check', '-j', 'SE', '--date', '2026-11-30', '--lang', 'en');
    expect(se.code).toBe(1);
    expect(se.out.split('\n').filter((l) => l.startsWith('  ')).map((l) => /\(((?:eu|vat)-[a-z-]+)\)/.exec(l)?.[1])).toEqual([
      'eu-threshold-central',
      'eu-threshold-sub-central',
      'eu-threshold-works',
      'eu-threshold-social',
      'vat-exempt-health-social',
      'vat-exempt-education',
    ]);
    expect(se.out).toContain('no verified value for period SE-THR-2026-CENTRAL; verdicts fall back to rule SE-THR-2024-CENTRAL');
    const all = await cli('rules', '--check', '--date', '2026-11-30', '--lang', 'en');
    expect(all.code).toBe(1);
    expect(all.out).toMatch(/^Norway on 2026-11-30: every parameter has a verified value\.\nSweden on 2026-11-30: 6 parameter\(s\)/);
  });

  it('passes once the organisation pack has all six', async () => {
    let base = 'SE';
    const values: [string, string, readonly string[]][] = [
      ['SE-THR-2026-CENTRAL', '1500000', SE_2026],
      ['SE-THR-2026-SUB', '2300000', SE_2026],
      ['SE-THR-2026-WORKS', '58000000', SE_2026],
      ['SE-THR-2026-SOCIAL', '8000000', SE_2026],
      ['SE-MOMS-VARD', '0', ['--from', '2023-07-01']],
      ['SE-MOMS-UTB', '0', ['--from', '2023-07-01']],
    ];
    for (const [i, [id, value, period]] of values.entries()) {
      const out = path(`all-${i}.json`);
      const run = await cli('rules', 'set', id, '--value', value, ...period, ...SOURCE, ...VERIFIED, '--base', base, '--out', out);
      expect(run.code, run.err).toBe(0);
      base = out;
    }
    const r = await cli('rules', '--check', '-j', 'SE', '--date', '2026-11-30', '--rules', base, '--lang', 'en');
    expect([r.code, r.out]).toEqual([0, 'Sweden on 2026-11-30: every parameter has a verified value.']);
  });

  it('a fallback finding says in one sentence how to fix it', async () => {
    const r = await cli('classify', '1520000', '--jurisdiction', 'SE', '--buyer', 'state', '--date', '2026-11-30', '--lang', 'en');
    expect(r.out).toContain('To fix it for every desk, have the value checked at its source and published in your organisation’s rule pack (inkludo rules set or rules add), which Inkludo loads from its address.');
  });
});
