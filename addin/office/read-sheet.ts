import type { CellValue } from '../../core/index.ts';
import { blockAddress, lastCellOf } from './a1.ts';
import { rowsPerReadBlock } from './limits.ts';
import type { Progress } from './progress.ts';
import { RESULTS_SHEET } from './results-sheet-name.ts';

export interface SheetRead {
  readonly sheetName: string;
  /** Cells from A1 to the last used cell, so `cells[r][c]` is sheet row r + 1, column c. */
  readonly cells: CellValue[][];
}

export type ReadOutcome =
  | { readonly ok: true; readonly sheet: SheetRead }
  | { readonly ok: false; readonly reason: 'results-sheet' | 'empty' | 'cancelled' };

function toCell(v: unknown): CellValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/**
 * Reads the active sheet's used values in row blocks, one block per sync (see limits.ts); the first
 * sync reads only the used range's address. When the active sheet is the results sheet (as it is
 * after a check), `lastChecked` is read instead, so "Check sheet" twice re-checks the same sheet.
 * Nothing is written. Progress is reported and a cancel honoured before each block.
 */
export async function readActiveSheet(lastChecked: string | null = null, progress: Progress = {}): Promise<ReadOutcome> {
  return Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getActiveWorksheet();
    let used = sheet.getUsedRange(true);
    sheet.load('name');
    used.load('address,rowCount,columnCount');
    await context.sync();

    if (sheet.name === RESULTS_SHEET) {
      if (lastChecked === null || lastChecked === RESULTS_SHEET) return { ok: false, reason: 'results-sheet' } as const;
      sheet = context.workbook.worksheets.getItemOrNullObject(lastChecked);
      sheet.load('isNullObject,name');
      await context.sync();
      if (sheet.isNullObject) return { ok: false, reason: 'results-sheet' } as const;
      used = sheet.getUsedRange(true);
      used.load('address,rowCount,columnCount');
      await context.sync();
    }
    const last = lastCellOf(used.address);
    if (!last) return { ok: false, reason: 'empty' } as const;

    const perBlock = rowsPerReadBlock(last.columns);
    const cells: CellValue[][] = [];
    for (let first = 1; first <= last.rows; first += perBlock) {
      if (progress.signal?.aborted) return { ok: false, reason: 'cancelled' } as const;
      progress.onProgress?.({ phase: 'read', done: first - 1, total: last.rows });
      const block = sheet.getRange(blockAddress(first, Math.min(last.rows, first + perBlock - 1), 0, last.columns - 1));
      block.load('values');
      await context.sync();
      for (const row of block.values) cells.push(row.map(toCell));
    }
    const empty = cells.every((row) => row.every((v) => v === '' || v === null));
    return empty ? ({ ok: false, reason: 'empty' } as const) : { ok: true, sheet: { sheetName: sheet.name, cells } };
  });
}
