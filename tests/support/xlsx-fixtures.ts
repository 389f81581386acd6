/**
 * Odd and hostile workbooks, built by hand as packages (tests/make-xlsx-fixtures.ts writes the small
 * ones to tests/fixtures/xlsx/; the big hostile ones are built by the tests into a temporary folder).
 * Each is a valid package unless its name says otherwise, with a small procurement plan in it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip, repeatedDeflate, type ZipEntrySpec } from './zip-build.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface TabSpec {
  readonly name: string;
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** Part name; sheetN.xml by default. */
  readonly part?: string;
}

export interface PackageOptions {
  readonly tabs: readonly TabSpec[];
  readonly sharedStrings?: readonly string[] | string;
  /** Relationship targets written absolute (`/xl/…`). */
  readonly absoluteTargets?: boolean;
  readonly macroEnabled?: boolean;
  readonly extraEntries?: readonly ZipEntrySpec[];
  readonly extraContentTypes?: string;
  readonly extraWorkbookRels?: string;
  readonly workbookExtra?: string;
  readonly date1904?: boolean;
  /** Reorders the entries before they are zipped (zip order is not fixed by OPC). */
  readonly order?: (entries: ZipEntrySpec[]) => ZipEntrySpec[];
}

export function sheetXml(rows: string): string {
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`;
}

export function sstXml(strings: readonly string[]): string {
  return `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t xml:space="preserve">${s}</t></si>`)).join('')}</sst>`;
}

export function packageEntries(options: PackageOptions): ZipEntrySpec[] {
  const target = (part: string) => (options.absoluteTargets ? `/xl/${part}` : part);
  const parts = options.tabs.map((t, i) => t.part ?? `worksheets/sheet${i + 1}.xml`);
  const mainType = options.macroEnabled ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const sst = options.sharedStrings === undefined ? null : typeof options.sharedStrings === 'string' ? options.sharedStrings : sstXml(options.sharedStrings);
  const entries: ZipEntrySpec[] = [
    {
      name: '[Content_Types].xml',
      data:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>` +
        parts.map((p) => `<Override PartName="/xl/${p}" ContentType="${CT_SHEET}"/>`).join('') +
        (sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        (options.extraContentTypes ?? '') +
        '</Types>',
    },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${options.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${options.tabs.map((t, i) => `<sheet name="${t.name}" sheetId="${i + 1}"${t.state ? ` state="${t.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets>${options.workbookExtra ?? ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `${XML}<Relationships xmlns="${PKG_REL}">` +
        parts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(p)}"/>`).join('') +
        (sst ? `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="${target('sharedStrings.xml')}"/>` : '') +
        (options.extraWorkbookRels ?? '') +
        '</Relationships>',
    },
    ...options.tabs.map((t, i) => ({ name: `xl/${parts[i]}`, data: t.xml })),
    ...(sst ? [{ name: 'xl/sharedStrings.xml', data: sst }] : []),
    ...(options.extraEntries ?? []),
  ];
  return options.order ? options.order(entries) : entries;
}

export function buildPackage(options: PackageOptions): Buffer {
  return buildZip(packageEntries(options));
}

/** A small plan: header on row 1, two rows; text through the shared strings. */
const PLAN_STRINGS = ['Beskrivelse', 'Estimert verdi', 'Renhold skole', 'Kantine'];
const PLAN_ROWS = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>90000</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>2500000</v></c></row>';

