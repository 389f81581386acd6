/**
 * The built task pane (dist/addin) in headless Chromium on a fake Office host: Playwright answers the
 * office.js CDN URL with the office-addin-mock bundle (dist/fake-office) over a sample sheet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, checkSheet, readSheetCsv, setRuleValue, type CellValue, type RulePack } from '../../core/index.ts';
import { readXlsxCells } from '../../cli/xlsx.ts';
import { startServer } from '../../scripts/serve-addin.mjs';
import { brregReplay } from '../support/brreg-server.ts';
import { docxText, personalNumbersIn } from '../support/docx-text.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { startHttpsServer } from './support/https-server.ts';

const FAKE_OFFICE = resolve(REPO_ROOT, 'dist/fake-office/fake-office.js');
const SHEET = 'Innkjøpsplan';
const cells = readSheetCsv(readFileSync(resolve(REPO_ROOT, 'tests/fake-office/sample-nb.csv')));

/** The Norwegian pack with the 2026 EEA threshold for other authorities (NOK 2 500 000) verified by an organisation (a test). */
function organisationPack(version: string): RulePack {
  const reference = { title: 'TEST: Lovdata, anskaffelsesforskriften § 5-3', url: 'https://lovdata.no/test' };
  const change = { value: 2_500_000, from: '2026-04-21', to: null, status: 'verified', verifiedBy: 'TEST: Juridisk avdeling', reference } as const;
  const outcome = setRuleValue({ ...DEFAULT_RULES.NO, version }, 'NO-EEA-2026-OTHER', change, '2026-11-30');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.pack;
}

let server: Server;
let browser: Browser;
let base: string;

interface WorkbookView {
  sheets: string[];
  results: unknown[][];
  writtenSheets: string[];
  events: string[];
  selection: { sheet: string; address: string } | null;
}

async function openPane(
  displayLanguage = 'nb-NO',
  excelApi = '1.6',
  sheet: { name: string; cells: CellValue[][] } = { name: SHEET, cells },
  context: { newPage(): Promise<Page> } = browser,
): Promise<Page> {
  const page = await context.newPage();
  const install = `;FakeOffice.install(${JSON.stringify({ sheets: { [sheet.name]: sheet.cells, Notater: [['Egne notater']] }, active: sheet.name, displayLanguage, excelApi })});`;
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(FAKE_OFFICE, 'utf8') + install }));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('#check');
  return page;
}

function workbook(page: Page): Promise<WorkbookView> {
  return page.evaluate(() => {
    const wb = (window as unknown as { fakeWorkbook: import('../fake-office/fake-excel.ts').FakeWorkbook }).fakeWorkbook;
    return {
      sheets: [...wb.sheets.keys()],
      results: wb.sheets.get('Inkludo')?.cells ?? [],
      writtenSheets: [...new Set(wb.writes.map((w) => w.sheet))],
      events: wb.events,
      selection: wb.selection,
    };
  });
}

/** Clicks "Check sheet" and waits until this run (not an earlier one) has written its results. */
async function runCheck(page: Page): Promise<void> {
  const addsBefore = (await workbook(page)).events.filter((e) => e === 'add Inkludo').length;
  await page.click('#check');
  await page.waitForFunction(
    (before) => {
      const wb = (window as unknown as { fakeWorkbook: { events: string[] } }).fakeWorkbook;
      const done = /Kontrollerte|Checked|Kontrollerade/.test(document.getElementById('status')?.textContent ?? '');
      return done && wb.events.filter((e) => e === 'add Inkludo').length > before;
    },
    addsBefore,
  );
}

async function check(page: Page, date = '2026-11-23'): Promise<void> {
  await page.fill('#rules-date', date);
  await runCheck(page);
}

