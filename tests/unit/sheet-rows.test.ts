import { describe, expect, it } from 'vitest';
import { checkSheet, describeFinding, type CellValue, type FindingCode, type RowResult, type SheetCheckOptions } from '../../core/index.ts';
import { sheetRegistry } from '../fixtures/sheet/registry.ts';

const NO: SheetCheckOptions = { jurisdiction: 'NO', date: '2025-06-01', buyer: 'municipal' };
const SE: SheetCheckOptions = { jurisdiction: 'SE', date: '2025-06-01', buyer: 'municipal' };

/** One checked row under `header`. */
function row(header: readonly string[], cells: readonly CellValue[], options: SheetCheckOptions = NO): RowResult {
  const report = checkSheet([header, cells], options);
  const result = report.rows[0];
  if (!result) throw new Error(`row skipped: ${JSON.stringify(report.skipped)}`);
  return result;
}

const codes = (r: RowResult): FindingCode[] => r.findings.map((f) => f.code);
const findingOf = (r: RowResult, code: FindingCode) => r.findings.find((f) => f.code === code);

describe('values: text amounts, missing and unreadable values', () => {
  it.each<[CellValue, bigint]>([
    ['1 250 000 kr', 125_000_000n],
    ['2,5 MNOK', 250_000_000n],
    ['150k', 15_000_000n],
    ['kr 100.000,-', 10_000_000n],
    [99999.99, 9_999_999n],
  ])('reads %j in Norwegian', (cell, minor) => {
    expect(row(['Beskrivelse', 'Estimert verdi'], ['Konsulent', cell]).estimatedValue?.minor).toBe(minor);
  });

  it('reads Swedish amounts: spaces group thousands, a comma starts the decimals', () => {
    expect(row(['Beskrivning', 'Beräknat värde'], ['Konsult', '1 234,50 kr'], SE).estimatedValue).toEqual({ minor: 123_450n, currency: 'SEK' });
  });

  it('a value that cannot be read is an error finding that quotes it', () => {
    const r = row(['Beskrivelse', 'Estimert verdi'], ['Konsulent', 'ca. en million']);
    expect(r.regime).toBe('UNKNOWN');
    expect(r.estimatedValue).toBeNull();
    const f = findingOf(r, 'VALUE-UNPARSEABLE');
    expect(f?.severity).toBe('error');
    expect(describeFinding('nb', f!)).toBe(
      'Verdien «ca. en million» kan ikke leses som et beløp. Former som fungerer: 1 200 000 · 1 200 000 kr · 1,2 MNOK · 1,2 mill. kr · 250 000 kr per år · 40 000 kr/mnd · kr 450 000 eks. mva.',
    );
  });

  it('a missing value is a warning, and the regime is unknown', () => {
    const r = row(['Beskrivelse', 'Estimert verdi'], ['Konsulent', null]);
    expect(r.regime).toBe('UNKNOWN');
    expect(findingOf(r, 'VALUE-MISSING')?.severity).toBe('warning');
    expect(row(['Beskrivelse', 'Estimert verdi'], ['Konsulent', ' - ']).findings.map((f) => f.code)).toEqual(['VALUE-MISSING']);
  });

  it('a value in another currency is not compared with NOK thresholds', () => {
    expect(codes(row(['Beskrivelse', 'Estimert verdi'], ['Konsulent', 'EUR 200 000']))).toEqual(['CURRENCY-MISMATCH']);
  });
});