export const FIXTURES: Readonly<Record<string, () => Buffer>> = {
  /** sharedStrings.xml stored after the worksheet (exceljs' streaming reader lost every text). */
  'sst-after-sheet.xlsx': () =>
    buildPackage({
      tabs: [{ name: 'Plan', xml: sheetXml(PLAN_ROWS) }],
      sharedStrings: PLAN_STRINGS,
      order: (entries) => [...entries.filter((e) => !e.name.includes('sharedStrings')), ...entries.filter((e) => e.name.includes('sharedStrings'))],
    }),
  /** A hidden first tab and parts stored in another order than the tabs: "Plan" is the first visible tab. */
  'tabs-hidden-out-of-order.xlsx': () =>
    buildPackage({
      tabs: [
        { name: 'Skjult', state: 'hidden', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Skjult</t></is></c></row>'), part: 'worksheets/sheet3.xml' },
        { name: 'Plan', xml: sheetXml(PLAN_ROWS), part: 'worksheets/sheet2.xml' },
        { name: 'Andre', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Andre</t></is></c></row>'), part: 'worksheets/sheet1.xml' },
      ],
      sharedStrings: PLAN_STRINGS,
      order: (entries) => [...entries].sort((a, b) => b.name.localeCompare(a.name)),
    }),
  /** Every relationship target absolute (`/xl/…`), as some generators write them. */
  'absolute-targets.xlsx': () => buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(PLAN_ROWS) }], sharedStrings: PLAN_STRINGS, absoluteTargets: true }),
  /** Rows and cells without `r` (valid: each follows the previous one), then a sparse row 10 with a cell in AA. */
  'no-r-attributes.xlsx': () =>
    buildPackage({
      tabs: [
        {
          name: 'Plan',
          xml: sheetXml(
            '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c t="s"><v>2</v></c><c><v>90000</v></c></row><row r="10"><c r="A10" t="inlineStr"><is><t>Langt nede</t></is></c><c r="AA10"><v>7</v></c></row><row><c/><c><v>1</v></c></row>',
          ),
        },
      ],
      sharedStrings: PLAN_STRINGS,
    }),
  /** Every kind of cell value. */
  'cell-kinds.xlsx': () =>
    buildPackage({
      tabs: [
        {
          name: 'Plan',
          xml: sheetXml(
            '<row r="1">' +
              '<c r="A1" t="s"><v>0</v></c>' + // rich text with a phonetic guide
              '<c r="B1" t="inlineStr"><is><r><t>Inline </t></r><r><rPr><b/></rPr><t>rik</t></r></is></c>' +
              '<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>' +
              '<c r="E1" s="1"><v>46023</v></c>' + // a date as Excel stores it
              '<c r="F1"><f>SUM(1,2)</f><v>3</v></c>' +
              '<c r="G1"><f>SUM(1,2)</f></c>' + // saved without its result
              '<c r="H1" t="e"><f>#REF!+1</f><v>#REF!</v></c>' +
              '<c r="I1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
              '<c r="J1" t="s"><v>1</v></c>' + // escapes
              '<c r="K1"><f>B2*0</f><v>0</v></c>' + // a cached 0 is 0
              '<c r="L1" t="str"><f>A1</f></c>' +
              '</row>',
          ),
        },
      ],
      sharedStrings: ['<r><t>Rik </t></r><r><rPr><i/></rPr><t>tekst</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>', 'Linje 1_x000D_\nLinje 2 &amp; &lt;3&gt; &#229;'],
    }),
  /** A row numbered past Excel's last row (the old reader ran out of memory on it). */
  'row-50-million.xlsx': () => buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(`${PLAN_ROWS}<row r="50000000"><c r="A50000000"><v>1</v></c></row>`) }], sharedStrings: PLAN_STRINGS }),
  /** A cell past Excel's last column XFD. */
  'column-past-xfd.xlsx': () => buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(`${PLAN_ROWS}<row r="4"><c r="XFE4"><v>1</v></c></row>`) }], sharedStrings: PLAN_STRINGS }),
  /** Every tab hidden. */
  'all-hidden.xlsx': () => buildPackage({ tabs: [{ name: 'Skjult', state: 'hidden', xml: sheetXml(PLAN_ROWS) }], sharedStrings: PLAN_STRINGS }),
  /** A shared string index past the table. */
  'bad-shared-string.xlsx': () => buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>99</v></c></row>') }], sharedStrings: PLAN_STRINGS }),
  /** A zip without a workbook. */
  'no-workbook.xlsx': () => buildZip([{ name: 'hello.txt', data: 'not a workbook' }]),
  /**
   * A macro-enabled workbook with the parts an edit must keep: a VBA project, a drawing with a chart,
   * custom XML with its properties, document properties and a defined name.
   */
  'extras.xlsm': () =>
    buildPackage({
      macroEnabled: true,
      tabs: [{ name: 'Plan', xml: `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${PLAN_ROWS}</sheetData><drawing r:id="rId1"/></worksheet>` }],
      sharedStrings: PLAN_STRINGS,
      workbookExtra: '<definedNames><definedName name="Verdier">Plan!$B$2:$B$3</definedName></definedNames>',
      extraWorkbookRels: `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
      extraContentTypes:
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
      extraEntries: [
        { name: 'xl/vbaProject.bin', data: Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256)) },
        { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>` },
        {
          name: 'xl/drawings/drawing1.xml',
          data: `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
        },
        { name: 'xl/drawings/_rels/drawing1.xml.rels', data: `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>` },
        {
          name: 'xl/charts/chart1.xml',
          data: `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Plan!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
        },
        { name: 'customXml/item1.xml', data: `${XML}<inkludoTest xmlns="urn:example:custom">Egen XML</inkludoTest>` },
        { name: 'customXml/itemProps1.xml', data: `${XML}<ds:datastoreItem ds:itemID="{6A9C0E0B-1D7C-4F43-9C35-6A1C6E4E9B11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>` },
        { name: 'customXml/_rels/item1.xml.rels', data: `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>` },
        { name: 'docProps/core.xml', data: `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Inkludo tests</dc:creator></cp:coreProperties>` },
      ],
    }),
};