beforeAll(async () => {
  if (!existsSync(resolve(REPO_ROOT, 'dist/addin/taskpane.html')) || !existsSync(FAKE_OFFICE)) {
    const built = spawnSync('npm', ['run', 'build:addin'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:addin failed');
  }
  server = await startServer({ port: 0 });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('task pane on a fake Excel', () => {
  it('checks the sample sheet and writes only the Inkludo sheet, linking each result to its row', async () => {
    const page = await openPane();
    expect(await page.textContent('#check')).toBe('Kontroller arket');
    await check(page);
    const wb = await workbook(page);
    expect(wb.writtenSheets).toEqual(['Inkludo']);
    expect(wb.sheets).toEqual([SHEET, 'Notater', 'Inkludo']);
    expect(wb.results[0]?.slice(0, 3)).toEqual(['Rad', 'Beskrivelse', 'Regelverkskode']);
    // Column A shows the source row (a HYPERLINK to it), column C the regime code.
    expect(wb.results.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['4', 'Renhold av kommunale bygg', 'NO-PART-III'],
      ['5', 'Kontorrekvisita', 'NO-EXEMPT'],
      ['6', 'Vaktmestertjenester', 'NO-PART-I'],
      ['7', 'Kantinedrift sykehjem', 'NO-PART-II'],
      ['8', 'Konsulentbistand IKT', 'NO-PART-III'],
      ['9', 'Snørydding', 'UNKNOWN'],
    ]);
    expect(String(wb.results[5]?.[7])).toContain('ORGNR-INVALID');
    // Status: the worst finding's severity. Without a registry the reserved row 7 is unverified (a
    // warning); an unreadable value (row 9) is an error.
    expect(wb.results.slice(1).map((r) => r[3])).toEqual(['Sjekk', 'OK', 'OK', 'Sjekk', 'Sjekk', 'Feil']);
    expect(String(wb.results[4]?.[7])).toContain('RESERVED-UNVERIFIED');

    // A re-run replaces the results sheet, and still writes nowhere else.
    await check(page);
    const again = await workbook(page);
    expect(again.events.filter((e) => !e.startsWith('activate'))).toEqual(['add Inkludo', 'delete Inkludo', 'add Inkludo']);
    expect(again.writtenSheets).toEqual(['Inkludo']);
    await page.close();
  });

  it('gives the bundled Norwegian sample the same verdicts as core, row by row', async () => {
    const read = await readXlsxCells(resolve(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'));
    if (!read.ok) throw new Error('samples/innkjopsplan-2027.xlsx has no readable sheet');
    const { sheet: name, cells: sample } = read.worksheet;
    const expected = checkSheet(sample, { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal' });
    expect(expected.rows.length).toBeGreaterThan(5);
    const page = await openPane('nb-NO', '1.6', { name, cells: sample });
    await check(page);
    const wb = await workbook(page);
    expect(wb.writtenSheets).toEqual(['Inkludo']);
    expect(wb.results.slice(1).map((r) => [Number(r[0]), r[2], r[7]])).toEqual(expected.rows.map((r) => [r.row, r.regime, r.findings.map((f) => f.code).join(', ')]));
    await page.close();
  });

  it('summary: a group lists its rows, and a row selects its source row', async () => {
    const page = await openPane();
    await check(page);
    await page.getByRole('button', { name: /^NO-PART-III: .*: 2$/ }).click();
    await page.click('button.row[data-row="8"]');
    await page.waitForFunction(() => (window as unknown as { fakeWorkbook: { selection: unknown } }).fakeWorkbook.selection !== null);
    expect((await workbook(page)).selection).toEqual({ sheet: SHEET, address: 'A8:XFD8' });
    await page.close();
  });

  it('has no serious or critical axe violations, before and after a check', async () => {
    const page = await openPane();
    const axe = async () => {
      await page.addScriptTag({ path: resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js') });
      const result = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe.run());
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    };
    expect(await axe()).toEqual([]);
    await check(page);
    await page.getByRole('button', { name: /^NO-PART-III: / }).click();
    expect(await axe()).toEqual([]);
    await page.close();
  });

  it('works with the keyboard alone: Tab reaches Check sheet and the summary, Enter activates', async () => {
    const page = await openPane('en-US');
    await page.fill('#rules-date', '2026-11-23');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('#check');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').startsWith('Checked 6 rows'));
    await tabTo('button.group');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('button.group[aria-pressed="true"]', 'aria-pressed')).toBe('true');
    await tabTo('button.row');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { fakeWorkbook: { selection: unknown } }).fakeWorkbook.selection !== null);
    await page.close();
  });

  it('speaks Swedish in Swedish Excel, and keeps the registry when an import fails', async () => {
    const page = await openPane('sv-SE');
    expect(await page.textContent('#check')).toBe('Kontrollera bladet');
    await page.setInputFiles('#registry-file', resolve(REPO_ROOT, 'tests/fixtures/sheet/registry.csv'));
    await page.waitForFunction(() => /leverantörer från/.test(document.getElementById('registry-state')?.textContent ?? ''));
    const loaded = await page.textContent('#registry-state');
    await page.setInputFiles('#registry-file', { name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from('# source: x\n# retrieved: 2026-01-01\norgnr;name;kind\n123;;asf\n') });
    await page.waitForSelector('#registry-problems[role="alert"]');
    expect(await page.textContent('#registry-problems')).toMatch(/Rad 4/);
    expect(await page.textContent('#registry-state')).toBe(loaded);
    // Kept between uses: a new pane in the same browser profile still has it.
    await page.reload();
    await page.waitForSelector('#registry-state');
    expect(await page.textContent('#registry-state')).toBe(loaded);
    await page.close();
  });

  it('keeps the previous registry and says so when the browser storage is full', async () => {
    const page = await openPane('en-GB');
    await page.setInputFiles('#registry-file', resolve(REPO_ROOT, 'tests/fixtures/sheet/registry.csv'));
    await page.waitForFunction(() => /suppliers from/.test(document.getElementById('registry-state')?.textContent ?? ''));
    const loaded = await page.textContent('#registry-state');
    const stored = await page.evaluate(() => localStorage.getItem('inkludo.registry'));
    // From here on the storage is full, as a browser says it: a QuotaExceededError from setItem.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const other = '# source: Other list\n# retrieved: 2026-10-01\norgnr;name;kind\n100427311;Demo Vekst AS;amb\n';
    await page.setInputFiles('#registry-file', { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from(other) });
    await page.waitForSelector('#registry-problems[role="alert"]');
    expect(await page.textContent('#registry-problems')).toContain('storage for the add-in is full');
    expect(await page.textContent('#registry-state')).toBe(loaded);
    expect(await page.evaluate(() => localStorage.getItem('inkludo.registry'))).toBe(stored);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a plain list with its source and date: 28+2 lines refused with both line numbers, then 28 on request', async () => {
    const page = await openPane('en-GB');
    await page.fill('#registry-source', 'Contract register 2026');
    await page.fill('#registry-retrieved', '2026-11-01');
    await page.setInputFiles('#registry-file', resolve(REPO_ROOT, 'tests/fixtures/registry/plain-list-28-2.csv'));
    await page.waitForSelector('#registry-problems[role="alert"]');
    const problems = await page.locator('#registry-problems li').allTextContents();
    expect(problems).toEqual([expect.stringMatching(/^Line 9, column Org\.nr\.: /), 'Line 23, column Leverandør: The supplier has no name.']);
    // The default changed nothing; the choice is a button that names the count.
    expect(await page.textContent('#registry-state')).toMatch(/^No registry imported/);
    await page.getByRole('button', { name: 'Import the 28 valid lines' }).click();
    await page.waitForFunction(() => /^28 suppliers from Contract register 2026, retrieved 2026-11-01/.test(document.getElementById('registry-state')?.textContent ?? ''));
    expect(await page.locator('#registry-problems li').count()).toBe(3); // the two lines left out, and the skipped title line
    // Pasted text goes the same way.
    await page.fill('#registry-paste', 'Leverandør;Org.nr.\nRydd AS;974760673\n');
    await page.getByRole('button', { name: 'Import the pasted list' }).click();
    await page.waitForFunction(() => /^1 suppliers from Contract register 2026/.test(document.getElementById('registry-state')?.textContent ?? ''));
    await page.close();
  });

  it('builds from Enhetsregisteret in the pane, shows the count and provenance, imports on request; a refused request points to the CLI', async () => {
    const replay = brregReplay();
    const api = createServer((req, res) => replay.handle(req, res, new URL(req.url ?? '/', 'https://data.brreg.no')));
    await new Promise<void>((done) => api.listen(0, '127.0.0.1', done));
    const local = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    try {
      const page = await openPane('en-GB');
      await page.route('https://data.brreg.no/**', async (route) => {
        const url = new URL(route.request().url());
        await route.fulfill({ response: await route.fetch({ url: `${local}${url.pathname}${url.search}` }) });
      });
      await page.fill('#brreg-area', '55');
      await page.click('#brreg-fetch');
      await page.getByText('2 suppliers found (150 units and 2 sub-units).').waitFor();
      expect(await page.textContent('#brreg-outcome')).toContain('næringskode 88.993 (SN2025); område 55; lisens NLOD 2.0');
      expect(await page.textContent('#registry-state')).toMatch(/^No registry imported/);
      await page.getByRole('button', { name: 'Import these 2 suppliers' }).click();
      await page.waitForFunction(() => /^2 suppliers from Enhetsregisteret, Brønnøysundregistrene/.test(document.getElementById('registry-state')?.textContent ?? ''));
      expect(replay.requests.filter((q) => q.includes('naeringskode=88.993'))).toHaveLength(3);

      await page.unroute('https://data.brreg.no/**');
      await page.route('https://data.brreg.no/**', (route) => route.abort('blockedbyclient'));
      await page.click('#brreg-fetch');
      await page.getByText(/^Excel did not let the add-in reach Enhetsregisteret/).waitFor();
      expect(await page.textContent('#brreg-outcome')).toContain('Could not reach Enhetsregisteret');
      await page.close();
    } finally {
      api.closeAllConnections();
      await new Promise((done) => api.close(done));
    }
  });

  it('says in the user language when Excel is too old, and offers no check', async () => {
    const page = await openPane('nb-NO', '1.5');
    expect(await page.textContent('[role="alert"]')).toContain('krever Excel API 1.6');
    expect(await page.isDisabled('#check')).toBe(true);
    await page.close();
  });

  it('column mapping and rules choices change the check and are saved in the workbook', async () => {
    const page = await openPane();
    await check(page);
    // The detected value column is D; unmapping it leaves every row without a value.
    expect(await page.inputValue('#map-value')).toBe('auto');
    expect(await page.textContent('#map-value option[value="auto"]')).toContain('Kolonne D: Anslått verdi');
    await page.selectOption('#map-value', 'none');
    await page.selectOption('#buyer', 'state');
    await check(page, '2026-11-20');
    const wb = await workbook(page);
    expect(wb.results.slice(1).map((r) => r[2])).toEqual(Array(6).fill('UNKNOWN'));
    expect(wb.results.slice(1).every((r) => String(r[7]).includes('VALUE-MISSING'))).toBe(true);
    const saved = await page.evaluate(() => (window as unknown as { Office: typeof Office }).Office.context.document.settings.get('inkludo.check'));
    expect(saved).toEqual({ jurisdiction: 'NO', date: '2026-11-20', buyer: 'state', headerRow: null, mapping: { value: null } });

    await page.click('text=Bruk kolonnene som ble gjenkjent');
    await check(page);
    expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-III');
    await page.close();
  });

  it("loads the organisation's own rule pack, refuses a broken one, and can go back to the bundled pack", async () => {
    const page = await openPane('en-US');
    await check(page);
    expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-III'); // NOK 2 400 000 ≥ 2 300 000 (bundled, verified)
    // An organisation that has checked the 2026 EEA threshold (NOK 2 500 000) marks it verified in its own pack.
    const own = organisationPack('own-1');
    await page.setInputFiles('#rulepack-file', { name: 'no-own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.waitForFunction(() => /own-1/.test(document.getElementById('rulepack-state')?.textContent ?? ''));
    await check(page);
    expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-II');

    await page.setInputFiles('#rulepack-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...own, published: '2026-13-01' })) });
    await page.waitForSelector('#rulepack-problems[role="alert"]');
    expect(await page.textContent('#rulepack-problems')).toContain('published');
    expect(await page.textContent('#rulepack-state')).toContain('own-1');

    await page.click('text=Use the bundled NO pack again');
    await check(page);
    expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-III');
    await page.close();
  });
  it("fetches the organisation's pack from its https address: ETag 304, a broken pack and a wrong-jurisdiction pack keep the last good one", async () => {
    let served: 'good' | 'broken' | 'sweden' = 'good';
    const seen: (string | null)[] = [];
    const cors = { 'Access-Control-Allow-Origin': base, 'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since', 'Access-Control-Expose-Headers': 'ETag, Last-Modified' };
    const packs = await startHttpsServer((request, response, url) => {
      if (url.pathname !== '/inkludo/no.json') return void response.writeHead(404, cors).end();
      if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
      seen.push(request.headers['if-none-match'] ?? null);
      const etag = `"${served}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ...cors, ETag: etag }).end();
      const body = served === 'good' ? JSON.stringify(organisationPack('org-1')) : served === 'broken' ? '{"schema": "inkludo.rulepack/1"' : JSON.stringify(DEFAULT_RULES.SE);
      response.writeHead(200, { ...cors, 'content-type': 'application/json', ETag: etag }).end(body);
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const address = `https://127.0.0.1:${packs.port}/inkludo/no.json`;
      const page = await openPane('en-US', '1.6', undefined, context);
      await check(page);
      expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-III'); // bundled: NOK 2 400 000 ≥ 2 300 000

      await page.selectOption('#rulepack-source-country', 'NO');
      await page.fill('#rulepack-source-url', address);
      await page.click('text=Save rule pack address');
      const source = page.locator('#rulepack-sources li[data-jurisdiction="NO"]');
      await source.getByText(`Rules: Norway, organisation pack from ${address}, verified by TEST: Juridisk avdeling, fetched`).waitFor();
      await check(page);
      expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-II'); // the organisation's verified NOK 2 500 000

      // Opened again the same day: the stored pack is used and not fetched again (once a day).
      await page.reload();
      await page.waitForSelector('#check');
      await source.getByText('verified by TEST: Juridisk avdeling').waitFor();
      expect(seen).toEqual([null]);

      await source.getByRole('button', { name: 'Fetch the rule pack now' }).click();
      await source.getByText(/: unchanged\./).waitFor();
      expect(seen).toEqual([null, '"good"']);

      for (const [mode, reason] of [['broken', 'the file is not JSON'], ['sweden', 'the pack is not valid']] as const) {
        served = mode;
        await source.getByRole('button', { name: 'Fetch the rule pack now' }).click();
        await source.getByText(`failed: ${reason}. The last good pack is kept.`).waitFor();
        await check(page);
        expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-II');
      }
      await source.getByText('This pack is for SE, but the address is set for NO: it was not used.').waitFor();
      await source.getByText('verified by TEST: Juridisk avdeling').waitFor();

      await source.getByRole('button', { name: 'Remove the address for Norway' }).click();
      await check(page);
      expect((await workbook(page)).results[1]?.[2]).toBe('NO-PART-III');
    } finally {
      await context.close();
      await packs.close();
    }
  });
});

describe('task pane: Create documents and follow-up dates', () => {
  /** Clicks a download link and returns the downloaded file's path. */
  async function download(page: Page, selector: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return (await file.path()) as string;
  }

  it('creates the evidence pack for a checked row and offers it for download, writing nothing to the workbook', async () => {
    const page = await openPane();
    await check(page);
    const writesBefore = await page.evaluate(() => (window as unknown as { fakeWorkbook: { writes: unknown[] } }).fakeWorkbook.writes.length);
    await page.selectOption('#documents-row', '4');
    await page.click('#documents-row-create');
    await page.waitForSelector('#documents-downloads a');
    expect(await page.getAttribute('#documents-downloads a', 'download')).toBe('inkludo-row-4-renhold-av-kommunale-bygg.nb.docx');
    const text = docxText(await download(page, '#documents-downloads a'));
    expect(text).toContain('Reservert kontrakt: dokumenter for «Renhold av kommunale bygg»');
    expect(text).toContain('[NO-RES-III: Anskaffelsesforskriften (FOA) § 16-9 (del III)');
    expect(text).toContain('Kunngjør konkurransen på Doffin og i TED');
    expect(text).toContain('rad 4 i arket «Innkjøpsplan»');
    expect(personalNumbersIn(text)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { fakeWorkbook: { writes: unknown[] } }).fakeWorkbook.writes.length)).toBe(writesBefore);
    await page.close();
  });

  it('creates documents for a purchase and a supplier typed in, in Swedish, and refuses a personal identity number without showing it', async () => {
    const page = await openPane('sv-SE');
    await page.fill('#rules-date', '2026-11-30');
    await page.fill('#documents-value', '3 000 000 kr');
    await page.fill('#documents-orgnr', '811228-9874');
    await page.click('#documents-single-create');
    await page.waitForFunction(() => /personnummer/.test(document.getElementById('documents-status')?.textContent ?? ''));
    expect(await page.textContent('main')).not.toContain('9874');
    await page.fill('#documents-orgnr', '734127-5100');
    await page.click('#documents-single-create');
    await page.waitForSelector('#documents-downloads a');
    const text = docxText(await download(page, '#documents-downloads a'));
    expect(text).toContain('Reserverat kontrakt: dokument för');
    expect(text).toContain('SE-ABOVE-EU');
    expect(text).toContain('[SE-RES-418-P: LOU 4 kap. 18 §');
    expect(text).toContain('Kontraktsart inte angiven: ”tjänster” har antagits.');
    await page.close();
  });

  it('lists follow-up dates of a contract register, overdue first, and offers the calendar (in English)', async () => {
    const register = readSheetCsv(readFileSync(resolve(REPO_ROOT, 'tests/fixtures/followup/avtalsregister.csv')));
    const page = await openPane('en-US', '1.6', { name: 'Avtalsregister', cells: register });
    await page.selectOption('#jurisdiction', 'SE');
    await page.fill('#rules-date', '2026-11-30');
    await page.click('#followup-run');
    await page.waitForSelector('#followup-checks li');
    const items = await page.$$eval('#followup-checks li', (lis) => lis.map((li) => li.textContent ?? ''));
    // No registry loaded: R-3's own evidence date (2025-10-01) is the only dated overdue check.
    expect(items[0]).toContain('2026-10-01');
    expect(items[0]).toContain('OVERDUE since 2026-10-01');
    expect(items[0]).toContain('R-3 — Flytt kontor');
    expect(items.some((i) => i.includes('2029-01-01') && i.includes('Option 2 of 2'))).toBe(true);
    const ics = readFileSync(await download(page, '#followup-ics'), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.replace(/\r\n /g, '')).toContain('R-3 — Flytt kontor\\, Fiktiva Flyttgruppen ek. för. (737652-0941)');
    // The same dates on the add-in's own sheet, overdue first; the register itself is never written.
    await page.waitForSelector('#followup-note');
    const sheet = await page.evaluate(() => (window as unknown as { fakeWorkbook: import('../fake-office/fake-excel.ts').FakeWorkbook }).fakeWorkbook.sheets.get('Inkludo follow-up')?.cells ?? []);
    expect(sheet[0]).toEqual(['Row', 'Due', 'Overdue', 'Check', 'Why', 'Contract', 'Supplier', 'Rules']);
    expect(sheet[1]?.slice(0, 3)).toEqual(['5', '2026-10-01', 'Yes']);
    expect(sheet.length - 1).toBe(items.length);
    expect((await workbook(page)).writtenSheets).toEqual(['Inkludo follow-up']);

    // A sheet of that name that the add-in did not write is the user's: left alone, and said so.
    await page.evaluate(() => (window as unknown as { fakeWorkbook: import('../fake-office/fake-excel.ts').FakeWorkbook }).fakeWorkbook.sheets.get('Inkludo follow-up')?.setCell(0, 0, 'Mine'));
    await page.click('#followup-run');
    await page.waitForFunction(() => /did not make/.test(document.getElementById('followup-note')?.textContent ?? ''));
    const kept = await page.evaluate(() => (window as unknown as { fakeWorkbook: import('../fake-office/fake-excel.ts').FakeWorkbook }).fakeWorkbook.sheets.get('Inkludo follow-up')?.cells[0]?.[0]);
    expect(kept).toBe('Mine');
    await page.close();
  });
});
