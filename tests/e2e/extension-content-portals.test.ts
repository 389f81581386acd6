/**
 * The built extension in real Chromium on portal pages served from 127.0.0.1 under the portals' real
 * host names (see pages/portal-server.ts): supplier badges, reservation flags from page text, the TED
 * notice panel from notice XML, a late-rendering single-page app, and the fallback when TED fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../core/index.ts';
import { EFORMS_FIXTURES } from '../support/paths.ts';
import { launchChromiumWithExtension, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { page as fixture, startPortalServer, type PortalServer, type Route } from './pages/portal-server.ts';

const xml = (file: string, edit: (s: string) => string = (s) => s): Route => ({
  type: 'application/xml',
  body: edit(readFileSync(join(EFORMS_FIXTURES, file), 'utf8')),
});

const today = new Date().toISOString().slice(0, 10);
const recent = addDays(today, -30);
const old = addDays(today, -700);
// Fictitious organisations (valid checksums from the demo registry's unassigned ranges).
const REGISTRY_CSV = [
  '# source: Inkludo e2e registry',
  `# retrieved: ${recent}`,
  '# demo: true',
  'orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;alt_names;source;retrieved',
  `100427311;Demo Vekst AS;arbeidsmarkedsbedrift;45;employees;${recent};yes;1804;9091 7731 85;;;`,
  `101588246;Fiktiv Arbeid og Inkludering AS;arbeidsmarkedsbedrift;30;employees;${old};yes;0301;9051;;;`,
  `109477346;Lekeland Renhold SA;arbeidsmarkedsbedrift;30;employees;${recent};yes;18;9091;;;`,
  `734127-5100;Exempel Arbetsintegrering ek. för.;asf;45;occupied;${recent};yes;2180;9091;;;`,
].join('\n');

const PUB = { reserved: '12345-2026', publicService: '23456-2026', broken: '34567-2026', award: '45678-2026', social: '56789-2026' };

const routes = new Map<string, Route>([
  [`ted.europa.eu/en/notice/-/detail/${PUB.reserved}`, fixture('ted-notice.html')],
  [`ted.europa.eu/en/notice/${PUB.reserved}/xml`, xml('op-ted-eforms-sdk/pin-cfc-social_24.xml')],
  [`ted.europa.eu/sv/notice/-/detail/${PUB.publicService}`, fixture('ted-notice.html')],
  [`ted.europa.eu/en/notice/${PUB.publicService}/xml`, xml('op-ted-eforms-sdk/cn_24_maximal.xml')],
  [`ted.europa.eu/en/notice/-/detail/${PUB.broken}`, fixture('ted-notice-text.html')],
  [`ted.europa.eu/en/notice/${PUB.broken}/xml`, { status: 500, type: 'text/plain', body: 'Internal Server Error' }],
  [`ted.europa.eu/en/notice/-/detail/${PUB.award}`, fixture('ted-notice.html')],
  // A real award notice whose winner is given a registry supplier's number.
  [`ted.europa.eu/en/notice/${PUB.award}/xml`, xml('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml', (s) => s.replaceAll('914791723', '100427311'))],
  [`ted.europa.eu/en/notice/-/detail/${PUB.social}`, fixture('ted-notice.html')],
  [`ted.europa.eu/en/notice/${PUB.social}/xml`, xml('op-ted-eforms-sdk/cn-social_25.xml')],
  ['ted.europa.eu/en/search/result', fixture('ted-search.html')],
  ['www.doffin.no/notices/2026-100001', fixture('doffin-notice.html')],
  ['www.kommersannons.se/Notice/TenderNotice/4711', fixture('kommers-notice.html')],
  ['app.mercell.com/tender/-1204711', fixture('mercell-tender.html')],
  ['data.brreg.no/enhetsregisteret/api/enheter/100427311', {
    type: 'application/json',
    body: JSON.stringify({ organisasjonsnummer: '100427311', navn: 'DEMO VEKST AS', organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' }, antallAnsatte: 37, harRegistrertAntallAnsatte: true }),
  }],
]);

let server: PortalServer;
let browser: ExtensionInChromium;

async function sendFromExtension(message: unknown): Promise<unknown> {
  const page = await browser.openExtensionPage('extension/popup/index.html');
  try {
    return await page.evaluate((m) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** Text inside an injected element's open shadow root (its style sheet left out). */
function shadowText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (host) =>
    [...(host.shadowRoot?.children ?? [])].filter((c) => c.tagName !== 'STYLE').map((c) => c.textContent).join(' '),
  );
}

