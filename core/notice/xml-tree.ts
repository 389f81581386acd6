import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { NoticeError, NoticeErrorCode } from './errors.ts';
import { noticeError } from './errors.ts';

/**
 * A bounded, namespace-resolved element tree built with saxes (no DOMParser: the reader must run in a
 * service worker too). Only what the eForms reader needs: namespace URI, local name, attributes
 * without a namespace, and the element's own text.
 */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Text and CDATA directly inside this element, untrimmed. */
  readonly text: string;
}

export interface XmlLimits {
  /** Input length in UTF-16 code units. */
  readonly maxChars: number;
  readonly maxElements: number;
  readonly maxDepth: number;
  /** Per element, namespace declarations included; saxes slows down on thousands of attributes on one tag. */
  readonly maxAttributes: number;
}

/**
 * The largest fixture notice is 0.3 MB with about 2 100 elements nested 12 deep, so these leave
 * ample room while bounding time and memory on hostile input.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 20_000_000, maxElements: 250_000, maxDepth: 64, maxAttributes: 256 };

interface MutableElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: MutableElement[];
  text: string;
}

/** Thrown inside saxes handlers to stop parsing at once; never escapes parseXmlTree. */
class Abort {
  constructor(readonly error: NoticeError) {}
}

export type XmlTreeResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly error: NoticeError };

function abort(code: NoticeErrorCode, params: Record<string, string | number> = {}): never {
  throw new Abort(noticeError(code, params));
}

/** Parses `xml` into a tree, or returns a typed error. Never throws on any input. */
export function parseXmlTree(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlTreeResult {
  if (typeof xml === 'string' && xml.length > limits.maxChars) return { ok: false, error: noticeError('too-large', { limit: limits.maxChars }) };
  if (typeof xml !== 'string' || xml.trim() === '') return { ok: false, error: noticeError('empty') };
  const parser = new SaxesParser({ xmlns: true });
  const stack: MutableElement[] = [];
  // A holder, not a `let`: TypeScript does not see assignments made inside the saxes callbacks.
  const state: { root: MutableElement | null; count: number; attributes: number; closing: boolean } = {
    root: null,
    count: 0,
    attributes: 0,
    closing: false,
  };

  parser.on('doctype', (doctype) => {
    // eForms never carries a DOCTYPE; refusing it means no entity is ever declared, let alone expanded.
    abort(/<!ENTITY/i.test(doctype) ? 'entity-declarations' : 'doctype');
  });
  parser.on('error', (err) => {
    if (state.closing && state.root !== null) abort('truncated', { line: parser.line, column: parser.column });
    abort('not-xml', { line: parser.line, column: parser.column, detail: err.message.replace(/^\d+:\d+: /, '') });
  });
  parser.on('opentagstart', () => {
    state.attributes = 0;
  });
  parser.on('attribute', () => {
    if (++state.attributes > limits.maxAttributes) abort('too-many-attributes', { limit: limits.maxAttributes });
  });
  parser.on('opentag', (tag) => {
    if (++state.count > limits.maxElements) abort('too-many-elements', { limit: limits.maxElements });
    if (stack.length >= limits.maxDepth) abort('too-deep', { limit: limits.maxDepth });
    const element: MutableElement = { ns: tag.uri, name: tag.local, attrs: plainAttributes(tag), children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else state.root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(xml);
    state.closing = true;
    parser.close();
  } catch (caught) {
    if (caught instanceof Abort) return { ok: false, error: caught.error };
    throw caught;
  }
  // saxes reports a missing root as an error, so root is set here.
  return state.root === null
    ? { ok: false, error: noticeError('not-xml', { line: 1, column: 0, detail: '' }) }
    : { ok: true, root: state.root };
}

function plainAttributes(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) {
    if (attr.uri === '') out[attr.local] = attr.value;
  }
  return out;
}
