/**
 * The built task pane (dist/addin) in headless Chromium on a fake Office host: what it reads, what it
 * writes, and the choices that change the check.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, checkSheet, readSheetCsv, setRuleValue, type RulePack } from '../../core/index.ts';
import { readXlsxCells } from '../../cli/xlsx/index.ts';
import { brregReplay } from '../support/brreg-server.ts';
import { docxText, personalNumbersIn } from '../support/docx-text.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { SAMPLE_NB, check, column, openSection, resultRows, runCheck, startPaneHarness, workbook, type PaneHarness } from './support/addin-pane.ts';
import { seriousViolations } from './support/axe.ts';
import { startHttpsServer } from './support/https-server.ts';

const SHEET = SAMPLE_NB.name;

/** The Norwegian pack with the 2026 EEA threshold for other authorities (NOK 2 500 000) verified by an organisation (a test). */
function organisationPack(version: string): RulePack {
  const reference = { title: 'TEST: Lovdata, anskaffelsesforskriften § 5-3', url: 'https://lovdata.no/test' };
  const change = { value: 2_500_000, from: '2026-04-21', to: null, status: 'verified', verifiedBy: 'TEST: Juridisk avdeling', reference } as const;
  const outcome = setRuleValue({ ...DEFAULT_RULES.NO, version }, 'NO-EEA-2026-OTHER', change, '2026-11-30');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.pack;
}
let harness: PaneHarness;

