import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGS, buildRegistryIndex, checkSheet, importRegistry, readSheetCsv } from '../../core/index.ts';
import { defaultSettings, loadSettings, saveSettings } from '../../addin/office/check-settings.ts';
import { RESULT_COLUMNS, isResultHeader, resultHeader, resultRowMaker, resultTable, rowStatus, sourceLink } from '../../addin/office/result-table.ts';
import type { Finding, RowResult } from '../../core/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

const sample = readSheetCsv(readFileSync(resolve(REPO_ROOT, 'tests/fake-office/sample-nb.csv')));
if (!sample.ok) throw new Error('tests/fake-office/sample-nb.csv is not readable');
const cells = sample.cells;
const registry = importRegistry(readFileSync(resolve(REPO_ROOT, 'tests/fixtures/sheet/registry.csv')));

describe('results table', () => {
  it('links back with a HYPERLINK in en-US syntax, quoting any sheet name', () => {
    expect(sourceLink('Data', 12)).toBe(`=HYPERLINK("#'Data'!A12","12")`);
    expect(sourceLink("Kari's plan 2027", 5)).toBe(`=HYPERLINK("#'Kari''s plan 2027'!A5","5")`);
    expect(sourceLink('Plan "B"', 7)).toBe(`=HYPERLINK("#'Plan ""B""'!A7","7")`);
  });

  it('recognises its own header in every language, and nothing else', () => {
    for (const lang of LANGS) expect(isResultHeader(resultHeader(lang))).toBe(true);
    expect(isResultHeader(resultHeader('nb').slice(0, 3))).toBe(false);
    expect(isResultHeader(['Rad', 'Beskrivelse', 'Budsjett'])).toBe(false);
    expect(isResultHeader([])).toBe(false);
    expect(new Set(LANGS.map((l) => resultHeader(l).join('|'))).size).toBe(3);
  });

  it('has one row per checked row, in the columns declared, with regime, status and explanation', () => {
    if (!registry.ok) throw new Error('fixture registry does not import');
    const report = checkSheet(cells, { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal', registry: buildRegistryIndex(registry.registry) });
    const table = resultTable(report, 'Innkjøpsplan', 'nb');
    expect(table.header).toHaveLength(RESULT_COLUMNS.length);
    expect(table.rows).toHaveLength(report.rows.length);
    const col = (name: (typeof RESULT_COLUMNS)[number]) => RESULT_COLUMNS.indexOf(name);
    for (const [i, row] of table.rows.entries()) {
      const source = report.rows[i]!;
      expect(row).toHaveLength(RESULT_COLUMNS.length);
      expect(row[col('row')]).toBe(sourceLink('Innkjøpsplan', source.row));
      expect(row[col('regime')]).toBe(source.regime);
      expect(row[col('findings')]).toBe(source.findings.map((f) => f.code).join(', '));
      expect(String(row[col('explanation')]).split(' • ')).toHaveLength(source.findings.length || 1);
    }
    const unparseable = table.rows.find((r) => String(r[col('findings')]).includes('VALUE-UNPARSEABLE'));
    expect(unparseable?.[col('status')]).toBe('Feil');
    expect(unparseable?.[col('value')]).toBe('');
    const exempt = table.rows.find((r) => r[col('regime')] === 'NO-EXEMPT');
    expect(exempt?.[col('value')]).toBe(85_000);
    expect(exempt?.[col('currency')]).toBe('NOK');
  });
});

describe('status and codes of a row', () => {
  const f = (code: string, severity: Finding['severity']) => ({ code, severity, params: {}, ruleIds: [], messageKey: `finding.${code}` }) as unknown as Finding;
  const row = (findings: Finding[]) => ({ row: 2, description: null, regime: 'UNKNOWN', estimatedValue: null, valueBasis: 'total', findings, ruleIds: [], supplier: null }) as unknown as RowResult;

  it('takes the worst severity among the findings, whatever their order', () => {
    expect(rowStatus(row([]))).toBe('ok');
    expect(rowStatus(row([f('A', 'info'), f('B', 'warning'), f('C', 'info')]))).toBe('warning');
    expect(rowStatus(row([f('A', 'info'), f('B', 'warning'), f('C', 'error')]))).toBe('error');
    expect(rowStatus(row([f('A', 'error'), f('B', 'info')]))).toBe('error');
    expect(rowStatus(row([f('A', 'info')]))).toBe('info');
  });

  it('lists the codes in order for every sequence, one shared text per sequence', () => {
    const make = resultRowMaker('Plan', 'en');
    const codes = (findings: Finding[]) => make(row(findings))[RESULT_COLUMNS.indexOf('findings')];
    const sequences = [[], ['A'], ['A', 'B'], ['B', 'A'], ['A', 'B', 'A'], ['A'], []];
    for (const sequence of sequences) expect(codes(sequence.map((code) => f(code, 'info')))).toBe(sequence.join(', '));
    const first = codes([f('SPLIT-RISK', 'warning'), f('VAT-INCLUDED', 'info')]);
    expect(codes([f('SPLIT-RISK', 'info'), f('VAT-INCLUDED', 'warning')])).toBe(first);
  });
});

describe('check settings in the document', () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  function documentSettings(initial: Record<string, unknown> = {}) {
    const saved = new Map(Object.entries(initial));
    g.Office = {
      AsyncResultStatus: { Succeeded: 'succeeded' },
      context: { document: { settings: { get: (k: string) => saved.get(k) ?? null, set: (k: string, v: unknown) => saved.set(k, v), saveAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded' }) } } },
    };
    return saved;
  }

  it('round-trips what the user chose', async () => {
    documentSettings();
    const chosen = { jurisdiction: 'SE', date: '2025-06-01', buyer: 'state', headerRow: 3, mapping: { value: 4, vat: null }, valueBasis: 'yearly' } as const;
    await saveSettings(chosen);
    expect(loadSettings(defaultSettings('NO'))).toEqual(chosen);
  });

  it('reads a workbook saved before the value basis choice as "as detected"', () => {
    documentSettings({ 'inkludo.check': { jurisdiction: 'SE', date: null, buyer: 'state', headerRow: null, mapping: {} } });
    expect(loadSettings(defaultSettings('NO'))).toEqual({ ...defaultSettings('SE'), buyer: 'state' });
  });

  it('falls back to the defaults when the saved value is not usable', () => {
    for (const bad of [null, 'SE', { jurisdiction: 'DK', date: null, buyer: 'state', headerRow: null, mapping: {} }, { jurisdiction: 'NO', date: '2025-02-30', buyer: 'state', headerRow: null, mapping: {} }, { jurisdiction: 'NO', date: null, buyer: 'state', headerRow: 0, mapping: {} }, { jurisdiction: 'NO', date: null, buyer: 'state', headerRow: null, mapping: { price: 2 } }, { ...defaultSettings('NO'), valueBasis: 'weekly' }]) {
      documentSettings({ 'inkludo.check': bad });
      expect(loadSettings(defaultSettings('NO'))).toEqual(defaultSettings('NO'));
    }
  });
});
