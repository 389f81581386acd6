import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMonths, brregClient, importRegistry, retryAfterMs, todayIso, type BrregTransport } from '../../core/index.ts';
import { BANKRUPT, DELETED, DISSOLVING, KOMMUNE, SUB_OF_UNIT, UNITS, UNKNOWN } from '../fixtures/brreg/search.ts';
import { brregReplay, type BrregReplay } from '../support/brreg-server.ts';
import { cli } from '../support/cli.ts';

let server: Server;
let replay: BrregReplay;
let api: string;
const dir = mkdtempSync(join(tmpdir(), 'inkludo-brreg-'));

beforeAll(async () => {
  server = createServer((req, res) => replay.handle(req, res, new URL(req.url ?? '/', 'http://data.brreg.no')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/enhetsregisteret/api`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  replay = brregReplay();
});

function registryOf(path: string) {
  const result = importRegistry(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.registry;
}

describe('inkludo registry build --from brreg', () => {
  it('pages through units and sub-units of the sheltered-work code in force and writes candidates with provenance', async () => {
    const out = join(dir, 'built.csv');
    const r = await cli('registry', 'build', '--from', 'brreg', '--brreg-url', api, '--out', out, '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The default code comes from the data file: SN2025 88.993, not the re-used 88.994.
    expect(replay.requests.filter((q) => q.includes('naeringskode'))).toEqual([
      '/enhetsregisteret/api/enheter?naeringskode=88.993&size=100&page=0',
      '/enhetsregisteret/api/enheter?naeringskode=88.993&size=100&page=1',
      '/enhetsregisteret/api/underenheter?naeringskode=88.993&size=100&page=0',
    ]);
    // The municipality behind a sub-unit is looked up with the comma-list filter.
    expect(replay.requests).toContain(`/enhetsregisteret/api/enheter?organisasjonsnummer=${KOMMUNE.organisasjonsnummer}&size=100`);
    expect(r.out).toContain('151 suppliers (150 units and 2 sub-units found)');
    expect(r.out).toContain('Candidates, not verified members');

    const registry = registryOf(out);
    const today = todayIso();
    expect(registry.provenance).toEqual({
      source: 'Enhetsregisteret, Brønnøysundregistrene; næringskode 88.993 (SN2025); lisens NLOD 2.0',
      url: `${api}/enheter?naeringskode=88.993`,
      retrieved: today,
      expires: addMonths(today, 12),
      demo: false,
    });
    expect(registry.suppliers).toHaveLength(151);
    const first = registry.suppliers.find((s) => s.orgnr === UNITS[0]?.organisasjonsnummer);
    // The sub-unit's municipality (Tromsø 5501) is a delivery region of its legal entity.
    expect(first).toMatchObject({ kind: 'arbeidsmarkedsbedrift', candidate: true, regions: ['03', '0301', '55', '5501'], categories: [], share: null });
    expect(registry.suppliers.find((s) => s.orgnr === KOMMUNE.organisasjonsnummer)).toMatchObject({ name: 'EKSEMPEL KOMMUNE', regions: ['55', '5501'] });
    expect(registry.suppliers.some((s) => s.orgnr === SUB_OF_UNIT)).toBe(false);
    expect(registry.suppliers.find((s) => s.orgnr === BANKRUPT)?.status).toEqual({ state: 'bankrupt', checked: today });
    expect(registry.suppliers.find((s) => s.orgnr === DISSOLVING)?.status).toEqual({ state: 'under-dissolution', checked: today });
    expect(readFileSync(out, 'utf8')).toMatch(/;arbeidsmarkedsbedrift \(candidate\);/);
  });

  it('keeps the units and sub-units located in the chosen counties and municipalities', async () => {
    const out = join(dir, 'troms.json');
    const r = await cli('registry', 'build', '--from', 'brreg', '--county', '55', '--municipality', '4601', '--brreg-url', api, '--out', out, '--lang', 'nb');
    expect(r.code).toBe(0);
    const registry = registryOf(out);
    // Unit 1 is in Oslo but delivers in Tromsø through its sub-unit; Bergen (4601) has every sixth unit.
    expect(registry.suppliers.map((s) => s.orgnr)).toContain(UNITS[0]?.organisasjonsnummer);
    expect(registry.suppliers.map((s) => s.orgnr)).toContain(KOMMUNE.organisasjonsnummer);
    expect(registry.suppliers).toHaveLength(2 + 25);
    expect(registry.provenance.source).toContain('område 55, 4601');
  });

  it('says that zero hits for a retired code are suspicious, and writes nothing', async () => {
    const out = join(dir, 'retired.csv');
    const r = await cli('registry', 'build', '--from', 'brreg', '--industry', '96.02', '--brreg-url', api, '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('returned no units and no sub-units for industry code 96.02. That is suspicious');
    expect(() => readFileSync(out)).toThrow();
  });

  it('warns that SN2025 re-used 88.994 for another activity', async () => {
    const r = await cli('registry', 'build', '--from', 'brreg', '--industry', '88.994', '--brreg-url', api, '--out', join(dir, 'reused.csv'), '--lang', 'en');
    expect(r.err).toContain('Industry code 88.994 means "Velferdstjenester til sårbare grupper" in SN2025');
  });

  it('waits out a 429 with Retry-After and goes on', async () => {
    replay.rateLimitNext = { match: /page=1/, retryAfter: '1' };
    const r = await cli('registry', 'build', '--from', 'brreg', '--brreg-url', api, '--out', join(dir, 'after-429.csv'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(replay.requests.filter((q) => q.includes('page=1'))).toHaveLength(2);
  });

  it('gives up on a Retry-After longer than a minute with a clear error', async () => {
    replay.rateLimitNext = { match: /page=0/, retryAfter: '600' };
    const r = await cli('registry', 'build', '--from', 'brreg', '--brreg-url', api, '--out', join(dir, 'gave-up.csv'), '--lang', 'sv');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Enhetsregisteret bad oss sakta ner (HTTP 429) och fortsatte be om det (vänta 600 s)');
  });

  it('ends a request that gets no answer at the deadline, as a clear error', async () => {
    replay.hang = /underenheter/;
    const r = await cli('registry', 'build', '--from', 'brreg', '--brreg-url', api, '--timeout', '0.5', '--out', join(dir, 'timeout.csv'), '--lang', 'nb');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Enhetsregisteret svarte ikke innen 0,5 s \(http:\/\/127\.0\.0\.1:\d+\/enhetsregisteret\/api\/underenheter\?naeringskode=88\.993&size=100&page=0\)/);
  });

  it('takes the address from INKLUDO_BRREG_URL, and refuses one that is not a web address', async () => {
    vi.stubEnv('INKLUDO_BRREG_URL', api);
    try {
      expect((await cli('registry', 'build', '--from', 'brreg', '--out', join(dir, 'env.csv'), '--lang', 'en')).code).toBe(0);
      expect(replay.requests.length).toBeGreaterThan(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const bad = await cli('registry', 'build', '--from', 'brreg', '--brreg-url', 'data.brreg.no', '--out', join(dir, 'x.csv'), '--lang', 'en');
    expect(bad).toMatchObject({ code: 2, err: '"data.brreg.no" is not a web address (http:// or https://).' });
    expect((await cli('registry', 'build', '--out', join(dir, 'x.csv'), '--lang', 'en')).err).toBe('Give the source with --from brreg (Enhetsregisteret).');
    expect((await cli('registry', 'build', '--from', 'brreg', '--county', '3', '--out', join(dir, 'x.csv'), '--lang', 'en')).err).toBe('"3" is not a 2-digit county number.');
  });
});

describe('inkludo registry status', () => {
  const input = join(dir, 'to-check.csv');
  beforeAll(() => {
    const active = UNITS[0]?.organisasjonsnummer ?? '';
    writeFileSync(
      input,
      ['# source: Egen liste', '# retrieved: 2026-10-01', 'orgnr;name', `${active};Aktiv AS`, `${BANKRUPT};Konkurs AS`, `${DISSOLVING};Avvikling AS`, `${DELETED};Slettet AS`, `${UNKNOWN};Ukjent AS`, `${SUB_OF_UNIT};Underenhet`, '734127-5100;Svensk AB', ''].join('\n'),
    );
  });

  it('looks the Norwegian entities up in one comma-list batch, then one by one, and writes the statuses with their date', async () => {
    const out = join(dir, 'checked.csv');
    const r = await cli('registry', 'status', input, '--brreg-url', api, '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(replay.requests[0]).toMatch(/^\/enhetsregisteret\/api\/enheter\?organisasjonsnummer=\d{9}(,\d{9}){5}&size=100$/);
    expect(replay.requests.slice(1)).toEqual([
      `/enhetsregisteret/api/enheter/${DELETED}`,
      `/enhetsregisteret/api/enheter/${UNKNOWN}`,
      `/enhetsregisteret/api/underenheter/${UNKNOWN}`,
      `/enhetsregisteret/api/enheter/${SUB_OF_UNIT}`,
      `/enhetsregisteret/api/underenheter/${SUB_OF_UNIT}`,
    ]);
    const today = todayIso();
    expect(r.out.split('\n')).toEqual([
      `6 Norwegian suppliers looked up in Enhetsregisteret on ${today}:`,
      `${UNITS[0]?.organisasjonsnummer} Aktiv AS: active`,
      `${BANKRUPT} Konkurs AS: bankrupt`,
      `${DISSOLVING} Avvikling AS: under dissolution`,
      `${DELETED} Slettet AS: deleted`,
      `${UNKNOWN} Ukjent AS: not found in the register`,
      `${SUB_OF_UNIT} Underenhet: active`,
    ]);
    const registry = registryOf(out);
    expect(registry.suppliers.map((s) => s.status?.state ?? null)).toEqual(['active', 'bankrupt', 'under-dissolution', 'deleted', 'unknown', 'active', null]);
    expect(registry.suppliers.every((s) => s.jurisdiction === 'SE' || s.status?.checked === today)).toBe(true);
    expect(registry.provenance).toMatchObject({ source: 'Egen liste', retrieved: '2026-10-01' });
  });

  it('never writes over its input, and asks nothing before refusing', async () => {
    const before = readFileSync(input, 'utf8');
    const r = await cli('registry', 'status', input, '--brreg-url', api, '--out', input, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out must be a new file, not the input file');
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(replay.requests).toEqual([]);
  });
});

describe('buildFromBrreg', () => {
  it('places a unit without a business address by its postal address, and says when it has neither', async () => {
    const { buildFromBrreg } = await import('../../core/index.ts');
    const unit = (orgnr: string, address: Record<string, unknown>) => ({ organisasjonsnummer: orgnr, navn: `N ${orgnr}`, naeringskode1: { kode: '88.993' }, ...address });
    const pages: Record<string, unknown> = {
      enheter: { _embedded: { enheter: [unit('974760673', { postadresse: { kommunenummer: '4601' } }), unit('914791723', {})] }, page: { size: 100, totalElements: 2, totalPages: 1, number: 0 } },
      underenheter: { page: { size: 100, totalElements: 0, totalPages: 0, number: 0 } },
    };
    const get = async (url: string) => ({ status: 200, body: pages[url.includes('underenheter') ? 'underenheter' : 'enheter'] });
    const built = await buildFromBrreg({ industryCodes: ['88.993'], counties: [], municipalities: [], orgForms: [] }, { baseUrl: 'https://x', get, retrieved: '2026-11-30' });
    expect(built.registry.suppliers.map((s) => [s.orgnr, s.regions])).toEqual([['914791723', []], ['974760673', ['46', '4601']]]);
    expect(built.notes.map((n) => [n.code, n.params])).toEqual([['no-address', { orgnr: '914791723', name: 'N 914791723' }]]);
  });
});

describe('the polite client', () => {
  function transport(answers: { status: number; retryAfter?: string }[]): BrregTransport & { waits: number[]; calls: number } {
    const t = {
      waits: [] as number[],
      calls: 0,
      clock: 0,
      fetch: async () => {
        const a = answers[t.calls++] ?? { status: 200 };
        return { status: a.status, headers: { get: (n: string) => (n === 'retry-after' ? (a.retryAfter ?? null) : null) }, json: async () => ({}) };
      },
      wait: async (ms: number) => {
        t.waits.push(ms);
        t.clock += ms;
      },
      now: () => t.clock,
    };
    return t;
  }

  it('waits the Retry-After of a 429 (seconds or a date), and pauses between requests', async () => {
    const t = transport([{ status: 429, retryAfter: '2' }, { status: 200 }, { status: 200 }]);
    const get = brregClient(t, { intervalMs: 250 });
    await get('https://x/1');
    await get('https://x/2');
    // The first request goes at once; the retry after the 429's two seconds needs no further pause.
    expect(t.waits).toEqual([2000, 250]);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });

  it.each([
    [[{ status: 500 }], 'http'],
    [[{ status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' }], 'rate-limited'],
    [[{ status: 400 }], 'http'],
  ])('turns %j into %s', async (answers, code) => {
    await expect(brregClient(transport(answers))('https://x')).rejects.toMatchObject({ code });
  });

  it('gives 404 and 410 back to the caller to judge', async () => {
    expect(await brregClient(transport([{ status: 410 }]))('https://x')).toMatchObject({ status: 410 });
    expect(await brregClient(transport([{ status: 404 }]))('https://x')).toMatchObject({ status: 404 });
  });
});
