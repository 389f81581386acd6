/**
 * The page scanner (extension/content/scan/scanner.ts) in Chromium, cut into many small slices: every
 * number and registry name on the page is reported exactly once however the slices fall, content a
 * single-page app renders later is read, text a page script changes from nothing into a number is
 * read again (such nodes are not remembered, so only the MutationObserver can say), and nothing in
 * scripts, styles, noscript, form fields, editable regions, an object's fallback or svg is read. The background is a stand-in that knows one
 * registry name. Texts are read in chunks (`readTexts`) of at most 256 nodes and about 64 K characters,
 * so a page of a few huge texts is read a few at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isValidNorwegianOrgnr } from '../../core/index.ts';
import { bundleForPage } from '../support/bundle.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { CHROMIUM } from './support/chromium.ts';

let browser: Browser;
let page: Page;

/** Valid Norwegian numbers, formatted in threes every other time. */
function numbers(count: number): string[] {
  const out: string[] = [];
  for (let n = 10_000_000; out.length < count; n++) {
    for (let c = 0; c <= 9 && out.length < count; c++) {
      const digits = `${n}${c}`;
      if (isValidNorwegianOrgnr(digits)) out.push(out.length % 2 === 0 ? digits : `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`);
    }
  }
  return out;
}
const NUMBERS = numbers(700);
const EXCLUDED = NUMBERS.slice(600, 605);
const LATE = NUMBERS.slice(605, 700);

const rows = (list: readonly string[], from: number) => list.map((n, i) => `<tr><td>Rad ${from + i}</td><td>${i % 3 === 0 ? 'Demo Vekst AS' : 'Annen leverandør'}</td><td>Org.nr. ${n}</td></tr>`).join('');

beforeAll(async () => {
  const code = await bundleForPage(
    'inkludo',
    `export { createScanner } from '${REPO_ROOT}/extension/content/scan/scanner.ts';
     export { readTexts } from '${REPO_ROOT}/extension/content/scan/mentions.ts';
     export { nameKeyIndex } from '${REPO_ROOT}/core/index.ts';`,
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  const excluded = `<script>var n = "${EXCLUDED[0]}";</script><textarea>${EXCLUDED[1]}</textarea><div contenteditable="true"><p>Org.nr. <b>${EXCLUDED[2]}</b></p></div><svg><g><text>${EXCLUDED[3]}</text></g></svg><select><option>${EXCLUDED[4]}</option></select><style>/* ${EXCLUDED[0]} */</style><noscript>Org.nr. ${EXCLUDED[1]}</noscript><object><p>Org.nr. <b>${EXCLUDED[2]}</b></p></object>`;
  await page.setContent(`<!doctype html><html><body><table><tbody>${rows(NUMBERS.slice(0, 600), 0)}</tbody></table>${excluded}<p id="changes">Ingen nummer ennå</p><div contenteditable="false"><p>Ikke redigerbar: org.nr. ${LATE[0]}</p></div></body></html>`);
  await page.addScriptTag({ content: `window.__name = (f) => f;\n${code}` });
  await page.evaluate(() => {
    type Api = typeof import('../../extension/content/scan/scanner.ts') & typeof import('../../extension/content/scan/mentions.ts') & typeof import('../../core/index.ts');
    const api = (window as unknown as { inkludo: Api }).inkludo;
    const w = window as unknown as { found: string[]; slices: number; chunkChars: number[]; scanner: ReturnType<Api['createScanner']> };
    w.found = [];
    w.slices = 0;
    w.chunkChars = [];
    const idle = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) => idle((deadline) => (w.slices++, callback(deadline)), options);
    const keys = api.nameKeyIndex(['demo'], 3);
    w.scanner = api.createScanner({
      root: document.body,
      readTexts: (texts) => {
        w.chunkChars.push(texts.reduce((sum, text) => sum + text.length, 0));
        return api.readTexts(texts, keys);
      },
      findReservations: () => null,
      // The background stand-in: "Demo Vekst AS" is the registry's one name.
      lookup: async (_orgnrs, names) => ({ names: names.flatMap((name, candidate) => (name.startsWith('Demo Vekst AS') ? [{ candidate, length: 13, orgnrs: ['100000008'] }] : [])) }),
      onMention: (node, mention) => w.found.push(`${mention.via}:${node.data.slice(mention.index, mention.index + mention.length)}`),
      onReservation: () => {},
      onNodeGone: () => {},
      // A few nodes per slice: the slices fall everywhere.
      sliceMs: 0.01,
    });
    w.scanner.start();
  });
});

afterAll(async () => {
  await browser?.close();
});

const state = () =>
  page.evaluate(async () => {
    const w = window as unknown as { found: string[]; slices: number; scanner: { idle(): Promise<void> } };
    await w.scanner.idle();
    return { found: [...w.found], slices: w.slices };
  });

describe('the page scanner in slices', () => {
  it('reports every number and registry name once, in many slices, and nothing from excluded elements', async () => {
    const { found, slices } = await state();
    expect(slices).toBeGreaterThan(20);
    const expected = [...NUMBERS.slice(0, 600).flatMap((n, i) => (i % 3 === 0 ? ['name:Demo Vekst AS', `orgnr:${n}`] : [`orgnr:${n}`])), `orgnr:${LATE[0]}`];
    expect(found.toSorted()).toEqual(expected.toSorted());
    for (const n of EXCLUDED) expect(found).not.toContain(`orgnr:${n}`);
  });

  it('reads what a single-page app renders later, and text a script turns into a number', async () => {
    const before = (await state()).found.length;
    await page.evaluate((html) => {
      document.querySelector('tbody')?.insertAdjacentHTML('beforeend', html);
      (document.querySelector('#changes')?.firstChild as Text).data = 'Ny leverandør, org.nr. 100000008';
    }, rows(LATE.slice(1), 600));
    const { found } = await state();
    const added = found.slice(before);
    const expected = [...LATE.slice(1).flatMap((n, i) => (i % 3 === 0 ? ['name:Demo Vekst AS', `orgnr:${n}`] : [`orgnr:${n}`])), 'orgnr:100000008'];
    expect(added.toSorted()).toEqual(expected.toSorted());
  });

  it('reads a page of a few huge texts a few at a time, not all in one go', async () => {
    const before = (await state()).found.length;
    const from = await page.evaluate((numbers) => {
      const w = window as unknown as { chunkChars: number[] };
      const at = w.chunkChars.length;
      const div = document.createElement('div');
      for (const n of numbers) {
        const p = document.createElement('p');
        p.append(`${'Levering av renhold. '.repeat(1500)}Org.nr. ${n}`);
        div.append(p);
      }
      document.body.append(div);
      return at;
    }, NUMBERS.slice(590, 596));
    const { found } = await state();
    expect(found.slice(before).toSorted()).toEqual(NUMBERS.slice(590, 596).map((n) => `orgnr:${n}`).toSorted());
    const chunks = await page.evaluate((at) => (window as unknown as { chunkChars: number[] }).chunkChars.slice(at), from);
    // 65 536 characters a chunk, passed by at most one text (31 518 characters here).
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    for (const chars of chunks) expect(chars).toBeLessThan(65_536 + 31_518);
  });
});
