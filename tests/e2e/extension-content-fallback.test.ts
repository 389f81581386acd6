/**
 * Where CSS Custom Highlights are missing (Firefox ESR before 149; Debian's firefox-esr 153 has them),
 * the marks fall back to boxes drawn in the panel's own overlay: the page's text is not split and no
 * page node changes. The real marks and panel modules run in Chromium on a page whose highlight API
 * was removed before they load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { translator } from '../../core/index.ts';
import { bundleForPage } from '../support/bundle.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { CHROMIUM } from './support/chromium.ts';

let browser: Browser;
let page: Page;
const en = translator('en');
const messages = Object.fromEntries(['content.panel.region', 'content.panel.hide', 'content.panel.findings', 'content.panel.keys', 'content.panel.none'].map((k) => [k, en(k)]));

beforeAll(async () => {
  const code = await bundleForPage(
    'inkludo',
    `export { createMarks, liveRange } from '${REPO_ROOT}/extension/content/ui/marks.ts';
     export { createPanel } from '${REPO_ROOT}/extension/content/ui/panel.ts';`,
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><body><main><p id="a">Leverandør Demo Vekst AS, org.nr. 100 427 311.</p><p id="b">Ingen treff her.</p></main></body></html>');
  await page.evaluate(() => delete (CSS as unknown as { highlights?: unknown }).highlights);
  await page.addScriptTag({ content: `window.__name = (f) => f;\n${code}` });
});

afterAll(async () => {
  await browser?.close();
});

describe('marks without CSS highlights', () => {
  it('draws boxes over the marked text in the panel overlay and leaves the page untouched', async () => {
    const result = await page.evaluate((messages) => {
      type Api = typeof import('../../extension/content/ui/marks.ts') & typeof import('../../extension/content/ui/panel.ts');
      const api = (window as unknown as { inkludo: Api }).inkludo;
      const before = document.body.innerHTML;
      const changes: string[] = [];
      new MutationObserver((records) => changes.push(...records.map((r) => `${r.type} ${r.target.nodeName}`))).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const panel = api.createPanel({ t: (key) => messages[key] ?? key, collapsed: false, onCollapse: () => {}, lookupBrreg: async () => ({ outcome: '', lines: [] }) });
      panel.attach();
      const marks = api.createMarks(document, () => panel.overlay);
      const text = document.querySelector('#a')?.firstChild as Text;
      marks.reveal();
      marks.add('reserved', { node: text, start: 0, end: 10 });
      const number = { node: text, start: 34, end: 45 };
      marks.add('orgnr', number);
      const centre = () => {
        const rect = api.liveRange(number).getBoundingClientRect();
        return [rect.left + rect.width / 2, rect.top + rect.height / 2] as const;
      };
      return new Promise<{ highlights: boolean; boxes: string[]; same: boolean; changes: string[]; textNodes: number; hit: string | undefined }>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve({
              highlights: marks.highlights,
              boxes: [...panel.overlay.querySelectorAll('.mark')].map((b) => b.className),
              same: document.body.innerHTML === before,
              changes,
              textNodes: document.querySelector('#a')?.childNodes.length ?? -1,
              // The boxes take no pointer: a page probing the marked text finds its own paragraph, not our host.
              hit: document.elementFromPoint(...centre())?.id,
            }),
          ),
        ),
      );
    }, messages);
    expect(result).toEqual({ highlights: false, boxes: ['mark reserved', 'mark orgnr'], same: true, changes: [], textNodes: 1, hit: 'a' });
  });
});
