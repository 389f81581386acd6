import type { XmlElement } from './xml-tree.ts';

/** The eForms UBL namespaces (SDK 1.x); prefixes here are ours, the document may use any. */
export const EFORMS_NS = {
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
  efext: 'http://data.europa.eu/p27/eforms-ubl-extensions/1',
  efac: 'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1',
  efbc: 'http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1',
} as const;

interface Step {
  readonly ns: string;
  readonly name: string;
  /** `[@attr='value']`: the attribute (without namespace) must have this value. */
  readonly attr: readonly [string, string] | null;
}

export type ElementPath = readonly Step[];

const STEP = /^(\w+):([\w.-]+)(?:\[@([\w-]+)='([^']*)'\])?$/;

/**
 * Compiles a relative path such as `cac:ProcurementProject/cbc:Name` or
 * `cbc:ID[@schemeName='notice-id']` once, at module load; a typo is a programming error.
 */
export function eformsPath(path: string): ElementPath {
  return path.split('/').map((step) => {
    const m = STEP.exec(step);
    const ns = m ? EFORMS_NS[m[1] as keyof typeof EFORMS_NS] : undefined;
    if (!m || ns === undefined) throw new SyntaxError(`bad eForms path step: ${step}`);
    return { ns, name: m[2] ?? '', attr: m[3] !== undefined ? [m[3], m[4] ?? ''] : null };
  });
}

function matches(el: XmlElement, step: Step): boolean {
  return el.name === step.name && el.ns === step.ns && (step.attr === null || el.attrs[step.attr[0]] === step.attr[1]);
}

/** Every element reached from `from` by following `path` child by child, in document order. */
export function select(from: XmlElement, path: ElementPath): XmlElement[] {
  let current: XmlElement[] = [from];
  for (const step of path) {
    const next: XmlElement[] = [];
    for (const el of current) for (const child of el.children) if (matches(child, step)) next.push(child);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export function selectFirst(from: XmlElement, path: ElementPath): XmlElement | null {
  return select(from, path)[0] ?? null;
}

/** Trimmed text of the first match, or null when absent or blank. */
export function textAt(from: XmlElement, path: ElementPath): string | null {
  const el = selectFirst(from, path);
  return el === null ? null : trimmedText(el);
}

/** Trimmed, non-blank texts of every match, duplicates removed, document order kept. */
export function textsAt(from: XmlElement, path: ElementPath): string[] {
  const out = new Set<string>();
  for (const el of select(from, path)) {
    const text = trimmedText(el);
    if (text !== null) out.add(text);
  }
  return [...out];
}

export function trimmedText(el: XmlElement): string | null {
  const text = el.text.trim();
  return text === '' ? null : text;
}
