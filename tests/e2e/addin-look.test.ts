/**
 * The pane as an Excel user meets it (issue 15): keyboard-only flows in Norwegian and Swedish, axe-core
 * at task-pane and desktop widths in Office's light and dark themes, screenshots for review under
 * .tmp/screens/ (not committed), and the `npm start` playground.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxCells } from '../../cli/xlsx.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { seriousViolations } from './support/axe.ts';
import { startPaneHarness, tabTo, waitForResults, workbook, type PaneHarness } from './support/addin-pane.ts';

const SCREENS = resolve(REPO_ROOT, '.tmp/screens');
let harness: PaneHarness;
let playground: PaneHarness;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  harness = await startPaneHarness();
  playground = await startPaneHarness({ playground: true });
});

afterAll(async () => {
  await harness?.close();
  await playground?.close();
});

async function sample(file: string) {
  const read = await readXlsxCells(resolve(REPO_ROOT, 'samples', file));
  if (!read.ok) throw new Error(`samples/${file} has no readable sheet`);
  return { name: read.worksheet.sheet, cells: read.worksheet.cells };
}

/** Keyboard only: Tab to a disclosure or button, Enter (or Space) to use it. */
async function press(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

const LANGS = [
  { lang: 'nb', displayLanguage: 'nb-NO', file: 'innkjopsplan-2027.xlsx', check: 'Kontroller arket', summary: /^\d+ anskaffelser kontrollert · \d+ bør sjekkes · \d+ kan reserveres$/, attention: 'Bør sjekkes', switchTo: 'Bytt til Sverige', jurisdiction: /^Norges regler/ },
  { lang: 'sv', displayLanguage: 'sv-SE', file: 'avtalsregister-2027.xlsx', check: 'Kontrollera bladet', summary: /^\d+ inköp kontrollerade · \d+ behöver granskas · \d+ kan reserveras$/, attention: 'Behöver granskas', switchTo: 'Byt till Norge', jurisdiction: /^Sveriges regler/ },
] as const;

describe.each(LANGS)('the pane in $lang, keyboard only', (l) => {
  it('checks the sheet, sums it up in words, opens a group and goes to a source row; fits 360 × 700 above the summary', async () => {
    const sheet = await sample(l.file);
    const page = await harness.openPane({ displayLanguage: l.displayLanguage, sheet });
    expect(await page.textContent('#check')).toBe(l.check);
    expect(await page.textContent('#jurisdiction-text')).toMatch(l.jurisdiction);
    expect(await page.textContent('#switch-jurisdiction')).toBe(l.switchTo);
    // Before a check, everything but the settings' titles fits the first screen: sections are closed.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(700);
    await page.screenshot({ path: resolve(SCREENS, `pane-${l.lang}-before.png`) });

    await press(page, '#check');
    await waitForResults(page, 0);
    expect(await page.textContent('.summary-line')).toMatch(l.summary);
    // The summary line is on the first screen, under the check button, without scrolling.
    const line = await page.$eval('.summary-line', (e) => e.getBoundingClientRect().bottom);
    expect(line).toBeLessThanOrEqual(700);
    // Codes only in tooltips: the visible summary speaks words.
    expect(await page.textContent('#summary')).not.toMatch(/NO-PART|SE-(DIRECT|BELOW|ABOVE)|RESERVATION-CANDIDATE|VALUE-/);
    expect(await page.getAttribute('#group-candidates > summary', 'title')).toMatch(/RESERVATION-CANDIDATE/);

    await press(page, '#group-attention > summary');
    expect(await page.$eval('#group-attention', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.textContent('#group-attention > summary')).toMatch(new RegExp(`^${l.attention} \\(\\d+\\)$`));
    await page.screenshot({ path: resolve(SCREENS, `pane-${l.lang}-after.png`) });
    await tabTo(page, '#group-attention button.row');
    const row = Number(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['row']));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { fakeWorkbook: { selection: unknown } }).fakeWorkbook.selection !== null);
    expect((await workbook(page)).selection).toEqual({ sheet: sheet.name, address: `A${row}:XFD${row}` });

    // The sections open from the keyboard too: the columns show what was recognised.
    await press(page, '#mapping-section > summary');
    expect(await page.$eval('#mapping-section', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await tabTo(page, '#map-value');
    expect(await page.$eval('#map-value', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toMatch(/^(Kolonne|Kolumn) [A-Z]+: /);
    // The file pickers are reached by Tab and named in the pane's language.
    await press(page, '#registry-section > summary');
    await tabTo(page, '#registry-file');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('registry-file-label registry-file-name');

    // One keystroke switches the country; the next check uses the other rules.
    await press(page, '#switch-jurisdiction');
    expect(await page.textContent('#jurisdiction-text')).not.toMatch(l.jurisdiction);
    await page.close();
  });
});

describe('accessibility and themes', () => {
  it.each([
    [360, 'light'],
    [360, 'dark'],
    [1400, 'light'],
    [1400, 'dark'],
  ] as const)('has no serious or critical axe violations at %i px in the %s theme, before and after a check', async (width, theme) => {
    const page = await harness.openPane({ width, theme, height: 800 });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
    expect(await seriousViolations(page)).toEqual([]);
    await press(page, '#check');
    await waitForResults(page, 0);
    for (const id of ['group-attention', 'group-candidates', 'settings-section', 'mapping-section', 'rulepack-section', 'registry-section']) {
      await page.click(`#${id} > summary`);
    }
    expect(await seriousViolations(page)).toEqual([]);
    if (width === 360) await page.screenshot({ path: resolve(SCREENS, `pane-nb-${theme}-open.png`), fullPage: true });
    await page.close();
  });

  it('takes light or dark from Office: the body turns dark only in a dark Office theme', async () => {
    const colours: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      const page = await harness.openPane({ theme });
      colours.push(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
      await page.close();
    }
    const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((n, c) => n + Number(c), 0);
    expect(luminance(colours[0]!)).toBeGreaterThan(600);
    expect(luminance(colours[1]!)).toBeLessThan(150);
  });
});

describe('the playground (npm start)', () => {
  it('loads the sample of the chosen language, and draws the results sheet as Excel would', async () => {
    for (const [lang, sheet] of [
      ['nb-NO', 'Innkjøpsplan 2027'],
      ['sv-SE', 'Avtalsregister'],
    ] as const) {
      const page = await playground.browser.newPage({ viewport: { width: 1400, height: 800 } });
      await page.goto(`${playground.base}/?lang=${lang}`);
      const pane = page.frameLocator('#pane');
      await pane.locator('#check').click();
      await page.waitForFunction(() => {
        const frame = document.getElementById('pane') as HTMLIFrameElement;
        const wb = (frame.contentWindow as unknown as { fakeWorkbook?: { sheets: Map<string, unknown> } }).fakeWorkbook;
        return wb?.sheets.has('Inkludo');
      });
      const names = await page.evaluate(() => [...((document.getElementById('pane') as HTMLIFrameElement).contentWindow as unknown as { fakeWorkbook: { sheets: Map<string, unknown> } }).fakeWorkbook.sheets.keys()]);
      expect(names).toEqual([sheet, 'Inkludo']);
      // The drawing: the results tab shown, status colours filled, numbers in the locale's grouping.
      await page.waitForFunction(() => document.querySelector('#tabs button[aria-pressed="true"]')?.textContent === 'Inkludo');
      const grouped = await page.$$eval('#sheet td.num', (cells) => cells.map((c) => c.textContent ?? '').filter((t) => /\d\s\d{3}/.test(t)));
      expect(grouped.length).toBeGreaterThan(0);
      expect(await page.$$eval('#sheet td[style*="background"]', (cells) => cells.length)).toBeGreaterThan(4);
      await page.screenshot({ path: resolve(SCREENS, `results-sheet-${lang.slice(0, 2)}.png`) });
      // The source sheet keeps its empty rows and its number formats.
      await page.click(`#tabs button:text-is("${sheet}")`);
      await page.waitForFunction(() => document.querySelector('#tabs button[aria-pressed="true"]')?.textContent !== 'Inkludo');
      expect(await page.$$eval('#sheet tbody tr', (rows) => rows.filter((r) => [...r.querySelectorAll('td')].every((td) => td.textContent === '')).length)).toBeGreaterThan(3);
      expect(await page.$$eval('#sheet td.num', (cells) => cells.some((c) => /^\d{1,3}(\s\d{3})+$/.test(c.textContent ?? '')))).toBe(true);
      await page.close();
    }
  });

  it('prints the URL and stops with --print-url or INKLUDO_PLAYGROUND=print-url; otherwise serves until stopped, terminal or not', async () => {
    const script = resolve(REPO_ROOT, 'scripts/serve-addin.mjs');
    const env = { ...process.env, CI: '' };
    for (const [args, extra] of [
      [['--print-url'], {}],
      [[], { INKLUDO_PLAYGROUND: 'print-url' }],
    ] as const) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--port', '0', ...args], { cwd: REPO_ROOT, env: { ...env, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/http:\/\/127\.0\.0\.1:0\//);
    }
    // No terminal (stdin closed, as in an IDE task or a container): it serves until SIGTERM.
    const port = 31_000 + Math.floor(Math.random() * 2000);
    const server = spawn(process.execPath, ['--import', 'tsx', script, '--port', String(port)], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => server.once('exit', done));
    await new Promise<void>((ready, fail) => {
      server.stdout.on('data', (d: Buffer) => String(d).includes('Ctrl-C') && ready());
      server.once('exit', () => fail(new Error('the playground stopped by itself')));
    });
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(page).toContain('Inkludo playground');
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
