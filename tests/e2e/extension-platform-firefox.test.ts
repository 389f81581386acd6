/**
 * Firefox ESR smoke test of the Firefox build (background event page, content script): the add-on
 * installs; on a TED notice page the background fetches and reads the notice XML for the panel; on a
 * portal page the content script marks reservation wording and an organisation number with CSS
 * highlights (Firefox 149+) in one closed panel host, without changing the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import { marksInPage } from './support/ax.ts';
import { launchFirefoxWithExtension, type ExtensionInFirefox } from './support/firefox.ts';
import { startConnectProxy, startHttpsServer, type HttpsTestServer } from './support/https-server.ts';

const PORTAL_PAGE = 'https://www.doffin.no/notices/2024-100002';
const PORTAL_HTML = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Kunngjøring</title></head><body>
<main><h1>Vedlikehold av grøntareal</h1>
<p>Konkurransen er forbeholdt vernede bedrifter etter FOA § 16-9.</p>
<p>Leverandør: Demo Vekst AS, org.nr. 100 427 311.</p></main></body></html>`;

const TED_PAGE = 'https://ted.europa.eu/en/notice/-/detail/123456-2026';
const NOTICE_XML = readFileSync(resolve(REPO_ROOT, 'tests/fixtures/notice/cn-both-reservations-se.xml'), 'utf8');
const xmlRequests: string[] = [];

let server: HttpsTestServer;
let proxy: { port: number; close(): Promise<void> };
let firefox: ExtensionInFirefox;

beforeAll(async () => {
  server = await startHttpsServer((_request, response, url) => {
    if (url.host === 'www.doffin.no') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PORTAL_HTML);
    if (url.host === 'ted.europa.eu' && url.pathname.endsWith('/xml')) {
      xmlRequests.push(url.pathname);
      return void response.writeHead(200, { 'content-type': 'application/xml' }).end(NOTICE_XML);
    }
    if (url.host === 'ted.europa.eu') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>TED</title><body><main>Notice</main></body>');
    response.writeHead(404).end();
  });
  proxy = await startConnectProxy(server.port);
  firefox = await launchFirefoxWithExtension({ httpsProxyPort: proxy.port });
});

afterAll(async () => {
  await firefox?.close();
  await proxy?.close();
  await server?.close();
});

describe('Firefox ESR', () => {
  it('installs the add-on under its gecko id', () => {
    expect(firefox.extensionId).toBe('inkludo@inkludo.example');
  });

  it('fetches and reads a TED notice in the background event page for the panel', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(TED_PAGE);
    const host = await page.waitForSelector('[data-inkludo="panel"][data-notice="notice"]', { timeout: 10_000 });
    // "notice" means the background fetched the XML and core read it; "fallback" would mean it failed.
    expect(await host?.evaluate((el) => [el.getAttribute('data-notice'), el.shadowRoot])).toEqual(['notice', null]);
    expect(xmlRequests).toEqual(['/en/notice/123456-2026/xml']);
    await page.close();
  });

  it('marks the reservation wording and the organisation number with highlights, and changes no page node', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(PORTAL_PAGE);
    await page.waitForSelector('[data-inkludo="panel"]', { timeout: 10_000 });
    const marked = () => page.evaluate(marksInPage);
    let marks: Record<string, string[]> = {};
    for (let i = 0; i < 40 && !(marks['inkludo-orgnr']?.length && marks['inkludo-reserved']?.length); i++) {
      marks = await marked();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(marks['inkludo-reserved']).toHaveLength(1);
    expect(marks['inkludo-orgnr']).toEqual(['100 427 311']);
    const page_ = await page.evaluate(() => ({ hosts: document.querySelectorAll('[data-inkludo]').length, paragraphs: [...document.querySelectorAll('main p')].map((p) => p.childNodes.length) }));
    expect(page_).toEqual({ hosts: 1, paragraphs: [1, 1] });
    await page.close();
  });
});
