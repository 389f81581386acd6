/**
 * The results worksheet of `--out`, in the add-in's look (addin/office/write-results.ts): note lines
 * on top, a bold header frozen under them, column A a link back to the checked row, user text kept as
 * text, amounts with a number format, the status column coloured by conditional formats. Strings
 * are written inline, so the input's shared strings part is copied untouched; the styles it needs
 * are appended to the input's styles part (stylesPatch).
 */
import { columnLetters, quoteSheetName } from '../../addin/office/a1.ts';
import { textBytes, type ByteSink } from '../../core/byte-sink.ts';
import type { Utf8Piece } from '../utf8-batches.ts';
import { escapeXml, escapeXmlText } from './xml.ts';

/**
 * A cell's text given as parts, written with the table's `partSeparator` between two (a row's
 * explanation: its findings' texts). Each distinct part is escaped and encoded once, however many
 * cells repeat it (100 000 rows: 67 MB of explanations from 5 000 texts).
 */
export interface TextParts {
  readonly parts: readonly string[];
}

export type ResultCell = string | number | null | TextParts;

/** A piece of the sheet's XML: text, bytes encoded already (in parts), or a writer of a row's bytes. */
export type XmlPiece = Utf8Piece;

export type ResultColumnKind = 'link' | 'text' | 'userText' | 'amount' | 'status' | 'longText';

export interface ResultColumn {
  readonly header: string;
  readonly kind: ResultColumnKind;
  /** Width in characters. */
  readonly width: number;
}

export interface ResultRow {
  /** The 1-based row of the checked sheet that column A links to. */
  readonly sourceRow: number;
  readonly cells: readonly ResultCell[];
}

export interface ResultTable {
  /** The name wanted for the results sheet; a free variant is taken when the workbook has it. */
  readonly sheetName: string;
  /** Lines shown above the table (what was checked, the assumptions made). */
  readonly notes: readonly string[];
  readonly columns: readonly ResultColumn[];
  /** Made as they are written (a large sheet's messages never sit in memory all at once). */
  readonly rows: Iterable<ResultRow>;
  readonly rowCount: number;
  /** The status words the conditional formats colour, in the table's language. */
  readonly statusWords: { readonly error: string; readonly warning: string };
  /** Between two parts of a cell given as TextParts. */
  readonly partSeparator: string;
}

/** The styles the sheet uses, as offsets from the first cellXfs/dxfs entry stylesPatch adds. */
const XF = { header: 0, note: 1, link: 2, text: 3, userText: 4, amount: 5, longText: 6 } as const;
const DXF = { error: 0, warning: 1 } as const;

export interface StyleBase {
  readonly xf: number;
  readonly dxf: number;
}

function xfOf(kind: ResultColumnKind): number {
  switch (kind) {
    case 'link':
      return XF.link;
    case 'userText':
      return XF.userText;
    case 'amount':
      return XF.amount;
    case 'longText':
      return XF.longText;
    default:
      return XF.text;
  }
}

