// The bare baseline of xlsx-io.bench.ts: exceljs' streaming reader over FILE, touching every cell value.
import process from 'node:process';
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
let cells = 0;
let chars = 0;
for await (const worksheet of reader) {
  for await (const row of worksheet) {
    for (const value of row.values) {
      if (value === undefined) continue;
      cells++;
      chars += typeof value === 'string' ? value.length : 1;
    }
  }
  break; // the first sheet, as inkludo check reads
}
process.stderr.write(`exceljs read ${cells} cells (${chars} characters)\n`);
