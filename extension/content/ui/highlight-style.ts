/**
 * The document-level style the marks and the docked panel need: the `::highlight()` rules, and the
 * room beside the page for the panel while it is open. One adopted style sheet, so no node is added
 * to the page. Adding a style sheet makes the browser recompute the style of every element (hundreds
 * of milliseconds on a page of 20 000 elements), so the small `early-style.ts` content script adopts
 * it at document_start, when the page is still empty; the main content script finds it through the
 * content-script world they share, and adopts it itself only where the early script did not run.
 *
 * The room follows the panel's host (a child of `<html>`) through `:has()`, so the sheet is never
 * changed again: enabling or disabling a sheet makes the browser look through every element for the
 * rule's selector (3.7 ms on the bench page of 45 000 elements), where a `:has()` on the root
 * element re-styles that one element (0.2 ms).
 */
export const PANEL_WIDTH = 340;

/** Set on the panel's host while the page is to make room for it (the panel is open). */
export const ROOM_ATTRIBUTE = 'data-room';

const DOCUMENT_CSS = `
::highlight(inkludo-orgnr){background-color:rgba(255,212,59,.35);text-decoration:underline 2px #8a6d00}
::highlight(inkludo-reserved){background-color:rgba(77,159,106,.28);text-decoration:underline 2px #14532d}
::highlight(inkludo-current){background-color:#ffd43b;color:#111}
html:has(> inkludo-panel[data-inkludo="panel"][${ROOM_ATTRIBUTE}]){margin-right:${PANEL_WIDTH}px !important}
`;

const KEY = '__inkludoDocumentStyle';

/** Adopts the document's Inkludo style sheet once per document; false where the browser cannot adopt sheets. */
export function documentStyle(doc: Document): boolean {
  const world = globalThis as unknown as Record<string, boolean | undefined>;
  if (world[KEY] !== undefined) return world[KEY];
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(DOCUMENT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    world[KEY] = true;
  } catch (error) {
    console.warn('inkludo: cannot adopt style sheets', error);
    world[KEY] = false;
  }
  return world[KEY];
}
