/**
 * Small wrong answers (issue 11): a share reads the same whether the cell holds a number or text, with
 * the header's % deciding how a fraction is read; a `#` line below a registry header is data.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, describeLineIssue, headerSaysPercent, importRegistry, readSharePercent, translator, type ImportResult } from '../../core/index.ts';
import { cellPercent } from '../../core/sheet/cells.ts';

describe('a share cell, numeric or text, read the way a buyer reads it', () => {
  // [cell as a number, the same cell as text, header, percent, note]
  const cases: [number, string, string | null, number, string | null][] = [
    [1, '1', 'Andel', 1, null],
    [1, '1', 'Andel (%)', 1, null],
    [35, '35', 'Andel', 35, null],
    [29.9, '29,9', 'Andel', 29.9, null],
    [100, '100', 'Share', 100, null],
    [0, '0', 'Andel', 0, null],
    // Excel stores a cell formatted as 30 % as 0.3: without a % in the header, that is what it means.
    [0.3, '0,3', 'Andel', 30, 'read-as-fraction'],
    [0.299, '0.299', 'Målgruppe', 29.9, 'read-as-fraction'],
    [0.3, '0,3', null, 30, 'read-as-fraction'],
  ];
  // The header says %: typed text 0,3 is 0.3 %, flagged as looking like a fraction; a spreadsheet number
  // 0.3 is still what a cell formatted as a percentage holds (30 %), flagged as read as a fraction.
  const percentHeaders: [number, string, string][] = [
    [0.3, '0,3', 'Andel (%)'],
    [0.3, '0,3', 'share_percent'],
    [0.5, '0,5', 'Andel prosent'],
  ];

  it.each(cases)('%j / %j under %j → %j %% (%s)', (numeric, text, header, percent, note) => {
    for (const cell of [numeric, text]) {
      expect(readSharePercent(cell, headerSaysPercent(header))).toEqual({ percent, note });
      expect(cellPercent(cell, header)?.percent).toBe(percent);
    }
  });

  it.each(percentHeaders)('%j / %j under %j: the number is a fraction, the text is as written', (numeric, text, header) => {
    expect(readSharePercent(numeric, headerSaysPercent(header))).toEqual({ percent: numeric * 100, note: 'read-as-fraction' });
    expect(readSharePercent(text, headerSaysPercent(header))).toEqual({ percent: numeric, note: 'looks-like-fraction' });
  });

  it('a % in the cell itself says percent', () => {
    expect(readSharePercent('0,3 %', false)).toEqual({ percent: 0.3, note: 'looks-like-fraction' });
    expect(cellPercent('0,3 %')?.percent).toBe(0.3);
  });

  it.each<[unknown]>([['mye'], [101], ['101'], [-1], [Number.NaN], [null], [{ error: '#REF!' }], [true]])('%j is no share', (cell) => {
    expect(cellPercent(cell as never)).toBeNull();
  });
});

const result = (csv: string): ImportResult => importRegistry(csv);
const ok = (csv: string) => {
  const r = result(csv);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};

describe('registry shares, as the sheet reads them', () => {
  const file = (header: string, value: string) => `# source: S\n# retrieved: 2026-10-01\norgnr;name;${header};andel_av;per dato\n100427311;A;${value};ansatte;2026-01-01\n`;

  it.each<[string, string, number, string | null]>([
    ['andel', '1', 1, null],
    ['andel', '0,3', 30, 'share-read-as-fraction'],
    ['andel', '0,3 %', 0.3, 'share-looks-like-fraction'],
    ['andel (%)', '0,3', 0.3, 'share-looks-like-fraction'],
    ['share_percent', '1', 1, null],
    ['share_percent', '45', 45, null],
  ])('column %j, value %j → %j %% (%s)', (header, value, percent, warning) => {
    const r = ok(file(header, value));
    expect(r.registry.suppliers[0]?.share?.percent).toBe(percent);
    expect(r.warnings.map((w) => w.code)).toEqual(warning ? [warning] : []);
    for (const lang of LANGS) for (const w of r.warnings) expect(describeLineIssue(translator(lang), w)).not.toContain('registry.issue');
  });

  it('the JSON form reads numbers as percentages (its field is `percent`)', () => {
    const json = JSON.stringify({
      schema: 'inkludo.registry/1',
      provenance: { source: 'S', retrieved: '2026-10-01' },
      suppliers: [
        { orgnr: '100427311', name: 'A', share: { percent: 1, denominator: 'employees', asOf: '2026-01-01' } },
        { orgnr: '102733169', name: 'B', share: { percent: '1', denominator: 'employees', asOf: '2026-01-01' } },
      ],
    });
    expect(ok(json).registry.suppliers.map((s) => s.share?.percent)).toEqual([1, 1]);
  });
});

describe('# lines in a registry CSV', () => {
  it('below the header, a line starting with # is a supplier', () => {
    const r = ok(`# source: S\n# retrieved: 2026-10-01\nname;orgnr\n# 1 Arbeid AS;100427311\nB;102733169\n`);
    expect(r.registry.suppliers.map((s) => s.name)).toEqual(['# 1 Arbeid AS', 'B']);
  });

  it('a # line below the header that is not a supplier is an error at its line, never silently dropped', () => {
    const r = result(`# source: S\n# retrieved: 2026-10-01\norgnr;name\n100427311;A\n# a comment\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.line, e.column])).toEqual([[5, 'orgnr'], [5, 'name']]);
  });

  it('above the header, # lines are comments and provenance', () => {
    const r = ok(`# A comment\n# source: S\n# retrieved: 2026-10-01\norgnr;name\n100427311;A\n`);
    expect(r.registry.provenance.source).toBe('S');
    expect(r.registry.suppliers).toHaveLength(1);
  });
});
