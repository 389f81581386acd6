import { describe, expect, it } from 'vitest';
import { checkSheet, HEADER_SEARCH_ROWS, roleOfHeader, type CellValue, type ColumnRole } from '../../core/index.ts';

const OPTIONS = { jurisdiction: 'NO', date: '2025-06-01', buyer: 'municipal' } as const;

describe('header text → column role, in nb, sv and en', () => {
  it.each<[string, ColumnRole]>([
    ['Beskrivelse', 'description'],
    ['Beskrivning', 'description'],
    ['Description', 'description'],
    ['Anskaffelse', 'description'],
    ['Estimert verdi', 'value'],
    ['Anslått verdi (NOK)', 'value'],
    ['Beräknat värde', 'value'],
    ['Kontraktsvärde inkl. moms', 'value'],
    ['Estimated value', 'value'],
    ['Mva', 'vat'],
    ['Inkl. moms?', 'vat'],
    ['VAT', 'vat'],
    ['Leverandør', 'supplier'],
    ['Leverantör', 'supplier'],
    ['Supplier', 'supplier'],
    ['Org.nr.', 'orgnr'],
    ['Organisasjonsnummer', 'orgnr'],
    ['Organisationsnummer', 'orgnr'],
    ['Organisation number', 'orgnr'],
    ['Leverandørens org.nr', 'orgnr'],
    ['CPV', 'cpv'],
    ['CPV-kode', 'cpv'],
    ['Kategori', 'category'],
    ['Category', 'category'],
    ['Dato', 'date'],
    ['Datum', 'date'],
    ['Date', 'date'],
    ['Varighet (mnd)', 'duration'],
    ['Avtalstid', 'duration'],
    ['Opsjoner', 'options'],
    ['Option', 'options'],
    ['Förlängning', 'options'],
    ['Reservert', 'reserved'],
    ['Reserverad', 'reserved'],
    ['Buyer kind', 'buyerKind'],
    ['Kontraktstype', 'contractKind'],
    ['Kontraktsart', 'contractKind'],
    ['Andel målgruppe (%)', 'share'],
  ])('"%s" → %s', (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it('a sentence or a title is no header', () => {
    expect(roleOfHeader('Innkjøpsplan 2025 for Demo kommune, vedtatt av kommunestyret i møte 12. desember med endringer')).toBeNull();
    expect(roleOfHeader('')).toBeNull();
    expect(roleOfHeader('Kommentar')).toBeNull();
  });
});

describe('finding the header row', () => {
  it('skips a merged title row and empty rows above the header', () => {
    const cells: CellValue[][] = [
      ['Innkjøpsplan 2025 – Demo kommune', null, null],
      [null, null, null],
      ['Beskrivelse', 'Estimert verdi', 'Leverandør'],
      ['Renhold', 90000, 'Rent AS'],
    ];
    const report = checkSheet(cells, OPTIONS);
    expect(report.headerRow).toBe(3);
    expect(report.columns).toEqual({ description: 0, value: 1, supplier: 2 });
    expect(report.rows.map((r) => r.row)).toEqual([4]);
  });

  it(`looks in the first ${HEADER_SEARCH_ROWS} rows only`, () => {
    const filler = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`Merknad ${i + 1}`]);
    const header = ['Beskrivelse', 'Estimert verdi'];
    const at20 = checkSheet([...filler(HEADER_SEARCH_ROWS - 1), header, ['Renhold', 90000]], OPTIONS);
    expect(at20.headerRow).toBe(HEADER_SEARCH_ROWS);
    expect(at20.rows).toHaveLength(1);
    const at21 = checkSheet([...filler(HEADER_SEARCH_ROWS), header, ['Renhold', 90000]], OPTIONS);
    expect(at21.headerRow).toBe(0);
    expect(at21.rows).toHaveLength(0);
  });

  it('needs a description or a value column and one more role', () => {
    expect(checkSheet([['Leverandør', 'Org.nr.'], ['Rent AS', '923609016']], OPTIONS).headerRow).toBe(0);
    expect(checkSheet([['Beskrivelse'], ['Renhold']], OPTIONS).headerRow).toBe(0);
    expect(checkSheet([['Beskrivelse', 'Leverandør'], ['Renhold', 'Rent AS']], OPTIONS).headerRow).toBe(1);
  });

  it('takes the row naming the most roles when two rows look like headers', () => {
    const cells: CellValue[][] = [
      ['Beskrivelse', 'Verdi'],
      ['Beskrivelse', 'Estimert verdi', 'Leverandør', 'Dato'],
      ['Renhold', 90000, 'Rent AS', '2025-01-01'],
    ];
    expect(checkSheet(cells, OPTIONS).headerRow).toBe(2);
  });

  it('a header row given by the user wins over the detection', () => {
    const cells: CellValue[][] = [
      ['Beskrivelse', 'Estimert verdi'],
      ['Renhold', 90000],
      ['Beskrivelse', 'Estimert verdi'],
      ['Kantine', 200000],
    ];
    const report = checkSheet(cells, { ...OPTIONS, headerRow: 3 });
    expect(report.headerRow).toBe(3);
    expect(report.rows.map((r) => r.row)).toEqual([4]);
  });
});

