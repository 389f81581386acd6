import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxCells } from '../../cli/xlsx/index.ts';
import { SHEET_REGISTRY_PATH } from '../fixtures/sheet/registry.ts';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { readZipEntries } from '../support/zip-read.ts';

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/xlsx');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const CHECK = ['--jurisdiction', 'NO', '--date', '2026-11-23', '--lang', 'en'] as const;

let dir = '';
let n = 0;
/** A fresh copy of a fixture in the test folder. */
function copy(name: string): string {
  const path = join(dir, `${n++}-${name}`);
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function results(path: string) {
  const read = await readXlsxCells(path, 'Inkludo');
  if (!read.ok) throw new Error(`no results sheet in ${path}: ${read.sheets.join(', ')}`);
  return read.worksheet;
}

describe('--out is a package edit', () => {
  it('copies every part of a macro-enabled workbook byte for byte and adds the results sheet', async () => {
    const input = copy('extras.xlsm');
    const out = join(dir, 'extras-checked.xlsm');
    const run = await cli('check', input, '--out', out, ...CHECK);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Wrote ${out} with the results sheet "Inkludo"`);

    const before = await readZipEntries(input);
    const after = await readZipEntries(out);
    const patched = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
    for (const [name, entry] of before) {
      if (patched.includes(name)) continue;
      // The VBA project, the drawing and its chart, custom XML, document properties: as stored.
      expect(after.get(name)?.stored.equals(entry.stored), name).toBe(true);
      expect(after.get(name)?.crc32, name).toBe(entry.crc32);
    }
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet2.xml']);

    // The patched parts are the input's with one entry added each, nothing else changed.
    const text = (m: Map<string, { data: Buffer }>, name: string) => m.get(name)?.data.toString('utf8') ?? '';
    expect(text(after, 'xl/workbook.xml').replace(/<sheet name="Inkludo" sheetId="2" r:id="rIdInkludo1"\/>/, '')).toBe(text(before, 'xl/workbook.xml'));
    expect(text(after, 'xl/_rels/workbook.xml.rels').replace(/<Relationship Id="rIdInkludo(Styles)?1"[^>]*\/>/g, '')).toBe(text(before, 'xl/_rels/workbook.xml.rels'));
    const types = text(after, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(types.replace(/<Override PartName="\/xl\/(worksheets\/sheet2|styles)\.xml"[^>]*\/>/g, '')).toBe(text(before, '[Content_Types].xml'));
    expect(text(after, 'xl/workbook.xml')).toContain('<definedName name="Verdier">Plan!$B$2:$B$3</definedName>');

    // The copy reads back: the note, the frozen header, links to the checked rows.
    const sheet = await results(out);
    expect(String(sheet.cells[0]?.[0])).toContain('Inkludo check of "Plan" (NO) on 2026-11-23');
    // The notes: the check, then what the reading assumed, once for the sheet; then the table.
    expect(sheet.cells.some((r) => String(r[0]).startsWith('Values in column B «Estimert verdi» are read as totals'))).toBe(true);
    const h = sheet.cells.findIndex((r) => r[0] === 'Row');
    expect(sheet.cells[h]).toEqual(['Row', 'Status', 'Description', 'Regime', 'Estimated value excl. VAT', 'Currency', 'Value read as', 'Explanation', 'Supplier', 'Registry', 'Regime code', 'Finding codes', 'Rule ids']);
    expect([sheet.cells[h + 1]?.[0], sheet.cells[h + 1]?.[2]]).toEqual([2, 'Renhold skole']);
    const first = h + 2; // the first result row, 1-based
    const xml = text(after, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain(`<pane ySplit="${h + 1}" topLeftCell="A${first}" activePane="bottomLeft" state="frozen"/>`);
    expect(xml).toContain(`<f>HYPERLINK("#'Plan'!A2",2)</f><v>2</v>`);
    // The add-in's status colours, as conditional formats on the status column.
    expect(xml).toContain(`<conditionalFormatting sqref="B${first}:B${first + 1}">`);
    expect(xml).toMatch(/<conditionalFormatting sqref="B\d+:B\d+"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="Error">.*<cfRule type="containsText" dxfId="1" priority="2" operator="containsText" text="Check">/);
    expect(text(after, 'xl/styles.xml')).toContain('<dxfs count="2"><dxf><font><color rgb="FF58151C"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFF8D7DA"/>');
    // Amounts with a number format, user text as text (a leading = never becomes a formula).
    const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(text(after, 'xl/styles.xml'))?.[1]?.match(/<xf [^>]*/g) ?? [];
    const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml)?.[1])] ?? '';
    expect(styleOf(`E${first}`)).toContain('numFmtId="4"');
    expect(styleOf(`C${first}`)).toContain('numFmtId="49"');
  });

  it('appends its styles to a LibreOffice workbook without moving the existing ones, and LibreOffice opens the copy', async () => {
    const input = copy('lo-kinds.xlsx');
    const out = join(dir, 'lo-kinds-checked.xlsx');
    expect((await cli('check', input, '--out', out, ...CHECK)).code).toBe(1);
    const styles = (path: string) =>
      readZipEntries(path).then((m) => m.get('xl/styles.xml')?.data.toString('utf8') ?? '');
    const [before, after] = await Promise.all([styles(input), styles(out)]);
    const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1]?.match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g) ?? [];
    expect(xfs(after).slice(0, xfs(before).length)).toEqual(xfs(before));
    expect(xfs(after)).toHaveLength(xfs(before).length + 7);
    expect(after).toMatch(/<dxfs count="\d+">/);

    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'fods', '--outdir', dir, out], { stdio: 'ignore', timeout: 120_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const fods = readFileSync(join(dir, 'lo-kinds-checked.fods'), 'utf8');
    expect(fods).toContain('table:name="Inkludo"');
    expect(fods).toContain(`of:=HYPERLINK(&quot;#&apos;Plan 2027&apos;!A4&quot;;4)`);
    expect(fods).toContain('table:name="Plan 2027"');
  }, 150_000);

  it('a CSV becomes a new workbook with the data sheet and the results sheet', async () => {
    const out = join(dir, 'csv-checked.xlsx');
    const run = await cli('check', join(FIXTURES, 'lo-plan.csv'), '--out', out, '--json', ...CHECK);
    expect(run.code).toBe(1);
    const data = await readXlsxCells(out);
    expect(data).toMatchObject({ ok: true, worksheet: { sheet: 'lo-plan', tabs: ['lo-plan', 'Inkludo'] } });
    if (!data.ok) return;
    expect(data.worksheet.cells[3]).toEqual(['Vask; arbeidstøy', 'pris etter avtale', null, null, 'nei']);
    const cells = (await results(out)).cells;
    expect(cells[cells.findIndex((r) => r[0] === 'Row') + 1]?.[0]).toBe(2);
  });

  it('names the results sheet so it does not clash with a tab the workbook has', async () => {
    const first = join(dir, 'once.xlsx');
    await cli('check', copy('sst-after-sheet.xlsx'), '--out', first, ...CHECK);
    const second = join(dir, 'twice.xlsx');
    const run = await cli('check', first, '--out', second, ...CHECK);
    expect(run.out).toContain('results sheet "Inkludo 2"');
    expect(await readXlsxCells(second, 'Inkludo 2')).toMatchObject({ ok: true, worksheet: { tabs: ['Plan', 'Inkludo', 'Inkludo 2'] } });
  });
});

describe('--out never overwrites an input or an existing file', () => {
  function leftovers(): string[] {
    return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  }

  it.each([
    ['the input by another path', (input: string) => join(dir, '.', input.slice(dir.length + 1))],
    ['a symbolic link to the input', (input: string) => {
      const link = join(dir, `${n++}-symlink.xlsx`);
      symlinkSync(input, link);
      return link;
    }],
    ['a hard link to the input', (input: string) => {
      const link = join(dir, `${n++}-hardlink.xlsx`);
      linkSync(input, link);
      return link;
    }],
  ])('refuses %s, even with --force', async (_what, outOf) => {
    const input = copy('sst-after-sheet.xlsx');
    const before = sha(input);
    const out = outOf(input);
    for (const force of [[], ['--force']]) {
      const run = await cli('check', input, '--out', out, ...force, ...CHECK);
      expect(run).toMatchObject({ code: 2, out: '' });
      expect(run.err).toContain('--out must be a new file');
    }
    expect(sha(input)).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses the registry and a rule pack, by path and by hard link', async () => {
    const input = copy('sst-after-sheet.xlsx');
    const registryLink = join(dir, `${n++}-registry.xlsx`);
    symlinkSync(SHEET_REGISTRY_PATH, registryLink);
    const registryRun = await cli('check', input, '--registry', SHEET_REGISTRY_PATH, '--out', registryLink, ...CHECK);
    expect(registryRun.code).toBe(2);
    expect(registryRun.err).toContain('--out must be a new file');
    const rules = join(dir, `${n++}-rules.json`);
    writeFileSync(rules, '{}');
    const rulesLink = join(dir, `${n++}-rules.xlsx`);
    linkSync(rules, rulesLink);
    const rulesRun = await cli('check', input, '--rules', rules, '--out', rulesLink, '--force', ...CHECK);
    expect(rulesRun.code).toBe(2);
    expect(readFileSync(rules, 'utf8')).toBe('{}');
  });

  it('refuses an existing file unless --force, and then replaces it whole', async () => {
    const input = copy('sst-after-sheet.xlsx');
    const out = join(dir, `${n++}-existing.xlsx`);
    writeFileSync(out, 'mine');
    const refused = await cli('check', input, '--out', out, ...CHECK);
    expect(refused).toMatchObject({ code: 2, err: `${out} already exists. Give a new name, or --force to replace it.` });
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli('check', input, '--out', out, '--force', ...CHECK)).code).toBe(0);
    expect(await readXlsxCells(out, 'Inkludo')).toMatchObject({ ok: true });
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['sst-after-sheet.xlsx', 'copy.csv', '--out must name a .xlsx file'],
    ['sst-after-sheet.xlsx', 'copy.xlsm', 'has no macros: --out must end in .xlsx'],
    ['extras.xlsm', 'copy.xlsx', 'is a macro-enabled workbook: --out must end in .xlsm'],
    ['lo-plan.csv', 'copy.xlsm', 'has no macros: --out must end in .xlsx'],
  ])('%s → %s is refused: the extension must fit the content', async (name, outName, message) => {
    const out = join(dir, `${n++}-${outName}`);
    const run = await cli('check', copy(name), '--out', out, ...CHECK);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('a folder that does not exist is a clear error, and leaves nothing behind', async () => {
    const run = await cli('check', copy('sst-after-sheet.xlsx'), '--out', join(dir, 'missing', 'x.xlsx'), ...CHECK);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/could not be written/);
  });
});
