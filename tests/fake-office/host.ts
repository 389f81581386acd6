/**
 * The fake Office host for a browser: `FakeOffice.install({...})` defines the `Office` and `Excel`
 * globals the task pane uses, over a FakeWorkbook that records every write. Used by the end-to-end
 * test (answering the office.js CDN URL) and by the `npm start` playground.
 */
import { FakeWorkbook, type FakeWorkbookInit } from './fake-excel.ts';

export { FakeWorkbook };

export interface FakeHostInit extends FakeWorkbookInit {
  readonly displayLanguage: string;
  /** Office's theme (default light): what `Office.context.officeTheme` says, as Excel reports it. */
  readonly theme?: 'light' | 'dark';
}

/** Office's own theme colours for its White and Black themes. */
const OFFICE_THEMES = {
  light: { isDarkTheme: false, bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' },
  dark: { isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#363636', controlForegroundColor: '#FFFFFF' },
};

interface SaveResult {
  status: string;
  error: { message: string };
}

export function install(init: FakeHostInit): FakeWorkbook {
  const workbook = new FakeWorkbook(init);
  const settings = new Map<string, unknown>();
  const [major, minor] = (init.excelApi ?? '1.7').split('.').map(Number) as [number, number];
  const w = window as unknown as Record<string, unknown>;
  w['Excel'] = workbook.excel;
  w['Office'] = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: init.displayLanguage,
      officeTheme: OFFICE_THEMES[init.theme ?? 'light'],
      requirements: {
        isSetSupported: (name: string, version = '1.1') => {
          const [a, b] = version.split('.').map(Number) as [number, number];
          return name === 'ExcelApi' && (a < major || (a === major && (b ?? 0) <= minor));
        },
      },
      document: {
        settings: {
          get: (key: string) => settings.get(key) ?? null,
          set: (key: string, value: unknown) => void settings.set(key, JSON.parse(JSON.stringify(value))),
          saveAsync: (callback?: (result: SaveResult) => void) => callback?.({ status: 'succeeded', error: { message: '' } }),
        },
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      setTimeout(() => callback?.(info));
      return Promise.resolve(info);
    },
  };
  w['fakeWorkbook'] = workbook;
  return workbook;
}
