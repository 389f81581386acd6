/**
 * The built extension in real Chromium on portal pages served from 127.0.0.1 under the portals' real
 * host names (see pages/portal-server.ts). What it found is read from the accessibility tree (the
 * panel is a landmark region in a closed shadow root) and the marks from the highlight registry:
 * wording that follows the page and the evidence, one entry per supplier, notices read from their
 * XML, late-rendered and re-rendered content, the keyboard path, and a page it never changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../core/index.ts';
import { EFORMS_FIXTURES } from '../support/paths.ts';
import { markedText, panelView, waitForPanel } from './support/ax.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromiumWithExtension, sendFromExtensionPage, type ChromeGlobal, type ExtensionInChromium } from './support/chromium.ts';
import { exposePanel } from './support/panel-hooks.ts';
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
  `100427311;Demo Vekst AS;arbeidsmarkedsbedrift;45;employees;${recent};yes;1804;9091 7731 85 55;;;`,
  `101588246;Fiktiv Arbeid og Inkludering AS;arbeidsmarkedsbedrift;30;employees;${old};yes;0301;9051;;;`,
  `109477346;Lekeland Renhold SA;arbeidsmarkedsbedrift;30;employees;${recent};yes;18;9091;;;`,
  `734127-5100;Exempel Arbetsintegrering ek. för.;asf;45;occupied;${recent};yes;2180;9091;;;`,
].join('\n');

const PUB = { reserved: '12345-2026', publicService: '23456-2026', broken: '34567-2026', award: '45678-2026', social: '56789-2026' };
const AWARD_PROCEDURE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

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
  ['www.doffin.no/notices/2026-100003', fixture('spa-rerender.html')],
  ['www.kommersannons.se/Notice/TenderNotice/4711', fixture('kommers-notice.html')],
  ['app.mercell.com/tender/-1204711', fixture('mercell-tender.html')],
  ['data.brreg.no/enhetsregisteret/api/enheter/100427311', {
    type: 'application/json',
    body: JSON.stringify({ organisasjonsnummer: '100427311', navn: 'DEMO VEKST AS', organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' }, antallAnsatte: 37, harRegistrertAntallAnsatte: true }),
  }],
]);

let server: PortalServer;
let browser: ExtensionInChromium;

const sendFromExtension = (message: unknown): Promise<unknown> => sendFromExtensionPage(browser, message);

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** The finding whose accessible name contains `text`. */
function finding(findings: readonly string[], text: string): string {
  const found = findings.find((f) => f.includes(text));
  if (!found) throw new Error(`no finding with "${text}" in ${JSON.stringify(findings)}`);
  return found;
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

describe('TED notices read from their XML', () => {
  it('reserved notice (res-ws): the reservation with its legal basis, and suppliers worded with share, date, source and eligibility', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.reserved}`);
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('100427311')));
    expect(finding(view.findings, 'sheltered workshops')).toContain('Reserved for sheltered workshops and work integration (30 % rule)');
    expect(finding(view.findings, 'sheltered workshops')).toContain('Directive 2014/24/EU art. 20');
    // Plain words only: the eForms code is a tooltip, not text.
    expect(view.text).not.toContain('res-ws');
    expect(finding(view.findings, '100427311')).toBe(
      `Demo Vekst AS, org.nr. 100427311: in your registry: share 45 % as of ${recent} (Inkludo e2e registry, ${recent}); meets the 30 % rule today (DEMO DATA)`,
    );
    expect(view.text).toContain('Registry suppliers whose categories fit: 1');
    expect(view.text).toContain('equal treatment');
    await page.close();
  });

  it('the same supplier by name and by number: one entry in the panel; every number marked alike, the name not marked', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.reserved}`);
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('100427311')));
    expect(view.findings.filter((f) => f.includes('100427311'))).toHaveLength(1);
    const marks = await markedText(page);
    // The marks say nothing of the registry: the registry number and the other one carry the same name.
    expect(marks['inkludo-orgnr']?.sort()).toEqual(['988077917', 'NO 100 427 311 MVA']);
    expect(Object.values(marks).flat()).not.toContain('Demo Vekst AS');
    // The number that is not in the registry is counted, not listed.
    expect(view.text).toContain('1 other valid organisation numbers on this page are not in your registry');
    await page.close();
  });

  it('res-pub-ser notice: a public-service-mission reservation, and no 30 % wording for suppliers', async () => {
    const page = await open(`https://ted.europa.eu/sv/notice/-/detail/${PUB.publicService}`);
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('100427311')));
    expect(finding(view.findings, 'LOT-0001')).toContain('Reserved for public-service-mission organisations (not the 30 % rule)');
    expect(view.findings.some((f) => f.includes('sheltered workshops and work integration'))).toBe(false);
    const supplier = finding(view.findings, '100427311');
    expect(supplier).toBe(`Demo Vekst AS, org.nr. 100427311: in your registry (Inkludo e2e registry, ${recent}) (DEMO DATA)`);
    expect(supplier).not.toMatch(/30 %|share/);
    // BT-775 codes in plain words.
    expect(view.text).toContain('Social objectives: accessibility for all');
    expect(view.text).not.toContain('acc-all');
    await page.close();
  });

  it('award notice: the winner from the registry and a link to the competition notice, never a bare procedure id', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.award}`);
    const view = await waitForPanel(page, (v) => v.text.includes('Winners in your registry') && v.findings.length > 0);
    expect(view.text).toMatch(/: Demo Vekst AS, org\.nr\. 100427311: in your registry \(Inkludo e2e registry, .*\)/);
    expect(view.text).toContain('Award notices never say whether the procedure was reserved.');
    expect(view.text).not.toMatch(AWARD_PROCEDURE);
    expect(view.links.map((l) => l.name)).toContain('Find the contract notice of this procedure on TED');
    await exposePanel(page);
    const href = await page.evaluate(() => [...(document.querySelector('inkludo-panel')?.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.href).find((h) => h.includes('/search/')));
    const procedure = new URL(href ?? 'https://x').searchParams.get('query');
    expect(href).toMatch(/^https:\/\/ted\.europa\.eu\/en\/search\/result\?/);
    expect(procedure).toMatch(new RegExp(`^procedure-identifier="${AWARD_PROCEDURE.source}"$`, 'i'));
    // Not a reserved notice: the page's supplier is in the registry, never "meets the 30 % rule".
    expect(finding(view.findings, '100427311')).not.toContain('30 %');
    await page.close();
  });

  it('when TED answers 500, says so in plain words and reads the page text instead', async () => {
    const page = await open(`https://ted.europa.eu/en/notice/-/detail/${PUB.broken}`);
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('109477346')) && v.findings.some((f) => f.includes('30 % rule')));
    expect(view.text).toContain('The notice data could not be read (TED answered with an error), so the page text is read instead.');
    expect(view.text).not.toContain('http-error');
    expect(finding(view.findings, 'recognised in the page text')).toContain('Reserved for sheltered workshops and work integration (30 % rule)');
    // The page text says res-ws: suppliers are worded with their share.
    expect(finding(view.findings, '109477346')).toContain('share 30 %');
    await expect(page.locator('h1').textContent()).resolves.toContain('Renhold av kommunale bygg');
    await page.close();
  });

  it('follows the single-page app from a search result to a notice', async () => {
    const page = await open('https://ted.europa.eu/en/search/result?FT=social&scope=ACTIVE');
    await page.locator('#open').click();
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('sheltered workshops')));
    expect(view.text).toContain('1 other valid organisation numbers');
    await page.close();
  });
});

