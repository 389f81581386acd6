import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { checkSheet, contractKindOfCpv, readSheetCsv, translate } from '../../core/index.ts';
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

  it("states the sheet's assumptions: header row, the value column and how it is read, the rules and their date", () => {
    const report = checkSheet(cells, { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal' });
    expect(sheetAssumptionLines(report, 'nb')).toEqual([
      'Kolonneoverskrifter lest fra rad 3.',
      'Verdi: kolonne D «Anslått verdi (NOK ekskl. mva)», lest som samlet verdi for hele kontrakten.',
      'Norges regler per 2026-11-23 for rader uten egen dato.',
    ]);
    const unmapped = checkSheet(cells, { jurisdiction: 'SE', date: '2026-11-23', buyer: 'municipal', mapping: { value: null } });
    expect(sheetAssumptionLines(unmapped, 'sv')).toEqual(['Kolumnrubriker lästa från rad 3.', 'Ingen värdekolumn hittades, så ingen rad har ett värde.', 'Sveriges regler per 2026-11-23 för rader utan eget datum.']);
  });

  it('puts title, assumptions, legend and table one under the other, with an empty row between the parts', () => {
    const report = checkSheet(cells, { jurisdiction: 'NO', date: '2026-11-23', buyer: 'municipal' });
    const table = resultTable(report, 'Innkjøpsplan', 'en');
    expect(table.title).toBe('Inkludo: results for “Innkjøpsplan”, rules in force on 2026-11-23');
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

describe('contract kinds from words and CPV codes', () => {
  it('reads the CPV division: works, supplies, health and social services, other services; refuses what is not a code', () => {
    const table: [string, string | null][] = [
      ['45000000-7', 'works'],
      ['45233140', 'works'],
      ['03000000-1', 'goods'],
      ['30190000-7', 'goods'],
      ['44000000', 'goods'],
      ['48000000-8', 'goods'],
      ['50000000-5', 'services'],
      ['90910000-9', 'services'],
      ['98000000', 'services'],
      ['85000000-9', 'social-services'],
      ['85311000', 'social-services'],
      ['49000000', null],
      ['99000000', null],
      ['02000000', null],
      ['9091000', null],
      ['90910000-99', null],
      ['CPV 90910000', null],
    ];
    for (const [code, kind] of table) expect(contractKindOfCpv(code), code).toBe(kind);
  });
});
