/**
 * Firefox ESR smoke test of the Firefox build (background event page, polyfill, content script): the
 * add-on installs; on a TED notice page the background fetches and reads the notice XML for the
 * content script's panel; on a portal page the content script flags reservation wording and an
 * organisation number.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import { launchFirefoxWithExtension, type ExtensionInFirefox } from './support/firefox.ts';
import { startConnectProxy, startHttpsServer, type HttpsTestServer } from './support/https-server.ts';

const PORTAL_PAGE = 'https://www.doffin.no/notices/2024-100002';
const PORTAL_HTML = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Kunngjøring</title></head><body>
<main><h1>Vedlikehold av grøntareal</h1>
<p>Konkurransen er forbeholdt vernede bedrifter etter FOA § 16-9.</p>
<p>Leverandør: Demo Vekst AS, org.nr. 100 427 311.</p></main></body></html>`;

const TED_PAGE = 'https://ted.europa.eu/en/notice/-/detail/123456-2026';
const NOTICE_XML = readFileSync(resolve(REPO_ROOT, 'tests/fixtures/notice/cn-both-reservations-se.xml'), 'utf8');
const NOTICE_ID = '00000000-0000-4000-8000-000000000001';
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

  it('fetches and reads a TED notice in the background event page for the notice panel', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(TED_PAGE);
    const panel = await page.waitForSelector('[data-inkludo="notice-panel"][data-state]', { timeout: 10_000 });
    // "notice" means the background fetched the XML and core read it; "fallback" would mean it failed.
    expect(await panel?.evaluate((el) => [el.getAttribute('data-state'), el.getAttribute('data-notice')])).toEqual(['notice', NOTICE_ID]);
    expect(xmlRequests).toEqual(['/en/notice/123456-2026/xml']);
    await page.close();
  });

  it('runs the content script on a portal page and flags the reservation wording', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(PORTAL_PAGE);
    await page.waitForSelector('[data-inkludo="reserved"]', { timeout: 10_000 });
    const kinds = await page.$$eval('[data-inkludo]', (els) => els.map((el) => el.getAttribute('data-inkludo')));
    expect(kinds).toContain('reserved');
    expect(kinds).toContain('supplier');
    const orgnrs = await page.$$eval('[data-inkludo="supplier"]', (els) => els.map((el) => el.getAttribute('data-orgnr')));
    expect(orgnrs).toContain('100427311');
    await page.close();
  });
});
