import { describe, expect, it } from 'vitest';
import { describeBuyerInference, describeJurisdictionInference, inferBuyerKind, inferJurisdiction, roleOfHeader, translator, type CellValue } from '../../core/index.ts';
import { cellText } from '../../core/sheet/cells.ts';
import { readXlsxCells } from '../../cli/xlsx.ts';

describe('inferBuyerKind: state or municipal from title rows and the tab name', () => {
  it.each([
    ['Statens vegvesen – innkjøpsplan 2027', 'state', 'Statens …'],
    ['Helsedirektoratet: anskaffelser 2027', 'state', '…direktoratet'],
    ['Kunnskapsdepartementet', 'state', '…departementet'],
    ['Arbeidstilsynet avtaleoversikt', 'state', '…tilsynet'],
    ['Myndigheten för samhällsskydd och beredskap', 'state', 'Myndigheten för …'],
    ['Trafikverket upphandlingsplan', 'state', '…verket'],
    ['Socialstyrelsen', 'state', '…styrelsen'],
    ['Innkjøpsplan 2027 – Bærum kommune', 'municipal', '… kommune'],
    ['Vestland fylkeskommune', 'municipal', '… fylkeskommune'],
    ['Avtalsregister – Malmö kommun', 'municipal', '… kommun'],
    ['Region Skåne avtal 2027', 'municipal', 'Region …'],
    ['AVTALSREGISTER REGION STOCKHOLM', 'municipal', 'Region …'],
    ['Stockholms läns landsting', 'municipal', '… landsting'],
  ])('%s → %s', (text, kind, matched) => {
    expect(inferBuyerKind([{ text, where: 'title row 1' }])).toEqual({ kind, conflict: false, evidence: [{ text, where: 'title row 1', kind, matched }] });
  });

  it.each(['Innkjøpsplan 2027', 'Avtal per region', 'Kommunesektoren i tall', 'Fylkeskommunene', 'Verket', 'Försäkringskassan', ''])('%j says nothing', (text) => {
    expect(inferBuyerKind([{ text, where: 'tab name' }])).toBeNull();
  });

  it('a title and a tab name that agree give one kind with both pieces', () => {
    const r = inferBuyerKind([
      { text: 'Oslo kommune', where: 'title row 1' },
      { text: 'Plan Oslo kommune', where: 'tab name' },
    ]);
    expect(r).toMatchObject({ kind: 'municipal', conflict: false });
    expect(r?.evidence.map((e) => e.where)).toEqual(['title row 1', 'tab name']);
  });

  it('conflicting evidence gives no kind, with both pieces', () => {
    const r = inferBuyerKind([
      { text: 'Statens innkjøpssenter', where: 'title row 1' },
      { text: 'Bergen kommune', where: 'tab name' },
    ]);
    expect(r).toEqual({
      kind: null,
      conflict: true,
      evidence: [
        { text: 'Statens innkjøpssenter', where: 'title row 1', kind: 'state', matched: 'Statens …' },
        { text: 'Bergen kommune', where: 'tab name', kind: 'municipal', matched: '… kommune' },
      ],
    });
  });
});

describe('inferJurisdiction on small invented sheets', () => {
  it.each<[string, Parameters<typeof inferJurisdiction>[0], 'NO' | 'SE' | null, boolean]>([
    ['Norwegian headers', { headers: ['Anskaffelse', 'Leverandør', 'Beløp'] }, 'NO', false],
    ['Swedish headers', { headers: ['Upphandling', 'Leverantör', 'Belopp'] }, 'SE', false],
    ['compound headers', { headers: ['Avtaleverdi'] }, 'NO', false],
    ['compound headers, Swedish', { headers: ['Avtalsvärde'] }, 'SE', false],
    ['currency only: MNOK', { headers: ['Name', 'Value'], sampleCells: ['2,5 MNOK'] }, 'NO', false],
    ['currency only: tkr', { headers: ['Name', 'Value (tkr)'] }, 'SE', false],
    ['kr alone says nothing', { headers: ['Name', 'Value'], sampleCells: ['250 000 kr'] }, null, false],
    ['English headers, no evidence', { headers: ['Item', 'Supplier', 'Amount'] }, null, false],
    ['--lang alone is not enough', { headers: ['Item', 'Amount'], lang: 'sv' }, null, false],
    ['--lang breaks no tie against a currency', { headers: ['Item', 'Amount (SEK)'], lang: 'nb' }, 'SE', false],
    ['Norwegian org numbers', { headers: ['Item'], sampleCells: ['974 760 673', '972418005'] }, 'NO', false],
    ['Swedish org numbers', { headers: ['Item'], sampleCells: ['556086-8225'] }, 'SE', false],
    ['a Swedish supplier in a Norwegian plan', { headers: ['Anskaffelse', 'Leverandør', 'Org.nr.', 'Estimert verdi (NOK)'], sampleCells: ['556086-8225'] }, 'NO', false],
    ['Norwegian word, Swedish currency: conflict', { headers: ['Beløp (SEK)'] }, null, true],
    ['Norwegian and Swedish headers alike: conflict', { headers: ['Leverandør', 'Belopp'] }, null, true],
  ])('%s', (_name, input, jurisdiction, conflict) => {
    const r = inferJurisdiction(input);
    expect(r.jurisdiction).toBe(jurisdiction);
    expect(r.conflict).toBe(conflict);
  });

  it('states each piece of evidence with its points', () => {
    const r = inferJurisdiction({ headers: ['Leverandør', 'Beløp i MNOK'], sampleCells: ['974 760 673'], lang: 'nb' });
    expect(r.evidence).toEqual([
      { kind: 'header-language', jurisdiction: 'NO', text: 'leverandør', points: 3 },
      { kind: 'header-language', jurisdiction: 'NO', text: 'beløp', points: 3 },
      { kind: 'currency', jurisdiction: 'NO', text: 'MNOK', points: 4 },
      { kind: 'orgnr-format', jurisdiction: 'NO', text: '974 760 673', points: 1 },
      { kind: 'lang', jurisdiction: 'NO', text: 'nb', points: 1 },
    ]);
  });

  it('an invalid org number is no evidence', () => {
    expect(inferJurisdiction({ headers: ['Item'], sampleCells: ['974 760 674', '556086-8226'] })).toMatchObject({ jurisdiction: null, evidence: [] });
  });
});

