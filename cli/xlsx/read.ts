/**
 * `.xlsx`/`.xlsm` → the cells of one worksheet. The package structure and the shared strings are read
 * before the worksheet, wherever they lie in the zip. The default tab is the first visible worksheet
 * in workbook.xml order; `--sheet` takes a tab by name (hidden ones too).
 */
import type { CellValue } from '../../core/index.ts';
import { XlsxError } from './errors.ts';
import { readWorkbookPackage, type Tab } from './package.ts';
import { readSharedStrings } from './shared-strings.ts';
import { readWorksheet } from './worksheet.ts';
import { ZipArchive } from './zip.ts';

export interface ReadWorksheet {
  readonly sheet: string;
  readonly cells: CellValue[][];
  /** Every tab in workbook order (for messages and for naming the results sheet). */
  readonly tabs: readonly string[];
  /**
   * Date cells hold days counted from 1904, not 1900 as core reads serials (a 1904 workbook's
   * dates would read 4 years and a day early): the caller says so.
   */
  readonly date1904: boolean;
}

export type ReadXlsxResult = { readonly ok: true; readonly worksheet: ReadWorksheet } | { readonly ok: false; readonly sheets: readonly string[] };

function pickTab(tabs: readonly Tab[], sheetName: string | undefined): Tab | undefined {
  if (sheetName === undefined) return tabs.find((t) => t.visible && t.part !== null);
  // Excel's sheet names are unique regardless of case.
  const wanted = sheetName.toLowerCase();
  return tabs.find((t) => t.name === sheetName) ?? tabs.find((t) => t.name.toLowerCase() === wanted);
}

/** Throws XlsxError for anything that is not a readable workbook. */
export async function readXlsxCells(path: string, sheetName?: string): Promise<ReadXlsxResult> {
  const zip = await ZipArchive.open(path);
  try {
    const pkg = await readWorkbookPackage(zip);
    const names = pkg.tabs.map((t) => t.name);
    const tab = pickTab(pkg.tabs, sheetName);
    if (!tab) {
      if (sheetName !== undefined) return { ok: false, sheets: names };
      if (pkg.tabs.some((t) => t.part !== null)) throw new XlsxError('no-visible-sheet', { sheets: names.join(', ') });
      throw new XlsxError('no-worksheet');
    }
    if (tab.part === null) throw new XlsxError('no-worksheet', { sheet: tab.name });
    const sstEntry = pkg.sharedStringsPart === null ? undefined : zip.get(pkg.sharedStringsPart);
    const sharedStrings = sstEntry ? await readSharedStrings(zip, sstEntry) : [];
    const entry = zip.get(tab.part);
    if (!entry) throw new XlsxError('no-worksheet', { sheet: tab.name });
    const cells = await readWorksheet(zip, entry, sharedStrings);
    return { ok: true, worksheet: { sheet: tab.name, cells, tabs: names, date1904: pkg.date1904 } };
  } finally {
    zip.close();
  }
}