describe('regime per row, at the boundaries and at the row’s own date', () => {
  const header = ['Beskrivelse', 'Estimert verdi', 'Dato', 'Kontraktstype', 'Oppdragsgivertype'];

  it.each<[CellValue, string]>([
    [99999.99, 'NO-EXEMPT'],
    [100000, 'NO-PART-I'],
    [1299999.99, 'NO-PART-I'],
    [1300000, 'NO-PART-II'],
    [2299999.99, 'NO-PART-II'],
    [2300000, 'NO-PART-III'],
  ])('NO municipal services %j → %s', (value, regime) => {
    expect(row(header, ['Konsulent', value, null, null, null]).regime).toBe(regime);
  });

  it.each<[CellValue, string]>([
    [699999.99, 'SE-DIRECT'],
    [700000, 'SE-BELOW-EU'],
    [2389584.99, 'SE-BELOW-EU'],
    [2389585, 'SE-ABOVE-EU'],
  ])('SE municipal services %j → %s', (value, regime) => {
    expect(row(['Beskrivning', 'Beräknat värde'], ['Konsult', value], SE).regime).toBe(regime);
  });

  it('a row with its own date is classified by the rules of that date', () => {
    // The Swedish sub-central EU threshold was SEK 2 236 731 in 2022–2023 and SEK 2 389 585 in 2024–2025.
    const se = ['Beskrivning', 'Beräknat värde', 'Datum'];
    expect(row(se, ['Konsult', 2300000, '2023-06-15'], SE).regime).toBe('SE-ABOVE-EU');
    expect(row(se, ['Konsult', 2300000, '15.06.2025'], SE).regime).toBe('SE-BELOW-EU');
    // An Excel serial date (Office.js range.values) is a date too: 45092 is 2023-06-15.
    const serial = row(se, ['Konsult', 2300000, 45092], SE);
    expect(serial.date).toBe('2023-06-15');
    expect(serial.regime).toBe('SE-ABOVE-EU');
    // No date, or no readable date: the check date.
    expect(row(se, ['Konsult', 2300000, 'snart'], SE)).toMatchObject({ date: '2025-06-01', regime: 'SE-BELOW-EU' });
  });

  it('contract kind and buyer kind columns change the ladder', () => {
    expect(row(header, ['Bygg', 2300000, null, 'Bygg- og anleggsarbeid', null]).regime).toBe('NO-PART-II');
    expect(row(header, ['Konsulent', 1490000, null, 'Tjenester', 'Statlig'])).toMatchObject({ regime: 'NO-PART-III' });
    expect(row(header, ['Konsulent', 1490000, null, 'Tjenester', 'Kommune'])).toMatchObject({ regime: 'NO-PART-II' });
    expect(row(header, ['Omsorg', 2300000, null, 'Helse- og sosialtjenester', null]).regime).toBe('NO-PART-I');
  });

  it('a VAT column saying "ja" makes the value VAT-inclusive; "nei" does not', () => {
    const vatHeader = ['Beskrivelse', 'Estimert verdi', 'Inkl. mva?'];
    const incl = row(vatHeader, ['Konsulent', 1625000, 'ja']);
    expect(incl.estimatedValue?.minor).toBe(130_000_000n);
    expect(incl.regime).toBe('NO-PART-II');
    expect(codes(incl)).toContain('VAT-INCLUDED');
    // Without a CPV code the VAT rate is unsure (25, 15 or 0 %): just below the national threshold at 25 % it depends on the rate.
    const just = row(vatHeader, ['Konsulent', 1624998.75, 'ja']);
    expect(just.regime).toBe('UNKNOWN');
    expect(codes(just)).toContain('VAT-RATE-DEPENDS');
    const excl = row(vatHeader, ['Konsulent', 1625000, 'nei']);
    expect(excl.estimatedValue?.minor).toBe(162_500_000n);
    expect(codes(excl)).not.toContain('VAT-INCLUDED');
  });

  it('lists the rule ids the regime rests on', () => {
    expect(row(header, ['Konsulent', 1300000, null, null, null]).ruleIds).toEqual(['NO-LOW-100K', 'NO-NAT', 'NO-EEA-2024-OTHER']);
  });
});