function cell(ref: string, value: string | number | null, style: number): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is>${inlineText(value)}</is></c>`;
}

const SPACE = /\s/;
const encoder = new TextEncoder();

/** `<t>` or, where the text starts or ends with white space, one that keeps it (Excel trims it otherwise). */
function openText(spaceAtEnds: boolean): string {
  return spaceAtEnds ? '<t xml:space="preserve">' : '<t>';
}

/** `<t>`, keeping leading and trailing spaces where there are any. */
export function inlineText(value: string): string {
  // Only the ends are looked at: a pattern ending in `\s$` would try every space of a long text.
  return `${openText(SPACE.test(value.charAt(0)) || SPACE.test(value.charAt(value.length - 1)))}${escapeXmlText(value)}</t>`;
}

/** A part of a cell's text, escaped and encoded once for the many cells that repeat it. */
interface EncodedPart {
  readonly bytes: Uint8Array;
  /** Whether the text starts or ends with white space (the cell must then keep its spaces). */
  readonly spaceAtStart: boolean;
  readonly spaceAtEnd: boolean;
}

function encodedPart(text: string): EncodedPart {
  return { bytes: encoder.encode(escapeXmlText(text)), spaceAtStart: SPACE.test(text.charAt(0)), spaceAtEnd: SPACE.test(text.charAt(text.length - 1)) };
}

/** Distinct parts kept encoded at most (a sheet's findings have a few thousand texts); past it the cache starts again. */
const KEPT_PARTS = 65_536;

/**
 * The writer of cells given as parts: each cell's parts as encoded bytes with the separator between
 * two (an empty piece is not written), and whether the text has white space at an end.
 */
function partsWriter(separatorText: string): (cell: TextParts) => { readonly pieces: readonly Uint8Array[]; readonly spaceAtEnds: boolean } {
  const separator = encodedPart(separatorText);
  const kept = new Map<string, EncodedPart>();
  const partOf = (text: string) => {
    let part = kept.get(text);
    if (part === undefined) {
      if (kept.size >= KEPT_PARTS) kept.clear();
      kept.set(text, (part = encodedPart(text)));
    }
    return part;
  };
  return ({ parts }) => {
    const pieces: Uint8Array[] = [];
    let first: EncodedPart | undefined;
    let last: EncodedPart | undefined;
    for (let i = 0; i < 2 * parts.length - 1; i++) {
      // Even places hold the parts, odd ones the separator.
      const piece = i % 2 === 0 ? partOf(parts[i / 2] as string) : separator;
      if (piece.bytes.length === 0) continue;
      pieces.push(piece.bytes);
      first ??= piece;
      last = piece;
    }
    return { pieces, spaceAtEnds: (first?.spaceAtStart ?? false) || (last?.spaceAtEnd ?? false) };
  };
}

/** `=HYPERLINK("#'Plan'!A12",12)` with its result cached, as the add-in writes column A. */
function linkCell(ref: string, sourceSheet: string, row: ResultRow, style: number): string {
  const shownCell = row.cells[0];
  const display = typeof shownCell === 'string' || typeof shownCell === 'number' ? shownCell : row.sourceRow;
  const target = `#${quoteSheetName(sourceSheet)}!A${row.sourceRow}`.replace(/"/g, '""');
  const shown = typeof display === 'number' ? String(display) : `"${String(display).replace(/"/g, '""')}"`;
  const cached = typeof display === 'number' ? `<v>${display}</v>` : `<v>${escapeXmlText(String(display))}</v>`;
  return `<c r="${ref}" s="${style}"${typeof display === 'number' ? '' : ' t="str"'}><f>${escapeXmlText(`HYPERLINK("${target}",${shown})`)}</f>${cached}</c>`;
}

/** Distinct texts a column keeps encoded at most: a column of unique texts (descriptions) is written as it comes. */
const KEPT_CELLS_PER_COLUMN = 4096;

/**
 * The writer of the table's rows as bytes. The texts most cells hold recur (status words, labels,
 * codes, a supplier's name and registry): such a cell is escaped and encoded once per column, with
 * its markup, and copied after its reference. A 100 000-row sheet is 160 MB of XML, and escaping and
 * encoding each cell again cost a third of writing it.
 */
