import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { translate } from '../../core/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.resolve(repoRoot, '../shared/fixtures/eforms');
const OWN = path.resolve(repoRoot, 'tests/fixtures/notice');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('inkludo notice', () => {
  it('prints the stable JSON with --json', async () => {
    const r = await run('notice', path.join(FIXTURES, 'op-ted-eforms-sdk/can_24_maximal.xml'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ id: '15377ca1-6cf7-4060-90f0-9290128957a3', subtype: '29', contractNature: 'services' });
    expect(json.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.lots.map((l: { id: string }) => l.id)).toEqual(['GLO-0001', 'LOT-0001', 'LOT-0002']);
    expect(json.winners).toHaveLength(3);
    expect(json.assessment.lots).toHaveLength(2);
  });

  it('prints a human summary in the chosen language, ending with the equal-treatment note', async () => {
    const r = await run('notice', path.join(FIXTURES, 'doffin-via-ted-and-doffin-to-ocds/ContractNotice_pin-cfc-standard_2024-106286.xml'), '--lang', 'nb');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Oppdragsgiver: Bodø Kommune (972 418 013, NOR)');
    expect(r.out).toContain('Anskaffelsesforskriften (FOA) § 8-8 (del II)');
    expect(r.out.trimEnd().endsWith(translate('nb', 'note.equal-treatment'))).toBe(true);
  });

  it.each([
    ['billion-laughs.xml', 'entity-declarations'],
    ['truncated-cn.xml', 'truncated'],
    ['ted-legacy.xml', 'not-eforms'],
  ])('rejects %s with exit code 2 and the typed error in the chosen language', async (file, code) => {
    const r = await run('notice', path.join(OWN, file), '--lang', 'sv');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const first = translate('sv', `notice.error.${code}`).split(/[({]/)[0]!;
    expect(r.err).toContain(first);
  });

  it('reports a missing file or argument as bad input', async () => {
    expect((await run('notice', path.join(OWN, 'no-such-file.xml'))).code).toBe(2);
    expect((await run('notice')).code).toBe(2);
  });

  it('matches against a registry given with --registry, labelling demo data', async () => {
    const notice = path.join(FIXTURES, 'doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml');
    const r = await run('notice', notice, '--registry', path.join(repoRoot, 'samples/registry.demo.csv'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Oppdiktet Kantine og Catering AS (102 733 169), CPV 55512000');
    expect(r.out).toContain(translate('en', 'label.demo-data'));
    const j = await run('notice', notice, '--json', '--registry', path.join(repoRoot, 'samples/registry.demo.csv'));
    expect(JSON.parse(j.out).assessment.registry.demo).toBe(true);
  });

  it('refuses a registry with errors as bad input instead of using part of it', async () => {
    const notice = path.join(FIXTURES, 'op-ted-eforms-sdk/cn_24_minimal.xml');
    const r = await run('notice', notice, '--registry', path.join(OWN, 'registry-missing-orgnr.csv'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(translate('en', 'cli.registry.invalid', { count: 1 }));
  });
});
