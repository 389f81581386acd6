/**
 * `--out` as a package edit. Every part of the input is copied as stored (byte for byte, still
 * compressed); the results worksheet is added as one new part; workbook.xml, its relationships,
 * [Content_Types].xml and the styles part get the entries for it and nothing else changes, so charts,
 * drawings, VBA projects, custom XML, defined names and the input's formatting survive exactly. The
 * workbook's content type is kept (macro-enabled for .xlsm). A .csv input becomes a new workbook
 * with the data sheet, then gets the same edit.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CellValue } from '../../core/index.ts';
import { columnLetters } from '../../addin/office/a1.ts';
import { XlsxError } from './errors.ts';
import { MAX_SMALL_PART_BYTES } from './limits.ts';
import { REL_STYLES, hasType, parseRelationships, readWorkbookPackage, relsPartOf } from './package.ts';
import { deflatedHere, type DeflatedPart, type PartWritten } from './deflated-part.ts';
import { MINIMAL_STYLES_XML, inlineText, stylesPatch, type StyleBase } from './results-sheet.ts';
import { attribute, escapeXml, escapeXmlText, startTags } from './xml.ts';
import { ZipWriter } from './zip-writer.ts';
import { ZipArchive } from './zip.ts';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE_WORKSHEET = `${NS_REL}/worksheet`;
const REL_TYPE_STYLES = `${NS_REL}/styles`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const EXCEL_SHEET_NAME_MAX = 31;

/** What the edit needs to know about the package it adds to. */
interface PackageInfo {
  readonly partNames: readonly string[];
  readonly contentTypesXml: string;
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly relsXml: string;
  readonly stylesPart: string | null;
  readonly stylesXml: string | null;
  readonly tabs: readonly { readonly name: string; readonly sheetId: number }[];
}

interface Edit {
  /** Parts whose content the edit replaces. */
  readonly replaced: ReadonlyMap<string, string>;
  /** New parts other than the results sheet (a styles part, where the input has none). */
  readonly added: readonly { readonly name: string; readonly xml: string }[];
  /** The results sheet's part, its name in the workbook, and the styles its cells refer to. */
  readonly sheetPart: string;
  readonly sheetName: string;
  readonly styles: StyleBase;
}

/** A copy under way: its results sheet's name, and the writing, done once the copy is in place. */
export interface CopyUnderWay {
  readonly sheetName: string;
  readonly written: Promise<void>;
}

/** The results sheet's part, made once the styles its cells refer to are known. */
export type ResultsSheetMaker = (styles: StyleBase) => DeflatedPart;

