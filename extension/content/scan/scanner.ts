/**
 * The generic page scanner: walks text nodes (never markup), finds supplier mentions and
 * reservation wording, and inserts an annotation element after each match by splitting the text
 * node. Work runs in idle slices so a page with thousands of numbers stays responsive, and a
 * MutationObserver picks up content that single-page apps render late.
 */
import { mayStateReservation, type ReservationTextKind, type ReservationTextMatch } from '../../../core/index.ts';
import type { SupplierMention } from './mentions.ts';

export type FlagKind = Exclude<ReservationTextKind, 'not-reserved'>;

export interface ScanCounts {
  readonly reserved: number;
  readonly suppliers: number;
  readonly registryMatches: number;
}

export interface ScannerOptions {
  readonly root: Element;
  findMentions(text: string): readonly SupplierMention[];
  /** Reservation phrases in `text` (the node's text followed by some of the text after it); null: not looked for. */
  findReservations: ((text: string) => readonly ReservationTextMatch[]) | null;
  makeBadge(mention: SupplierMention): Element;
  makeFlag(kind: FlagKind, phrase: string): Element;
  /** After each slice that found something. */
  onProgress?(counts: ScanCounts): void;
  /** Length of a slice when the browser gives no idle deadline (timeouts, no requestIdleCallback), in ms. */
  readonly sliceMs?: number;
}

export interface Scanner {
  /** Starts scanning the root and watching it for added content. */
  start(): void;
  stop(): void;
  /** Resolves when everything queued so far has been scanned. */
  idle(): Promise<void>;
  counts(): ScanCounts;
}

// Elements whose text is not page prose, or not ours to touch.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'IFRAME', 'OBJECT', 'svg']);
const HAS_WORD = /[\p{L}\d]{2}/u;
/** How much following text a label may need to find its value ("Reservert deltakelse" … "Ingen"). */
const CONTEXT_CHARS = 240;

function isOurs(el: Element): boolean {
  return el.hasAttribute('data-inkludo');
}

function skipElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName) || isOurs(el)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

const FILTER: NodeFilter = {
  acceptNode(node: Node): number {
    if (node.nodeType === Node.ELEMENT_NODE) return skipElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    return HAS_WORD.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
  },
};

/** Does any ancestor (up to the root) exclude this node? For nodes that arrive on their own. */
function excludedByAncestor(node: Node, root: Element): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (skipElement(el)) return true;
  return false;
}

/** Text after `node` in document order, up to `limit` characters, for labels whose value follows. */
function followingText(node: Text, root: Element, limit: number): string {
  const walker = node.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  let out = '';
  for (let next = walker.nextNode(); next && out.length < limit; next = walker.nextNode()) out += ` ${(next as Text).data}`;
  return out.slice(0, limit);
}

type Insertion = { readonly offset: number; readonly element: Element; readonly count: 'reserved' | 'supplier' | 'registry-match' };
/** What was found in a text node, written to the page later in a batch. */
type Found = { readonly node: Text; readonly text: string; readonly insertions: Insertion[] };

/**
 * Finding runs in idle slices without touching the page; the badges are written in batches at most
 * every WRITE_INTERVAL_MS (and when the scan is done), because every write makes the browser lay the
 * page out again, which on a long table costs far more than the scan itself.
 */
const WRITE_INTERVAL_MS = 1000;

