import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSupplierStatus, exportRegistryCsv, importRegistry, registryTextFromCells, translator, type ImportResult } from '../../core/index.ts';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/registry');
const LIST = join(FIXTURES, 'plain-list-28-2.csv');
const LIST_XLSX = join(FIXTURES, 'plain-list-28-2.xlsx');
const SOURCE = { source: 'Kontraktsregisteret 2026', retrieved: '2026-11-01' };

function lines(result: ImportResult): number[] {
  return result.ok ? (result.skipped ?? []).map((s) => s.line) : result.errors.map((e) => e.line);
}

describe('a plain list: the columns include an organisation number', () => {
  it('with 28 good lines and 2 bad ones is refused by default, naming both lines and the 28 valid ones', () => {
    const result = importRegistry(readFileSync(LIST), SOURCE);
    expect(result.ok).toBe(false);
    expect(lines(result)).toEqual([9, 23]);
    expect(result).toMatchObject({ validLines: 28 });
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual(['Org.nr.', 'Leverandør']);
  });

  it('is imported as 28 suppliers when the valid lines are asked for, the two left out with their reasons', () => {
    const result = importRegistry(readFileSync(LIST), { ...SOURCE, validLinesOnly: true });
    if (!result.ok) throw new Error('refused');
    expect(result.registry.suppliers).toHaveLength(28);
    expect(result.registry.provenance).toMatchObject(SOURCE);
    expect(result.skipped?.map((s) => [s.line, s.messageKey])).toEqual([
      [9, 'orgnr.problem.checksum'],
      [23, 'registry.issue.name-missing'],
    ]);
    // The title line above the header is said, not silently dropped; "0301" regions read as written.
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([[1, 'lines-above-header']]);
    expect(result.registry.suppliers[0]).toMatchObject({ name: 'Arbeidsbedrift nr 1 AS', orgnr: '910000004', regions: ['0301'], kind: 'other' });
  });

  it('reads the LibreOffice-saved .xlsx twin with the same line numbers (Excel dropped the leading zeros)', async () => {
    const { readXlsxCells } = await import('../../cli/xlsx.ts');
    const read = await readXlsxCells(LIST_XLSX);
    if (!read.ok) throw new Error('no sheet');
    const text = registryTextFromCells(read.worksheet.cells);
    expect(lines(importRegistry(text, SOURCE))).toEqual([9, 23]);
    const result = importRegistry(text, { ...SOURCE, validLinesOnly: true });
    expect(result.ok && result.registry.suppliers.map((s) => s.regions[0])).toEqual(
      (() => {
        const r = importRegistry(readFileSync(LIST), { ...SOURCE, validLinesOnly: true });
        return r.ok ? r.registry.suppliers.map((s) => s.regions[0]) : [];
      })(),
    );
  });

  it.each([
    ['Swedish headers, comma-separated, title with a comma', 'Leverantörer, 2026\nFöretagsnamn,Organisationsnummer\nExempel AB,556086-8225\n'],
    ['English headers after notes, tab-separated', 'Exported from ledger\n\nSupplier name\tVAT number\nExample AS\tNO 974 760 673 MVA\n'],
    ['sheet-reader words: "Leverandørens org.nr."', 'Leverandør;Leverandørens org.nr.\nRydd AS;974760673\n'],
    ['a name column that says whose name it is', 'Leverandørens navn;Org.nr.;Beskrivelse\nRydd AS;974760673;Renhold\n'],
  ])('recognises %s', (_name, text) => {
    const result = importRegistry(text, SOURCE);
    expect(result.ok && result.registry.suppliers).toHaveLength(1);
  });

  it('reads a header the sheet reader\'s way only where the registry\'s own names leave a column free', () => {
    const result = importRegistry('Firma;Navn;Org.nr.;Målgruppe\nRydd Holding;Rydd AS;974760673;nedsatt arbeidsevne\n', SOURCE);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.registry.suppliers[0]).toMatchObject({ name: 'Rydd AS', share: null });
    expect(result.warnings.map((w) => w.params['column'])).toEqual(['Firma', 'Målgruppe']);
  });

  it('keeps file-level problems fatal even when valid lines are asked for', () => {
    expect(importRegistry('Leverandør;Org.nr.\nA AS;974760673\n', { validLinesOnly: true })).toMatchObject({ ok: false });
    expect(importRegistry('Leverandør;Org.nr.\nA AS;974760673\nB AS;123\n', { source: 'X', retrieved: '2026-13-01', validLinesOnly: true })).toMatchObject({ ok: false });
    // Nothing valid: nothing to import.
    expect(importRegistry('Leverandør;Org.nr.\nB AS;123\n', { ...SOURCE, validLinesOnly: true })).toMatchObject({ ok: false, validLines: 0 });
  });

  it('with statuses and candidates writes and reads back the same registry', () => {
    const imported = importRegistry('orgnr;name;kind;status;status_checked\n974760673;A;arbeidsmarkedsbedrift (candidate);bankrupt;2026-11-30\n', SOURCE);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.registry.suppliers[0]).toMatchObject({ kind: 'arbeidsmarkedsbedrift', candidate: true, status: { state: 'bankrupt', checked: '2026-11-30' } });
    expect(describeSupplierStatus(translator('nb'), imported.registry.suppliers[0]!)).toEqual([
      'Registerstatus: konkurs (Enhetsregisteret, slått opp 2026-11-30)',
      'kandidat ut fra næringskoden, ikke et bekreftet medlem',
    ]);
    expect(describeSupplierStatus(translator('en'), { status: null })).toEqual([]);
    const again = importRegistry(exportRegistryCsv(imported.registry));
    expect(again.ok && again.registry).toEqual(imported.registry);
    const norwegian = importRegistry('orgnr;name;status;status_dato\n974760673;A;konkurs;30.11.2026\n', SOURCE);
    expect(norwegian.ok && norwegian.registry.suppliers[0]?.status).toEqual({ state: 'bankrupt', checked: '2026-11-30' });
    expect(importRegistry('orgnr;name;status\n974760673;A;kanskje\n', SOURCE)).toMatchObject({
      ok: false,
      errors: [{ line: 2, code: 'status-unknown' }, { line: 2, code: 'status-date-missing' }],
    });
  });

  it('never imports more lines than the valid ones, and never a line with an error (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (good) => {
        const rows = good.map((ok, i) => (ok ? `Firma ${i};${974760673}` : `Firma ${i};12345`));
        // Distinct valid numbers would need more check digits; duplicates are line errors too, so one good line only.
        const first = good.indexOf(true);
        const text = `Leverandør;Org.nr.\n${rows.map((r, i) => (i === first || !good[i] ? r : `Firma ${i};12345`)).join('\n')}\n`;
        const result = importRegistry(text, { ...SOURCE, validLinesOnly: true });
        const valid = first === -1 ? 0 : 1;
        if (valid === 0) return !result.ok;
        return result.ok && result.registry.suppliers.length === 1 && (result.skipped ?? []).length === good.length - 1;
      }),
      { numRuns: 200 },
    );
  });
});