/** The first of `wanted`, `wanted 2`, … that no tab has (Excel compares names without case). */
function freeSheetName(tabs: PackageInfo['tabs'], wanted: string): string {
  const taken = new Set(tabs.map((t) => t.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` ${n}`;
    const name = wanted.slice(0, EXCEL_SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function freeName(taken: (name: string) => boolean, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(make(n))) return make(n);
}

/** `text` inserted before the closing tag of `element` (any prefix); bad-xml when there is none. */
function insertBeforeClose(xml: string, element: string, text: (prefix: string) => string, part: string): string {
  const close = new RegExp(`</([A-Za-z_][\\w.-]*:)?${element}>`).exec(xml);
  if (close) return xml.slice(0, close.index) + text(close[1] ?? '') + xml.slice(close.index);
  // An empty list written as one tag: <sheets/>.
  const empty = new RegExp(`<([A-Za-z_][\\w.-]*:)?${element}(\\s[^>]*)?/>`).exec(xml);
  if (!empty) throw new XlsxError('bad-xml', { part, detail: `<${element}>` });
  const p = empty[1] ?? '';
  return xml.slice(0, empty.index) + `<${p}${element}${empty[2] ?? ''}>${text(p)}</${p}${element}>` + xml.slice(empty.index + empty[0].length);
}

/** The part name a relationship target points at, relative to the workbook's folder. */
function relativeToWorkbook(workbookPart: string, part: string): string {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  return part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
}

function planEdit(info: PackageInfo, wantedSheetName: string): Edit {
  // sheetN.xml: some readers (exceljs among them) only find worksheets named so.
  const lower = new Set(info.partNames.map((n) => n.toLowerCase()));
  const folder = info.workbookPart.slice(0, info.workbookPart.lastIndexOf('/') + 1);
  const sheetPart = freeName((n) => lower.has(n.toLowerCase()), (n) => `${folder}worksheets/sheet${n}.xml`);
  const rels = parseRelationships(info.relsXml, info.workbookPart);
  const relId = freeName((id) => rels.some((r) => r.id === id), (n) => `rIdInkludo${n}`);
  const sheetName = freeSheetName(info.tabs, wantedSheetName);
  const sheetId = info.tabs.reduce((max, t) => Math.max(max, Number.isFinite(t.sheetId) ? t.sheetId : 0), 0) + 1;

  const replaced = new Map<string, string>();
  const added: { name: string; xml: string }[] = [];

  // Styles: the input's part with entries appended, or a new part when it has none.
  let stylesPart = info.stylesPart;
  let relsXml = info.relsXml;
  let contentTypes = info.contentTypesXml;
  const styles = stylesPatch(info.stylesXml ?? MINIMAL_STYLES_XML);
  if (stylesPart === null) {
    stylesPart = freeName((n) => lower.has(n.toLowerCase()), (n) => `${folder}styles${n === 1 ? '' : n}.xml`);
    const stylesRelId = freeName((id) => id === relId || rels.some((r) => r.id === id), (n) => `rIdInkludoStyles${n}`);
    relsXml = insertBeforeClose(relsXml, 'Relationships', (p) => `<${p}Relationship Id="${stylesRelId}" Type="${REL_TYPE_STYLES}" Target="${escapeXml(relativeToWorkbook(info.workbookPart, stylesPart as string))}"/>`, relsPartOf(info.workbookPart));
    contentTypes = insertBeforeClose(contentTypes, 'Types', (p) => `<${p}Override PartName="/${escapeXml(stylesPart as string)}" ContentType="${CT_STYLES}"/>`, '[Content_Types].xml');
    added.push({ name: stylesPart, xml: styles.xml });
  } else replaced.set(stylesPart, styles.xml);

  relsXml = insertBeforeClose(relsXml, 'Relationships', (p) => `<${p}Relationship Id="${relId}" Type="${REL_TYPE_WORKSHEET}" Target="${escapeXml(relativeToWorkbook(info.workbookPart, sheetPart))}"/>`, relsPartOf(info.workbookPart));
  contentTypes = insertBeforeClose(contentTypes, 'Types', (p) => `<${p}Override PartName="/${escapeXml(sheetPart)}" ContentType="${CT_WORKSHEET}"/>`, '[Content_Types].xml');
  // The relationships namespace under the prefix the workbook already binds, else declared here.
  const bound = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${NS_REL.replace(/[./]/g, '\\$&')}"`).exec(info.workbookXml)?.[1];
  const idAttribute = bound ? `${bound}:id="${relId}"` : `r:id="${relId}" xmlns:r="${NS_REL}"`;
  const workbookXml = insertBeforeClose(info.workbookXml, 'sheets', (p) => `<${p}sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}" ${idAttribute}/>`, info.workbookPart);

  replaced.set(info.workbookPart, workbookXml);
  replaced.set(relsPartOf(info.workbookPart), relsXml);
  replaced.set('[Content_Types].xml', contentTypes);
  return { replaced, added, sheetPart, sheetName, styles: styles.base };
}

/** The content type of the workbook part, from [Content_Types].xml. */
function workbookContentType(contentTypesXml: string, workbookPart: string): string {
  const override = startTags(contentTypesXml, 'Override').find((tag) => (attribute(tag, 'PartName') ?? '').toLowerCase() === `/${workbookPart}`.toLowerCase());
  return override ? (attribute(override, 'ContentType') ?? '') : '';
}

/** Moves the written temporary file into place: without `force` by a hard link, which fails when `out` has appeared meanwhile, so nothing is ever replaced unasked. */
async function moveIntoPlace(temp: string, out: string, force: boolean): Promise<void> {
  if (force) return rename(temp, out);
  try {
    await link(temp, out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Filesystems without hard links: the existence check made before writing stands.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    await rename(temp, out);
  }
}

/**
 * Starts writing the edited package to a temporary file next to `out` (a folder that cannot take it
 * fails here, before anything else is made): every part but the results sheet is written, then the
 * results sheet is started where it goes. `written` ends once it is written and the temporary file
 * is moved into place; the file is removed on any failure, signal or early exit. The input is
 * read no more once this returns.
 */
async function startWriting(out: string, force: boolean, edit: Edit, names: readonly string[], copy: (name: string, writer: ZipWriter) => Promise<void>, resultsSheet: ResultsSheetMaker): Promise<CopyUnderWay> {
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  const writer = await ZipWriter.create(temp);
  const removeTemp = () => rmSync(temp, { force: true });
  // Interrupted (Ctrl-C, kill), or ended while the copy is under way (a closed pipe): the
  // half-written temporary file goes too.
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', removeTemp);
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', removeTemp);
  };
  const failed = async (error: unknown) => {
    release();
    await writer.abort();
    await unlink(temp).catch(() => undefined);
    throw error;
  };
  let sheet: Promise<PartWritten>;
  try {
    for (const name of names) {
      const replacement = edit.replaced.get(name);
      if (replacement === undefined) await copy(name, writer);
      else await writer.addDeflated(name, deflatedHere([replacement]));
    }
    for (const part of edit.added) await writer.addDeflated(part.name, deflatedHere([part.xml]));
    sheet = resultsSheet(edit.styles)(await writer.beginDeflated(edit.sheetPart));
  } catch (error) {
    return failed(error);
  }
  const written = (async () => {
    await writer.endDeflated(await sheet);
    await writer.finish();
    await moveIntoPlace(temp, out, force);
    release();
    await unlink(temp).catch(() => undefined);
  })().catch(failed);
  return { sheetName: edit.sheetName, written };
}

/** Whether the workbook at `input` is macro-enabled, for the extension check made before any work. */
export async function isMacroEnabled(input: string): Promise<boolean> {
  const zip = await ZipArchive.open(input);
  try {
    const pkg = await readWorkbookPackage(zip);
    const ct = zip.get('[Content_Types].xml');
    return ct ? /macroEnabled/i.test(workbookContentType(await zip.text(ct, MAX_SMALL_PART_BYTES), pkg.workbookPart)) : false;
  } finally {
    zip.close();
  }
}

/** Starts a copy of the workbook at `input` plus the results sheet (named `wantedSheetName` where it is free), written to `out`. The input is only read. */
export async function startXlsxCopy(input: string, out: string, force: boolean, wantedSheetName: string, resultsSheet: ResultsSheetMaker): Promise<CopyUnderWay> {
  const zip = await ZipArchive.open(input);
  try {
    const pkg = await readWorkbookPackage(zip);
    const small = async (name: string | null) => {
      const entry = name === null ? undefined : zip.get(name);
      return entry ? zip.text(entry, MAX_SMALL_PART_BYTES) : null;
    };
    const contentTypesXml = await small('[Content_Types].xml');
    if (contentTypesXml === null) throw new XlsxError('no-workbook');
    const stylesPart = pkg.workbookRels.find((r) => hasType(r, REL_STYLES) && r.part !== null && zip.get(r.part))?.part ?? null;
    // Parts are named as stored in the zip (the case may differ from the relationship's target).
    const stored = (name: string | null) => (name === null ? null : (zip.get(name)?.fileName ?? name));
    const relsPart = stored(relsPartOf(pkg.workbookPart)) as string;
    const info: PackageInfo = {
      partNames: zip.entries.map((e) => e.fileName),
      contentTypesXml,
      workbookPart: stored(pkg.workbookPart) as string,
      workbookXml: pkg.workbookXml,
      relsXml: (await small(relsPart)) ?? '',
      stylesPart: stored(stylesPart),
      stylesXml: await small(stylesPart),
      tabs: pkg.tabs,
    };
    const edit = planEdit(info, wantedSheetName);
    const replaced = new Map([...edit.replaced].map(([name, xml]) => [name === relsPartOf(info.workbookPart) ? relsPart : name, xml]));
    const copyStored = async (name: string, writer: ZipWriter) => {
      const entry = zip.get(name);
      if (!entry) return;
      await writer.addStored(
        { name: entry.fileName, method: entry.compressionMethod, crc32: entry.crc32, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, dosTime: entry.lastModFileTime, dosDate: entry.lastModFileDate },
        await zip.raw(entry),
      );
    };
    return await startWriting(out, force, { ...edit, replaced }, info.partNames, copyStored, resultsSheet);
  } finally {
    zip.close();
  }
}

function* dataSheetXml(cells: readonly (readonly CellValue[])[]): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  let piece = '';
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] ?? [];
    let xml = '';
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const ref = `${columnLetters(c)}${r + 1}`;
      if (typeof value === 'number') xml += `<c r="${ref}"><v>${value}</v></c>`;
      else if (typeof value === 'boolean') xml += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      else if (typeof value === 'object') xml += `<c r="${ref}" t="e"><v>${escapeXmlText(value.error)}</v></c>`;
      else xml += `<c r="${ref}" t="inlineStr"><is>${inlineText(value)}</is></c>`;
    });
    if (xml) piece += `<row r="${r + 1}">${xml}</row>`;
    if (piece.length > 256 * 1024) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData></worksheet>`;
}

/** Starts a new workbook with the checked cells (from a .csv) as the first sheet and the results after it. */
export async function startCellsCopy(sheet: string, cells: readonly (readonly CellValue[])[], out: string, force: boolean, wantedSheetName: string, resultsSheet: ResultsSheetMaker): Promise<CopyUnderWay> {
  const sheetName = sheet.slice(0, EXCEL_SHEET_NAME_MAX) || 'Sheet1';
  const parts = new Map<string, () => Iterable<string>>([
    [
      '[Content_Types].xml',
      () => [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_WORKSHEET}"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
      ],
    ],
    ['_rels/.rels', () => [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]],
    [
      'xl/workbook.xml',
      () => [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ],
    [
      'xl/_rels/workbook.xml.rels',
      () => [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE_WORKSHEET}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_TYPE_STYLES}" Target="styles.xml"/></Relationships>`],
    ],
    ['xl/styles.xml', () => [MINIMAL_STYLES_XML]],
    ['xl/worksheets/sheet1.xml', () => dataSheetXml(cells)],
  ]);
  const text = (name: string) => [...(parts.get(name)?.() ?? [])].join('');
  const info: PackageInfo = {
    partNames: [...parts.keys()],
    contentTypesXml: text('[Content_Types].xml'),
    workbookPart: 'xl/workbook.xml',
    workbookXml: text('xl/workbook.xml'),
    relsXml: text('xl/_rels/workbook.xml.rels'),
    stylesPart: 'xl/styles.xml',
    stylesXml: MINIMAL_STYLES_XML,
    tabs: [{ name: sheetName, sheetId: 1 }],
  };
  return startWriting(
    out,
    force,
    planEdit(info, wantedSheetName),
    info.partNames,
    (name, writer) => writer.addDeflated(name, deflatedHere(parts.get(name)?.() ?? [])),
    resultsSheet,
  );
}