beforeAll(async () => {
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const regimes = async (page: Page) => column((await workbook(page)).results, 'regime');

describe('task pane on a fake Excel', () => {
  it('checks the sample sheet and writes only the Inkludo sheet, linking each result to its row', async () => {
    const page = await harness.openPane();
    expect(await page.textContent('#check')).toBe('Kontroller arket');
    await check(page);
    const wb = await workbook(page);
    expect(wb.writtenSheets).toEqual(['Inkludo']);
    expect(wb.sheets).toEqual([SHEET, 'Notater', 'Inkludo']);
    // Column A shows the source row (a HYPERLINK to it); the regime code is kept for filters.
    expect(resultRows(wb.results).map((r, i) => [r[0], column(wb.results, 'description')[i], column(wb.results, 'regime')[i]])).toEqual([
      ['4', 'Renhold av kommunale bygg', 'NO-PART-III'],
      ['5', 'Kontorrekvisita', 'NO-EXEMPT'],
      ['6', 'Vaktmestertjenester', 'NO-PART-I'],
      ['7', 'Kantinedrift sykehjem', 'NO-PART-I'], // canteen services (CPV 55510000) are social and other specific services
      ['8', 'Konsulentbistand IKT', 'NO-PART-III'],
      ['9', 'Snørydding', 'UNKNOWN'],
    ]);
    expect(String(column(wb.results, 'findings')[4])).toContain('ORGNR-INVALID');
    // Status: the worst finding's severity. Without a registry the reserved row 7 is unverified (a
    // warning); an unreadable value (row 9) is an error.
    expect(column(wb.results, 'status')).toEqual(['Sjekk', 'OK', 'OK', 'Sjekk', 'Sjekk', 'Feil']);
    expect(String(column(wb.results, 'findings')[3])).toContain('RESERVED-UNVERIFIED');
    // Above the table: the title, the sheet's assumptions, the legend that explains "Sjekk" and "Merk".
    expect(wb.results[0]?.[0]).toBe(`Inkludo: resultater for «${SHEET}», Norges regler per 2026-11-23`);
    expect(wb.results.flat()).toEqual(expect.arrayContaining(['Kolonneoverskrifter lest fra rad 3.', 'Sjekk', 'les forklaringen før du går videre', 'Merk', 'til orientering']));
    expect(wb.results.slice(0, 10).map((r) => String(r[0])).join('\n')).toMatch(/kolonne D «Anslått verdi \(NOK ekskl\. mva\)» leses som totalverdi/);

    // A re-run replaces the results sheet, and still writes nowhere else.
    await check(page);
    const again = await workbook(page);
    expect(again.events.filter((e) => e.startsWith('add') || e.startsWith('delete'))).toEqual(['add Inkludo', 'delete Inkludo', 'add Inkludo']);
    expect(again.writtenSheets).toEqual(['Inkludo']);
    await page.close();
  });

  it('gives the bundled Norwegian sample the same verdicts as core, row by row', async () => {
    const read = await readXlsxCells(resolve(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'));
    if (!read.ok) throw new Error('samples/innkjopsplan-2027.xlsx has no readable sheet');
    const { sheet: name, cells: sample } = read.worksheet;
    const expected = checkSheet(sample, { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal' });
    expect(expected.rows.length).toBeGreaterThan(5);
    const page = await harness.openPane({ sheet: { name, cells: sample } });
    await check(page);
    const wb = await workbook(page);
    expect(wb.writtenSheets).toEqual(['Inkludo']);
    expect(resultRows(wb.results).map((r, i) => [Number(r[0]), column(wb.results, 'regime')[i], column(wb.results, 'findings')[i]])).toEqual(
      expected.rows.map((r) => [r.row, r.regime, r.findings.map((f) => f.code).join(', ')]),
    );
    await page.close();
  });

  it('says in the user language when Excel is too old, and offers no check', async () => {
    const page = await harness.openPane({ excelApi: '1.5' });
    expect(await page.textContent('[role="alert"]')).toContain('krever Excel API 1.6');
    expect(await page.isDisabled('#check')).toBe(true);
    await page.close();
  });

  it('stays within the API sets it declares: on ExcelApi 1.6 (the fake throws on newer members) it checks, without frozen panes', async () => {
    for (const excelApi of ['1.6', '1.7']) {
      const page = await harness.openPane({ excelApi });
      await check(page);
      // Frozen down to the table's header row (under the title, assumptions and legend) where Excel can.
      const headerRow = (await workbook(page)).results.length - resultRows((await workbook(page)).results).length;
      expect(await page.evaluate(() => (window as unknown as { fakeWorkbook: { sheets: Map<string, { frozenRows: number }> } }).fakeWorkbook.sheets.get('Inkludo')?.frozenRows)).toBe(excelApi === '1.6' ? 0 : headerRow);
      expect(column((await workbook(page)).results, 'regime')).toHaveLength(6);
      await page.close();
    }
  });

  it('column mapping, value basis and rules choices change the check and are saved in the workbook', async () => {
    const page = await harness.openPane();
    await check(page);
    await openSection(page, 'mapping-section');
    // Each role says what was recognised: the value column D with its header; roles not found are marked.
    expect(await page.inputValue('#map-value')).toBe('auto');
    expect(await page.textContent('#map-value option[value="auto"]')).toBe('Kolonne D: Anslått verdi (NOK ekskl. mva)');
    expect(await page.textContent('#map-duration option[value="auto"]')).toBe('Ikke funnet');
    expect(await page.$$eval('li.role.missing select', (s) => s.map((e) => e.id))).toContain('map-duration');
    expect(await page.$$eval('li.role.missing select', (s) => s.map((e) => e.id))).not.toContain('map-value');
    expect(await page.textContent('#mapping-section > summary')).toMatch(/\d+ av 14 gjenkjent/);
    expect(await page.textContent('#value-basis option[value="detected"]')).toBe('Som gjenkjent: samlet verdi for hele kontrakten');

    // Unmapping the value column leaves every row without a value.
    await page.selectOption('#map-value', 'none');
    await page.selectOption('#value-basis', 'yearly');
    await page.selectOption('#buyer', 'state');
    await check(page, '2026-11-20');
    expect(await regimes(page)).toEqual(Array(6).fill('UNKNOWN'));
    expect(column((await workbook(page)).results, 'findings').every((f) => String(f).includes('VALUE-MISSING'))).toBe(true);
    const saved = await page.evaluate(() => (window as unknown as { Office: typeof Office }).Office.context.document.settings.get('inkludo.check'));
    expect(saved).toEqual({ jurisdiction: 'NO', date: '2026-11-20', buyer: 'state', headerRow: null, mapping: { value: null }, valueBasis: 'yearly' });

    await page.click('text=Bruk kolonnene som ble gjenkjent');
    await check(page);
    expect((await regimes(page))[0]).toBe('NO-PART-III');
    await page.close();
  });

  it('switches jurisdiction in one click, keeping the choice in the workbook', async () => {
    const page = await harness.openPane();
    expect(await page.textContent('#jurisdiction-text')).toMatch(/^Norges regler per /);
    await check(page);
    expect((await regimes(page))[0]).toBe('NO-PART-III');
    await page.click('#switch-jurisdiction');
    expect(await page.textContent('#jurisdiction-text')).toMatch(/^Sveriges regler per /);
    expect(await page.textContent('#switch-jurisdiction')).toBe('Bytt til Norge');
    await runCheck(page);
    // Swedish rules now: a NOK value is not compared with SEK limits by a home-made conversion.
    expect((await regimes(page)).every((r) => !String(r).startsWith('NO-'))).toBe(true);
    expect((await workbook(page)).results[0]?.[0]).toMatch(/Sveriges regler/);
    const saved = await page.evaluate(() => (window as unknown as { Office: typeof Office }).Office.context.document.settings.get('inkludo.check') as { jurisdiction: string });
    expect(saved.jurisdiction).toBe('SE');
    await page.close();
  });

  it('speaks Swedish in Swedish Excel, and keeps the registry when an import fails', async () => {
    const page = await harness.openPane({ displayLanguage: 'sv-SE' });
    expect(await page.textContent('#check')).toBe('Kontrollera bladet');
    await openSection(page, 'registry-section');
    // The file picker speaks the pane's language, not the browser's "Choose File / No file chosen".
    expect(await page.textContent('#registry-section label.button')).toBe('Välj fil …');
    expect(await page.textContent('#registry-file-name')).toBe('Ingen fil vald');
    await page.setInputFiles('#registry-file', resolve(REPO_ROOT, 'tests/fixtures/sheet/registry.csv'));
    await page.waitForFunction(() => /leverantörer från/.test(document.getElementById('registry-state')?.textContent ?? ''));
    expect(await page.textContent('#registry-file-name')).toBe('registry.csv');
    const loaded = await page.textContent('#registry-state');
    await page.setInputFiles('#registry-file', { name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from('# source: x\n# retrieved: 2026-01-01\norgnr;name;kind\n123;;asf\n') });
    await page.waitForSelector('#registry-problems[role="alert"]');
    expect(await page.textContent('#registry-problems')).toMatch(/Rad 4/);
    expect(await page.textContent('#registry-state')).toBe(loaded);
    // Kept between uses: a new pane in the same browser profile still has it.
    await page.reload();
    await page.waitForSelector('#registry-state', { state: 'attached' });
    expect(await page.textContent('#registry-state')).toBe(loaded);
    await page.close();
  });

  it("loads the organisation's own rule pack, refuses a broken one in the user's language, and can go back to the bundled pack", async () => {
    const page = await harness.openPane({ displayLanguage: 'en-US' });
    await check(page);
    expect((await regimes(page))[0]).toBe('NO-PART-III'); // NOK 2 400 000 ≥ 2 300 000 (bundled, verified)
    // An organisation that has checked the 2026 EEA threshold (NOK 2 500 000) marks it verified in its own pack.
    const own = organisationPack('own-1');
    await openSection(page, 'rulepack-section');
    await page.setInputFiles('#rulepack-file', { name: 'no-own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.waitForFunction(() => /own-1/.test(document.getElementById('rulepack-state')?.textContent ?? ''));
    await check(page);
    expect((await regimes(page))[0]).toBe('NO-PART-II');

    await page.setInputFiles('#rulepack-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...own, published: '2026-13-01' })) });
    await page.waitForSelector('#rulepack-problems[role="alert"]');
    expect(await page.textContent('#rulepack-problems')).toContain('published');
    expect(await page.textContent('#rulepack-state')).toContain('own-1');

    await page.click('text=Use the bundled NO pack again');
    await check(page);
    expect((await regimes(page))[0]).toBe('NO-PART-III');
    await page.close();
  });

  it('keeps the previous registry and says so when the browser storage is full', async () => {
    const page = await harness.openPane({ displayLanguage: 'en-GB' });
    await openSection(page, 'registry-section');
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
    const page = await harness.openPane({ displayLanguage: 'en-GB' });
      await openSection(page, 'registry-section');
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
      const page = await harness.openPane({ displayLanguage: 'en-GB' });
      await openSection(page, 'registry-section');
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

  it("fetches the organisation's pack from its https address: ETag 304, a broken pack and a wrong-jurisdiction pack keep the last good one", async () => {
    let served: 'good' | 'broken' | 'sweden' = 'good';
    const seen: (string | null)[] = [];
    const cors = { 'Access-Control-Allow-Origin': harness.base, 'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since', 'Access-Control-Expose-Headers': 'ETag, Last-Modified' };
    const packs = await startHttpsServer((request, response, url) => {
      if (url.pathname !== '/inkludo/no.json') return void response.writeHead(404, cors).end();
      if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
      seen.push(request.headers['if-none-match'] ?? null);
      const etag = `"${served}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ...cors, ETag: etag }).end();
      const body = served === 'good' ? JSON.stringify(organisationPack('org-1')) : served === 'broken' ? '{"schema": "inkludo.rulepack/1"' : JSON.stringify(DEFAULT_RULES.SE);
      response.writeHead(200, { ...cors, 'content-type': 'application/json', ETag: etag }).end(body);
    });
    const context = await harness.browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const address = `https://127.0.0.1:${packs.port}/inkludo/no.json`;
      const page = await harness.openPane({ displayLanguage: 'en-US', context });
      await check(page);
      expect((await regimes(page))[0]).toBe('NO-PART-III'); // bundled: NOK 2 400 000 ≥ 2 300 000

      await openSection(page, 'rulepack-section');
      await page.selectOption('#rulepack-source-country', 'NO');
      await page.fill('#rulepack-source-url', address);
      await page.click('text=Save rule pack address');
      const source = page.locator('#rulepack-sources li[data-jurisdiction="NO"]');
      await source.getByText(`Rules: Norway, organisation pack from ${address}, verified by TEST: Juridisk avdeling, fetched`).waitFor();
      await check(page);
      expect((await regimes(page))[0]).toBe('NO-PART-II'); // the organisation's verified NOK 2 500 000

      // Opened again the same day: the stored pack is used and not fetched again (once a day).
      await page.reload();
      await page.waitForSelector('#check');
      await openSection(page, 'rulepack-section');
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
        expect((await regimes(page))[0]).toBe('NO-PART-II');
      }
      await source.getByText('This pack is for SE, but the address is set for NO: it was not used.').waitFor();
      await source.getByText('verified by TEST: Juridisk avdeling').waitFor();

      await source.getByRole('button', { name: 'Remove the address for Norway' }).click();
      await check(page);
      expect((await regimes(page))[0]).toBe('NO-PART-III');
    } finally {
      await context.close();
      await packs.close();
    }
  });

  it('shows progress on a long sheet and cancels: nothing is written, the sheets stay as they were', async () => {
    const header = ['Beskrivelse', 'Leverandør', 'Org.nr', 'Anslått verdi', 'CPV'];
    const cells = [header, ...Array.from({ length: 60_000 }, (_, i) => [`Kjøp ${i + 1}`, `Leverandør ${i % 97} AS`, '972418005', 5_000 * (i % 700), '90910000-9'])];
    const page = await harness.openPane({ sheet: { name: 'Stor', cells } });
    // Keyboard only: Enter on "Check sheet" (which keeps the focus while it runs), Tab to Cancel, Enter.
    await page.focus('#check');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#progress progress');
    expect(await page.getAttribute('#check', 'aria-disabled')).toBe('true');
    expect(await page.textContent('#progress label')).toMatch(/^(Leser arket|Kontrollerer|Skriver resultatene)/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cancel');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Avbrutt/.test(document.getElementById('status')?.textContent ?? ''));
    const wb = await workbook(page);
    expect(wb.sheets).toEqual(['Stor', 'Notater']);
    expect(await page.$('#progress')).toBeNull();
    expect(await page.getAttribute('#check', 'aria-disabled')).toBe('false');
    await page.close();
  });
});

describe('task pane: Create documents and follow-up dates', () => {
  /** Clicks a download link and returns the downloaded file's path. */
  async function download(page: Page, selector: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return (await file.path()) as string;
  }

  it('creates the evidence pack for a checked row and offers it for download, writing nothing to the workbook', async () => {
    const page = await harness.openPane();
    await check(page);
    await openSection(page, 'documents-section');
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
    // The open section, its form and its download link pass axe like the rest of the pane.
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('creates documents for a purchase and a supplier typed in, in Swedish, and refuses a personal identity number without showing it', async () => {
    const page = await harness.openPane({ displayLanguage: 'sv-SE' });
    await openSection(page, 'settings-section');
    await page.fill('#rules-date', '2026-11-30');
    await openSection(page, 'documents-section');
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
    if (!register.ok) throw new Error('tests/fixtures/followup/avtalsregister.csv is not readable');
    const page = await harness.openPane({ displayLanguage: 'en-US', sheet: { name: 'Avtalsregister', cells: register.cells } });
    if (!/Sweden/.test((await page.textContent('#jurisdiction-text')) ?? '')) await page.click('#switch-jurisdiction');
    await openSection(page, 'settings-section');
    await page.fill('#rules-date', '2026-11-30');
    await openSection(page, 'followup-section');
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
    expect(await seriousViolations(page)).toEqual([]);
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