export function createScanner(options: ScannerOptions): Scanner {
  const { root } = options;
  const doc = root.ownerDocument;
  const sliceMs = options.sliceMs ?? 12;
  const seen = new WeakSet<Text>();
  const flagged = new WeakMap<Element, Set<FlagKind>>();
  const queue: Node[] = [];
  let pending: Found[] = [];
  let lastWrite = performance.now();
  let walker: TreeWalker | null = null;
  let scheduled = false;
  let running = false;
  let observer: MutationObserver | null = null;
  let waiters: (() => void)[] = [];
  let counts = { reserved: 0, suppliers: 0, registryMatches: 0 };

  function reservationFlag(node: Text): Insertion | null {
    if (!options.findReservations || !mayStateReservation(node.data)) return null;
    const text = node.data + followingText(node, root, CONTEXT_CHARS);
    const inNode = options.findReservations(text).filter((m) => m.index < node.data.length && m.kind !== 'not-reserved');
    // The strongest kind the node states, flagged once per element.
    const order: FlagKind[] = ['work-integration', 'sheltered-execution', 'public-service-mission'];
    const kind = order.find((k) => inNode.some((m) => m.kind === k));
    const parent = node.parentElement;
    if (!kind || !parent) return null;
    const done = flagged.get(parent) ?? new Set<FlagKind>();
    if (done.has(kind)) return null;
    done.add(kind);
    flagged.set(parent, done);
    const last = inNode.filter((m) => m.kind === kind).at(-1);
    const offset = Math.min(node.data.length, last ? last.index + last.length : node.data.length);
    return { offset, element: options.makeFlag(kind, last?.phrase ?? ''), count: 'reserved' };
  }

  function find(node: Text): void {
    seen.add(node);
    if (!node.parentNode) return;
    const insertions: Insertion[] = [];
    const flag = reservationFlag(node);
    if (flag) insertions.push(flag);
    for (const m of options.findMentions(node.data)) {
      insertions.push({ offset: m.index + m.length, element: options.makeBadge(m), count: m.suppliers.length > 0 ? 'registry-match' : 'supplier' });
    }
    if (insertions.length > 0) pending.push({ node, text: node.data, insertions });
  }

  function write(): void {
    const batch = pending;
    pending = [];
    lastWrite = performance.now();
    for (const { node, text, insertions } of batch) {
      // The page changed the text since it was read: read it again.
      if (!node.isConnected || node.data !== text) {
        seen.delete(node);
        queue.push(node);
        continue;
      }
      // From the end backwards, so earlier offsets stay valid in the shrinking node.
      insertions.sort((a, b) => b.offset - a.offset);
      for (const { offset, element, count } of insertions) {
        if (offset < node.data.length) {
          const rest = node.splitText(offset);
          seen.add(rest);
          rest.before(element);
        } else node.after(element);
        counts =
          count === 'reserved'
            ? { ...counts, reserved: counts.reserved + 1 }
            : { ...counts, suppliers: counts.suppliers + 1, registryMatches: counts.registryMatches + (count === 'registry-match' ? 1 : 0) };
      }
    }
    // Our own insertions are not new page content.
    if (observer) takeMutations(observer.takeRecords());
    if (batch.length > 0) options.onProgress?.(counts);
  }

  function nextText(): Text | null {
    for (;;) {
      if (walker) {
        const next = walker.nextNode() as Text | null;
        if (next) {
          if (!seen.has(next)) return next;
          continue;
        }
        walker = null;
      }
      const from = queue.shift();
      if (!from) return null;
      if (!from.isConnected || !root.contains(from)) continue;
      if (from.nodeType === Node.TEXT_NODE) {
        const text = from as Text;
        if (!seen.has(text) && HAS_WORD.test(text.data) && !excludedByAncestor(text, root)) return text;
        continue;
      }
      if (from.nodeType === Node.ELEMENT_NODE && (from === root || !excludedByAncestor(from, root)) && !skipElement(from as Element)) {
        walker = doc.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, FILTER);
      }
    }
  }

  /** Works while `timeLeft` says there is time (at least one node per slice, so the scan always advances). */
  function runSlice(timeLeft: () => number): void {
    let node: Text | null;
    do {
      node = nextText();
      if (node) find(node);
    } while (node && timeLeft() > 0);
    const more = node !== null || queue.length > 0 || walker !== null;
    if (pending.length > 0 && (!more || performance.now() - lastWrite >= WRITE_INTERVAL_MS)) write();
    if (more || queue.length > 0) schedule();
    else {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  function schedule(): void {
    if (scheduled || !running) return;
    scheduled = true;
    const run = (timeLeft: () => number) => {
      scheduled = false;
      if (running) runSlice(timeLeft);
    };
    const fixed = () => {
      const end = performance.now() + sliceMs;
      return () => end - performance.now();
    };
    // The browser's idle deadline (up to 50 ms when nothing else is due) is used in full; after a
    // timeout, or without requestIdleCallback, a fixed slice.
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback((deadline) => run(deadline.didTimeout ? fixed() : () => deadline.timeRemaining()), { timeout: 100 });
    } else setTimeout(() => run(fixed()), 0);
  }

  function takeMutations(records: readonly MutationRecord[]): void {
    let added = false;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE ? seen.has(node as Text) : node.nodeType !== Node.ELEMENT_NODE || isOurs(node as Element)) continue;
        queue.push(node);
        added = true;
      }
    }
    if (added) schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      queue.push(root);
      observer = new MutationObserver(takeMutations);
      observer.observe(root, { childList: true, subtree: true });
      schedule();
    },
    stop() {
      running = false;
      observer?.disconnect();
      observer = null;
      queue.length = 0;
      pending = [];
      walker = null;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
    idle() {
      if (!running || (!scheduled && queue.length === 0 && !walker && pending.length === 0)) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    counts: () => counts,
  };
}
