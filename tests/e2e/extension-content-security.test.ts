/**
 * Page text reaches the injected UI only as text: a supplier whose registered name is markup
 * (`<img src=x onerror=...>`) shows that markup as characters and runs nothing. Also: text in
 * scripts, styles, form fields and editable regions is never annotated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/index.ts';
import { launchChromiumWithExtension, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { page as fixture, startPortalServer, type PortalServer } from './pages/portal-server.ts';

const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">';
const recent = addDays(new Date().toISOString().slice(0, 10), -30);
const REGISTRY_CSV = [
  '# source: Inkludo e2e registry <b>bold</b>',
  `# retrieved: ${recent}`,
  'orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;alt_names;source;retrieved',
  `738073-3159;"${MARKUP_NAME.replaceAll('"', '""')}";asf;55;occupied;${recent};yes;;9051;;;`,
  `837941-5063;Skenbar Städservice ek. för.;asf;30;occupied;${recent};yes;;9091;;;`,
  `100427311;Demo Vekst AS;arbeidsmarkedsbedrift;45;employees;${recent};yes;;9091;;;`,
].join('\n');

let server: PortalServer;
let browser: ExtensionInChromium;

beforeAll(async () => {
  server = await startPortalServer(new Map([['app.mercell.com/tender/-1204711', fixture('mercell-tender.html')]]));
  browser = await launchChromiumWithExtension({ args: server.chromiumArgs });
  const options = await browser.openExtensionPage('extension/popup/index.html');
  const imported = await options.evaluate((text) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({ type: 'registry/import', text, filename: 'e2e.csv' }), REGISTRY_CSV);
  expect(imported).toMatchObject({ ok: true, entries: 3 });
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('markup in page text and registry names', () => {
  it('shows a markup-like supplier name as text and runs nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://app.mercell.com/tender/-1204711');
    const badge = page.locator('inkludo-badge[data-inkludo="supplier"][data-orgnr="7380733159"]');
    await badge.locator('button.badge').click();
    // The name appears character for character in the details and the tooltip.
    await expect(badge.locator('.details p').first().textContent()).resolves.toBe(`${MARKUP_NAME} (738073-3159)`);
    await expect(badge.locator('button.badge').getAttribute('title')).resolves.toContain(MARKUP_NAME);
    await expect(badge.locator('.details').textContent()).resolves.toContain('<b>bold</b>');
    // Give an onerror handler every chance to have run.
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => {
      const images = (root: Document | ShadowRoot): number =>
        root.querySelectorAll('img, b').length + [...root.querySelectorAll('*')].reduce((n, e) => n + (e.shadowRoot ? images(e.shadowRoot) : 0), 0);
      return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, images: images(document) };
    });
    expect(found).toEqual({ pwned: undefined, images: 0 });
    // The page's own text is unchanged.
    await expect(page.locator('p').first().innerText()).resolves.toContain(`Tidigare leverantör: ${MARKUP_NAME}`);
    await page.close();
  });

  it('annotates prose only: not scripts, styles, form fields or editable regions', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://app.mercell.com/tender/-1204711');
    // The last line of the page is scanned, so everything before it has been too.
    await page.locator('inkludo-badge[data-orgnr="8379415063"][data-via="orgnr"]').waitFor();
    const where = await page.locator('inkludo-badge').evaluateAll((badges) => badges.map((b) => `${b.parentElement?.tagName}:${b.getAttribute('data-orgnr')}:${b.getAttribute('data-via')}`));
    expect(where).toEqual(['P:7380733159:orgnr', 'P:8379415063:name', 'P:8379415063:orgnr']);
    await expect(page.locator('textarea').inputValue()).resolves.toBe('Skriv inte 100427311 här');
    await expect(page.locator('[contenteditable] inkludo-badge').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pageOrgnr: string }).__pageOrgnr)).resolves.toBe('100427311');
    await page.close();
  });

  it('without a registry says the numbers were not compared, rather than "not in registry"', async () => {
    const options = await browser.openExtensionPage('extension/popup/index.html');
    await expect(options.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({ type: 'registry/clear' }))).resolves.toEqual({ ok: true });
    await options.close();
    const page = await browser.context.newPage();
    await page.goto('https://app.mercell.com/tender/-1204711');
    const badge = page.locator('inkludo-badge[data-orgnr="8379415063"]');
    await badge.waitFor();
    await expect(page.locator('inkludo-badge').evaluateAll((all) => all.map((b) => b.getAttribute('data-state')))).resolves.toEqual(['no-registry', 'no-registry']);
    await expect(badge.locator('button.badge').textContent()).resolves.toBe('No registry loaded');
    await page.close();
  });
});
