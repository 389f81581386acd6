/**
 * `.xlsx`/`.xlsm` → the cells of one worksheet. The package structure and the shared strings are read
 * before the worksheet, wherever they lie in the zip. The default tab is the first visible worksheet
 * in workbook.xml order; `--sheet` takes a tab by name (hidden ones too).
 */
import { NO_CELLS, type CellValue } from '../../core/index.ts';
import { XlsxError } from './errors.ts';
import { readWorkbookPackage, type Tab } from './package.ts';
import { readRowsOffThread, type OffThread } from './read-off-thread.ts';
import { readSharedStrings } from './shared-strings.ts';
import { readWorksheetRows, type WorksheetRow } from './worksheet.ts';
import { ZipArchive } from './zip.ts';

/** The worksheet being read, known before its rows. */
export interface WorksheetInfo {
  readonly sheet: string;
  /** Every tab in workbook order (for messages and for naming the results sheet). */
  readonly tabs: readonly string[];
  /**
   * Date cells hold days counted from 1904, not 1900 as core reads serials (a 1904 workbook's
   * dates would read 4 years and a day early): the caller says so.
   */
  readonly date1904: boolean;
}

export interface ReadWorksheet extends WorksheetInfo {
  readonly cells: CellValue[][];
}

export type ReadXlsxRowsResult = { readonly ok: true; readonly worksheet: WorksheetInfo } | { readonly ok: false; readonly sheets: readonly string[] };
export type ReadXlsxResult = { readonly ok: true; readonly worksheet: ReadWorksheet } | { readonly ok: false; readonly sheets: readonly string[] };


function pickTab(tabs: readonly Tab[], sheetName: string | undefined): Tab | undefined {
  if (sheetName === undefined) return tabs.find((t) => t.visible && t.part !== null);
  // Excel's sheet names are unique regardless of case.
  const wanted = sheetName.toLowerCase();
  return tabs.find((t) => t.name === sheetName) ?? tabs.find((t) => t.name.toLowerCase() === wanted);
}

/**
 * Reads the chosen worksheet row by row: once the tab is known, `start` makes the sink that gets each
 * row with a value as it is read (in the part's order, which a valid file keeps ascending). Throws
 * XlsxError for anything that is not a readable workbook. With `offThread`, a large worksheet is read
 * on a thread of its own while `start`'s sink runs here.
 */
export async function readXlsxRows(path: string, sheetName: string | undefined, start: (worksheet: WorksheetInfo) => (row: WorksheetRow) => void, offThread?: OffThread): Promise<ReadXlsxRowsResult> {
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
    const entry = zip.get(tab.part);
    if (!entry) throw new XlsxError('no-worksheet', { sheet: tab.name });
    const worksheet: WorksheetInfo = { sheet: tab.name, tabs: names, date1904: pkg.date1904 };
    const onRow = start(worksheet);
    const sstEntry = pkg.sharedStringsPart === null ? undefined : zip.get(pkg.sharedStringsPart);
    const sharedStrings = sstEntry ? readSharedStrings(zip, sstEntry) : Promise.resolve([]);
    if (offThread && entry.uncompressedSize >= offThread.minBytes) {
      // The thread starts reading the worksheet while the shared strings are read here.
      await readRowsOffThread(offThread.worker, path, entry.fileName, sharedStrings, onRow);
    } else {
      const strings = await sharedStrings;
      await readWorksheetRows(zip, entry, (index) => strings[index], onRow);
    }
    return { ok: true, worksheet };
  } finally {
    zip.close();
  }
}

/**
 * The chosen worksheet's cells, one array per row from row 1 to the last with a value: empty rows
 * share one empty array, and a row given twice keeps its last reading. Throws XlsxError for anything
 * that is not a readable workbook.
 */
export async function readXlsxCells(path: string, sheetName?: string): Promise<ReadXlsxResult> {
  const cells: CellValue[][] = [];
  const read = await readXlsxRows(path, sheetName, () => (row) => {
    while (cells.length < row.index) cells.push(NO_CELLS as CellValue[]);
    cells[row.index] = row.cells;
  });
  if (!read.ok) return read;
  const { sheet, tabs, date1904 } = read.worksheet;
  return { ok: true, worksheet: { sheet, cells, tabs, date1904 } };
}
