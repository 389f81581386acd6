/**
 * The package structure of an .xlsx (OPC): which part is the workbook (from `_rels/.rels`), its tabs in
 * workbook order with their visibility, and where each tab's part and the shared strings are (from
 * the workbook's relationships). Relationship targets may be relative or absolute (`/xl/…`).
 */
import { XlsxError } from './errors.ts';
import { MAX_SMALL_PART_BYTES } from './limits.ts';
import { attribute, prefixedAttribute, startTags } from './xml.ts';
import type { ZipArchive } from './zip.ts';

export const REL_OFFICE_DOCUMENT = '/officeDocument';
export const REL_WORKSHEET = '/worksheet';
export const REL_SHARED_STRINGS = '/sharedStrings';
export const REL_STYLES = '/styles';

export interface Relationship {
  readonly id: string;
  /** The type URI; compared by its last segment, so transitional and strict namespaces both match. */
  readonly type: string;
  /** The target part's name in the zip (no leading slash), or null for an external target. */
  readonly part: string | null;
}

export interface Tab {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly visible: boolean;
  /** The part of a worksheet tab; null for chart sheets, dialog sheets and broken references. */
  readonly part: string | null;
}

export interface WorkbookPackage {
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRels: readonly Relationship[];
  readonly tabs: readonly Tab[];
  readonly sharedStringsPart: string | null;
  /** The workbook counts dates from 1904 (`<workbookPr date1904="1"/>`, old Mac workbooks). */
  readonly date1904: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `` (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target resolved against the folder of the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target with a stray % is taken as written.
  }
  const base = decoded.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

export function hasType(rel: Relationship, suffix: string): boolean {
  return rel.type.endsWith(suffix);
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return startTags(xml, 'Relationship').map((tag) => {
    const target = attribute(tag, 'Target') ?? '';
    const external = attribute(tag, 'TargetMode') === 'External';
    return { id: attribute(tag, 'Id') ?? '', type: attribute(tag, 'Type') ?? '', part: external || target === '' ? null : resolveTarget(sourcePart, target) };
  });
}

async function smallPart(zip: ZipArchive, name: string): Promise<string | null> {
  const entry = zip.get(name);
  return entry ? zip.text(entry, MAX_SMALL_PART_BYTES) : null;
}

export async function readRelationships(zip: ZipArchive, sourcePart: string): Promise<Relationship[]> {
  const xml = await smallPart(zip, relsPartOf(sourcePart));
  return xml === null ? [] : parseRelationships(xml, sourcePart);
}

/** The workbook part, its tabs in workbook.xml order and the shared strings part. */
export async function readWorkbookPackage(zip: ZipArchive): Promise<WorkbookPackage> {
  const rootRels = await readRelationships(zip, '');
  const workbookPart = rootRels.find((r) => hasType(r, REL_OFFICE_DOCUMENT) && r.part !== null && zip.get(r.part))?.part;
  if (!workbookPart) throw new XlsxError('no-workbook');
  const workbookXml = (await smallPart(zip, workbookPart)) ?? '';
  const workbookRels = await readRelationships(zip, workbookPart);
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const tabs = startTags(workbookXml, 'sheet').map((tag): Tab => {
    const relId = prefixedAttribute(tag, 'id') ?? '';
    const rel = byId.get(relId);
    const state = attribute(tag, 'state');
    return {
      name: attribute(tag, 'name') ?? '',
      sheetId: Number(attribute(tag, 'sheetId') ?? 0),
      relId,
      visible: state === undefined || state === 'visible',
      part: rel && hasType(rel, REL_WORKSHEET) && rel.part && zip.get(rel.part) ? rel.part : null,
    };
  });
  const sst = workbookRels.find((r) => hasType(r, REL_SHARED_STRINGS) && r.part !== null && zip.get(r.part));
  const date1904 = startTags(workbookXml, 'workbookPr').some((tag) => ['1', 'true'].includes(attribute(tag, 'date1904') ?? ''));
  return { workbookPart, workbookXml, workbookRels, tabs, sharedStringsPart: sst?.part ?? null, date1904 };
}