describe('inkludo registry import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-list-'));

  it('refuses the 28+2 list by default with both line numbers and writes nothing', async () => {
    const out = join(dir, 'refused.csv');
    const r = await cli('registry', 'import', LIST, '--source', 'Kontraktsregisteret', '--retrieved', '2026-11-01', '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Registry not imported: 2 problems\. Nothing was changed\.\nLine 9 \(Org\.nr\.\): .*\nLine 23 \(Leverandør\): The supplier has no name\.\n28 lines are valid\./);
    expect(existsSync(out)).toBe(false);
  });

  it.each([LIST, LIST_XLSX])('imports the 28 valid lines of %s after the explicit choice', async (list) => {
    const out = join(dir, `${list.endsWith('xlsx') ? 'x' : 'c'}.json`);
    const r = await cli('registry', 'import', list, '--source', 'Kontraktsregisteret', '--retrieved', '2026-11-01', '--valid-lines-only', '--out', out, '--lang', 'nb');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 4)).toEqual([
      `Skrev 28 leverandører til ${out}.`,
      'Utelot 2 linjer med feil:',
      expect.stringMatching(/^Linje 9 \(Org\.nr\.\): «910395956» har feil kontrollsiffer/),
      'Linje 23 (Leverandør): Leverandøren mangler navn.',
    ]);
    const written = importRegistry(readFileSync(out, 'utf8'));
    expect(written.ok && written.registry.suppliers).toHaveLength(28);
  });

  it('says "valid" or "not valid" when validating', async () => {
    expect((await cli('registry', 'validate', LIST, '--source', 'K', '--retrieved', '2026-11-01', '--lang', 'en')).out).toMatch(/^Not valid: 2 problems\./);
    expect((await cli('registry', 'validate', resolve(REPO_ROOT, 'samples/registry.demo.csv'), '--lang', 'sv')).out).toMatch(/^Registret är giltigt/);
  });
});