// ── the big hostile files, built where the tests need them ─────────────────────────────────────────

const GIB = 1024 * 1024 * 1024;

/** A sheet part that inflates to 2 GB of spaces; `declared` is the size its headers state. */
export function bomb(declared: 'honest' | 'lying'): Buffer {
  const spaces = repeatedDeflate(' ', 1024 * 1024, 2048);
  const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const entries = packageEntries({ tabs: [{ name: 'Plan', xml: head }] }).map((e) =>
    e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, deflated: spaces.deflated, declaredSize: declared === 'honest' ? 2 * GIB - 1 : 10_000, crc: 0 } : e,
  );
  return buildZip(entries);
}

/** A cell whose text never ends (8 MB of it, inside a sheet of honest size). */
export function endlessCell(): Buffer {
  const text = 'x'.repeat(8 * 1024 * 1024);
  return buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}`) }] });
}

/** 10 000 tabs, the plan on the last visible one after 9 999 hidden ones. */
export function manySheets(count = 10_000): Buffer {
  const tabs: TabSpec[] = [];
  for (let i = 1; i < count; i++) tabs.push({ name: `Ark ${i}`, state: 'hidden', xml: sheetXml('') });
  tabs.push({ name: 'Plan', xml: sheetXml(PLAN_ROWS) });
  return buildPackage({ tabs, sharedStrings: PLAN_STRINGS });
}

/** A shared strings table of a million entries, the plan's text among them. */
export function millionStrings(count = 1_000_000): Buffer {
  const parts: string[] = [...PLAN_STRINGS];
  for (let i = parts.length; i < count; i++) parts.push(`Tekst nummer ${i}`);
  return buildPackage({ tabs: [{ name: 'Plan', xml: sheetXml(PLAN_ROWS) }], sharedStrings: parts });
}

/** A sheet part that ends inside a cell: what was cut off must not vanish without a word. */
export function cutOff(): Buffer {
  return buildPackage({ tabs: [{ name: 'Plan', xml: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2' }] });
}

/** Writes each workbook of `builds` into `dir` under its name; their paths by name. */
export function writeWorkbooks(dir: string, builds: Readonly<Record<string, () => Buffer>>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, make] of Object.entries(builds)) writeFileSync((paths[name] = join(dir, name)), make());
  return paths;
}
