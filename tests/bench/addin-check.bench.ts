/**
 * "Check sheet" end to end on the fake Excel (office-addin-mock): read 100 000 rows × 12 columns in
 * blocks, check them in core, write the Inkludo sheet. Prints the time and the context.sync count.
 * The fake adds its own bookkeeping, so Office itself will differ; the sync count is the same.
 */
import { DEFAULT_RULES } from '../../core/index.ts';
import { checkWorkbook } from '../../addin/office/check-workbook.ts';
import { defaultSettings } from '../../addin/office/check-settings.ts';
import { readActiveSheet } from '../../addin/office/read-sheet.ts';
import { FakeWorkbook, type FakeCell } from '../fake-office/fake-excel.ts';
import { measure, report } from './harness.ts';

const ROWS = 100_000;
const header: FakeCell[] = ['Beskrivelse', 'Leverandør', 'Org.nr', 'Anslått verdi', 'Mva', 'CPV', 'Kategori', 'Dato', 'Varighet', 'Opsjoner', 'Reservert', 'Merknad'];
const cells: FakeCell[][] = [header];
for (let i = 1; i <= ROWS; i++) {
  cells.push([`Kjøp ${i}`, `Leverandør ${i % 97} AS`, '972418005', 5_000 * (i % 700), i % 2 === 0 ? 'ja' : 'nei', '90910000-9', 'Renhold', '2026-03-01', '24 mnd', '1+1 år', 'nei', '']);
}

const g = globalThis as { Excel?: unknown };
let syncs = 0;
let readSyncs = 0;

report(
  await measure(
    'add-in read only, 100 000 rows × 12 columns',
    async () => {
      const wb = new FakeWorkbook({ sheets: { Data: cells } });
      g.Excel = wb.excel;
      await readActiveSheet();
      readSyncs = wb.syncCount;
    },
    3,
  ),
  { count: ROWS, unit: 'rows' },
);

report(
  await measure(
    'add-in check sheet (read, core check, write results), 100 000 rows × 12 columns',
    async () => {
      const wb = new FakeWorkbook({ sheets: { Data: cells } });
      g.Excel = wb.excel;
      const outcome = await checkWorkbook(defaultSettings('NO'), null, DEFAULT_RULES, 'nb', '2026-11-23', null);
      if (!outcome.ok) throw new Error(`check failed: ${outcome.reason}`);
      syncs = wb.syncCount;
    },
    3,
  ),
  { count: ROWS, unit: 'rows' },
);
console.log(`context.sync calls: ${readSyncs} to read, ${syncs} in all`);
