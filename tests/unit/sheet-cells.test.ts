import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSheet, readSheetCsv, sheetReportJson, type CellValue, type SheetCheckOptions } from '../../core/index.ts';
import { cellDate, cellErrorOf, cellPercent, isBlank, yesNo } from '../../core/sheet/cells.ts';
import { sheetRegistry } from '../fixtures/sheet/registry.ts';

describe('cells', () => {
  it('a blank cell is one whose text trims to nothing, whatever white space it holds', () => {
    const space = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2007', '\u202f', '\u3000', '\ufeff', '\u2028');
    const text = fc.array(fc.oneof(space, fc.string({ maxLength: 2 }), fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (cell) => isBlank(cell) === (cell.trim() === '')));
    for (const cell of [null, undefined, 0, false, { error: '#REF!' }] as const) expect(isBlank(cell)).toBe(cell === null || cell === undefined);
  });


  it.each<[CellValue, string | null]>([
    ['2025-03-15', '2025-03-15'],
    ['2025-3-5', '2025-03-05'],
    ['2025-03-15T00:00:00.000Z', '2025-03-15'],
    ['15.03.2025', '2025-03-15'],
    ['5/3/2025', '2025-03-05'],
    ['31.02.2025', null],
    [45731, '2025-03-15'],
    [45731.75, '2025-03-15'],
    [1000, null],
    ['mars 2025', null],
    [true, null],
    [null, null],
  ])('date %j → %j', (cell, date) => {
    expect(cellDate(cell)).toBe(date);
  });

  it.each<[CellValue, boolean | null]>([
    ['Ja', true],
    ['ja, reservert', true],
    ['Yes', true],
    ['x', true],
    ['inkl.', true],
    [true, true],
    [1, true],
    ['Nei', false],
    ['nej', false],
    ['ekskl. mva', false],
    [false, false],
    [0, false],
    ['', null],
    ['kanskje', null],
    [2, null],
  ])('yes/no %j → %j', (cell, answer) => {
    expect(yesNo(cell)).toBe(answer);
  });

  it.each<[CellValue, number | null]>([
    [35, 35],
    ['35 %', 35],
    ['29,9', 29.9],
    [0.299, 29.9],
    [101, null],
    ['mye', null],
    [-1, null],
  ])('share %j → %j', (cell, percent) => {
    expect(cellPercent(cell)?.percent ?? null).toBe(percent);
  });
});

describe('CSV sheets', () => {
  it('finds the delimiter below title lines that have none, and keeps row numbers', () => {
    const read = readSheetCsv('Innkjøpsplan 2025\n\nBeskrivelse;Estimert verdi;Leverandør\nRenhold;"1 250 000 kr";Rent AS\n');
    if (!read.ok) throw new Error('unreadable');
    const cells = read.cells;
    expect(cells).toEqual([['Innkjøpsplan 2025'], [null], ['Beskrivelse', 'Estimert verdi', 'Leverandør'], ['Renhold', '1 250 000 kr', 'Rent AS']]);
    const report = checkSheet(cells, { jurisdiction: 'NO', date: '2025-06-01', buyer: 'municipal' });
    expect(report.headerRow).toBe(3);
    expect(report.rows[0]).toMatchObject({ row: 4, regime: 'NO-PART-I' });
  });

  it('reads Windows-1252 bytes as Nordic Excel saves them, and UTF-8 with a BOM', () => {
    const latin1 = new Uint8Array([...'Beskrivelse,Leverand'].map((c) => c.charCodeAt(0)).concat([0xf8], [...'r\r\nVask,Tv'].map((c) => c.charCodeAt(0)), [0xe4], [...'tt AB\r\n'].map((c) => c.charCodeAt(0))));
    expect(readSheetCsv(latin1)).toMatchObject({ ok: true, cells: [['Beskrivelse', 'Leverandør'], ['Vask', 'Tvätt AB']], warnings: [{ line: 0, code: 'encoding-fallback' }] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Beskrivning\tVärde\nStädning\t100\n')]);
    expect(readSheetCsv(bom)).toEqual({ ok: true, cells: [['Beskrivning', 'Värde'], ['Städning', '100']], warnings: [] });
  });
});

describe('never a crash on arbitrary sheets', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e9, max: 1e12 }),
    fc.string(),
    fc.constantFrom('Beskrivelse', 'Estimert verdi', 'Leverandør', 'Org.nr.', 'CPV', 'Dato', 'Reservert', 'Varighet', 'Opsjoner', 'Mva', 'Andel', 'Sum', 'ja', '90910000', '2,5 MNOK', '2+1 år', '15.03.2025', '923609016', 'Verdi per år'),
  );
  const sheet = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 });
  const registry = sheetRegistry();

  it('checkSheet returns a report whose JSON is stable and complete', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom<SheetCheckOptions['jurisdiction']>('NO', 'SE'), (cells, jurisdiction) => {
        const report = checkSheet(cells, { jurisdiction, date: '2025-06-01', buyer: 'state', registry });
        expect(report.summary.rowsChecked + report.summary.rowsSkipped).toBe(report.headerRow === 0 ? 0 : cells.length - report.headerRow);
        const json = JSON.parse(JSON.stringify(sheetReportJson(report, 'Ark', 'nb'))) as { rows: { row: number; messages: string[]; findings: string[] }[] };
        for (const r of json.rows) expect(r.messages).toHaveLength(r.findings.length);
      }),
      { numRuns: 300 },
    );
  });

  it('readSheetCsv takes any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void readSheetCsv(bytes)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void readSheetCsv(text)));
  });
});

describe('cellErrorOf: an Excel error value given as text', () => {
  const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#UNKNOWN!', '#BUSY!', '#CONNECT!', '#EXTERNAL!', '#PYTHON!'];
  // The reading before its first-character shortcut: the trimmed text is one of Excel's error values.
  const reference = (text: string): string | null => (ERRORS.includes(text.trim()) ? text.trim() : null);

  it('reads every text as the trimmed comparison does, shortcut or not', () => {
    const padding = fc.constantFrom('', ' ', '\t', '\u00a0', '\n ', '\u2003');
    const text = fc.oneof(fc.constantFrom(...ERRORS), fc.string({ maxLength: 6 }), fc.constantFrom('#', '#REF', 'REF!', '#ref!', 'x#REF!', '1 250 000 kr'));
    fc.assert(fc.property(padding, text, padding, (before, t, after) => {
        expect(cellErrorOf(`${before}${t}${after}`)).toBe(reference(`${before}${t}${after}`));
      }),
    );
  });

  it('gives an error cell its error, and nothing for numbers, booleans and blanks', () => {
    expect(cellErrorOf({ error: '#REF!' })).toBe('#REF!');
    for (const cell of [0, 12.5, true, null, undefined, '']) expect(cellErrorOf(cell)).toBeNull();
  });
});
