/**
 * The organisation's pack at an https address: core's revalidation (ETag / Last-Modified, the last
 * good pack kept on any failure, a pack for another jurisdiction refused), and the CLI's
 * `--rules https://…` against a real local https server with its on-disk cache.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  describeAttempt,
  newPackSource,
  packFromSource,
  packSourceDue,
  refreshPackSource,
  setRuleValue,
  type PackAnswer,
  type PackRequest,
  type RulePack,
} from '../../core/index.ts';
import { runCli } from '../../cli/main.ts';
import { startHttpsServer, type HttpsTestServer } from '../e2e/support/https-server.ts';

/** The Norwegian pack with the reported NOK 500 000 lower threshold verified by an organisation (a test). */
function organisationPack(version: string): RulePack {
  const outcome = setRuleValue(
    { ...DEFAULT_RULES.NO, version },
    'NO-LOW-2026',
    { value: 500_000, from: '2026-07-01', to: null, status: 'verified', verifiedBy: 'TEST: Juridisk avdeling', reference: { title: 'TEST: Lovdata', url: 'https://lovdata.no/test' } },
    '2026-11-30',
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.pack;
}

const GOOD = organisationPack('org-1');

function scripted(answers: PackAnswer[]): { request: PackRequest; sent: Readonly<Record<string, string>>[] } {
  const sent: Readonly<Record<string, string>>[] = [];
  return {
    sent,
    request: async (_url, headers) => {
      sent.push(headers);
      const next = answers.shift();
      if (!next) throw new Error('no answer scripted');
      return next;
    },
  };
}

const ok = (body: string, etag: string | null = '"v1"'): PackAnswer => ({ status: 200, etag, lastModified: 'Mon, 30 Nov 2026 06:00:00 GMT', body });

describe('refreshPackSource', () => {
  it('keeps the last good pack through 304, broken JSON, an invalid pack, a wrong jurisdiction, HTTP errors and network failures', async () => {
    const { request, sent } = scripted([
      ok(JSON.stringify(GOOD)),
      { status: 304, etag: '"v1"', lastModified: null, body: '' },
      ok('{"schema": "inkludo.rulepack/1", '),
      ok(JSON.stringify({ ...GOOD, published: '2026-13-01' })),
      ok(JSON.stringify(DEFAULT_RULES.SE)),
      { status: 503, etag: null, lastModified: null, body: '' },
      { error: 'network' },
    ]);
    const day = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
    let state = await refreshPackSource(newPackSource('NO', 'https://intranet.example/no.json'), request, day(6));
    expect(sent[0]).toEqual({});
    expect(state).toMatchObject({ etag: '"v1"', fetched: day(6).toISOString(), attempt: { outcome: 'fetched' } });
    expect(packFromSource(state)?.version).toBe('org-1');

    const outcomes: (string | null)[] = [];
    for (let h = 7; h <= 12; h++) {
      state = await refreshPackSource(state, request, day(h));
      outcomes.push(state.attempt?.outcome === 'failed' ? state.attempt.reason : (state.attempt?.outcome ?? null));
      expect(packFromSource(state)?.version).toBe('org-1');
    }
    expect(outcomes).toEqual(['unchanged', 'not-json', 'invalid', 'invalid', 'http-503', 'network']);
    expect(sent[1]).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Mon, 30 Nov 2026 06:00:00 GMT' });
    expect(state.fetched).toBe(day(7).toISOString());
    expect(describeAttempt('en', state)).toMatch(/^Fetching on 2026-12-01 \d\d:00 failed: the server could not be reached\. The last good pack is kept\.$/);
  });

  it('names the rule or the jurisdiction that made a pack unusable', async () => {
    const { request } = scripted([ok(JSON.stringify(DEFAULT_RULES.SE))]);
    const state = await refreshPackSource(newPackSource('NO', 'https://intranet.example/no.json'), request, new Date());
    expect(state.attempt?.issues.map((i) => [i.messageKey, i.params])).toEqual([['rulepack.issue.wrong-jurisdiction', { found: 'SE', expected: 'NO' }]]);
    expect(packFromSource(state)).toBeNull();
  });

  it('is due once a day after the last attempt', () => {
    const state = { ...newPackSource('SE', 'https://x.example/se.json'), attempt: { at: '2026-12-01T06:00:00.000Z', outcome: 'failed' as const, reason: 'network', issues: [] } };
    expect(packSourceDue(newPackSource('SE', 'https://x.example/se.json'), new Date())).toBe(true);
    expect(packSourceDue(state, new Date('2026-12-02T05:59:59Z'))).toBe(false);
    expect(packSourceDue(state, new Date('2026-12-02T06:00:00Z'))).toBe(true);
  });
});

describe('inkludo --rules https://… (a local https server)', () => {
  let server: HttpsTestServer;
  let mode: 'good' | 'broken' | 'down' = 'good';
  const seen: IncomingHttpHeaders[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startHttpsServer((request, response, url) => {
      if (url.pathname !== '/rules/no.json') return void response.writeHead(404).end();
      seen.push(request.headers);
      if (mode === 'down') return void response.writeHead(503).end();
      if (request.headers['if-none-match'] === '"v1"' && mode === 'good') return void response.writeHead(304, { ETag: '"v1"' }).end();
      response.writeHead(200, { 'content-type': 'application/json', ETag: mode === 'good' ? '"v1"' : '"v2"' }).end(mode === 'good' ? JSON.stringify(GOOD) : '{ broken');
    });
    const dir = mkdtempSync(join(tmpdir(), 'inkludo-url-'));
    writeFileSync(join(dir, 'ca.pem'), server.cert);
    env = { INKLUDO_CA_CERTS: join(dir, 'ca.pem'), INKLUDO_CACHE_DIR: join(dir, 'cache') };
  });
  afterAll(() => server?.close());

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const url = () => `https://127.0.0.1:${server.port}/rules/no.json`;
  const classify = (...extra: string[]) => run('classify', '400000', '--jurisdiction', 'NO', '--date', '2026-08-01', '--lang', 'en', '--json', ...extra);

  it('fetches, revalidates with the ETag, and keeps using the cached pack when the address breaks', async () => {
    const first = await classify('--rules', url());
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ regime: 'NO-EXEMPT', ruleIds: ['NO-LOW-2026'] });
    expect(first.err).toMatch(new RegExp(`^Rules: Norway, organisation pack from ${url().replace(/[.?]/g, '\\$&')}, verified by TEST: Juridisk avdeling, fetched \\d{4}-\\d\\d-\\d\\d\\.$`));
    expect(seen[0]?.['if-none-match']).toBeUndefined();

    expect((await classify('--rules', url())).code).toBe(0);
    expect(seen[1]?.['if-none-match']).toBe('"v1"');

    mode = 'broken';
    const broken = await classify('--rules', url());
    expect(broken.code).toBe(0);
    expect(JSON.parse(broken.out)).toMatchObject({ regime: 'NO-EXEMPT' });
    expect(broken.err).toContain(`The rule pack at ${url()} is not valid (the file is not JSON): using the copy fetched`);

    mode = 'down';
    const down = await classify('--rules', url());
    expect(down.code).toBe(0);
    expect(down.err).toContain(`Could not fetch the rule pack ${url()} (the server answered with status 503): using the copy fetched`);
  });

  it('a configured address (INKLUDO_RULES) works like --rules; without a good copy a failing address is bad input', async () => {
    mode = 'good';
    env = { ...env, INKLUDO_RULES: url() };
    expect(JSON.parse((await classify()).out)).toMatchObject({ regime: 'NO-EXEMPT' });
    delete env.INKLUDO_RULES;

    const missing = await classify('--rules', `https://127.0.0.1:${server.port}/rules/none.json`);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('(the server answered with status 404) and there is no earlier copy');
    expect((await classify('--rules', 'http://intranet.example/no.json')).err).toBe('A rule pack address must start with https:// (http://intranet.example/no.json).');
  });
});