function rowWriter(table: ResultTable, sourceSheet: string, styleOf: (column: number) => number): (row: ResultRow, r: number, out: ByteSink) => void {
  const bytes = textBytes();
  const ROW = bytes('<row r="');
  const ROW_OPEN_END = bytes('">');
  const ROW_END = bytes('</row>');
  const VALUE_END = bytes('</v></c>');
  const TEXT_END = bytes('</t></is></c>');
  const columns = table.columns.map((column, c) => {
    const style = styleOf(c);
    return {
      kind: column.kind,
      // `<c r="B` before the row number, each way a cell's value goes after it.
      open: bytes(`<c r="${columnLetters(c)}`),
      number: bytes(`" s="${style}"><v>`),
      encodedOpen: [bytes(`" s="${style}" t="inlineStr"><is>${openText(false)}`), bytes(`" s="${style}" t="inlineStr"><is>${openText(true)}`)] as const,
      /** Its texts encoded with their markup; null once it is full and none came twice (a column of unique texts). */
      texts: new Map<string, Uint8Array>() as Map<string, Uint8Array> | null,
      repeated: false,
      textTail: (text: string) => `" s="${style}" t="inlineStr"><is>${inlineText(text)}</is></c>`,
    };
  });
  // Column A as the CLI makes it, a link showing the row's number: the markup around the number
  // once (escaping the part before it alone escapes it alike: no escape reaches past its quote).
  const linkTarget = `#${quoteSheetName(sourceSheet)}!A`.replace(/"/g, '""');
  const LINK_FORMULA = bytes(`" s="${styleOf(0)}"><f>${escapeXmlText(`HYPERLINK("${linkTarget}`)}`);
  const LINK_SHOWN = bytes('",');
  const LINK_VALUE = bytes(')</f><v>');
  const partsOf = partsWriter(table.partSeparator);

  return (row, r, out) => {
    const rowNumber = String(r);
    out.bytes(ROW);
    out.ascii(rowNumber);
    out.bytes(ROW_OPEN_END);
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as (typeof columns)[number];
      const value = row.cells[c] ?? null;
      if (c === 0 && column.kind === 'link') {
        if (row.cells[0] === row.sourceRow) {
          const source = String(row.sourceRow);
          out.bytes(column.open);
          out.ascii(rowNumber);
          out.bytes(LINK_FORMULA);
          out.ascii(source);
          out.bytes(LINK_SHOWN);
          out.ascii(source);
          out.bytes(LINK_VALUE);
          out.ascii(source);
          out.bytes(VALUE_END);
        } else out.text(linkCell(`A${rowNumber}`, sourceSheet, row, styleOf(0)));
        continue;
      }
      if (value === null || value === '') continue;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue;
        out.bytes(column.open);
        out.ascii(rowNumber);
        out.bytes(column.number);
        out.ascii(String(value));
        out.bytes(VALUE_END);
      } else if (typeof value === 'string') {
        const texts = column.texts;
        let tail = texts?.get(value);
        if (tail !== undefined) column.repeated = true;
        else if (texts && texts.size < KEPT_CELLS_PER_COLUMN) texts.set(value, (tail = bytes(column.textTail(value))));
        // A full column that never repeated a text is not looked in again (its texts do not repeat: a look-up would only cost).
        else if (texts && !column.repeated) column.texts = null;
        out.bytes(column.open);
        out.ascii(rowNumber);
        if (tail) out.bytes(tail);
        else out.text(column.textTail(value));
      } else {
        const { pieces, spaceAtEnds } = partsOf(value);
        // An empty text is not written.
        if (pieces.length === 0) continue;
        // The markup around the cell as bytes, its parts' encoded texts as they are.
        out.bytes(column.open);
        out.ascii(rowNumber);
        out.bytes(column.encodedOpen[spaceAtEnds ? 1 : 0]);
        for (let i = 0; i < pieces.length; i++) out.bytes(pieces[i] as Uint8Array);
        out.bytes(TEXT_END);
      }
    }
    out.bytes(ROW_END);
  };
}

/** The worksheet XML in pieces (a row per piece), so 100 000 rows never sit in one string. */
export function* resultSheetXml(table: ResultTable, sourceSheet: string, styles: StyleBase): Generator<XmlPiece> {
  const s = (offset: number) => styles.xf + offset;
  const headerRow = table.notes.length === 0 ? 1 : table.notes.length + 2;
  const lastRow = headerRow + table.rowCount;
  const lastColumn = columnLetters(Math.max(0, table.columns.length - 1));
  const statusIndex = table.columns.findIndex((c) => c.kind === 'status');
  const head = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="A1:${lastColumn}${lastRow}"/>`,
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
  ];
  yield head.join('');
  let notes = '';
  table.notes.forEach((note, i) => (notes += `<row r="${i + 1}">${cell(`A${i + 1}`, note, s(XF.note))}</row>`));
  yield notes + `<row r="${headerRow}">${table.columns.map((c, i) => cell(`${columnLetters(i)}${headerRow}`, c.header, s(XF.header))).join('')}</row>`;
  const cellStyles = table.columns.map((c) => s(xfOf(c.kind)));
  const writeRow = rowWriter(table, sourceSheet, (c) => cellStyles[c] ?? 0);
  let r = headerRow;
  for (const row of table.rows) {
    const at = ++r;
    yield (out) => writeRow(row, at, out);
  }
  yield '</sheetData>';
  if (statusIndex >= 0 && table.rowCount > 0) {
    const col = columnLetters(statusIndex);
    const first = `${col}${headerRow + 1}`;
    const rule = (word: string, dxf: number, priority: number) =>
      `<cfRule type="containsText" dxfId="${styles.dxf + dxf}" priority="${priority}" operator="containsText" text="${escapeXml(word)}"><formula>${escapeXmlText(`NOT(ISERROR(SEARCH("${word.replace(/"/g, '""')}",${first})))`)}</formula></cfRule>`;
    yield `<conditionalFormatting sqref="${first}:${col}${lastRow}">${rule(table.statusWords.error, DXF.error, 1)}${rule(table.statusWords.warning, DXF.warning, 2)}</conditionalFormatting>`;
  }
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

// ── styles ──────────────────────────────────────────────────────────────────────────────────────────

const STYLES_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A styles part with only the defaults Excel requires (for a workbook made from a .csv). */
export const MINIMAL_STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${STYLES_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

// The order of a styleSheet's children (CT_Stylesheet): a missing list is inserted before the next one.
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

interface Section {
  readonly start: number;
  /** Where new children go (before the end tag), or -1 when the list is an empty tag. */
  readonly insertAt: number;
  readonly end: number;
  readonly children: number;
  readonly inner: string;
}

function findSection(xml: string, p: string, name: string, child: string): Section | null {
  const open = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/') return { start: open.index, insertAt: -1, end: open.index + open[0].length, children: 0, inner: '' };
  const closeTag = `</${p}${name}>`;
  const close = xml.indexOf(closeTag, open.index);
  if (close < 0) return null;
  const inner = xml.slice(open.index + open[0].length, close);
  const children = (inner.match(new RegExp(`<${p}${child}(?=[\\s/>])`, 'g')) ?? []).length;
  return { start: open.index, insertAt: close, end: close + closeTag.length, children, inner };
}

/** Adds `added` children to list `name`, creating the list where the schema puts it; count updated. */
function appendToSection(xml: string, p: string, name: string, child: string, added: readonly string[]): { xml: string; first: number } {
  const section = findSection(xml, p, name, child);
  const body = added.join('');
  if (section && section.insertAt >= 0) {
    const openEnd = xml.indexOf('>', section.start) + 1;
    const openTag = xml.slice(section.start, openEnd);
    const total = section.children + added.length;
    const newOpen = /\scount="\d*"/.test(openTag) ? openTag.replace(/\scount="\d*"/, ` count="${total}"`) : openTag.replace(/(\/?>)$/, ` count="${total}"$1`);
    return { xml: xml.slice(0, section.start) + newOpen + xml.slice(openEnd, section.insertAt) + body + xml.slice(section.insertAt), first: section.children };
  }
  const list = `<${p}${name} count="${added.length}">${body}</${p}${name}>`;
  if (section) return { xml: xml.slice(0, section.start) + list + xml.slice(section.end), first: 0 };
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)
    .map((n) => new RegExp(`<${p}${n}(?=[\\s/>])`).exec(xml)?.index ?? -1)
    .find((i) => i >= 0);
  const at = later ?? xml.lastIndexOf(`</${p}styleSheet>`);
  return { xml: xml.slice(0, at) + list + xml.slice(at), first: 0 };
}

/**
 * The input's styles part with the results sheet's fonts, cell formats and conditional formats
 * appended (existing entries keep their indexes, so every existing cell looks the same).
 */
export function stylesPatch(stylesXml: string): { xml: string; base: StyleBase } {
  const root = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(stylesXml);
  const p = root?.[1] ?? '';
  const fonts = findSection(stylesXml, p, 'fonts', 'font');
  // The workbook's default font with the emphasis wanted, so sizes and faces match the input.
  const firstFont = fonts ? (new RegExp(`<${p}font(?:\\s[^>]*)?>([\\s\\S]*?)</${p}font>`).exec(fonts.inner)?.[1] ?? '') : '';
  const plain = firstFont.replace(new RegExp(`<${p}(?:b|i|u|color)(?:\\s[^>]*)?/>`, 'g'), '');
  const withFonts = appendToSection(stylesXml, p, 'fonts', 'font', [
    `<${p}font><${p}b/>${plain}</${p}font>`,
    `<${p}font><${p}i/>${plain}</${p}font>`,
    `<${p}font><${p}u/><${p}color rgb="FF0563C1"/>${plain}</${p}font>`,
  ]);
  const f = withFonts.first;
  const xf = (numFmt: number, font: number, extra = '') =>
    `<${p}xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"${extra ? ' applyAlignment="1">' + extra + `</${p}xf>` : '/>'}`;
  const withXfs = appendToSection(withFonts.xml, p, 'cellXfs', 'xf', [
    xf(0, f),
    xf(0, f + 1),
    xf(1, f + 2),
    xf(0, 0, `<${p}alignment vertical="top"/>`),
    xf(49, 0, `<${p}alignment vertical="top"/>`),
    xf(4, 0, `<${p}alignment vertical="top"/>`),
    xf(0, 0, `<${p}alignment wrapText="1" vertical="top"/>`),
  ]);
  // The add-in's fills: dark text on a light fill keeps a contrast of at least 4.5:1.
  const dxf = (font: string, fill: string) =>
    `<${p}dxf><${p}font><${p}color rgb="${font}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
  const withDxfs = appendToSection(withXfs.xml, p, 'dxfs', 'dxf', [dxf('FF58151C', 'FFF8D7DA'), dxf('FF664D03', 'FFFFF3CD')]);
  return { xml: withDxfs.xml, base: { xf: withXfs.first, dxf: withDxfs.first } };
}