describe('Doffin (single-page app, no notice XML)', () => {
  it('late-rendered content: reservation wording, a name-only match that says so and offers the number lookup', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100001');
    const view = await waitForPanel(page, (v) => v.findings.length >= 3);
    // Reading order: the reservation (lot 1), then the suppliers as the page lists them.
    expect(view.findings.map((f) => f.match(/\d{9}|sheltered workshops/)?.[0])).toEqual(['sheltered workshops', '100427311', '101588246']);
    expect(finding(view.findings, '100427311')).toContain('Demo Vekst AS, org.nr. 100427311, matched by name only: in your registry: share 45 %');
    expect(finding(view.findings, '101588246')).toContain('the evidence is too old for the 30 % rule');
    expect(view.text).toContain('The page names this supplier without its organisation number');
    await exposePanel(page);
    await page.evaluate(() => document.querySelector('inkludo-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('button.brreg')?.click());
    await expect.poll(async () => (await panelView(page))?.text ?? '', { timeout: 5000 }).toContain('Enhetsregisteret: DEMO VEKST AS, registered, active');
    await expect.poll(async () => (await panelView(page))?.text ?? '').toContain('Employees: 20–49');
    // The "Ingen" lot is not flagged; the page text is intact.
    expect(view.findings.filter((f) => f.includes('sheltered workshops'))).toHaveLength(1);
    await expect(page.locator('main li').nth(1).innerText()).resolves.toBe('Fiktiv Arbeid og Inkludering AS, org.nr. 101 588 246');
    await page.close();
  });

  it('tells the background what it found: the toolbar number and a title that says what it counts', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100001');
    await waitForPanel(page, (v) => v.findings.length >= 3);
    const tabs = await browser.worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.tabs.query({ url: 'https://www.doffin.no/notices/2026-100001' }));
    const tabId = tabs[0]?.id ?? -1;
    await expect.poll(() => sendFromExtension({ type: 'page/status', tabId }), { timeout: 5000 }).toMatchObject({ ok: true, counts: { reserved: 1, suppliers: 3, registryMatches: 2 } });
    const badge = await browser.worker.evaluate(async (id) => {
      const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome.action;
      return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
    }, tabId);
    expect(badge).toEqual({ text: '3', title: 'Inkludo: 1 reservation findings and 2 registry suppliers on this page' });
    await page.close();
  });

  it('a page whose scripts re-render the marked text keeps working, and the marks follow its text', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100003');
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('100427311')));
    expect((await markedText(page))['inkludo-orgnr']).toEqual(['100 427 311']);
    await expect(page.locator('#state').textContent()).resolves.toBe('ok 0');
    await page.locator('#update').click();
    await expect(page.locator('#state').textContent()).resolves.toBe('ok 1');
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('109477346')) && !v.findings.some((f) => f.includes('100427311')));
    expect(view.findings).toHaveLength(1);
    await expect.poll(async () => (await markedText(page))['inkludo-orgnr']).toEqual(['109 477 346']);
    await page.locator('#update').click();
    await expect(page.locator('#state').textContent()).resolves.toBe('ok 2');
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('100427311')));
    // Inkludo made no change to the page's own nodes (its one host goes after the body).
    const foreign = await page.evaluate(() => (window as unknown as { __foreign: string[] }).__foreign);
    expect(foreign).toEqual(['childList on HTML']);
    await page.close();
  });
});

