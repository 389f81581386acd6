/**
 * The options page in real Chromium with the built extension, for registries from real sources: a
 * plain list with its source and date (28 good lines, 2 bad: refused, then 28 on request), and "Build
 * from Enhetsregisteret" against data.brreg.no served locally by a replay of recorded-shape answers
 * (paging, a sub-unit, a bankrupt entity, 429 with Retry-After, a retired code's empty result).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOMMUNE, UNITS } from '../fixtures/brreg/search.ts';
import { brregReplay, type BrregReplay } from '../support/brreg-server.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromiumWithExtension, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { startHttpsServer, type HttpsTestServer } from './support/https-server.ts';

let replay: BrregReplay = brregReplay();
let server: HttpsTestServer;
let ext: ExtensionInChromium;
let options: Page;

async function stored(): Promise<{ entries: number; origin: string; from: string; source: string; orgnrs: string[]; candidates: number } | null> {
  return ext.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const { registry } = (await chrome.storage.local.get('registry')) as {
      registry?: { origin: string; from: string; snapshot: { provenance: { source: string }; suppliers: { orgnr: string; candidate?: boolean }[] } };
    };
    return registry
      ? { entries: registry.snapshot.suppliers.length, origin: registry.origin, from: registry.from, source: registry.snapshot.provenance.source, orgnrs: registry.snapshot.suppliers.map((s) => s.orgnr), candidates: registry.snapshot.suppliers.filter((s) => s.candidate).length }
      : null;
  });
}

beforeAll(async () => {
  server = await startHttpsServer((request, response, url) => {
    if (url.host !== 'data.brreg.no') return void response.writeHead(404).end();
    replay.handle(request, response, url);
  });
  ext = await launchChromiumWithExtension({ args: server.chromiumArgs(['data.brreg.no']) });
  options = await ext.openExtensionPage('extension/options/index.html');
  await options.waitForSelector('main[data-ready]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('a plain list on the options page', () => {
  it('is refused with both line numbers, then imported as 28 valid lines with the source and date typed in', async () => {
    await options.getByLabel('Source of the list').fill('Kontraktsregisteret 2026');
    await options.getByLabel('Date of the list').fill('2026-11-01');
    await options.setInputFiles('#registry-file', resolve(REPO_ROOT, 'tests/fixtures/registry/plain-list-28-2.csv'));
    const problems = options.getByRole('list', { name: 'Problems' });
    await problems.waitFor();
    expect(await problems.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-line')))).toEqual(['9', '23']);
    expect(await stored()).toBeNull();
    await options.getByRole('button', { name: 'Import the 28 valid lines' }).click();
    await options.getByTestId('import-outcome').getByText('Imported 28 suppliers from plain-list-28-2.csv; 2 lines with errors were left out.').waitFor();
    expect(await stored()).toMatchObject({ entries: 28, origin: 'file', source: 'Kontraktsregisteret 2026' });
  });

  it('imports pasted text the same way', async () => {
    await options.getByLabel('Or paste a list').fill(readFileSync(resolve(REPO_ROOT, 'tests/fixtures/registry/plain-list-28-2.csv'), 'utf8'));
    await options.getByRole('button', { name: 'Import the pasted list' }).click();
    await options.getByRole('button', { name: 'Import the 28 valid lines' }).waitFor();
  });
});

describe('Build from Enhetsregisteret', () => {
  it('fetches a county, shows the count and provenance before importing, then imports and can refresh the stored query', async () => {
    replay = brregReplay();
    replay.rateLimitNext = { match: /underenheter/, retryAfter: '1' };
    const section = options.getByTestId('brreg-section');
    await section.getByLabel(/^Counties/).fill('55');
    await section.getByRole('button', { name: 'Fetch from Enhetsregisteret' }).click();
    const outcome = section.getByTestId('brreg-outcome');
    await outcome.getByText('2 suppliers found (150 units and 2 sub-units).').waitFor({ timeout: 15_000 });
    expect(await outcome.innerText()).toContain('næringskode 88.993 (SN2025); område 55; lisens NLOD 2.0');
    expect(await outcome.innerText()).toContain('https://data.brreg.no/enhetsregisteret/api/enheter?naeringskode=88.993');
    // Paged, the 429 waited out, and the municipality behind the sub-unit fetched with the comma list.
    expect(replay.requests.filter((q) => q.startsWith('/enhetsregisteret/api/underenheter'))).toHaveLength(2);
    expect(replay.requests).toContain('/enhetsregisteret/api/enheter?naeringskode=88.993&size=100&page=1');
    // Unit 1 is registered in Oslo, so it is fetched as the legal entity of its Tromsø sub-unit, with the municipality.
    expect(replay.requests).toContain(`/enhetsregisteret/api/enheter?organisasjonsnummer=${UNITS[0]?.organisasjonsnummer},${KOMMUNE.organisasjonsnummer}&size=100`);
    const before = await stored();
    expect(before?.entries).toBe(28); // nothing changes until the import is chosen

    await section.getByRole('button', { name: 'Import these 2 suppliers' }).click();
    await outcome.getByText('Imported 2 suppliers from Enhetsregisteret.').waitFor();
    expect(await stored()).toMatchObject({ entries: 2, candidates: 2, origin: 'brreg', from: 'https://data.brreg.no/enhetsregisteret/api/enheter?naeringskode=88.993' });
    await options.getByTestId('registry-summary').getByText('Built from Enhetsregisteret').waitFor();
    await section.getByTestId('brreg-stored').getByText(/55$/).waitFor();

    const asked = replay.requests.length;
    await section.getByRole('button', { name: 'Refresh from the stored query' }).click();
    await outcome.getByText('2 suppliers found (150 units and 2 sub-units).').waitFor();
    expect(replay.requests.length).toBeGreaterThan(asked);
  });

  it('says when Enhetsregisteret does not answer and keeps the registry', async () => {
    replay.hang = /underenheter/;
    const section = options.getByTestId('brreg-section');
    await section.getByLabel(/^Counties/).fill('03');
    await section.getByRole('button', { name: 'Fetch from Enhetsregisteret' }).click();
    await section.getByTestId('brreg-outcome').getByText(/^Enhetsregisteret did not answer within 20 s/).waitFor({ timeout: 30_000 });
    expect((await stored())?.entries).toBe(2);
    replay.hang = null;
  }, 40_000);

  it('refuses an area that is not a county or municipality number, and has no serious axe violations', async () => {
    const section = options.getByTestId('brreg-section');
    await section.getByLabel(/^Counties/).fill('Troms');
    await section.getByRole('button', { name: 'Fetch from Enhetsregisteret' }).click();
    await section.getByText('"Troms" is not a county (2 digits) or municipality (4 digits) number.').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
  });
});
