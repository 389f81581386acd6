/**
 * The panel and the marks on a long page, in Chromium (the real panel and marks modules): 2 000
 * findings are all in the list (each entry says its place of the 2 000), but only the entries near the
 * panel's view are made; the keyboard reaches every finding (End, Home, arrows past the first screen,
 * Enter on an entry that was not made before); scrolling the panel makes the entries it shows; and of
 * 2 000 marks on the page only those near the viewport are in the highlights, the ones scrolled to
 * coming in as the page scrolls. Read from the accessibility tree, the DOM inside the panel (through
 * the DevTools protocol) and the highlight registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { translator } from '../../core/index.ts';
import { bundleForPage } from '../support/bundle.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { axTree, inkludoRegion, markedText, panelView } from './support/ax.ts';
import { CHROMIUM } from './support/chromium.ts';

const FINDINGS = 2000;
let browser: Browser;
let page: Page;
const en = translator('en');
const messages = Object.fromEntries(['content.panel.region', 'content.panel.hide', 'content.panel.findings', 'content.panel.keys', 'content.panel.none'].map((k) => [k, en(k)]));

/** A made-up nine-digit number per finding, so each accessible name holds its own digits. */
const digits = (i: number) => String(100_000_000 + i * 7);

beforeAll(async () => {
  const code = await bundleForPage(
    'inkludo',
    `export { createMarks } from '${REPO_ROOT}/extension/content/ui/marks.ts';
     export { createPanel } from '${REPO_ROOT}/extension/content/ui/panel.ts';`,
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  const rows = Array.from({ length: FINDINGS }, (_, i) => `<p>Leverandør ${i + 1}, org.nr. ${digits(i)}, levering av renhold.</p>`).join('');
  await page.setContent(`<!doctype html><html lang="en"><body><main>${rows}</main></body></html>`);
  await page.addScriptTag({ content: `window.__name = (f) => f;\n${code}` });
  await page.evaluate(
    (messages) => {
      type Api = typeof import('../../extension/content/ui/marks.ts') & typeof import('../../extension/content/ui/panel.ts');
      const api = (window as unknown as { inkludo: Api }).inkludo;
      const w = window as unknown as { went: number[] };
      w.went = [];
      const panel = api.createPanel({ t: (key) => messages[key] ?? key, collapsed: false, onCollapse: () => {}, lookupBrreg: async (orgnr) => ({ outcome: 'found', lines: [`Enhetsregisteret answer for ${orgnr}`] }) });
      panel.attach();
      const marks = api.createMarks(document, () => panel.overlay);
      const texts = [...document.querySelectorAll('main p')].map((p) => p.firstChild as Text);
      texts.forEach((node) => {
        const at = node.data.indexOf('org.nr. ') + 8;
        marks.add('orgnr', { node, start: at, end: at + 9 }, true);
      });
      panel.setFindings(
        texts.map((node, i) => ({
          key: `supplier:${i}`,
          entry: () => {
            const orgnr = node.data.slice(node.data.indexOf('org.nr. ') + 8, node.data.indexOf('org.nr. ') + 17);
            return { label: `Leverandør ${i + 1}, org.nr. ${orgnr}`, notes: [], go: () => w.went.push(i), ...(i === 0 ? { lookupOrgnr: orgnr } : {}) };
          },
        })),
        [],
      );
      marks.reveal();
    },
    messages,
  );
});

afterAll(async () => {
  await browser?.close();
});

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The list's entries as made (through the DevTools protocol, which sees into the closed shadow root):
 * each item's place in the set and its button's text, which is the button's accessible name.
 */
async function listItems(): Promise<{ posinset: number; setsize: number; name: string }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: { posinset: number; setsize: number; name: string }[] = [];
    const attr = (n: DomNode, name: string) => n.attributes?.[(n.attributes.indexOf(name) + 1) || -1];
    const visit = (n: DomNode) => {
      const posinset = n.nodeName === 'LI' ? attr(n, 'aria-posinset') : undefined;
      if (posinset !== undefined) {
        const button = n.children?.find((c) => c.nodeName === 'BUTTON');
        out.push({ posinset: Number(posinset), setsize: Number(attr(n, 'aria-setsize')), name: button?.children?.map((c) => c.nodeValue ?? '').join('') ?? '' });
      }
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) visit(c);
    };
    visit(root);
    return out;
  } finally {
    await session.detach();
  }
}