/** The bundled samples, read as the CLI reads them: title rows above the header, the header, the rows. */
async function sampleInput(file: string) {
  const read = await readXlsxCells(`samples/${file}`);
  if (!read.ok) throw new Error(`cannot read ${file}`);
  const rows = read.worksheet.cells as readonly (readonly CellValue[])[];
  const headerAt = rows.findIndex((r) => r.filter((c) => roleOfHeader(cellText(c)) !== null).length >= 2);
  return {
    name: read.worksheet.sheet,
    titles: rows.slice(0, headerAt).flatMap((r) => r.map(cellText).filter(Boolean)),
    headers: (rows[headerAt] ?? []).map(cellText),
    cells: rows.slice(headerAt + 1).flatMap((r) => r.map(cellText)),
  };
}

describe('the bundled samples', () => {
  it.each([
    ['innkjopsplan-2027.xlsx', 'NO', 'municipal'],
    ['avtalsregister-2027.xlsx', 'SE', 'municipal'],
  ] as const)('%s → %s, buyer %s', async (file, jurisdiction, buyer) => {
    const s = await sampleInput(file);
    const j = inferJurisdiction({ headers: s.headers, sampleCells: s.cells, tabName: s.name, titleTexts: s.titles });
    expect(j).toMatchObject({ jurisdiction, conflict: false });
    expect(j.evidence.filter((e) => e.jurisdiction !== jurisdiction)).toEqual([]);
    expect(j.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['header-language', 'orgnr-format']));
    // Even with the other country's language set, the sheet decides.
    expect(inferJurisdiction({ headers: s.headers, sampleCells: s.cells, lang: jurisdiction === 'NO' ? 'sv' : 'nb' }).jurisdiction).toBe(jurisdiction);
    const b = inferBuyerKind([...s.titles.map((text, i) => ({ text, where: `title ${i + 1}` })), { text: s.name, where: 'tab name' }]);
    expect(b).toMatchObject({ kind: buyer, conflict: false });
  });
});

describe('what a front end says about an inference, in nb, sv and en', () => {
  const no = inferJurisdiction({ headers: ['Leverandør', 'Beløp i MNOK'], sampleCells: ['974 760 673'] });
  const conflict = inferJurisdiction({ headers: ['Beløp (SEK)'] });
  const none = inferJurisdiction({ headers: ['Item'] });
  it.each([
    ['en', no, 'Jurisdiction NO, inferred from: header words leverandør, beløp; currency MNOK; organisation numbers 974 760 673.'],
    ['nb', no, 'Jurisdiksjon NO, utledet av: ord i overskriftene leverandør, beløp; valuta MNOK; organisasjonsnumre 974 760 673.'],
    ['sv', conflict, 'Indata pekar både mot Norge (ord i rubrikerna beløp) och mot Sverige (valuta SEK). Ange --jurisdiction NO eller SE.'],
    ['en', none, 'Nothing in the input tells whether Norwegian or Swedish rules apply. Give --jurisdiction NO or SE.'],
  ] as const)('%s', (lang, inference, text) => expect(describeJurisdictionInference(translator(lang), inference)).toBe(text));

  it('the buyer kind, and a conflict with both pieces', () => {
    const one = inferBuyerKind([{ text: 'Bærum kommune', where: 'tab name' }])!;
    expect(describeBuyerInference(translator('nb'), one)).toBe('Oppdragsgivertype kommunal eller fylkeskommunal, ut fra «Bærum kommune» (tab name).');
    const both = inferBuyerKind([
      { text: 'Trafikverket', where: 'A1' },
      { text: 'Region Skåne', where: 'A2' },
    ])!;
    expect(describeBuyerInference(translator('sv'), both)).toBe('Indata nämner både en statlig myndighet ("Trafikverket" (A1)) och en kommunal ("Region Skåne" (A2)); typen härleds inte.');
  });
});
