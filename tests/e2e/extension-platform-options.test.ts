/**
 * The options page in real Chromium with the built extension: registry import (the demo, a broken
 * file, a good file), the organisation registry URL with ETag refresh and failures, the language
 * setting and axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromiumWithExtension, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { startHttpsServer, type HttpsTestServer } from './support/https-server.ts';

// The organisation's registry is served under a host the extension may already fetch from, so the
// test needs no permission prompt (which headless Chromium cannot answer).
const REGISTRY_HOST = 'www.opic.com';
const REGISTRY_URL = `https://${REGISTRY_HOST}/inkludo/registry.csv`;

const ORG_REGISTRY = [
  '# source: Kommunens leverandøroppfølging',
  '# retrieved: 2026-10-01',
  'orgnr;name;kind',
  '100427311;Demo Vekst AS;arbeidsmarkedsbedrift',
  '101588246;Fiktiv Arbeid og Inkludering AS;arbeidsmarkedsbedrift',
  '111968136;Prøvestein Inkludering AS;asf',
  '',
].join('\n');

const BROKEN = [
  '# source: Kommunens leverandøroppfølging',
  '# retrieved: 2026-10-01',
  'orgnr;name;kind',
  '100427311;Demo Vekst AS;arbeidsmarkedsbedrift',
  '123456789;Feil Nummer AS;arbeidsmarkedsbedrift',
  '101588246;Fiktiv Arbeid AS;enhjørning',
  '',
].join('\n');

let registryMode: 'good' | 'broken' | 'down' = 'good';
const ifNoneMatch: (string | null)[] = [];

let server: HttpsTestServer;
let ext: ExtensionInChromium;
let options: Page;

async function stored(): Promise<{ importedAt: string; entries: number; origin: string } | null> {
  return ext.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const { registry } = (await chrome.storage.local.get('registry')) as { registry?: { importedAt: string; origin: string; snapshot: { suppliers: unknown[] } } };
    return registry ? { importedAt: registry.importedAt, entries: registry.snapshot.suppliers.length, origin: registry.origin } : null;
  });
}

beforeAll(async () => {
  server = await startHttpsServer((request, response, url) => {
    if (url.host !== REGISTRY_HOST || url.pathname !== '/inkludo/registry.csv') return void response.writeHead(404).end();
    ifNoneMatch.push(request.headers['if-none-match'] ?? null);
    if (registryMode === 'down') return void response.writeHead(503).end();
    const etag = registryMode === 'good' ? '"v1"' : '"v2"';
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
    response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', ETag: etag }).end(registryMode === 'good' ? ORG_REGISTRY : BROKEN);
  });
  ext = await launchChromiumWithExtension({ args: server.chromiumArgs([REGISTRY_HOST]) });
  options = await ext.openExtensionPage('extension/options/index.html');
  await options.waitForSelector('main[data-ready]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('options page', () => {
  it('starts without a registry, then loads the demo data labelled as DEMO', async () => {
    await expect(options.getByTestId('registry-none').isVisible()).resolves.toBe(true);
    await options.getByRole('button', { name: 'Load demo data (fictitious organisations)' }).click();
    const summary = options.getByTestId('registry-summary');
    await summary.getByText('25 suppliers').waitFor();
    await expect(summary.getByText('DEMO DATA: fictitious organisations').isVisible()).resolves.toBe(true);
    await expect(options.getByTestId('sources').getByText('DEMO DATA: fictitious organisations').isVisible()).resolves.toBe(true);
    expect(await stored()).toMatchObject({ entries: 25, origin: 'demo' });
  });

  it('refuses a broken file, keeps the previous registry and lists the bad lines', async () => {
    const before = await stored();
    await options.setInputFiles('#registry-file', { name: 'leverandorer.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN) });
    const outcome = options.getByTestId('import-outcome');
    await outcome.getByText('leverandorer.csv was not imported because of 2 problems. The previous registry is unchanged.').waitFor();
    const problems = options.getByRole('list', { name: 'Problems' }).getByRole('listitem');
    await expect(problems.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.line))).resolves.toEqual(['5', '6']);
    await expect(problems.nth(0).textContent()).resolves.toMatch(/^Line 5, column orgnr: .*123456789/);
    await expect(problems.nth(1).textContent()).resolves.toMatch(/^Line 6, column kind: Unknown kind "enhjørning"/);
    expect(await stored()).toEqual(before);
    await expect(options.getByTestId('registry-summary').getByText('25 suppliers').isVisible()).resolves.toBe(true);
  });

  it('replaces the registry with a valid file', async () => {
    await options.setInputFiles('#registry-file', { name: 'leverandorer.csv', mimeType: 'text/csv', buffer: Buffer.from(ORG_REGISTRY) });
    await options.getByTestId('import-outcome').getByText('Imported 3 suppliers from leverandorer.csv.').waitFor();
    const summary = options.getByTestId('registry-summary');
    await summary.getByText('3 suppliers').waitFor();
    await expect(summary.getByText(/DEMO/).count()).resolves.toBe(0);
    await expect(summary.getByText('Source: Kommunens leverandøroppfølging').isVisible()).resolves.toBe(true);
    expect(await stored()).toMatchObject({ entries: 3, origin: 'file' });
  });

  it('rejects a plain-http organisation URL without saving it', async () => {
    await options.fill('#registry-url', 'http://intranet.example/registry.csv');
    await options.getByRole('button', { name: 'Save address' }).click();
    await options.getByTestId('url-outcome').getByText('Enter a full address starting with https://.').waitFor();
    const settings = await ext.worker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('settings')).settings);
    expect(settings).toBeUndefined();
  });

  it('fetches the organisation URL, then revalidates it with its ETag', async () => {
    await options.fill('#registry-url', REGISTRY_URL);
    await options.getByRole('button', { name: 'Save address' }).click();
    await options.getByTestId('refresh-status').getByText(/up to date/).waitFor();
    expect(await stored()).toMatchObject({ entries: 3, origin: 'url' });
    const firstImport = (await stored())?.importedAt;

    await options.getByRole('button', { name: 'Fetch now' }).click();
    await expect.poll(() => ifNoneMatch.length).toBe(2);
    expect(ifNoneMatch).toEqual([null, '"v1"']);
    expect((await stored())?.importedAt).toBe(firstImport); // 304: nothing re-imported
    const alarm = await ext.worker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.alarms.get('registry-refresh'))?.periodInMinutes);
    expect(alarm).toBe(24 * 60);
  });

  it('keeps the last good registry when the URL serves a broken file or fails', async () => {
    const before = await stored();
    registryMode = 'broken';
    await options.getByRole('button', { name: 'Fetch now' }).click();
    const status = options.getByTestId('refresh-status');
    await status.getByText(/failed: the file has errors \(see below\)\. The previous registry is kept\./).waitFor();
    await expect(status.getByRole('listitem').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.line))).resolves.toEqual(['5', '6']);
    expect(await stored()).toEqual(before);

    registryMode = 'down';
    await options.getByRole('button', { name: 'Fetch now' }).click();
    await status.getByText(/failed: the server answered with status 503\./).waitFor();
    expect(await stored()).toEqual(before);
    await expect(options.getByTestId('registry-summary').getByText('3 suppliers').isVisible()).resolves.toBe(true);
  });

  it('registers the content scripts (main and early style) on enabled sites that are granted, and unregisters them when turned off', async () => {
    const registered = () => ext.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts());
    // data.brreg.no is granted (a required host permission); the other site never was.
    await ext.worker.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ enabledSites: ['https://data.brreg.no/*', 'https://not-granted.example/*'] }),
    );
    await expect.poll(registered).toHaveLength(2);
    const manifestJs = await ext.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.getManifest().content_scripts?.map((c) => c.js));
    expect(await registered()).toEqual([
      expect.objectContaining({ id: 'inkludo-enabled-sites', matches: ['https://data.brreg.no/*'], js: manifestJs?.[0] }),
      expect.objectContaining({ id: 'inkludo-enabled-sites-style', matches: ['https://data.brreg.no/*'], js: manifestJs?.[1] }),
    ]);

    await options.reload();
    await options.waitForSelector('main[data-ready]');
    await options.getByRole('button', { name: 'Turn off on data.brreg.no' }).click();
    await expect.poll(registered).toEqual([]);
    await options.getByRole('button', { name: 'Turn off on not-granted.example' }).waitFor();
    await expect(options.getByRole('button', { name: 'Turn off on data.brreg.no' }).count()).resolves.toBe(0);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(options)).toEqual([]);
  });

  it('switches the page to Norwegian bokmål from the language setting', async () => {
    await options.selectOption('#language', 'nb');
    await options.getByRole('heading', { level: 1, name: 'Innstillinger for Inkludo' }).waitFor();
    await expect(options.evaluate(() => document.documentElement.lang)).resolves.toBe('nb');
    await expect(options.getByRole('heading', { name: 'Leverandørregister' }).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(options)).toEqual([]);
  });
});