/** Every text in the document, shadow roots included (through the DevTools protocol). */
async function allText(): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let out = '';
    const visit = (n: DomNode) => {
      if (n.nodeName === '#text') out += `${n.nodeValue ?? ''}\n`;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) visit(c);
    };
    visit(root);
    return out;
  } finally {
    await session.detach();
  }
}

async function focused(): Promise<string | null> {
  return (await panelView(page))?.focused ?? null;
}

describe('a long list of findings', () => {
  it('lists all 2 000 findings by place in the set, making only the entries near the panel view', async () => {
    const items = await listItems();
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(100);
    expect(items[0]).toEqual({ posinset: 1, setsize: FINDINGS, name: `Leverandør 1, org.nr. ${digits(0)}` });
    expect(items.map((i) => i.posinset)).toEqual(items.map((_, k) => k + 1));
    expect(inkludoRegion(await axTree(page))).not.toBeNull();
  });

  it('keyboard: Tab into the list, End and Home, arrows past the first screen, Enter on an entry not made before', async () => {
    for (let i = 0; i < 4 && !(await focused())?.startsWith('Leverandør'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(`Leverandør 1, org.nr. ${digits(0)}`);
    await page.keyboard.press('End');
    await expect.poll(focused).toBe(`Leverandør ${FINDINGS}, org.nr. ${digits(FINDINGS - 1)}`);
    const atEnd = await listItems();
    expect(atEnd.at(-1)).toEqual({ posinset: FINDINGS, setsize: FINDINGS, name: `Leverandør ${FINDINGS}, org.nr. ${digits(FINDINGS - 1)}` });
    expect(atEnd.length).toBeLessThan(100);
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe(`Leverandør 1, org.nr. ${digits(0)}`);
    for (let i = 0; i < 80; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(`Leverandør 81, org.nr. ${digits(80)}`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(`Leverandør 80, org.nr. ${digits(79)}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { went: number[] }).went)).toEqual([79]);
    // The focused entry is in the panel's view, the first entries are no longer made.
    const items = await listItems();
    expect(items.some((i) => i.posinset === 1)).toBe(false);
    expect(items.some((i) => i.posinset === 80)).toBe(true);
  });

  it('makes the entries the panel is scrolled to, and keeps the focused one', async () => {
    await page.mouse.move(1100, 350);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2000);
    await expect.poll(async () => Math.min(...(await listItems()).filter((i) => i.posinset !== 80).map((i) => i.posinset))).toBeGreaterThan(600);
    const items = await listItems();
    // Still one entry per place, in order, and the focused entry kept (the tab stop is not lost).
    expect(items.map((i) => i.posinset)).toEqual([...items.map((i) => i.posinset)].sort((a, b) => a - b));
    expect(items.some((i) => i.posinset === 80)).toBe(true);
    expect(await focused()).toBe(`Leverandør 80, org.nr. ${digits(79)}`);
  });
});

describe('an Enhetsregisteret lookup in a long list', () => {
  it('keeps its answer when its entry scrolls out of the panel’s view and back', async () => {
    const answer = `Enhetsregisteret answer for ${digits(0)}`;
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe(`Leverandør 1, org.nr. ${digits(0)}`);
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('content.brreg.button');
    await page.keyboard.press('Enter');
    await expect.poll(allText).toContain(answer);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe(`Leverandør ${FINDINGS}, org.nr. ${digits(FINDINGS - 1)}`);
    // The first entry is no longer made, and its answer with it.
    await expect.poll(async () => (await listItems()).some((i) => i.posinset === 1)).toBe(false);
    expect(await allText()).not.toContain(answer);
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe(`Leverandør 1, org.nr. ${digits(0)}`);
    await expect.poll(allText).toContain(answer);
  });
});

describe('marks on a long page', () => {
  it('highlights only the marks near the viewport, and the ones scrolled to as the page scrolls', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(async () => (await markedText(page))['inkludo-orgnr'] ?? []).toContain(digits(0));
    const before = (await markedText(page))['inkludo-orgnr'] ?? [];
    expect(before).toContain(digits(0));
    expect(before.length).toBeLessThan(FINDINGS / 4);
    expect(before).not.toContain(digits(1500));
    await page.evaluate(() => document.querySelectorAll('main p')[1500]?.scrollIntoView({ block: 'center' }));
    await expect.poll(async () => (await markedText(page))['inkludo-orgnr'] ?? []).toContain(digits(1500));
    const after = (await markedText(page))['inkludo-orgnr'] ?? [];
    expect(after).not.toContain(digits(0));
    expect(after.length).toBeLessThan(FINDINGS / 4);
  });
});
