/**
 * The organisation's rule pack address in the built extension (real Chromium): saved in the options
 * page, fetched from a local https server, revalidated with its ETag (304), a broken pack and a pack
 * for the wrong jurisdiction refused with the last good one kept, and the daily alarm fetching again.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, setRuleValue, type RulePack } from '../../core/index.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromiumWithExtension, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { startHttpsServer, type HttpsTestServer } from './support/https-server.ts';

// A host the extension may already fetch from (a portal), so no permission prompt is needed.
const HOST = 'www.opic.com';
const ADDRESS = `https://${HOST}/inkludo/regler-no.json`;

/** The Norwegian pack with the reported NOK 500 000 lower threshold verified by an organisation (a test). */
function organisationPack(): RulePack {
  const reference = { title: 'TEST: Lovdata, anskaffelsesloven § 2', url: 'https://lovdata.no/test' };
  const outcome = setRuleValue(DEFAULT_RULES.NO, 'NO-LOW-2026', { value: 500_000, from: '2026-07-01', to: null, status: 'verified', verifiedBy: 'TEST: Kommuneadvokaten', reference }, '2026-11-30');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.pack;
}

let served: 'good' | 'broken' | 'sweden' = 'good';
const seen: (string | null)[] = [];
let server: HttpsTestServer;
let ext: ExtensionInChromium;
let options: Page;

type StoredSource = { url: string; pack: { version: string } | null; attempt: { at: string; outcome: string; reason: string | null } | null };

async function storedSources(): Promise<StoredSource[]> {
  return ext.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    return ((await chrome.storage.local.get('rulePackSources')).rulePackSources ?? []) as StoredSource[];
  });
}

function section(): Locator {
  return options.getByRole('region', { name: 'Organisation rule pack address' });
}

beforeAll(async () => {
  server = await startHttpsServer((request, response, url) => {
    if (url.host !== HOST || url.pathname !== '/inkludo/regler-no.json') return void response.writeHead(404).end();
    seen.push(request.headers['if-none-match'] ?? null);
    const etag = `"${served}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
    const body = served === 'good' ? JSON.stringify(organisationPack()) : served === 'broken' ? '{"schema":' : JSON.stringify(DEFAULT_RULES.SE);
    response.writeHead(200, { 'content-type': 'application/json', ETag: etag }).end(body);
  });
  ext = await launchChromiumWithExtension({ args: server.chromiumArgs([HOST]) });
  options = await ext.openExtensionPage('extension/options/index.html');
  await options.waitForSelector('main[data-ready]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('organisation rule pack in the extension', () => {
  it('refuses a plain-http address without saving it', async () => {
    await section().getByLabel('Address (https)').fill('http://intranet.example/regler.json');
    await section().getByRole('button', { name: 'Save rule pack address' }).click();
    await options.getByTestId('rulepack-outcome').getByText('Enter a full address starting with https://.').waitFor();
    expect(await storedSources()).toEqual([]);
  });

  it('fetches the pack, shows its provenance and schedules the daily fetch', async () => {
    await section().getByLabel('Country').selectOption('NO');
    await section().getByLabel('Address (https)').fill(ADDRESS);
    await section().getByRole('button', { name: 'Save rule pack address' }).click();
    const item = options.getByTestId('rulepack-sources').locator('li[data-jurisdiction="NO"]');
    await item.getByText(`Rules: Norway, organisation pack from ${ADDRESS}, verified by TEST: Kommuneadvokaten, fetched`).waitFor();
    expect(seen).toEqual([null]);
    expect((await storedSources())[0]).toMatchObject({ url: ADDRESS, attempt: { outcome: 'fetched' } });
    const alarm = await ext.worker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.alarms.get('rule-pack-refresh'))?.periodInMinutes);
    expect(alarm).toBe(24 * 60);
  });

  it('revalidates with the ETag (304) and keeps the last good pack when the address serves a broken or Swedish pack', async () => {
    const item = options.getByTestId('rulepack-sources').locator('li[data-jurisdiction="NO"]');
    await item.getByRole('button', { name: 'Fetch the rule pack now' }).click();
    await item.getByText(/: unchanged\./).waitFor();
    expect(seen).toEqual([null, '"good"']);

    served = 'broken';
    await item.getByRole('button', { name: 'Fetch the rule pack now' }).click();
    await item.getByText('failed: the file is not JSON. The last good pack is kept.', { exact: false }).waitFor();

    served = 'sweden';
    await item.getByRole('button', { name: 'Fetch the rule pack now' }).click();
    await item.getByText('This pack is for SE, but the address is set for NO: it was not used.').waitFor();
    await expect(item.getByText('verified by TEST: Kommuneadvokaten', { exact: false }).isVisible()).resolves.toBe(true);
    const [stored] = await storedSources();
    expect(stored?.attempt).toMatchObject({ outcome: 'failed', reason: 'invalid' });
    expect(stored?.pack).toMatchObject({ jurisdiction: 'NO' });
  });

  it('the daily alarm fetches again once the last attempt is a day old', async () => {
    served = 'good';
    const before = seen.length;
    await ext.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal & { chrome: { alarms: { create(name: string, info: { when: number }): void } } };
      const { rulePackSources } = (await chrome.storage.local.get('rulePackSources')) as { rulePackSources: { attempt: { at: string } }[] };
      rulePackSources[0]!.attempt.at = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
      await chrome.storage.local.set({ rulePackSources });
      chrome.alarms.create('rule-pack-refresh', { when: Date.now() + 50 });
    });
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(before + 1);
    // The pack it holds is still the one served as "good": a conditional request confirms it.
    expect(seen.at(-1)).toBe('"good"');
    await expect.poll(async () => (await storedSources())[0]?.attempt?.outcome).toBe('unchanged');
  });

  it('has no serious accessibility violations, and removing the address forgets its pack', async () => {
    await options.reload();
    await options.waitForSelector('main[data-ready]');
    expect(await seriousViolations(options)).toEqual([]);
    await section().getByRole('button', { name: 'Remove the address for Norway' }).click();
    await expect.poll(storedSources).toEqual([]);
  });
});