beforeAll(async () => {
  server = await startPortalServer(routes);
  browser = await launchChromiumWithExtension({ args: server.chromiumArgs });
  const imported = await sendFromExtension({ type: 'registry/import', text: REGISTRY_CSV, filename: 'e2e.csv' });
  expect(imported).toMatchObject({ ok: true, entries: 4 });
  await sendFromExtension({ type: 'settings/set', settings: { language: 'en' } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('TED notice pages', () => {
  it('shows the notice panel from the XML: res-ws with its legal basis, fitting suppliers, the note', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.reserved}`);
    const panel = page.locator('inkludo-panel[data-inkludo="notice-panel"][data-state="notice"]');
    await panel.waitFor();
    const signal = panel.locator('li.signal[data-kind="work-integration"]');
    await expect(signal.textContent()).resolves.toContain('Directive 2014/24/EU art. 20');
    await expect(signal.getAttribute('data-code')).resolves.toBe('BT-71 res-ws');
    await expect(panel.locator('ul.fitting li[data-orgnr="100427311"]').textContent()).resolves.toContain('Demo Vekst AS');
    const text = await shadowText(page, 'inkludo-panel');
    expect(text).toContain('DEMO DATA');
    expect(text).toContain('equal treatment');
    expect(text).toContain(`https://ted.europa.eu/en/notice/${PUB.reserved}/xml`);
    // The page rendered late (500 ms): its numbers still got badges.
    await page.locator('inkludo-badge[data-orgnr="100427311"][data-via="orgnr"][data-state="eligible"]').waitFor();
    await page.locator('inkludo-badge[data-orgnr="100427311"][data-via="name"][data-state="eligible"]').waitFor();
    await page.locator('inkludo-badge[data-orgnr="988077917"][data-state="not-in-registry"]').waitFor();
    // With the XML read, page wording is not flagged on top of the panel.
    await expect(page.locator('inkludo-flag').count()).resolves.toBe(0);
    await page.close();
  });

  it('keeps res-pub-ser apart: a public-service-mission reservation, never a sheltered-workshop one', async () => {
    const page = await open(`https://ted.europa.eu/sv/notice/-/detail/${PUB.publicService}`);
    const panel = page.locator('inkludo-panel[data-state="notice"]');
    await panel.waitFor();
    const lot1 = panel.locator('section.lot[data-lot="LOT-0001"]');
    await expect(lot1.locator('li.signal[data-kind="public-service-mission"]').count()).resolves.toBe(1);
    await expect(lot1.locator('li.signal[data-kind="work-integration"]').count()).resolves.toBe(0);
    await expect(lot1.locator('li.signal[data-kind="sheltered-execution"]').count()).resolves.toBe(1);
    await expect(panel.locator('section.lot[data-lot="LOT-0002"] li.signal[data-kind="work-integration"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows social signals (BT-775 opp) and sheltered execution (BT-736) on a lot that is not reserved', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.social}`);
    const panel = page.locator('inkludo-panel[data-state="notice"]');
    await panel.waitFor();
    const kinds = await panel.locator('li.signal').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toEqual(['sheltered-execution', 'social-employment-objective']);
    await expect(panel.locator('li.signal[data-kind="social-employment-objective"]').textContent()).resolves.toContain('A signal, not a reservation');
    await expect(shadowText(page, 'inkludo-panel')).resolves.toContain('Social objectives (BT-775): opp, acc-all');
    // A contract notice names no winners, so there is no winners section.
    await expect(panel.locator('section.winners').count()).resolves.toBe(0);
    await page.close();
  });

  it('lists award winners found in the registry', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.award}`);
    const winners = page.locator('inkludo-panel[data-state="notice"] section.winners');
    await expect(winners.locator('li[data-orgnr="100427311"]').textContent()).resolves.toContain('Demo Vekst AS');
    await expect(winners.textContent()).resolves.toContain('Winners in the registry');
    await page.close();
  });

  it('follows the single-page app from a search result to a notice and shows its panel', async () => {
    const page = await open('https://ted.europa.eu/en/search/result?FT=social&scope=ACTIVE');
    await expect(page.locator('inkludo-panel').count()).resolves.toBe(0);
    await page.locator('#open').click();
    await page.locator('inkludo-panel[data-state="notice"] li.signal[data-kind="work-integration"]').waitFor();
    await page.locator('inkludo-badge[data-orgnr="988077917"]').waitFor();
    await page.close();
  });

  it('when TED answers 500 for the XML, falls back to the page text and keeps scanning', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.broken}`);
    await page.locator('inkludo-panel[data-state="fallback"]').waitFor();
    await expect(shadowText(page, 'inkludo-panel')).resolves.toContain('http-error');
    const flag = page.locator('inkludo-flag[data-inkludo="reserved"]');
    await flag.waitFor();
    await expect(flag.getAttribute('data-reservation')).resolves.toBe('work-integration');
    // The flag sits right after the reservation text, inside the value's element.
    await expect(page.locator('span.dynamic-label > inkludo-flag').count()).resolves.toBe(1);
    await page.locator('inkludo-badge[data-orgnr="109477346"][data-state="eligible"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toContain('Renhold av kommunale bygg');
    await page.close();
  });
});

describe('Doffin (single-page app, no notice XML)', () => {
  it('recognises "Reservert deltakelse" on late content, not the "Ingen" lot, and badges suppliers', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100001');
    const flag = page.locator('section[data-lot="1"] inkludo-flag[data-inkludo="reserved"]');
    await flag.waitFor();
    await expect(flag.getAttribute('data-reservation')).resolves.toBe('work-integration');
    await page.locator('inkludo-badge[data-orgnr="988077917"]').waitFor();
    await expect(page.locator('section[data-lot="2"] inkludo-flag').count()).resolves.toBe(0);
    // A registry name without its number, a registry number with stale evidence, an unknown number.
    await expect(page.locator('inkludo-badge[data-orgnr="100427311"]').getAttribute('data-via')).resolves.toBe('name');
    await expect(page.locator('inkludo-badge[data-orgnr="100427311"]').getAttribute('data-state')).resolves.toBe('eligible');
    await expect(page.locator('inkludo-badge[data-orgnr="101588246"]').getAttribute('data-state')).resolves.toBe('in-registry');
    await expect(page.locator('inkludo-badge[data-orgnr="988077917"]').getAttribute('data-state')).resolves.toBe('not-in-registry');
    // The page text is intact around the inserted badges.
    await expect(page.locator('main li').nth(1).innerText()).resolves.toContain('Fiktiv Arbeid og Inkludering AS, org.nr. 101 588 246');
    await page.close();
  });

  it('looks a Norwegian number up in Enhetsregisteret on demand and shows the answer as text', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100001');
    const badge = page.locator('inkludo-badge[data-orgnr="100427311"]');
    await badge.locator('button.badge').click();
    await badge.locator('button.brreg-button').click();
    const output = badge.locator('output.brreg-result[data-outcome="active"]');
    await output.waitFor();
    await expect(output.textContent()).resolves.toContain('DEMO VEKST AS, registered, active');
    await expect(output.textContent()).resolves.toContain('Employees: 20–49');
    await page.close();
  });

  it('tells the background what it found, for the toolbar badge', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100001');
    await page.locator('inkludo-badge[data-orgnr="988077917"]').waitFor();
    const tabs = await browser.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.tabs.query({ url: 'https://www.doffin.no/*' }));
    expect(tabs).toHaveLength(1);
    await expect
      .poll(() => sendFromExtension({ type: 'page/status', tabId: tabs[0]?.id ?? -1 }), { timeout: 5000 })
      .toMatchObject({ ok: true, counts: { reserved: 1, suppliers: 3, registryMatches: 2 } });
    await page.close();
  });
});

describe('the user\'s language', () => {
  it('labels flags and badges in Norwegian when the settings say nb', async () => {
    await sendFromExtension({ type: 'settings/set', settings: { language: 'nb' } });
    try {
      const page = await open('https://www.doffin.no/notices/2026-100001');
      await page.locator('inkludo-flag').waitFor();
      await expect(shadowText(page, 'inkludo-flag')).resolves.toBe('Reservert kontrakt: vernede bedrifter og arbeidsinkludering (30 %-regelen)');
      await expect(page.locator('inkludo-badge[data-orgnr="988077917"] button.badge').textContent()).resolves.toBe('Ikke i registeret');
      await page.close();
    } finally {
      await sendFromExtension({ type: 'settings/set', settings: { language: 'en' } });
    }
  });
});

describe('Kommers Annons (Swedish eForms view)', () => {
  it('flags res-ws and res-pub-ser wording as different kinds, not the "inte reserverat" lot', async () => {
    const page = await open('https://www.kommersannons.se/Notice/TenderNotice/4711');
    await page.locator('inkludo-badge[data-orgnr="5560868225"]').waitFor();
    const kinds = await page.locator('inkludo-flag').evaluateAll((flags) => flags.map((f) => [f.closest('.lot')?.querySelector('h3')?.textContent?.slice(0, 8), f.getAttribute('data-reservation')]));
    expect(kinds).toEqual([
      ['LOT-0001', 'work-integration'],
      ['LOT-0002', 'public-service-mission'],
    ]);
    await expect(page.locator('inkludo-badge[data-orgnr="7341275100"][data-via="orgnr"]').getAttribute('data-state')).resolves.toBe('eligible');
    await expect(page.locator('inkludo-badge[data-orgnr="7341275100"][data-via="name"]').getAttribute('data-state')).resolves.toBe('eligible');
    await expect(page.locator('inkludo-badge[data-orgnr="5560868225"]').getAttribute('data-state')).resolves.toBe('not-in-registry');
    // Swedish numbers get no Enhetsregisteret button.
    await expect(page.locator('inkludo-badge[data-orgnr="5560868225"] button.brreg-button').count()).resolves.toBe(0);
    await page.close();
  });
});