describe('notices use the organisation pack too', () => {
  it('a works threshold the organisation verified decides between § 8-8 and § 16-9 (CLI notice --rules)', async () => {
    // TEST VALUE: an EEA works threshold of NOK 11 000 000 puts Bodø's NOK 12 000 000 works notice in part III.
    const change = { value: 11_000_000, from: '2024-03-14', to: null, status: 'verified', verifiedBy: 'TEST', reference: { title: 'TEST', url: 'https://lovdata.no/test' } } as const;
    const outcome = setRuleValue(DEFAULT_RULES.NO, 'NO-EEA-2024-WORKS', change, '2026-11-30');
    if (!outcome.ok) throw new Error('test pack refused');
    const file = join(mkdtempSync(join(tmpdir(), 'inkludo-notice-')), 'works.json');
    writeFileSync(file, JSON.stringify(outcome.pack));
    const bodo = join(import.meta.dirname, '../../../shared/fixtures/eforms/doffin-via-ted-and-doffin-to-ocds/ContractNotice_pin-cfc-standard_2024-106286.xml');
    const cited = async (...extra: string[]) => {
      const out: string[] = [];
      expect(await runCli(['notice', bodo, '--json', ...extra], { out: (t) => out.push(t), err: () => undefined, env: {} })).toBe(0);
      const json = JSON.parse(out.join('')) as { assessment: { lots: { signals: { legalBasis: { ruleId: string } | null }[] }[] } };
      return json.assessment.lots[0]?.signals[0]?.legalBasis?.ruleId;
    };
    expect(await cited()).toBe('NO-RES-II');
    expect(await cited('--rules', file)).toBe('NO-RES-III');
  });
});
