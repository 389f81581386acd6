/**
 * The CLI writes each report row with sheetRowJsonWriter, which reuses the parts rows share (origins,
 * rule ids, codes). Whatever the rows hold, its line must be the row's JSON made safe, character for
 * character: the generated bench plan (both countries, both buyer kinds, three languages) and rows
 * whose cells carry personal identity numbers, control characters and quotes.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, checkSheet, safeJson, sheetRowJson, sheetRowJsonWriter, translate, type CellValue, type RowResult, type SheetReport } from '../../core/index.ts';
import type { ByteSink } from '../../core/byte-sink.ts';
import { generateSheet, orgnrPool, registry } from '../bench/plan-sheet.ts';
import { buildRegistryIndex } from '../../core/index.ts';

/** The line a writer writes for `row`, through a sink that holds the writer to its contract. */
function lineOf(write: ReturnType<typeof sheetRowJsonWriter>, row: RowResult): string {
  const chunks: Buffer[] = [];
  const sink: ByteSink = {
    bytes: (part) => void chunks.push(Buffer.from(part)),
    text: (text) => void chunks.push(Buffer.from(text, 'utf8')),
    ascii: (text) => {
      expect(text).toMatch(/^[\x20-\x7E]*$/);
      chunks.push(Buffer.from(text, 'latin1'));
    },
  };
  write(row, sink);
  return Buffer.concat(chunks).toString('utf8');
}

function expectSameLines(report: SheetReport): void {
  for (const lang of LANGS) {
    const mark = translate(lang, 'privacy.personal-number');
    const rowJson = sheetRowJsonWriter(lang, mark);
    // Twice over: what the writer keeps from the first pass must give the same lines.
    for (let pass = 0; pass < 2; pass++) for (const row of report.rows) expect(lineOf(rowJson, row)).toBe(safeJson(sheetRowJson(row, lang), mark));
  }
}

describe('sheetRowJsonWriter', () => {
  const plan = generateSheet(1500);
  const index = buildRegistryIndex(registry(orgnrPool(200)));
  it.each([
    ['NO', 'municipal'],
    ['NO', 'state'],
    ['SE', 'municipal'],
    ['SE', 'state'],
  ] as const)('writes each row of a %s plan for a %s buyer as its safe JSON', (jurisdiction, buyer) => {
    const report = checkSheet(plan, { jurisdiction, buyer, date: '2026-11-23', registry: index });
    expect(report.rows.length).toBeGreaterThan(1000);
    expectSameLines(report);
  });

  it('hides personal identity numbers and escapes control characters wherever a cell put them', () => {
    const cells: CellValue[][] = [
      ['Beskrivelse \u009b2J', 'Estimert verdi (NOK) 640823-3234', 'Leverandør', 'Org.nr.', 'Reservert', 'Dato'],
      ['Renhold 640823-3234 \u0085', 'ca. 640823-3234 kr \u0085', 'Ola \u001b[31mNordmann\u007f 640823-3234', '640823-3234', 'ja', '640823-3234\u009b'],
      ['Vask "av" \\ biler', '90 000 kr', 'Vask AS', '97241801\u00853', 'nei', '2026-02-30 \u009b'],
      ['Kantine', 6_408_233_234, 'Kantine \u2028 AS', 'SE640823-3234', 'ja', 46_000],
    ];
    for (const jurisdiction of ['NO', 'SE'] as const) {
      const report = checkSheet(cells, { jurisdiction, date: '2026-11-23', registry: null });
      expect(report.rows.length).toBe(3);
      expectSameLines(report);
      const rowJson = sheetRowJsonWriter('en');
      for (const row of report.rows) {
        const line = lineOf(rowJson, row);
        expect(line).not.toMatch(/640823.?3234|6408233234/);
        // eslint-disable-next-line no-control-regex -- what a line never holds raw
        expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
        expect(() => JSON.parse(line) as unknown).not.toThrow();
      }
    }
  });
});
