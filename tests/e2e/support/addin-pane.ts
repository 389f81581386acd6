/**
 * The built task pane (dist/addin) in headless Chromium on the fake Office host: Playwright answers the
 * office.js CDN URL with the office-addin-mock bundle (dist/fake-office) over the sheets a test gives.
 * Shared by the add-in's end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readSheetCsv, type CellValue } from '../../../core/index.ts';
import { RESULT_COLUMNS, isResultHeader, type ResultColumn } from '../../../addin/office/result-table.ts';
import { startServer } from '../../../scripts/serve-addin.mjs';
import { REPO_ROOT } from '../../support/paths.ts';
import { CHROMIUM } from './chromium.ts';

const FAKE_OFFICE = resolve(REPO_ROOT, 'dist/fake-office/fake-office.js');
const sampleCsv = readSheetCsv(readFileSync(resolve(REPO_ROOT, 'tests/fake-office/sample-nb.csv')));
if (!sampleCsv.ok) throw new Error(`tests/fake-office/sample-nb.csv: unclosed quote on line ${sampleCsv.error.line}`);
export const SAMPLE_NB = { name: 'Innkjøpsplan', cells: sampleCsv.cells };

export interface PaneOptions {
  readonly displayLanguage?: string;
  readonly excelApi?: string;
  readonly theme?: 'light' | 'dark';
  readonly sheet?: { readonly name: string; readonly cells: readonly (readonly CellValue[])[] };
  readonly width?: number;
  readonly height?: number;
  /** A browser context of the test's own (e.g. one that accepts a test server's certificate). */
  readonly context?: { newPage(options?: { viewport: { width: number; height: number } }): Promise<Page> };
}

export interface WorkbookView {
  sheets: string[];
  results: unknown[][];
  writtenSheets: string[];
  events: string[];
  selection: { sheet: string; address: string } | null;
}

export interface PaneHarness {
  readonly browser: Browser;
  /** The add-in server's base URL (plain, or the playground when started with `playground`). */
  readonly base: string;
  openPane(options?: PaneOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the add-in when it is not built, serves it on a free port and starts Chromium. */
export async function startPaneHarness({ playground = false } = {}): Promise<PaneHarness> {
  if (!existsSync(resolve(REPO_ROOT, 'dist/addin/taskpane.html')) || !existsSync(FAKE_OFFICE)) {
    const built = spawnSync('npm', ['run', 'build:addin'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:addin failed');
  }
  const server: Server = await startServer({ port: 0, playground });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    base,
    async openPane({ displayLanguage = 'nb-NO', excelApi = '1.7', theme = 'light', sheet = SAMPLE_NB, width = 360, height = 700, context = browser } = {}) {
      const page = await context.newPage({ viewport: { width, height } });
      const install = `;FakeOffice.install(${JSON.stringify({ sheets: { [sheet.name]: sheet.cells, Notater: [['Egne notater']] }, active: sheet.name, displayLanguage, excelApi, theme })});`;
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(FAKE_OFFICE, 'utf8') + install }));
      await page.goto(`${base}/taskpane.html`);
      await page.waitForSelector('#check');
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

export function workbook(page: Page): Promise<WorkbookView> {
  return page.evaluate(() => {
    const wb = (window as unknown as { fakeWorkbook: import('../../fake-office/fake-excel.ts').FakeWorkbook }).fakeWorkbook;
    return {
      sheets: [...wb.sheets.keys()],
      // Rows never written are holes in the fake's arrays: read them as empty rows.
      results: Array.from(wb.sheets.get('Inkludo')?.cells ?? [], (row) => [...(row ?? [])]),
      writtenSheets: [...new Set(wb.writes.map((w) => w.sheet))],
      events: wb.events,
      selection: wb.selection,
    };
  });
}

/** The results table's rows below its header (the title, assumptions and legend are above it). */
export function resultRows(results: readonly unknown[][]): unknown[][] {
  const header = results.findIndex((row) => isResultHeader(row ?? []));
  if (header < 0) throw new Error('the Inkludo sheet has no results header');
  return results.slice(header + 1);
}

/** A results column by name, for every result row. */
export function column(results: readonly unknown[][], name: ResultColumn): unknown[] {
  return resultRows(results).map((row) => row[RESULT_COLUMNS.indexOf(name)]);
}

/** Waits until a check started now (not an earlier one) has written its results. */
export async function waitForResults(page: Page, addsBefore: number): Promise<void> {
  await page.waitForFunction(
    (before) => {
      const wb = (window as unknown as { fakeWorkbook: { events: string[] } }).fakeWorkbook;
      const done = /Kontrollerte|Checked|Kontrollerade/.test(document.getElementById('status')?.textContent ?? '');
      return done && wb.events.filter((e) => e === 'add Inkludo').length > before;
    },
    addsBefore,
  );
}

/** Clicks "Check sheet" and waits for this run's results. */
export async function runCheck(page: Page): Promise<void> {
  const before = (await workbook(page)).events.filter((e) => e === 'add Inkludo').length;
  await page.click('#check');
  await waitForResults(page, before);
}

/** Opens a collapsed section of the pane (settings, columns, rule pack, registry). */
export async function openSection(page: Page, id: string): Promise<void> {
  if (!(await page.$eval(`#${id}`, (d) => (d as HTMLDetailsElement).open))) await page.click(`#${id} > summary`);
}

/** Sets the rules date (in the settings section) and checks. */
export async function check(page: Page, date = '2026-11-23'): Promise<void> {
  await openSection(page, 'settings-section');
  await page.fill('#rules-date', date);
  await runCheck(page);
}

/** Presses Tab until `selector` has the focus. */
export async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
