/**
 * The popup in real Chromium with the built extension: the counts the content script reported for a
 * portal tab and the tab's badge, registry status, the quick organisation-number lookup (registry and
 * Enhetsregisteret, cached), the equal-treatment note and axe-core.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromiumWithExtension, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { startHttpsServer, type HttpsTestServer } from './support/https-server.ts';
import { ENHET } from '../fixtures/brreg/enhet.ts';

const PORTAL_PAGE = 'https://www.doffin.no/notices/2024-100001';
const PORTAL_HTML = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Kunngjøring</title></head><body>
<main><h1>Renhold av kommunale bygg</h1>
<p>Konkurransen er forbeholdt vernede bedrifter etter FOA § 16-9.</p>
<p>Aktuelle leverandører: Demo Vekst AS, org.nr. 100 427 311.</p></main></body></html>`;


const brregHits: string[] = [];
let server: HttpsTestServer;
let ext: ExtensionInChromium;
let portalTabId: number;
let popup: Page;

async function openPopup(tabId: number): Promise<Page> {
  const page = await ext.openExtensionPage(`extension/popup/index.html?tab=${tabId}`);
  await page.waitForSelector('main[data-ready]');
  return page;
}

async function lookUp(page: Page, orgnr: string): Promise<string> {
  await page.fill('#orgnr-input', orgnr);
  await page.getByRole('button', { name: 'Look up' }).click();
  const result = page.getByTestId('lookup-result');
  await result.locator('p').first().waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled);
  return (await result.innerText()).replace(/\s+/g, ' ');
}

beforeAll(async () => {
  server = await startHttpsServer((_request, response, url) => {
    if (url.host === 'www.doffin.no') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PORTAL_HTML);
    const brreg = /^\/enhetsregisteret\/api\/enheter\/(\d{9})$/.exec(url.pathname);
    if (url.host === 'data.brreg.no' && brreg) {
      brregHits.push(brreg[1] ?? '');
      if (brreg[1] === ENHET.organisasjonsnummer) return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ENHET));
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  ext = await launchChromiumWithExtension({ args: server.chromiumArgs(['www.doffin.no', 'data.brreg.no']) });

  const demoCsv = readFileSync(resolve(REPO_ROOT, 'samples/registry.demo.csv'), 'utf8');
  const setup = await ext.openExtensionPage('extension/options/index.html');
  const imported = await setup.evaluate(
    (text) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({ type: 'registry/import', text, filename: 'registry.demo.csv', demo: true }),
    demoCsv,
  );
  expect(imported).toMatchObject({ ok: true, entries: 25 });
  await setup.close();

  const portal = await ext.context.newPage();
  await portal.goto(PORTAL_PAGE);
  const tabs = await ext.worker.evaluate((url) => (globalThis as unknown as ChromeGlobal).chrome.tabs.query({ url }), PORTAL_PAGE);
  portalTabId = tabs[0]?.id ?? -1;
  // The content script reports after scanning; wait (in the worker) until the background has the tab's counts.
  await ext.worker.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    for (let i = 0; i < 100 && !(await chrome.storage.session.get(key))[key]; i++) await new Promise((r) => setTimeout(r, 100));
  }, `page:${portalTabId}`);
  popup = await openPopup(portalTabId);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('popup', () => {
  it("shows the counts the content script reported for the tab, and the tab's badge", async () => {
    const counts = (await ext.worker.evaluate(
      async (key) => (await (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(key))[key],
      `page:${portalTabId}`,
    )) as { reserved: number; suppliers: number; registryMatches: number };
    expect(counts.reserved).toBeGreaterThanOrEqual(1);
    expect(counts.registryMatches).toBeGreaterThanOrEqual(1);
    const shown = await popup.getByTestId('page-counts').locator('dd').evaluateAll((dds) =>
      Object.fromEntries(dds.map((dd) => [(dd as HTMLElement).dataset.count, Number(dd.textContent)])),
    );
    expect(shown).toEqual(counts);
    const badge = await ext.worker.evaluate((tabId) => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({ tabId }), portalTabId);
    expect(badge).toBe(String(counts.reserved + counts.registryMatches));
  });

  it('says a portal is always on, and that a page without the content script was not scanned', async () => {
    await expect(popup.getByText('www.doffin.no is a supported portal: Inkludo always runs here.').isVisible()).resolves.toBe(true);
    const blank = await ext.context.newPage();
    await blank.goto('about:blank');
    // Tab ids grow, so the blank page opened last has the highest.
    const tabs = await ext.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.tabs.query({}));
    const blankTabId = Math.max(...tabs.map((t) => t.id ?? -1));
    const otherPopup = await openPopup(blankTabId);
    await expect(otherPopup.getByTestId('page-none').isVisible()).resolves.toBe(true);
    await otherPopup.close();
    await blank.close();
  });

  it('shows the registry status with its DEMO label, source and age', async () => {
    const summary = popup.getByTestId('registry-summary');
    await expect(summary.getByText('DEMO DATA: fictitious organisations').isVisible()).resolves.toBe(true);
    await expect(summary.getByText('25 suppliers').isVisible()).resolves.toBe(true);
    await expect(summary.getByText('Source: Inkludo demo registry (fictitious organisations)').isVisible()).resolves.toBe(true);
    await expect(summary.getByText(/^Retrieved 2026-11-01 \(\d+ days ago\)$/).isVisible()).resolves.toBe(true);
  });

  it('looks a Norwegian number up in Enhetsregisteret once, then answers from the cache', async () => {
    const text = await lookUp(popup, '974 760 673');
    expect(text).toContain('Not listed in the registry.');
    expect(text).toContain('REGISTERENHETEN I BRØNNØYSUND (974 760 673)');
    expect(text).toContain('Status: active');
    expect(text).toContain('Legal form: Organisasjonsledd (ORGL)');
    expect(text).toContain('Industry: 84.110 Generell offentlig administrasjon');
    expect(text).toContain('Employees: 250 or more');
    await lookUp(popup, '974760673');
    expect(brregHits.filter((n) => n === '974760673')).toHaveLength(1);
  });

  it('shows a registry supplier with its source, and a number Enhetsregisteret does not know', async () => {
    const text = await lookUp(popup, '100427311');
    expect(text).toContain('DEMO DATA: fictitious organisations');
    expect(text).toContain('Demo Vekst AS is listed in the registry.');
    expect(text).toContain('Source: Inkludo demo registry (fictitious organisations), retrieved 2026-11-01');
    expect(text).toContain('Enhetsregisteret has no organisation with this number.');
  });

  it('does not ask Enhetsregisteret about a Swedish number or an invalid one', async () => {
    const hits = brregHits.length;
    const swedish = await lookUp(popup, '734127-5100');
    expect(swedish).toContain('Exempel Arbetsintegrering ek. för. is listed in the registry.');
    expect(swedish).toContain('Enhetsregisteret covers Norwegian organisations only.');
    const invalid = await lookUp(popup, '123456789');
    expect(invalid).toContain('fails the check digit');
    expect(brregHits.length).toBe(hits);
  });

  it('shows the equal-treatment note and has no serious or critical accessibility violations', async () => {
    await expect(popup.getByText(/^Indicator, not proof\./).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(popup)).toEqual([]);
  });
});
