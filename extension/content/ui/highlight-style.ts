/**
 * The document-level style the marks and the docked panel need: the `::highlight()` rules, and the
 * room beside the page for the panel (disabled until the panel is open). Both are adopted style
 * sheets, so no node is added to the page. Adding a style sheet makes the browser recompute the
 * style of every element (hundreds of milliseconds on a page of 20 000 elements), so the small
 * `early-style.ts` content script adopts them at document_start, when the page is still empty; the
 * main content script finds them through the content-script world they share, and adopts them itself
 * only where the early script did not run.
 */
export const PANEL_WIDTH = 340;

const HIGHLIGHT_CSS = `
::highlight(inkludo-orgnr){background-color:rgba(255,212,59,.35);text-decoration:underline 2px #8a6d00}
::highlight(inkludo-reserved){background-color:rgba(77,159,106,.28);text-decoration:underline 2px #14532d}
::highlight(inkludo-current){background-color:#ffd43b;color:#111}
`;

export interface DocumentStyle {
  /** Enabled while the docked panel is open. */
  readonly room: CSSStyleSheet;
}

const KEY = '__inkludoDocumentStyle';

function adopt(doc: Document, css: string, disabled: boolean): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  sheet.disabled = disabled;
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return sheet;
}

/** The document's Inkludo style sheets, adopted once per document; null where the browser cannot adopt sheets. */
export function documentStyle(doc: Document): DocumentStyle | null {
  const world = globalThis as unknown as Record<string, DocumentStyle | null | undefined>;
  if (world[KEY] !== undefined) return world[KEY];
  try {
    adopt(doc, HIGHLIGHT_CSS, false);
    world[KEY] = { room: adopt(doc, `html{margin-right:${PANEL_WIDTH}px !important}`, true) };
  } catch (error) {
    console.warn('inkludo: cannot adopt style sheets', error);
    world[KEY] = null;
  }
  return world[KEY];
}
