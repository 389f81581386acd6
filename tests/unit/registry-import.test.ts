import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, importRegistry, type ImportOptions, type LineIssue, type Registry } from '../../core/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/registry');
const PROVENANCE: ImportOptions = { source: 'Test source', retrieved: '2026-10-01' };

// Checksum-valid numbers from the demo registry (fictitious organisations).
const NO_A = '100427311';
const NO_B = '101588246';
const SE_A = '734127-5100';

function imported(input: string | Uint8Array, options: ImportOptions = PROVENANCE): { registry: Registry; warnings: readonly LineIssue[] } {
  const result = importRegistry(input, options);
  if (!result.ok) throw new Error(`expected a registry, got ${JSON.stringify(result.errors)}`);
  for (const w of result.warnings) expect(hasMessage(w.messageKey), w.messageKey).toBe(true);
  return result;
}

function failures(input: string | Uint8Array, options: ImportOptions = PROVENANCE): readonly LineIssue[] {
  const result = importRegistry(input, options);
  if (result.ok) throw new Error('expected the import to fail');
  expect(result).not.toHaveProperty('registry');
  for (const e of result.errors) expect(hasMessage(e.messageKey), e.messageKey).toBe(true);
  return result.errors;
}

/** line, column, code of each issue: what a user is shown. */
function summary(issues: readonly LineIssue[]): [number, string | undefined, string][] {
  return issues.map((i) => [i.line, i.column, i.code]);
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === 'string' ? new TextEncoder().encode(part) : part));
  return Uint8Array.from(out);
}