describe('organisation numbers', () => {
  const header = ['Beskrivelse', 'Estimert verdi', 'Leverandør', 'Org.nr.'];

  it('a valid number is kept as canonical digits', () => {
    const r = row(header, ['Konsulent', 50000, 'Demo AS', 'NO 923 609 016 MVA']);
    expect(r.supplier).toMatchObject({ name: 'Demo AS', orgnr: '923609016' });
    expect(codes(r)).not.toContain('ORGNR-INVALID');
  });

  it('a wrong check digit is ORGNR-INVALID, quoting the number', () => {
    const f = findingOf(row(header, ['Konsulent', 50000, 'Demo AS', '923609017']), 'ORGNR-INVALID');
    expect(f?.params).toMatchObject({ raw: '923609017', problem: 'checksum' });
    expect(describeFinding('en', f!)).toBe('The organisation number "923609017" is not valid.');
  });

  it('a personal identity number is flagged but never repeated', () => {
    const r = row(header, ['Konsult', 50000, 'Anna', '19811218-9876'], SE);
    const f = findingOf(r, 'ORGNR-INVALID');
    expect(f?.messageKey).toBe('finding.ORGNR-INVALID.personal-number');
    expect(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('9876');
  });
});

describe('reserved rows: the supplier against the registry', () => {
  const registry = sheetRegistry();
  const header = ['Beskrivelse', 'Estimert verdi', 'Leverandør', 'Org.nr.', 'Reservert', 'Dato', 'Andel målgruppe (%)'];
  const options = { ...NO, date: '2026-11-23', registry };
  const reserved = (supplier: string | null, orgnr: string | null, date: string | null = null, share: CellValue = null) =>
    row(header, ['Renhold', 500000, supplier, orgnr, 'Ja', date, share], options);

  it('eligible supplier: RESERVED-ELIGIBLE with the registry source, and the reservation provision', () => {
    const r = reserved('Demo Vekst AS', '100427311');
    const f = findingOf(r, 'RESERVED-ELIGIBLE');
    expect(f?.severity).toBe('info');
    expect(f?.ruleIds).toEqual(['NO-RES-30']);
    expect(r.supplier).toMatchObject({ inRegistry: true, eligibility: 'eligible', registrySource: 'Inkludo test registry (fictitious)', registryRetrieved: '2026-11-01', registryDemo: true });
    expect(codes(r)).not.toContain('RESERVATION-CANDIDATE');
  });

  it('cites FOA § 8-8 for a reserved part II contract', () => {
    const r = row(header, ['Renhold', 1500000, 'Demo Vekst AS', '100427311', 'Ja', null, null], options);
    expect(r.regime).toBe('NO-PART-II');
    expect(findingOf(r, 'RESERVED-ELIGIBLE')?.ruleIds).toEqual(['NO-RES-30', 'NO-RES-II']);
  });

  it('29.9 % is RESERVED-INELIGIBLE, an error', () => {
    const f = findingOf(reserved('Oppdiktet Kantine AS', '102733169'), 'RESERVED-INELIGIBLE');
    expect(f).toMatchObject({ severity: 'error', params: { share: 29.9, required: 30 } });
  });

  it('30.0 % is enough', () => {
    expect(codes(reserved('Lekeland Renhold SA', '109477346'))).toContain('RESERVED-ELIGIBLE');
  });

  it('evidence older than a year at the row’s date is RESERVED-EVIDENCE-STALE', () => {
    const r = reserved('Fiktiv Arbeid AS', '101588246');
    expect(findingOf(r, 'RESERVED-EVIDENCE-STALE')?.params).toMatchObject({ asOf: '2025-03-31', checkDate: '2026-11-23', age: 602 });
    // At a row date within a year of the evidence, the same supplier is eligible.
    expect(codes(reserved('Fiktiv Arbeid AS', '101588246', '2026-03-31'))).toContain('RESERVED-ELIGIBLE');
    expect(codes(reserved('Fiktiv Arbeid AS', '101588246', '2026-04-01'))).toContain('RESERVED-EVIDENCE-STALE');
  });

  it('a registry supplier without attested purpose is RESERVED-UNVERIFIED', () => {
    expect(findingOf(reserved('Innbilt Renhold AS', '112403973'), 'RESERVED-UNVERIFIED')?.messageKey).toBe('finding.RESERVED-UNVERIFIED.share-missing');
  });

  it('found by name when the row has no organisation number', () => {
    expect(reserved('DEMO VEKST', null).supplier).toMatchObject({ inRegistry: true, orgnr: null, eligibility: 'eligible' });
  });

  it('a supplier outside the registry without share evidence is RESERVED-UNVERIFIED', () => {
    const r = reserved('Ukjent Leverandør AS', '923609016');
    expect(r.supplier).toMatchObject({ inRegistry: false, eligibility: 'unverified' });
    expect(findingOf(r, 'RESERVED-UNVERIFIED')?.messageKey).toBe('finding.RESERVED-UNVERIFIED.share-missing');
  });

  it('a share column below 30 % makes an unlisted supplier ineligible; above it, the purpose is still unverified', () => {
    expect(codes(reserved('Ukjent AS', '923609016', null, 25))).toContain('RESERVED-INELIGIBLE');
    expect(codes(reserved('Ukjent AS', '923609016', null, '29,9 %'))).toContain('RESERVED-INELIGIBLE');
    expect(findingOf(reserved('Ukjent AS', '923609016', null, 0.35), 'RESERVED-UNVERIFIED')?.messageKey).toBe('finding.RESERVED-UNVERIFIED.purpose-not-attested');
  });

  it('a reserved row without any supplier yet (a plan) gets no eligibility finding', () => {
    const r = reserved(null, null);
    expect(r.supplier).toBeNull();
    expect(codes(r).filter((c) => c.startsWith('RESERVED'))).toEqual([]);
    expect(r.reserved).toBe(true);
  });

  it('Sweden: counted on everyone occupied, LOU 4 kap. 18 §', () => {
    const se = { ...SE, date: '2026-11-23', registry };
    const ok = row(header, ['Städning', 500000, 'Exempel Arbetsintegrering ek. för.', '734127-5100', 'Ja', null, null], se);
    expect(findingOf(ok, 'RESERVED-ELIGIBLE')?.ruleIds).toEqual(['SE-RES-418', 'SE-RES-418-P']);
    const low = row(header, ['Tvätt', 500000, 'Låtsas Tvätteri', '736418-8321', 'Ja', null, null], se);
    expect(codes(low)).toContain('RESERVED-INELIGIBLE');
  });

  it('a row that is not reserved never consults the registry about its supplier (equal treatment)', () => {
    const r = row(header, ['Renhold', 500000, 'Oppdiktet Kantine AS', '102733169', 'Nei', null, null], options);
    expect(r.supplier).toMatchObject({ inRegistry: null, eligibility: null, registrySource: null });
    expect(codes(r).filter((c) => c.startsWith('RESERVED'))).toEqual([]);
  });
});

describe('RESERVATION-CANDIDATE (a rule of thumb kept as data)', () => {
  const header = ['Beskrivelse', 'Estimert verdi', 'CPV', 'Kategori', 'Reservert'];

  it.each<[CellValue, CellValue, CellValue, string]>([
    ['Renhold av skoler', null, null, 'Renhold'],
    ['Tjenester', '90910000-9', null, 'CPV 90910000'],
    ['Drift', null, 'Kantine og catering', 'Kantine'],
    ['Drift', null, 'Møbelrenovering', 'Møbelrenovering'],
    ['Drift', '77310000', null, 'CPV 77310000'],
    ['Drift', '98392000', null, 'CPV 98392000'],
    ['Vask av arbeidstøy', null, null, 'Vask'],
  ])('%j / CPV %j / category %j', (description, cpv, category, matched) => {
    expect(findingOf(row(header, [description, 400000, cpv, category, null]), 'RESERVATION-CANDIDATE')?.params.matched).toBe(matched);
  });

  it('not for other work, and not for a row already reserved', () => {
    expect(codes(row(header, ['IT-drift', 400000, '72000000', 'IT', null]))).not.toContain('RESERVATION-CANDIDATE');
    expect(codes(row(header, ['Renhold', 400000, '90910000', null, 'ja']))).not.toContain('RESERVATION-CANDIDATE');
  });

  it('with a registry: how many suppliers deliver such work, never who', () => {
    const registry = sheetRegistry();
    const f = findingOf(row(header, ['Renhold', 400000, '90911200', null, null], { ...NO, registry }), 'RESERVATION-CANDIDATE');
    // Three Norwegian test suppliers list 9091; the Swedish one is not counted for a Norwegian sheet.
    expect(f?.params.suppliers).toBe(3);
    expect(f?.messageKey).toBe('finding.RESERVATION-CANDIDATE.market');
    expect(describeFinding('nb', f!)).toContain('som leverer slikt arbeid: 3.');
    expect(JSON.stringify(f)).not.toMatch(/Demo Vekst|Lekeland/);
  });
});

describe('INCLUSIVE-CANDIDATE: services or works at the announcement threshold, 12 months or more', () => {
  const header = ['Beskrivelse', 'Estimert verdi', 'Varighet', 'Kontraktstype'];

  it('NO: from NOK 1.3 million and 12 months, citing anskaffelsesloven § 5', () => {
    const f = findingOf(row(header, ['Konsulent', 1300000, '12 mnd', null]), 'INCLUSIVE-CANDIDATE');
    expect(f).toMatchObject({ severity: 'info', params: { months: 12, threshold: 1300000 }, ruleIds: ['NO-NAT', 'NO-SOC-5'] });
    expect(codes(row(header, ['Konsulent', 1300000, '11 mnd', null]))).not.toContain('INCLUSIVE-CANDIDATE');
    expect(codes(row(header, ['Konsulent', 1299999.99, '24 mnd', null]))).not.toContain('INCLUSIVE-CANDIDATE');
    expect(codes(row(header, ['Konsulent', 1300000, null, null]))).not.toContain('INCLUSIVE-CANDIDATE');
  });

  it('options count towards the 12 months; open-ended contracts qualify', () => {
    expect(codes(row(header, ['Konsulent', 1300000, '6 mnd + opsjon 6 mnd', null]))).toContain('INCLUSIVE-CANDIDATE');
    expect(findingOf(row(header, ['Konsulent', 1300000, 'løpende', null]), 'INCLUSIVE-CANDIDATE')?.messageKey).toBe('finding.INCLUSIVE-CANDIDATE.open-ended');
  });

  it('not for goods', () => {
    expect(codes(row(header, ['Papir', 2000000, '24 mnd', 'Varer']))).not.toContain('INCLUSIVE-CANDIDATE');
    expect(codes(row(header, ['Bygg', 2000000, '24 mnd', 'Bygg- og anleggsarbeid']))).toContain('INCLUSIVE-CANDIDATE');
  });

  it('SE: from the direct-award limit, citing LOU 17 kap. 1 §', () => {
    const f = findingOf(row(['Beskrivning', 'Beräknat värde', 'Avtalstid'], ['Städning', 700000, '2 år'], SE), 'INCLUSIVE-CANDIDATE');
    expect(f?.ruleIds).toEqual(['SE-DU-LOU', 'SE-SOC-17']);
    expect(codes(row(['Beskrivning', 'Beräknat värde', 'Avtalstid'], ['Städning', 699999.99, '2 år'], SE))).not.toContain('INCLUSIVE-CANDIDATE');
  });
});

describe('rows that are skipped', () => {
  it('empty rows, totals rows and rows without description and value', () => {
    const report = checkSheet(
      [
        ['Beskrivelse', 'Estimert verdi', 'Leverandør'],
        ['Konsulent', 50000, null],
        [null, '', '  '],
        [null, null, 'Rent AS'],
        ['Sum', 50000, null],
        ['Totalt', 50000, null],
        [null, 'Summa', null],
        ['Total', 50000, null],
        ['Summering av tjenester', 50000, null],
      ],
      NO,
    );
    expect(report.skipped).toEqual([
      { row: 3, reason: 'empty' },
      { row: 4, reason: 'no-description-or-value' },
      { row: 5, reason: 'total', label: 'Sum' },
      { row: 6, reason: 'total', label: 'Totalt' },
      { row: 7, reason: 'total', label: 'Summa' },
      { row: 8, reason: 'total', label: 'Total' },
    ]);
    expect(report.rows.map((r) => r.row)).toEqual([2, 9]);
    expect(report.summary).toMatchObject({ rowsChecked: 2, rowsSkipped: 6, byRegime: { 'NO-EXEMPT': 2 } });
  });

  it('counts rows per finding and rows with errors', () => {
    const report = checkSheet(
      [
        ['Beskrivelse', 'Estimert verdi'],
        ['A', 'tull'],
        ['B', 'tøys'],
        ['C', null],
      ],
      NO,
    );
    expect(report.summary).toMatchObject({ byFinding: { 'VALUE-UNPARSEABLE': 2, 'VALUE-MISSING': 1 }, rowsWithErrors: 2, byRegime: { UNKNOWN: 3 } });
  });
});
