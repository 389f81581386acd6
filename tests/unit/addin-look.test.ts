import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { checkSheet, describeFinding, readSheetCsv, translate } from '../../core/index.ts';
import { fluentTokenCss, usedTokens } from '../../addin/build/fluent-tokens.ts';
import { resultLayout, resultTable, sheetAssumptionLines } from '../../addin/office/result-table.ts';
import { officeThemeMode } from '../../addin/taskpane/theme.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe("the pane's theme", () => {
  it("follows Office: the dark flag where there is one, else the body colour, else light", () => {
    const cases: [Partial<Office.OfficeTheme> | undefined, 'light' | 'dark'][] = [
      [undefined, 'light'],
      [{}, 'light'],
      [{ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' }, 'dark'],
      [{ isDarkTheme: false, bodyBackgroundColor: '#262626' }, 'light'],
      [{ bodyBackgroundColor: '#262626' }, 'dark'], // Office's Black theme
      [{ bodyBackgroundColor: '#6A6A6A' }, 'dark'], // Dark Gray
      [{ bodyBackgroundColor: '#E6E6E6' }, 'light'], // Colorful
      [{ bodyBackgroundColor: '#FFFFFF' }, 'light'], // White
      [{ bodyBackgroundColor: 'not a colour' }, 'light'],
    ];
    for (const [theme, mode] of cases) expect(officeThemeMode(theme), JSON.stringify(theme)).toBe(mode);
  });

  it('ships exactly the Fluent tokens the pane uses, in both themes, with their Fluent values', () => {
    const dir = resolve(REPO_ROOT, 'addin/taskpane');
    const sources = readdirSync(dir)
      .filter((f) => /\.(css|tsx)$/.test(f))
      .map((f) => readFileSync(resolve(dir, f), 'utf8'));
    const used = usedTokens(sources);
    expect(used.has('colorBrandBackground')).toBe(true);
    const css = fluentTokenCss(used);
    const [light = '', dark = ''] = css.split('\n');
    for (const name of used) {
      expect(light).toContain(`--${name}:${webLightTheme[name as keyof typeof webLightTheme]};`);
      expect(dark).toContain(`--${name}:${webDarkTheme[name as keyof typeof webDarkTheme]};`);
    }
    expect(light.match(/--/g)).toHaveLength(used.size);
    // A misspelt token fails the build instead of leaving a colour unset.
    expect(() => fluentTokenCss(new Set(['colorBrandBackgroud']))).toThrow(/colorBrandBackgroud/);
  });
});

describe('the results sheet preamble', () => {
  const cells = readSheetCsv(readFileSync(resolve(REPO_ROOT, 'tests/fake-office/sample-nb.csv')));

  it("states where the headings were read, then core's sheet-wide assumptions in the sheet's language, once each", () => {
    const report = checkSheet(cells, { jurisdiction: 'NO', date: '2026-11-23', sheetName: 'Innkjøpsplan' });
    expect(report.assumptions.length).toBeGreaterThan(2);
    const lines = sheetAssumptionLines(report, 'nb');
    expect(lines).toEqual(['Kolonneoverskrifter lest fra rad 3.', ...report.assumptions.map((f) => describeFinding('nb', f))]);
    // What the reading took from the header and the title is there in words: value basis, buyer kind.
    expect(lines.join('\n')).toMatch(/totalverdi for hele kontrakten/);
    expect(lines.join('\n')).toMatch(/kommunal/);
    expect(new Set(lines).size).toBe(lines.length);
    const sv = sheetAssumptionLines(checkSheet(cells, { jurisdiction: 'SE', date: '2026-11-23', buyer: 'state' }), 'sv');
    expect(sv[0]).toBe('Kolumnrubriker lästa från rad 3.');
    expect(sv.join('\n')).not.toMatch(/kommun/);
  });

  it('puts title, assumptions, legend and table one under the other, with an empty row between the parts', () => {
    const report = checkSheet(cells, { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal' });
    const table = resultTable(report, 'Innkjøpsplan', 'en');
    expect(table.title).toBe('Inkludo: results for “Innkjøpsplan”, rules of Norway in force on 2026-11-23');
    expect(table.legend.map((l) => [l.word, l.meaning])).toEqual([
      ['Error', translate('en', 'addin.results.legend.error')],
      ['Check', 'read the explanation before you go on'],
      ['Note', 'for your information'],
      ['OK', 'nothing to note'],
    ]);
    const layout = resultLayout(table);
    expect(layout).toEqual({ titleRow: 1, firstAssumptionRow: 2, firstLegendRow: 2 + table.assumptions.length + 1, headerRow: 2 + table.assumptions.length + 1 + 4 + 1, firstDataRow: layout.headerRow + 1, lastDataRow: layout.headerRow + report.rows.length });
    expect(resultLayout({ assumptions: [], rows: [] })).toMatchObject({ firstLegendRow: 3, headerRow: 8, firstDataRow: 9, lastDataRow: 8 });
  });
});

