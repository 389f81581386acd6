/**
 * Marks on page text without touching the page's nodes: CSS Custom Highlights over static ranges
 * (Chrome 105+, Firefox 149+, Safari 17.2). Where the API is missing (Firefox ESR before 149) a light
 * fallback draws boxes under the marked text in an overlay inside our own host, repositioned when the
 * page scrolls or resizes; the page's text is never split either way.
 *
 * The highlight registry is the document's, so a page script can see which text ranges are marked.
 * What is marked therefore never depends on the registry: every valid organisation number on the page
 * (`orgnr`, in the registry or not) and reservation wording (`reserved`); registry suppliers named
 * without a number are not marked at all. What the marks mean (membership, source, share, status)
 * stays in the closed panel.
 */
import { documentStyle } from './highlight-style.ts';

/** The same for every organisation number: a kind per registry membership would tell the page who is in it. */
export type MarkKind = 'orgnr' | 'reserved';

/** Marked text: a text node and offsets in it. */
export interface TextSpan {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

export interface Marks {
  /** `inOrder`: known to come after every mark added before in that order (the page's first walk). */
  add(kind: MarkKind, span: TextSpan, inOrder?: boolean): void;
  remove(kind: MarkKind, span: TextSpan): void;
  /** The mention the user went to from the panel, marked more strongly; null clears it. */
  setCurrent(span: TextSpan | null): void;
  /** Marks are shown from now on (they are kept, not shown, until the panel is in the page); once. */
  reveal(): void;
  /** Whether CSS highlights are used (false: the overlay fallback). */
  readonly highlights: boolean;
}

const KINDS: readonly (MarkKind | 'current')[] = ['orgnr', 'reserved', 'current'];
type HighlightCtor = new (...ranges: AbstractRange[]) => Set<AbstractRange>;
type HighlightRegistry = Map<string, Set<AbstractRange>>;

const ranges = new WeakMap<TextSpan, AbstractRange>();

/**
 * The span's range for a highlight, made when it is first shown (most marks on a long page never
 * are). Static where the browser has StaticRange: it costs the page nothing when the page changes its
 * DOM (live ranges are updated on every change).
 */
function spanRange(span: TextSpan): AbstractRange {
  let range = ranges.get(span);
  if (!range) {
    range = typeof StaticRange === 'function' ? new StaticRange({ startContainer: span.node, startOffset: span.start, endContainer: span.node, endOffset: span.end }) : liveRange(span);
    ranges.set(span, range);
  }
  return range;
}

/** A live range over the span, for reading positions and selecting. */
export function liveRange(span: TextSpan): Range {
  const live = span.node.ownerDocument.createRange();
  live.setStart(span.node, span.start);
  live.setEnd(span.node, span.end);
  return live;
}

/** `update` once per frame at most, after any scroll or resize of the page (or when asked): returns the asking function. */
function onViewportChange(update: () => void): () => void {
  let frame = 0;
  const later = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  addEventListener('scroll', later, { passive: true, capture: true });
  addEventListener('resize', later, { passive: true });
  return later;
}

/** A mark with the element its text is in, kept in document order. */
interface Placed {
  readonly span: TextSpan;
  readonly kind: MarkKind;
  readonly element: Element;
  readonly inOrder: boolean;
}

/** Before `b` in the document? */
function precedes(a: Node, b: Node): boolean {
  return a !== b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * The marks within a screen or two of the viewport, found by binary search over the marks in
 * document order (which is their order down the page in flowing content): a few rectangle reads per
 * scroll instead of watching every mark.
 */
function nearViewport(placed: readonly Placed[], height: number): { near: Placed[]; below: number } {
  const margin = height * 2;
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((placed[mid]?.element.getBoundingClientRect().bottom ?? 0) < -margin) low = mid + 1;
    else high = mid;
  }
  const near: Placed[] = [];
  for (let i = low; i < placed.length; i++) {
    const mark = placed[i] as Placed;
    const rect = mark.element.getBoundingClientRect();
    if (rect.top > height + margin) return { near, below: i };
    near.push(mark);
  }
  return { near, below: Infinity };
}

/**
 * Highlights only near the viewport: the browser recomputes every range of a highlight when one
 * changes, so 10 000 marks on a long page would cost hundreds of milliseconds per update. The marks
 * near the viewport are worked out again when the page scrolls or resizes and when marks come or go.
 */
function highlightMarks(doc: Document): Marks {
  const Ctor = (globalThis as unknown as { Highlight: HighlightCtor }).Highlight;
  const registry = (CSS as unknown as { highlights: HighlightRegistry }).highlights;
  const sets = new Map(KINDS.map((k) => [k, new Ctor()] as const));
  for (const [kind, set] of sets) registry.set(`inkludo-${kind}`, set);
  documentStyle(doc);
  const placed: Placed[] = [];
  let shown = new Set<Placed>();
  /**
   * Position in `placed` of the first mark below the window at the last update (Infinity: none known).
   * A mark added after it is further down still, so it changes nothing shown: while a long page is
   * scanned, the highlights (whose every change repaints the page) are left alone.
   */
  let below = Infinity;
  let revealed = false;
  function update(): void {
    if (!revealed) return;
    const found = nearViewport(placed, doc.documentElement.clientHeight);
    below = found.below;
    const now = new Set(found.near);
    for (const mark of shown) if (!now.has(mark)) sets.get(mark.kind)?.delete(spanRange(mark.span));
    for (const mark of now) if (!shown.has(mark)) sets.get(mark.kind)?.add(spanRange(mark.span));
    shown = now;
  }
  const later = onViewportChange(update);
  return {
    highlights: true,
    add(kind, span, inOrder = false) {
      const element = span.node.parentElement;
      if (!element) return;
      const mark = { span, kind, element, inOrder };
      // Mostly found in document order: the end is the usual place, and certainly so after another
      // mark of the first walk (no comparison needed then).
      let at = placed.length;
      const last = placed[at - 1];
      if (last && !(inOrder && last.inOrder) && precedes(span.node, last.span.node)) {
        let low = 0;
        while (low < at) {
          const mid = (low + at) >> 1;
          if (precedes((placed[mid] as Placed).span.node, span.node)) low = mid + 1;
          else at = mid;
        }
      }
      if (at === placed.length) placed.push(mark);
      else placed.splice(at, 0, mark);
      if (at > below || !revealed) return;
      below = Infinity;
      later();
    },
    remove(kind, span) {
      const at = placed.findIndex((m) => m.span === span);
      if (at < 0) return;
      below = Infinity;
      const [mark] = placed.splice(at, 1);
      if (mark && shown.delete(mark)) sets.get(kind)?.delete(spanRange(span));
      later();
    },
    reveal() {
      if (revealed) return;
      revealed = true;
      later();
    },
    setCurrent(span) {
      const current = sets.get('current');
      current?.clear();
      if (span) current?.add(spanRange(span));
    },
  };
}

/** The fallback: boxes under visible marked text, drawn in `layer` (fixed, inside our closed host). */
function overlayMarks(layer: HTMLElement): Marks {
  const doc = layer.ownerDocument;
  const spans = new Map<TextSpan, MarkKind>();
  let current: TextSpan | null = null;
  let revealed = false;
  const MAX_BOXES = 400;
  function draw(): void {
    if (!revealed) return;
    const boxes: HTMLElement[] = [];
    const height = doc.documentElement.clientHeight;
    for (const [span, kind] of spans) {
      if (boxes.length >= MAX_BOXES) break;
      if (!span.node.isConnected) continue;
      for (const rect of liveRange(span).getClientRects()) {
        if (rect.bottom < 0 || rect.top > height) continue;
        const box = doc.createElement('div');
        box.className = `mark ${span === current ? 'current' : kind}`;
        box.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
        boxes.push(box);
      }
    }
    layer.replaceChildren(...boxes);
  }
  const redraw = onViewportChange(draw);
  return {
    highlights: false,
    add(kind, span) {
      spans.set(span, kind);
      redraw();
    },
    remove(_kind, span) {
      spans.delete(span);
      redraw();
    },
    reveal() {
      if (revealed) return;
      revealed = true;
      redraw();
    },
    setCurrent(span) {
      current = span;
      redraw();
    },
  };
}

export const OVERLAY_CSS = `
.overlay{position:fixed;inset:0;pointer-events:none;z-index:2147483645}
.mark{position:fixed;box-sizing:border-box;border-bottom:2px solid}
.mark.orgnr{background:rgba(255,212,59,.3);border-color:#8a6d00}
.mark.reserved{background:rgba(77,159,106,.22);border-color:#14532d}
.mark.current{background:rgba(255,212,59,.7);border-color:#111}
`;

export function hasHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
}

export function createMarks(doc: Document, overlayLayer: () => HTMLElement): Marks {
  if (hasHighlights()) {
    try {
      return highlightMarks(doc);
    } catch (error) {
      console.warn('inkludo: CSS highlights unavailable, using the overlay', error);
    }
  }
  return overlayMarks(overlayLayer());
}