describe('the panel', () => {
  it('keyboard: Tab into the panel, arrow keys through the findings, Enter scrolls to and selects the mention', async () => {
    const page = await open('https://www.doffin.no/notices/2026-100001');
    await page.setViewportSize({ width: 1000, height: 300 });
    await waitForPanel(page, (v) => v.findings.length >= 3);
    let focused: string | null = null;
    for (let i = 0; i < 6 && !focused?.includes('sheltered workshops'); i++) {
      await page.keyboard.press('Tab');
      focused = (await panelView(page))?.focused ?? null;
    }
    expect(focused).toContain('sheltered workshops');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await panelView(page))?.focused).toContain('100427311');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await panelView(page))?.focused).toContain('101588246');
    await page.keyboard.press('Enter');
    const where = await page.evaluate(() => {
      const selection = getSelection();
      const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
      return { text: selection?.toString(), visible: rect !== null && rect.top >= 0 && rect.bottom <= innerHeight };
    });
    expect(where).toEqual({ text: '101 588 246', visible: true });
    expect((await markedText(page))['inkludo-current']).toEqual(['101 588 246']);
    await page.close();
  });

  it.each([
    ['a reserved TED notice', `https://ted.europa.eu/en/notice/-/detail/${PUB.reserved}`],
    ['an award notice', `https://ted.europa.eu/en/notice/-/detail/${PUB.award}`],
    ['Doffin with a name-only match', 'https://www.doffin.no/notices/2026-100001'],
  ])('axe-core finds no serious issue in the panel on %s', async (_label, url) => {
    const page = await open(url);
    await waitForPanel(page, (v) => v.findings.length > 0);
    await exposePanel(page);
    expect(await seriousViolations(page, 'inkludo-panel')).toEqual([]);
    // axe really looked inside the shadow root: its passing checks name nodes in there.
    const checkedInside = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(c: object): Promise<{ passes: { nodes: { target: unknown[] }[] }[] }> } }).axe;
      const { passes } = await axe.run({ include: [['inkludo-panel']] });
      return passes.flatMap((p) => p.nodes).filter((n) => n.target.some((t) => Array.isArray(t))).length;
    });
    expect(checkedInside).toBeGreaterThan(5);
    await page.close();
  });

  it('collapses to a small button, and stays collapsed on that site', async () => {
    const page = await open('https://www.kommersannons.se/Notice/TenderNotice/4711');
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('7341275100')));
    const margin = () => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
    await expect(margin()).resolves.toBe('340px');
    await exposePanel(page);
    await page.evaluate(() => document.querySelector('inkludo-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('button.toggle')?.click());
    await expect.poll(margin).toBe('0px');
    await page.reload();
    const view = await waitForPanel(page, (v) => /Inkludo: \d+ findings/.test(v.text));
    expect(view.findings).toEqual([]);
    await expect(margin()).resolves.toBe('0px');
    // Another site still opens it.
    const other = await open('https://www.doffin.no/notices/2026-100001');
    await waitForPanel(other, (v) => v.findings.length >= 3);
    await expect(other.evaluate(() => getComputedStyle(document.documentElement).marginRight)).resolves.toBe('340px');
    await other.close();
    // Opening it again is remembered too.
    await exposePanel(page);
    await page.evaluate(() => document.querySelector('inkludo-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('button.toggle')?.click());
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('7341275100')));
    await page.reload();
    await waitForPanel(page, (v) => v.findings.some((f) => f.includes('7341275100')));
    await page.close();
  });

  it('speaks Norwegian when the settings say nb', async () => {
    await sendFromExtension({ type: 'settings/set', settings: { language: 'nb' } });
    try {
      const page = await open('https://www.doffin.no/notices/2026-100001');
      const view = await waitForPanel(page, (v) => v.findings.length >= 3);
      expect(finding(view.findings, 'vernede bedrifter')).toContain('Reservert for vernede bedrifter og arbeidsinkludering (30 %-regelen)');
      expect(finding(view.findings, '100427311')).toContain('funnet bare på navn');
      await page.close();
    } finally {
      await sendFromExtension({ type: 'settings/set', settings: { language: 'en' } });
    }
  });

  it('Kommers Annons: res-ws and res-pub-ser wording as different kinds, a Swedish name-and-number supplier once', async () => {
    const page = await open('https://www.kommersannons.se/Notice/TenderNotice/4711');
    const view = await waitForPanel(page, (v) => v.findings.some((f) => f.includes('7341275100')) && v.findings.some((f) => f.includes('public-service')));
    expect(view.findings.filter((f) => f.includes('recognised in the page text')).map((f) => f.replace(/ \(recognised.*$/, ''))).toEqual([
      'Reserved for sheltered workshops and work integration (30 % rule)',
      'Reserved for public-service-mission organisations (not the 30 % rule)',
    ]);
    expect(view.findings.filter((f) => f.includes('7341275100'))).toHaveLength(1);
    // Swedish numbers get no Enhetsregisteret button.
    expect(view.text).not.toContain('Enhetsregisteret');
    await page.close();
  });
});