/** Windows-1252 bytes: for the letters used here (å ä æ ö ø é) they equal the Latin-1 code points. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252 test range: ${c}`);
    return code;
  });
}

describe('CSV delimiters', () => {
  const cases = [
    ['semicolon', `orgnr;name;kind;share_percent;share_denominator;share_as_of\n${NO_A};Demo Vekst AS;amb;29,9;employees;2026-06-30\n${SE_A};Exempel ek. för.;asf;45;occupied;2026-05-31\n`],
    ['comma', `orgnr,name,kind,share_percent,share_denominator,share_as_of\n${NO_A},Demo Vekst AS,amb,"29,9",employees,2026-06-30\n${SE_A},Exempel ek. för.,asf,45,occupied,2026-05-31\n`],
    ['tab', `orgnr\tname\tkind\tshare_percent\tshare_denominator\tshare_as_of\n${NO_A}\tDemo Vekst AS\tamb\t29.9\temployees\t2026-06-30\n${SE_A}\tExempel ek. för.\tasf\t45\toccupied\t2026-05-31\n`],
    ['CRLF semicolon', `orgnr;name;kind;share_percent;share_denominator;share_as_of\r\n${NO_A};Demo Vekst AS;amb;29,9;employees;2026-06-30\r\n${SE_A};Exempel ek. för.;asf;45;occupied;2026-05-31\r\n`],
  ] as const;

  it.each(cases)('%s: reads every supplier the same way', (_name, csv) => {
    const { registry } = imported(csv);
    expect(registry.suppliers.map((s) => [s.orgnr, s.jurisdiction, s.name, s.kind, s.share?.percent, s.share?.denominator])).toEqual([
      ['100427311', 'NO', 'Demo Vekst AS', 'arbeidsmarkedsbedrift', 29.9, 'employees'],
      ['7341275100', 'SE', 'Exempel ek. för.', 'asf', 45, 'occupied'],
    ]);
  });

  it('picks the delimiter of the header even when cells contain the others', () => {
    const { registry } = imported(`orgnr;name;alt_names\n${NO_A};Rydd, Vask og Bær AS;Rydd\tVask\n`);
    expect(registry.suppliers[0]?.name).toBe('Rydd, Vask og Bær AS');
  });
});

describe('CSV encodings', () => {
  const csv = `orgnr;navn\n103119057;Prøvebyen Vaskeri og Tekstil AS\n736418-8321;Låtsas Tvätteri ek. för.\n`;
  const names = ['Prøvebyen Vaskeri og Tekstil AS', 'Låtsas Tvätteri ek. för.'];

  it('UTF-8 without BOM', () => {
    const { registry, warnings } = imported(bytes(csv));
    expect(registry.suppliers.map((s) => s.name)).toEqual(names);
    expect(warnings).toEqual([]);
  });

  it('UTF-8 with BOM: the BOM is not part of the first header', () => {
    const { registry, warnings } = imported(bytes([0xef, 0xbb, 0xbf], csv));
    expect(registry.suppliers.map((s) => s.name)).toEqual(names);
    expect(warnings).toEqual([]);
  });

  it('a string that still starts with a BOM', () => {
    expect(imported(`\uFEFF${csv}`).registry.suppliers.map((s) => s.name)).toEqual(names);
  });

  it('Windows-1252 bytes (ø = F8, å = E5, ä = E4) are decoded as such, with a warning', () => {
    const input = windows1252(csv);
    expect(Array.from(input)).toContain(0xf8);
    const { registry, warnings } = imported(input);
    expect(registry.suppliers.map((s) => s.name)).toEqual(names);
    expect(summary(warnings)).toEqual([[0, undefined, 'encoding-fallback']]);
  });

  it('a Windows-1252 fixture file as saved by Excel (semicolons, CRLF, Norwegian headers, D.M.YYYY dates)', () => {
    const input = new Uint8Array(readFileSync(resolve(FIXTURES, 'excel-windows-1252.csv')));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input)).toThrow();
    const { registry, warnings } = imported(input);
    expect(registry.suppliers.map((s) => [s.name, s.share?.asOf, s.regions])).toEqual([
      ['Prøvebyen Vaskeri og Tekstil AS', '2026-04-30', ['0301']],
      ['Låtsas Tvätteri ek. för.', '2025-09-30', ['21']],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['encoding-fallback']);
  });

  it("UTF-16LE with BOM, tab-separated: Excel's 'Unicode text'", () => {
    const text = csv.replaceAll(';', '\t');
    const units = Array.from(text, (c) => c.charCodeAt(0));
    const utf16 = bytes([0xff, 0xfe], units.flatMap((u) => [u & 0xff, u >> 8]));
    expect(imported(utf16).registry.suppliers.map((s) => s.name)).toEqual(names);
  });
});

describe('CSV quoting and line numbers', () => {
  it('quoted cells keep delimiters and escaped quotes; line breaks inside a name become spaces', () => {
    const { registry } = imported(`orgnr;name;alt_names\n${NO_A};"Demo; ""Vekst""\nAS";"A | B;C"\n`);
    expect(registry.suppliers[0]).toMatchObject({ name: 'Demo; "Vekst" AS', altNames: ['A', 'B;C'] });
  });

  it('counts the physical lines of a multi-line cell when reporting later rows', () => {
    const csv = `orgnr;name\n${NO_A};"Demo\nVekst\nAS"\n\n${NO_B};\n`;
    expect(summary(failures(csv))).toEqual([[6, 'name', 'name-missing']]);
  });

  it('skips blank rows and rows of empty cells without losing count', () => {
    const csv = `# source: S\n# retrieved: 2026-10-01\n\norgnr;name\n;\n\n${NO_A};A\n\n${NO_B};B\n12;C\n`;
    expect(summary(failures(csv, {}))).toEqual([[10, 'orgnr', 'orgnr-invalid']]);
  });

  it('an unclosed quotation mark is an error at its row, not a silently merged cell', () => {
    const errors = failures(`orgnr;name\n${NO_A};A\n${NO_B};"B AS\n`);
    expect(errors.map((e) => [e.line, e.code])).toContainEqual([3, 'csv-quotes']);
  });

  it('a row with more cells than the header (an unquoted delimiter) is an error', () => {
    expect(summary(failures(`orgnr,name\n${NO_A},Rydd, Vask AS\n`))).toEqual([[2, undefined, 'extra-cells']]);
  });

  it('trailing empty cells (Excel pads rows) are fine', () => {
    expect(imported(`orgnr;name;;\n${NO_A};A;;;\n`).registry.suppliers).toHaveLength(1);
  });
});

describe('CSV headers in English, Norwegian and Swedish', () => {
  it.each([
    ['Organisasjonsnummer;Navn;Type;Andel;Grunnlag;Per dato;Formål bekreftet;Kommuner;CPV;Andre navn;Kilde;Hentet;Utløper', 'amb;30;ansatte;2026-01-01;ja;1804 | 18;90910000-9;Demo V;Egen liste;2026-02-01;2027-02-01'],
    ['ORGANISATIONSNUMMER;Namn;Typ;Andel (%);Nämnare;Per datum;Syfte intygat;Kommun;Kategorier;Andra namn;Källa;Hämtad;Giltig till', 'amb;30;ansatte;2026-01-01;ja;1804 | 18;90910000-9;Demo V;Egen liste;2026-02-01;2027-02-01'],
    ['orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;alt_names;source;retrieved;expires', 'arbeidsmarkedsbedrift;30 %;employees;1.1.2026;yes;1804,18;9091;Demo V;Egen liste;2026-02-01;2027-02-01'],
  ])('%s', (header, rest) => {
    const { registry } = imported(`${header}\n${NO_A};Demo Vekst AS;${rest}\n`);
    expect(registry.suppliers[0]).toEqual({
      orgnr: NO_A,
      jurisdiction: 'NO',
      name: 'Demo Vekst AS',
      altNames: ['Demo V'],
      kind: 'arbeidsmarkedsbedrift',
      share: { percent: 30, denominator: 'employees', asOf: '2026-01-01' },
      purposeAttested: true,
      regions: ['1804', '18'],
      categories: ['9091'],
      provenance: { source: 'Egen liste', url: null, retrieved: '2026-02-01', expires: '2027-02-01', demo: false },
    });
  });

  it.each([
    ['yes', true], ['Ja', true], ['nei', false], ['NEJ', false], ['true', true], ['false', false], ['1', true], ['0', false], ['', false],
  ])('purpose_attested %j → %s', (cell, expected) => {
    expect(imported(`orgnr;name;purpose_attested\n${NO_A};A;${cell}\n`).registry.suppliers[0]?.purposeAttested).toBe(expected);
  });

  it.each([
    ['ASF', 'asf'], ['Arbeidsmarkedsbedrift', 'arbeidsmarkedsbedrift'], ['VTA/AFT', 'vta-aft'], ['annet', 'other'], ['', 'other'],
  ])('kind %j → %s', (cell, expected) => {
    expect(imported(`orgnr;name;kind\n${NO_A};A;${cell}\n`).registry.suppliers[0]?.kind).toBe(expected);
  });

  it('restores the leading zero Excel drops from region codes, and reduces full CPV codes to prefixes', () => {
    const s = imported(`orgnr;name;regions;categories\n${NO_A};A;301 3 46;90910000-9 55500000 7731 98392000\n`).registry.suppliers[0];
    expect(s?.regions).toEqual(['0301', '03', '46']);
    expect(s?.categories).toEqual(['9091', '555', '7731', '98392']);
  });

  it('warns about unknown columns and ignores them', () => {
    const { warnings } = imported(`orgnr;name;Kontaktperson\n${NO_A};A;Kari\n`);
    expect(summary(warnings)).toEqual([[1, 'Kontaktperson', 'column-unknown']]);
  });

  it('header errors', () => {
    expect(summary(failures(`navn;type\nA;asf\n`))).toEqual([[1, undefined, 'column-missing']]);
    expect(failures(`navn;type\nA;asf\n`)[0]?.params).toEqual({ column: 'orgnr' });
    expect(summary(failures(`${NO_A};Demo Vekst AS\n`))).toEqual([[1, undefined, 'header-missing']]);
    expect(summary(failures(`orgnr;name;navn\n${NO_A};A;B\n`))).toEqual([[1, 'navn', 'column-duplicate']]);
  });
});

describe('every row error, with its line number and column', () => {
  const header = 'orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;source_url;retrieved;expires';
  const good = `${NO_A};Demo Vekst AS;amb;45;employees;2026-06-30;yes;1804;9091;;;`;
  const cases: [string, string, string, string, Record<string, string | number>][] = [
    ['bad check digit', `100427312;A;;;;;;;;;;`, 'orgnr', 'orgnr.problem.checksum', { raw: '100427312' }],
    ['letters in the number', `ABC-123;A;;;;;;;;;;`, 'orgnr', 'orgnr.problem.not-numeric', { raw: 'ABC-123' }],
    ['wrong length', `1234567;A;;;;;;;;;;`, 'orgnr', 'orgnr.problem.length', { raw: '1234567' }],
    ['missing number', `;A;;;;;;;;;;`, 'orgnr', 'orgnr.problem.empty', { raw: '' }],
    ['missing name', `${NO_B};  ;;;;;;;;;;`, 'name', 'registry.issue.name-missing', { field: 'name', value: '' }],
    ['unknown kind', `${NO_B};A;bedrift;;;;;;;;;`, 'kind', 'registry.issue.kind-unknown', { field: 'kind', value: 'bedrift' }],
    ['share above 100', `${NO_B};A;;130;employees;2026-01-01;;;;;;`, 'share_percent', 'registry.issue.share-out-of-range', { field: 'share_percent', value: '130' }],
    ['negative share', `${NO_B};A;;-1;employees;2026-01-01;;;;;;`, 'share_percent', 'registry.issue.share-out-of-range', { field: 'share_percent', value: '-1' }],
    ['share not a number', `${NO_B};A;;ca. 30;employees;2026-01-01;;;;;;`, 'share_percent', 'registry.issue.share-invalid', { field: 'share_percent', value: 'ca. 30' }],
    ['share without percentage', `${NO_B};A;;;employees;2026-01-01;;;;;;`, 'share_percent', 'registry.issue.share-percent-missing', { field: 'share_percent', value: '' }],
    ['share without denominator', `${NO_B};A;;30;;2026-01-01;;;;;;`, 'share_denominator', 'registry.issue.share-denominator-missing', { field: 'share_denominator', value: '' }],
    ['unknown denominator', `${NO_B};A;;30;folk;2026-01-01;;;;;;`, 'share_denominator', 'registry.issue.denominator-unknown', { field: 'share_denominator', value: 'folk' }],
    ['share without date', `${NO_B};A;;30;employees;;;;;;;`, 'share_as_of', 'registry.issue.share-date-missing', { field: 'share_as_of', value: '' }],
    ['impossible date', `${NO_B};A;;30;employees;2026-02-30;;;;;;`, 'share_as_of', 'registry.issue.date-invalid', { field: 'share_as_of', value: '2026-02-30' }],
    ['date in words', `${NO_B};A;;30;employees;i fjor;;;;;;`, 'share_as_of', 'registry.issue.date-invalid', { field: 'share_as_of', value: 'i fjor' }],
    ['not yes or no', `${NO_B};A;;;;;kanskje;;;;;`, 'purpose_attested', 'registry.issue.yes-no-invalid', { field: 'purpose_attested', value: 'kanskje' }],
    ['bad region', `${NO_B};A;;;;;;12345;;;;`, 'regions', 'registry.issue.region-invalid', { field: 'regions', value: '12345' }],
    ['bad category', `${NO_B};A;;;;;;;90x;;;`, 'categories', 'registry.issue.category-invalid', { field: 'categories', value: '90x' }],
    ['bad source url', `${NO_B};A;;;;;;;;www.example.org;;`, 'source_url', 'registry.issue.url-invalid', { field: 'source_url', value: 'www.example.org' }],
    ['bad retrieved date', `${NO_B};A;;;;;;;;;2026-13-01;`, 'retrieved', 'registry.issue.date-invalid', { field: 'retrieved', value: '2026-13-01' }],
    ['expiry before retrieval', `${NO_B};A;;;;;;;;;2026-10-01;2026-09-01`, 'expires', 'registry.issue.expires-before-retrieved', { expires: '2026-09-01', retrieved: '2026-10-01' }],
  ];

  it.each(cases)('%s', (_name, row, column, messageKey, params) => {
    const errors = failures(`${header}\n${good}\n\n${row}\n${good.replace(NO_A, SE_A)}\n`);
    expect(errors).toEqual([{ line: 4, column, code: expect.any(String), messageKey, params }]);
  });

  it('reports every bad row at once, in line order', () => {
    const csv = `${header}\n${good}\n${NO_B};;;;;;;;;;;\n100427312;B;;;;;;;;;;\n${SE_A};C;zz;;;;;;;;;\n`;
    expect(summary(failures(csv))).toEqual([
      [3, 'name', 'name-missing'],
      [4, 'orgnr', 'orgnr-invalid'],
      [5, 'kind', 'kind-unknown'],
    ]);
  });

  it('one row can have several errors', () => {
    expect(summary(failures(`${header}\n${NO_B};;zz;130;employees;2026-01-01;;;;;;\n`))).toEqual([
      [2, 'name', 'name-missing'],
      [2, 'kind', 'kind-unknown'],
      [2, 'share_percent', 'share-out-of-range'],
    ]);
  });
});

describe('duplicates and the all-or-nothing rule', () => {
  it('the same organisation number written differently is a duplicate, reported with the first line', () => {
    const csv = `orgnr;name\n${NO_A};A\n${SE_A};B\n100 427 311;C\nNO100427311MVA;D\nSE734127510001;E\n`;
    const errors = failures(csv);
    expect(errors.map((e) => [e.line, e.code, e.params])).toEqual([
      [4, 'duplicate-orgnr', { orgnr: '100427311', firstLine: 2 }],
      [5, 'duplicate-orgnr', { orgnr: '100427311', firstLine: 2 }],
      [6, 'duplicate-orgnr', { orgnr: '7341275100', firstLine: 3 }],
    ]);
  });

  it('one bad row among good ones gives no registry at all', () => {
    const rows = Array.from({ length: 50 }, () => `${NO_A};A`);
    const valid = `orgnr;name\n${NO_A};A\n${NO_B};B\n${SE_A};C\n`;
    expect(imported(valid).registry.suppliers).toHaveLength(3);
    const result = importRegistry(`${valid}1234;D\n`, PROVENANCE);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 5, code: 'orgnr-invalid' })], validLines: 3 });
    expect(failures(`orgnr;name\n${rows.join('\n')}\n`)).toHaveLength(49);
  });

  it('the input is not modified', () => {
    const input = bytes(`orgnr;name\n${NO_A};A\n`);
    const copy = Uint8Array.from(input);
    importRegistry(input, PROVENANCE);
    expect(input).toEqual(copy);
  });
});

describe('empty and junk input', () => {
  it.each([
    ['empty string', '', [[0, undefined, 'empty-file']]],
    ['whitespace', ' \n\t\r\n', [[0, undefined, 'empty-file']]],
    ['only comments', '# source: X\n# retrieved: 2026-01-01\n', [[0, undefined, 'header-missing']]],
    ['header only', 'orgnr;name\n', [[1, undefined, 'no-rows']]],
    ['header and blank rows', '# source: X\norgnr;name\n;\n\n', [[2, undefined, 'no-rows']]],
  ] as const)('%s', (_name, input, expected) => {
    expect(summary(failures(input))).toEqual(expected);
  });

  it.each([
    ['no bytes', new Uint8Array(0), 'empty-file'],
    ['a PNG header', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'binary-file'],
    ['a zip (an .xlsx given by mistake)', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]), 'binary-file'],
    ['random control bytes', Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 32), 'binary-file'],
  ])('%s', (_name, input, code) => {
    expect(summary(failures(input))).toEqual([[0, undefined, code]]);
  });
});

describe('registry provenance for CSV', () => {
  const rows = `orgnr;name\n${NO_A};A\n`;

  it('comes from # lines above the header (nb and sv keys too)', () => {
    const { registry } = imported(`# kilde: Gävle kommun, leverantörsuppföljning\n# URL: https://example.org/list\n# hämtad: 2026-10-01\n# utløper: 2027-10-01\n# demo: ja\n${rows}`, {});
    expect(registry.provenance).toEqual({
      source: 'Gävle kommun, leverantörsuppföljning',
      url: 'https://example.org/list',
      retrieved: '2026-10-01',
      expires: '2027-10-01',
      demo: true,
    });
    expect(registry.suppliers[0]?.provenance).toEqual(registry.provenance);
  });

  it('options override the # lines, but cannot turn demo data into real data', () => {
    const file = `# source: File source\n# retrieved: 2026-01-01\n# demo: true\n${rows}`;
    const { registry } = imported(file, { source: 'Option source', retrieved: '2026-02-01', demo: false });
    expect(registry.provenance).toMatchObject({ source: 'Option source', retrieved: '2026-02-01', demo: true });
    expect(imported(rows, { ...PROVENANCE, demo: true }).registry.provenance.demo).toBe(true);
    expect(imported(rows).registry.provenance.demo).toBe(false);
  });

  it('is required: without it the import fails and says how to give it', () => {
    expect(summary(failures(rows, {}))).toEqual([
      [0, '# source', 'provenance-source-missing'],
      [0, '# retrieved', 'provenance-retrieved-missing'],
    ]);
  });

  it('a bad # line is reported at its line; a bad option at line 0', () => {
    expect(summary(failures(`# source: S\n# retrieved: yesterday\n${rows}`, {}))).toEqual([[2, '# retrieved', 'date-invalid']]);
    expect(summary(failures(rows, { source: 'S', retrieved: '2026-1-1' }))).toEqual([[0, 'options.retrieved', 'date-invalid']]);
    expect(summary(failures(`# source: S\n# retrieved: 2026-10-01\n# expires: 2026-09-01\n${rows}`, {}))).toEqual([[3, '# expires', 'expires-before-retrieved']]);
  });

  it('when every row has its own source and date, the registry lists the sources and the oldest date', () => {
    const csv = `orgnr;name;source;retrieved\n${NO_A};A;List A;2026-03-01\n${NO_B};B;List B;2026-01-15\n${SE_A};C;List A;2026-02-01\n`;
    const { registry } = imported(csv, {});
    expect(registry.provenance).toEqual({ source: 'List A; List B', url: null, retrieved: '2026-01-15', expires: null, demo: false });
    expect(registry.suppliers.map((s) => [s.provenance.source, s.provenance.retrieved])).toEqual([
      ['List A', '2026-03-01'],
      ['List B', '2026-01-15'],
      ['List A', '2026-02-01'],
    ]);
  });

  it("a row with provenance of its own keeps it; blank source and date fall back to the registry's, url and expiry do not", () => {
    const csv = `orgnr;name;source;source_url;retrieved;expires\n${NO_A};A;;;;\n${NO_B};B;;;2026-05-01;\n${SE_A};C;Own list;https://example.org/own;;2027-01-01\n`;
    const { registry } = imported(csv, { source: 'Main', url: 'https://example.org/main', retrieved: '2026-04-01', expires: '2027-04-01' });
    expect(registry.suppliers.map((s) => s.provenance)).toEqual([
      { source: 'Main', url: 'https://example.org/main', retrieved: '2026-04-01', expires: '2027-04-01', demo: false },
      { source: 'Main', url: null, retrieved: '2026-05-01', expires: null, demo: false },
      { source: 'Own list', url: 'https://example.org/own', retrieved: '2026-04-01', expires: '2027-01-01', demo: false },
    ]);
  });
});

describe('warnings: values kept as given', () => {
  it('a denominator against the jurisdiction convention (NO employees, SE everyone occupied)', () => {
    const csv = `orgnr;name;share_percent;share_denominator;share_as_of\n${NO_A};A;40;occupied;2026-01-01\n${SE_A};B;40;employees;2026-01-01\n${NO_B};C;40;employees;2026-01-01\n`;
    const { registry, warnings } = imported(csv);
    expect(registry.suppliers.map((s) => s.share?.denominator)).toEqual(['occupied', 'employees', 'employees']);
    expect(warnings.map((w) => [w.line, w.column, w.messageKey])).toEqual([
      [2, 'share_denominator', 'registry.issue.denominator-convention.NO'],
      [3, 'share_denominator', 'registry.issue.denominator-convention.SE'],
    ]);
  });

  it('a share written as a fraction: read as Excel stores a percentage unless the header says %', () => {
    const plain = imported(`orgnr;name;andel;grunnlag;per dato\n${NO_A};A;0,35;ansatte;2026-01-01\n`);
    expect(plain.registry.suppliers[0]?.share?.percent).toBe(35);
    expect(plain.warnings.map((w) => [w.line, w.code, w.params])).toEqual([[2, 'share-read-as-fraction', { value: '0,35', percent: 35 }]]);
    const percent = imported(`orgnr;name;andel (%);grunnlag;per dato\n${NO_A};A;0,35;ansatte;2026-01-01\n`);
    expect(percent.registry.suppliers[0]?.share?.percent).toBe(0.35);
    expect(percent.warnings.map((w) => [w.line, w.code, w.params])).toEqual([[2, 'share-looks-like-fraction', { value: 0.35, percent: 35 }]]);
  });
});

describe('JSON registries', () => {
  const json = (suppliers: string, provenance = '{ "source": "JSON list", "retrieved": "2026-10-01" }') =>
    `{\n  "schema": "inkludo.registry/1",\n  "provenance": ${provenance},\n  "suppliers": [\n${suppliers}\n  ]\n}\n`;

  it('reads entries with the Supplier field names, numbers and aliases included', () => {
    const { registry } = imported(
      json(`    { "orgnr": 100427311, "name": "Demo Vekst AS", "kind": "amb", "share": { "percent": 45, "denominator": "ansatte", "asOf": "2026-06-30" },
      "purposeAttested": true, "regions": [1804, "18"], "categories": ["90910000-9"], "altNames": ["Demo V"] },
    { "orgnr": "${SE_A}", "name": "Exempel ek. för.", "provenance": { "source": "Own", "retrieved": "2026-09-01" } }`),
      {},
    );
    expect(registry.provenance).toEqual({ source: 'JSON list', url: null, retrieved: '2026-10-01', expires: null, demo: false });
    expect(registry.suppliers).toEqual([
      {
        orgnr: NO_A, jurisdiction: 'NO', name: 'Demo Vekst AS', altNames: ['Demo V'], kind: 'arbeidsmarkedsbedrift',
        share: { percent: 45, denominator: 'employees', asOf: '2026-06-30' }, purposeAttested: true, regions: ['1804', '18'], categories: ['9091'],
        provenance: registry.provenance,
      },
      {
        orgnr: '7341275100', jurisdiction: 'SE', name: 'Exempel ek. för.', altNames: [], kind: 'other', share: null, purposeAttested: false,
        regions: [], categories: [], provenance: { source: 'Own', url: null, retrieved: '2026-09-01', expires: null, demo: false },
      },
    ]);
  });

  it('points each entry error at the line of the field', () => {
    const entries = `    { "orgnr": "${NO_A}", "name": "A" },
    {
      "orgnr": "100427312",
      "name": "B",
      "share": { "percent": 130, "denominator": "employees", "asOf": "2026-01-01" }
    },
    { "orgnr": "${SE_A}", "name": "" }`;
    expect(summary(failures(json(entries)))).toEqual([
      [7, 'orgnr', 'orgnr-invalid'],
      [9, 'share.percent', 'share-out-of-range'],
      [11, 'name', 'name-missing'],
    ]);
  });

  it('duplicates, entries that are not objects, unknown fields', () => {
    const entries = `    { "orgnr": "${NO_A}", "name": "A" },\n    "${NO_B}",\n    { "orgnr": "100 427 311", "name": "C" }`;
    expect(summary(failures(json(entries)))).toEqual([
      [6, undefined, 'json-entry-shape'],
      [7, 'orgnr', 'duplicate-orgnr'],
    ]);
    const { warnings } = imported(json(`    { "orgnr": "${NO_A}", "name": "A",\n      "altnames": ["typo"] }`));
    expect(summary(warnings)).toEqual([[6, 'altnames', 'column-unknown']]);
  });

  it('registry provenance comes from the file and is required; options can only mark it as demo', () => {
    const entry = `    { "orgnr": "${NO_A}", "name": "A" }`;
    expect(imported(json(entry), { source: 'ignored', demo: true }).registry.provenance).toMatchObject({ source: 'JSON list', demo: true });
    expect(summary(failures(json(entry, '{\n    "source": "",\n    "retrieved": "2026-13-01" }')))).toEqual([
      [4, 'provenance.source', 'provenance-source-missing'],
      [5, 'provenance.retrieved', 'date-invalid'],
    ]);
    expect(summary(failures(json(entry, '"a string"')))).toEqual([[3, 'provenance', 'field-type']]);
  });

  it.each([
    ['syntax error', '{\n  "schema": "inkludo.registry/1",\n  "suppliers": [,]\n}', 'json-syntax'],
    ['an array', '[1, 2]', 'json-shape'],
    ['wrong schema id', '{\n  "schema": "other/2",\n  "provenance": {},\n  "suppliers": []\n}', 'json-schema-id'],
    ['suppliers not a list', '{\n  "schema": "inkludo.registry/1",\n  "provenance": {},\n  "suppliers": {}\n}', 'field-type'],
    ['no suppliers', json('', '{ "source": "S", "retrieved": "2026-01-01" }'), 'no-rows'],
  ])('%s', (_name, input, code) => {
    const errors = failures(input);
    expect(errors.map((e) => e.code)).toEqual([code]);
  });

  it('a syntax error is placed on its line when the engine tells the position', () => {
    const errors = failures('{\n  "schema": "inkludo.registry/1",\n  "provenance": {},\n  "suppliers": [ { "orgnr": 1, } ]\n}');
    expect(errors).toEqual([expect.objectContaining({ line: 4, code: 'json-syntax' })]);
  });
});
