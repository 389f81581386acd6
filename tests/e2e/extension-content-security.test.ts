/**
 * Hostile pages and the extension's trust boundary (issue 11): page text reaches the panel only as
 * text; only prose is read; a page script cannot read what the registry holds (closed shadow root, no
 * message channel to the extension); and a content script cannot import, clear, export the registry
 * or change settings, only ask for matches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/index.ts';
import { markedText, panelView, waitForPanel } from './support/ax.ts';
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
/** A registry supplier by number (837941-5063), one by name only (Demo Vekst AS) and a number not in the registry. */
const NAMES_PAGE = 'https://app.mercell.com/tender/-1204712';

let server: PortalServer;
let browser: ExtensionInChromium;

const fromExtensionPage = (message: unknown): Promise<unknown> => sendFromExtensionPage(browser, message);

beforeAll(async () => {
  server = await startPortalServer(new Map([
      ['app.mercell.com/tender/-1204711', fixture('mercell-tender.html')],
      ['app.mercell.com/tender/-1204712', fixture('mercell-names.html')],
    ]),);
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
    const matched = (await send({ type: 'registry/match', orgnrs: '100427311,988077917', names: '' })) as { ok: boolean; orgnrs: string };
    expect(matched.ok).toBe(true);
    expect(matched.orgnrs).toBe('100427311');
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
    // Every number in prose is marked alike; the registry name is listed in the panel, not marked.
    expect(marks['inkludo-orgnr']?.sort()).toEqual(['738073-3159', '837941-5063']);
    expect(Object.keys(marks).sort()).toEqual(['inkludo-current', 'inkludo-orgnr', 'inkludo-reserved']);
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

/** Installed before the page's own scripts: what a page script can log of changes and events while the page loads. */
function watchFromPage(): void {
  const seen = { mutations: [] as string[], events: [] as string[] };
  (window as unknown as { __seen: typeof seen }).__seen = seen;
  new MutationObserver((records) => {
    for (const r of records) seen.mutations.push(`${r.type} ${r.target.nodeName} ${r.attributeName ?? ''} +${[...r.addedNodes].map((n) => n.nodeName).join(',')} -${r.removedNodes.length}`);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const type of ['selectionchange', 'focusin', 'focusout', 'scroll', 'resize', 'input', 'change', 'click', 'keydown', 'mouseover']) {
    document.addEventListener(type, () => seen.events.push(type), { capture: true });
  }
}

/** Runs in the page: everything a page script can read of the marks, the host, the adopted style and the layout. */
function pageObservation() {
  const path = (node: Node): string => {
    const parts: string[] = [];
    for (let n: Node | null = node; n && n !== document; n = n.parentNode) parts.unshift(`${n.nodeName}${n.parentNode ? [...n.parentNode.childNodes].indexOf(n as ChildNode) : ''}`);
    return parts.join('/');
  };
  type HighlightLike = Set<AbstractRange> & { priority?: number; type?: string };
  const registry = (CSS as unknown as { highlights: Map<string, HighlightLike> }).highlights;
  const highlights = [...registry].map(([name, set]) => ({
    name,
    priority: set.priority,
    type: set.type,
    ranges: [...set].map((r) => `${path(r.startContainer)}:${r.startOffset}-${path(r.endContainer)}:${r.endOffset}`),
  }));
  const probe: string[] = [];
  for (let y = 5; y < innerHeight; y += 25) for (let x = 5; x < innerWidth; x += 25) probe.push(document.elementFromPoint(x, y)?.nodeName ?? '-');
  const host = document.querySelector('inkludo-panel');
  return {
    highlights,
    html: document.documentElement.outerHTML,
    host: host ? { attributes: host.getAttributeNames().map((a) => `${a}=${host.getAttribute(a)}`), box: JSON.stringify(host.getBoundingClientRect()) } : null,
    sheets: document.adoptedStyleSheets.map((s) => ({ disabled: s.disabled, css: [...s.cssRules].map((r) => r.cssText) })),
    layout: { margin: getComputedStyle(document.documentElement).marginRight, width: document.documentElement.clientWidth, body: JSON.stringify(document.body.getBoundingClientRect()), scroll: [scrollX, scrollY] },
    probe,
    selection: getSelection()?.toString(),
    active: document.activeElement?.nodeName,
    seen: (window as unknown as { __seen: { mutations: string[]; events: string[] } }).__seen,
  };
}

describe('what a page script can observe does not depend on the registry', () => {
  it('the marks, the DOM, the host, the style and the layout are the same with the page\'s suppliers in the registry and with none', async () => {
    await expect(fromExtensionPage({ type: 'registry/import', text: REGISTRY_CSV, filename: 'e2e.csv' })).resolves.toMatchObject({ ok: true, entries: 3 });
    const withRegistry = await browser.context.newPage();
    await withRegistry.addInitScript(watchFromPage);
    await withRegistry.goto(NAMES_PAGE);
    const view = await waitForPanel(withRegistry, (v) => v.findings.length >= 2);
    await withRegistry.waitForTimeout(400);
    const seenWith = await withRegistry.evaluate(pageObservation);
    // The registry suppliers are in the panel: one by number, one by name only.
    expect(view.findings).toEqual([
      expect.stringContaining('Demo Vekst AS, org.nr. 100427311, matched by name only: in your registry'),
      expect.stringContaining('Skenbar Städservice ek. för., org.nr. 8379415063: in your registry'),
    ]);

    await expect(fromExtensionPage({ type: 'registry/clear' })).resolves.toEqual({ ok: true });
    const withoutRegistry = await browser.context.newPage();
    await withoutRegistry.addInitScript(watchFromPage);
    await withoutRegistry.goto(NAMES_PAGE);
    const empty = await waitForPanel(withoutRegistry, (v) => v.text.includes('not compared'));
    await withoutRegistry.waitForTimeout(400);
    const seenWithout = await withoutRegistry.evaluate(pageObservation);
    expect(empty.findings).toEqual([]);

    expect(seenWith).toEqual(seenWithout);
    // And the comparison is not of nothing: both numbers are marked, the host is in the page.
    const orgnrMarks = seenWith.highlights.find((h) => h.name === 'inkludo-orgnr');
    expect(orgnrMarks?.ranges).toHaveLength(2);
    expect(seenWith.highlights.map((h) => h.name).sort()).toEqual(['inkludo-current', 'inkludo-orgnr', 'inkludo-reserved']);
    expect(seenWith.host?.attributes).toEqual(['data-inkludo=panel', 'data-room=']);
    expect(seenWith.layout.margin).toBe('340px');
    expect(seenWith.seen.mutations.filter((m) => m.includes('INKLUDO'))).toEqual(['childList HTML  +INKLUDO-PANEL -0']);
    await withoutRegistry.close();

    // The name-only supplier is reached from the panel (the user's own action): scrolled to and selected.
    let focused: string | null = null;
    for (let i = 0; i < 6 && !focused?.includes('100427311'); i++) {
      await withRegistry.keyboard.press('Tab');
      focused = (await panelView(withRegistry))?.focused ?? null;
    }
    expect(focused).toContain('matched by name only');
    await withRegistry.keyboard.press('Enter');
    await expect.poll(() => withRegistry.evaluate(() => getSelection()?.toString())).toBe('Demo Vekst AS');
    await withRegistry.close();
  });
});