describe('the user overrides the mapping', () => {
  const cells: CellValue[][] = [
    ['Beskrivelse', 'Budsjett', 'Faktisk', 'Notat'],
    ['Konsulenttjenester', 90000, 150000, 'x'],
  ];

  it('a number maps a role to that column', () => {
    expect(checkSheet(cells, OPTIONS).rows[0]?.estimatedValue?.minor).toBe(9_000_000n);
    const report = checkSheet(cells, { ...OPTIONS, mapping: { value: 2 } });
    expect(report.columns.value).toBe(2);
    expect(report.rows[0]?.estimatedValue?.minor).toBe(15_000_000n);
  });

  it('null unmaps a role', () => {
    const report = checkSheet(cells, { ...OPTIONS, mapping: { value: null } });
    expect(report.columns.value).toBeUndefined();
    expect(report.rows[0]?.findings.map((f) => f.code)).toEqual(['VALUE-MISSING']);
  });

  it('a mapping on a sheet without a header row still needs a header row to start from', () => {
    const report = checkSheet([['Renhold', 90000]], { ...OPTIONS, mapping: { description: 0, value: 1 } });
    expect(report.headerRow).toBe(0);
    const given = checkSheet([['x', 'y'], ['Renhold', 90000]], { ...OPTIONS, headerRow: 1, mapping: { description: 0, value: 1 } });
    expect(given.rows.map((r) => [r.row, r.estimatedValue?.minor])).toEqual([[2, 9_000_000n]]);
  });
});

describe('what the value header says', () => {
  it('"per år" makes a yearly value, estimated over the term with options', () => {
    const report = checkSheet(
      [
        ['Beskrivelse', 'Verdi per år', 'Varighet'],
        ['Renhold', 400000, '2+1+1 år'],
        ['Vakthold', 400000, null],
      ],
      OPTIONS,
    );
    expect(report.valueBasis).toBe('yearly');
    const [term, noTerm] = report.rows;
    expect(term?.estimatedValue?.minor).toBe(160_000_000n);
    expect(term?.estimate.map((s) => s.code)).toEqual(['term-with-options', 'yearly-times-term', 'estimated-value']);
    // No term: four years (FOA § 5-4, art. 5(14)).
    expect(noTerm?.estimatedValue?.minor).toBe(160_000_000n);
    expect(noTerm?.estimate[0]?.code).toBe('yearly-times-4-no-term');
  });

  it('"per månad" makes a monthly value; bare numbers in "Avtalstid (mån)" are months', () => {
    const report = checkSheet([['Beskrivning', 'Värde per månad', 'Avtalstid (mån)'], ['Städning', 50000, 18]], { ...OPTIONS, jurisdiction: 'SE' });
    expect(report.valueBasis).toBe('monthly');
    expect(report.rows[0]?.estimatedValue?.minor).toBe(90_000_000n);
  });

  it('a separate options column adds its months to the term', () => {
    const report = checkSheet([['Beskrivelse', 'Årlig verdi', 'Varighet (år)', 'Opsjoner (år)'], ['Kantine', 300000, 2, 2]], OPTIONS);
    expect(report.rows[0]?.estimatedValue?.minor).toBe(120_000_000n);
  });

  it('"inkl. mva" in the value header makes every value VAT-inclusive', () => {
    const report = checkSheet([['Beskrivelse', 'Verdi inkl. mva'], ['Renhold', 1625000]], OPTIONS);
    const row = report.rows[0];
    expect(row?.estimatedValue?.minor).toBe(130_000_000n);
    expect(row?.regime).toBe('NO-PART-II');
    expect(row?.findings.map((f) => f.code)).toContain('VAT-INCLUDED');
  });
});
