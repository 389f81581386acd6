/**
 * The worksheet reader takes the cells spreadsheet programs write most (`<c r="B7" s="3" t="s"><v>12</v></c>`)
 * on a fast path of its own, and leaves every other shape to the general walk. The same sheet written
 * with prefixed elements (`<x:c>`, which the fast path never takes) is read by the general walk alone:
 * both must give the same rows, or the same refusal, however the text is cut into pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/index.ts';
import { XlsxError } from '../../cli/xlsx/index.ts';
import { worksheetReader, type WorksheetRow } from '../../cli/xlsx/worksheet.ts';

const SHARED = ['Renhold', 'Kantine', 'Vask & rens', ''];
const sharedString = (index: number) => SHARED[index];

type Outcome = { readonly rows: readonly WorksheetRow[] } | { readonly refused: string };

/** The sheet's rows, its text fed in pieces cut at `cuts` (positions, in any order). */
function read(xml: string, cuts: readonly number[] = []): Outcome {
  const rows: WorksheetRow[] = [];
  const reader = worksheetReader<never>('xl/worksheets/sheet1.xml', sharedString, (row) => rows.push({ index: row.index, cells: [...row.cells] }));
  const at = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const cut of [...at, xml.length]) {
      if (!reader.feed(xml.slice(from, cut))) break;
      from = cut;
    }
    reader.end();
    return { rows };
  } catch (error) {
    if (error instanceof XlsxError) return { refused: error.code };
    throw error;
  }
}

interface CellSpec {
  readonly ref: string | null;
  readonly type: string | null;
  readonly style: boolean;
  readonly quote: '"' | "'";
  readonly space: string;
  readonly formula: boolean;
  readonly value: string | null;
}

/** A cell as a spreadsheet program might write it, its elements prefixed with `p`. */
function cellXml(c: CellSpec, p: string): string {
  const q = c.quote;
  const attrs = [c.ref === null ? '' : `r=${q}${c.ref}${q}`, c.style ? `s=${q}3${q}` : '', c.type === null ? '' : `t=${q}${c.type}${q}`].filter((a) => a !== '').join(c.space);
  const open = `<${p}c${attrs === '' ? '' : c.space + attrs}`;
  if (c.value === null && !c.formula) return `${open}/>`;
  const formula = c.formula ? `<${p}f>A1+1</${p}f>` : '';
  const value = c.value === null ? '' : c.type === 'inlineStr' ? `<${p}is><${p}t>${c.value}</${p}t></${p}is>` : `<${p}v>${c.value}</${p}v>`;
  return `${open}>${formula}${value}</${p}c>`;
}

function sheetXml(rows: readonly (readonly CellSpec[])[], p: string): string {
  const body = rows.map((cells, i) => `<${p}row r="${i + 2}">${cells.map((c) => cellXml(c, p)).join('')}</${p}row>`).join('');
  return `<?xml version="1.0"?><${p}worksheet xmlns${p === '' ? '' : `:${p.slice(0, -1)}`}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

const cell: fc.Arbitrary<CellSpec> = fc.record({
  ref: fc.option(fc.constantFrom('A2', 'B2', 'c2', 'AB7', 'XFD2', 'XFE2', 'ABCDE2', 'B', '2', 'B2x', 'B&#50;', 'A 2'), { nil: null }),
  type: fc.option(fc.constantFrom('s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', 'x', 'ss'), { nil: null }),
  style: fc.boolean(),
  quote: fc.constantFrom('"' as const, "'" as const),
  space: fc.constantFrom(' ', '  ', '\t', '\n'),
  formula: fc.boolean(),
  value: fc.option(fc.constantFrom('0', '1', '2', '3', '4', '007', '1234567890', '12.5', '-3', '1e3', '', ' 1', '1 ', 'abc', 'NaN', 'Infinity', '&amp;', '#REF!', 'TRUE'), { nil: null }),
});

describe('the worksheet cell fast path', () => {
  it('reads what the general walk reads, whatever the shapes of the cells and the cuts of the text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (rows, cuts) => {
        const general = read(sheetXml(rows, 'x:'));
        expect(read(sheetXml(rows, ''), cuts)).toEqual(general);
      }),
      { numRuns: 1500 },
    );
  });

  it('takes the common shapes, and they read as numbers and shared strings', () => {
    const xml = sheetXml(
      [
        [
          { ref: 'A2', type: 's', style: true, quote: '"', space: ' ', formula: false, value: '2' },
          { ref: 'B2', type: null, style: true, quote: '"', space: ' ', formula: false, value: '2538055' },
          { ref: 'D2', type: 'n', style: false, quote: "'", space: '\t', formula: false, value: '12.5' },
          { ref: 'E2', type: null, style: true, quote: '"', space: ' ', formula: false, value: null },
        ],
      ],
      '',
    );
    const values: CellValue[] = ['Vask & rens', 2538055, null, 12.5];
    expect(read(xml)).toEqual({ rows: [{ index: 1, cells: values }] });
    // Cut inside every cell: the fast path waits for the rest, as the general walk does.
    expect(read(xml, Array.from({ length: xml.length }, (_, i) => i))).toEqual({ rows: [{ index: 1, cells: values }] });
  });

  it('leaves a bad shared-string index, a column past XFD and a cut-off cell to the general walk, which refuses them', () => {
    const one = (c: Partial<CellSpec>) => sheetXml([[{ ref: 'A2', type: 's', style: false, quote: '"', space: ' ', formula: false, value: '0', ...c }]], '');
    expect(read(one({ value: '9' }))).toEqual({ refused: 'bad-shared-string' });
    expect(read(one({ ref: 'XFE2', type: null }))).toEqual({ refused: 'column-out-of-range' });
    const cut = one({});
    expect(read(cut.slice(0, cut.indexOf('</v>')))).toEqual({ refused: 'bad-xml' });
  });
});
