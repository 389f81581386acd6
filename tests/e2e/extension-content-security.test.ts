/**
 * Hostile pages and the extension's trust boundary (issue 11): page text reaches the panel only as
 * text; only prose is read; a page script cannot read what the registry holds (closed shadow root, no
 * message channel to the extension); and a content script cannot import, clear, export the registry
 * or change settings, only ask for matches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/index.ts';
import { markedText, waitForPanel } from './support/ax.ts';
import { launchChromiumWithExtension, sendFromExtensionPage, type ExtensionInChromium } from './support/chromium.ts';
import { exposePanel, inContentScript } from './support/panel-hooks.ts';
import { page as fixture, startPortalServer, type PortalServer } from './pages/portal-server.ts';

const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">';
const recent = addDays(new Date().toISOString().slice(0, 10), -30);
const SOURCE = 'Inkludo e2e registry <b>bold</b>';
const REGISTRY_CSV = [
  `# source: ${SOURCE}`,
  `# retrieved: ${recent}`,
  'orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;alt_names;source;retrieved',
  `738073-3159;"${MARKUP_NAME.replaceAll('"', '""')}";asf;55;occupied;${recent};yes;;9051;;;`,
  `837941-5063;Skenbar Städservice ek. för.;asf;30;occupied;${recent};yes;;9091;;;`,
  `100427311;Demo Vekst AS;arbeidsmarkedsbedrift;45;employees;${recent};yes;;9091;;;`,
].join('\n');
const PAGE = 'https://app.mercell.com/tender/-1204711';

let server: PortalServer;
let browser: ExtensionInChromium;

const fromExtensionPage = (message: unknown): Promise<unknown> => sendFromExtensionPage(browser, message);

beforeAll(async () => {
  server = await startPortalServer(new Map([['app.mercell.com/tender/-1204711', fixture('mercell-tender.html')]]));
  browser = await launchChromiumWithExtension({ args: server.chromiumArgs });
  await expect(fromExtensionPage({ type: 'registry/import', text: REGISTRY_CSV, filename: 'e2e.csv' })).resolves.toMatchObject({ ok: true, entries: 3 });
  await fromExtensionPage({ type: 'settings/set', settings: { language: 'en' } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('what a web page can learn', () => {
  it('a page script cannot read the panel or reach the extension', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('8379415063')));
    const seen = await page.evaluate(() => {
      const host = document.querySelector('[data-inkludo]');
      const chromeGlobal = (window as unknown as { chrome?: { runtime?: unknown } }).chrome;
      return {
        kind: host?.getAttribute('data-inkludo'),
        hosts: document.querySelectorAll('[data-inkludo]').length,
        shadowRoot: host?.shadowRoot ?? null,
        hostText: host?.textContent ?? '',
        hostChildren: host?.children.length,
        pageText: document.documentElement.innerHTML,
        runtime: chromeGlobal?.runtime === undefined,
      };
    });
    expect(seen).toMatchObject({ kind: 'panel', hosts: 1, shadowRoot: null, hostText: '', hostChildren: 0, runtime: true });
    // Nothing the registry says (source, shares, status) is anywhere a page script can read.
    for (const secret of ['Inkludo e2e registry', '55 %', 'in your registry', 'Skenbar Städservice ek. för.,']) expect(seen.pageText).not.toContain(secret);
    await page.close();
  });

  it('a content script may ask for matches but cannot import, clear or export the registry, or change settings', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('8379415063')));
    const send = (message: unknown) => inContentScript(page, browser.extensionId, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
    for (const message of [
      { type: 'registry/import', text: 'orgnr;name\n974760673;Evil AS', filename: 'evil.csv' },
      { type: 'registry/clear' },
      { type: 'registry/export', format: 'json' },
      { type: 'registry/lookup', orgnr: '100427311' },
      { type: 'settings/set', settings: { language: 'sv' } },
      { type: 'settings/get' },
      { type: 'registry/status' },
    ]) {
      await expect(send(message), message.type).resolves.toEqual({ ok: false, code: 'forbidden' });
    }
    await expect(send({ type: 'registry/snapshot' })).resolves.toEqual({ ok: false, code: 'bad-message' });
    // What a page may ask: matches for what is on it, nothing more.
    const matched = (await send({ type: 'registry/match', orgnrs: ['100427311', '988077917'], names: [] })) as { ok: boolean; suppliers: { orgnr: string }[] };
    expect(matched.ok).toBe(true);
    expect(matched.suppliers.map((s) => s.orgnr)).toEqual(['100427311']);
    // Nothing changed.
    await expect(fromExtensionPage({ type: 'registry/status' })).resolves.toMatchObject({ ok: true, status: { registry: { entries: 3 } } });
    await expect(fromExtensionPage({ type: 'settings/get' })).resolves.toMatchObject({ ok: true, settings: { language: 'en' } });
    await page.close();
  });
});

describe('markup in page text and registry names', () => {
  it('shows a markup-like supplier name and source as text and runs nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('7380733159')));
    expect(view.findings.find((f) => f.includes('7380733159'))).toBe(`${MARKUP_NAME}, org.nr. 7380733159: in your registry (${SOURCE}, ${recent})`);
    await page.waitForTimeout(300);
    await exposePanel(page);
    const found = await page.evaluate(() => {
      const root = document.querySelector('inkludo-panel')?.shadowRoot;
      return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, images: document.querySelectorAll('img, b').length + (root?.querySelectorAll('img, b').length ?? -1) };
    });
    expect(found).toEqual({ pwned: undefined, images: 0 });
    await expect(page.locator('p').first().innerText()).resolves.toContain(`Tidigare leverantör: ${MARKUP_NAME}`);
    await page.close();
  });

  it('reads prose only: not scripts, styles, form fields or editable regions', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('8379415063')));
    const marks = await markedText(page);
    expect(marks['inkludo-supplier']?.sort()).toEqual(['738073-3159', '837941-5063', 'Skenbar Städservice ek. för.']);
    expect(marks['inkludo-other']).toEqual([]);
    await expect(page.locator('textarea').inputValue()).resolves.toBe('Skriv inte 100427311 här');
    await expect(page.evaluate(() => (window as unknown as { __pageOrgnr: string }).__pageOrgnr)).resolves.toBe('100427311');
    await page.close();
  });

  it('without a registry says the numbers were not compared, rather than "not in registry"', async () => {
    await expect(fromExtensionPage({ type: 'registry/clear' })).resolves.toEqual({ ok: true });
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    const view = await waitForPanel(page, (v) => v.text.includes('not compared'));
    expect(view.findings).toEqual([]);
    expect(view.text).toContain('No supplier registry is loaded, so 2 organisation numbers on this page were not compared');
    await page.close();
  });
});
