/**
 * The generic page scanner: walks text nodes (never markup), finds organisation numbers, registry
 * name candidates and reservation wording, asks the background in batches which are registry
 * suppliers, and reports each mention with its text node and offsets. It never writes to the page:
 * marking is the caller's (CSS highlights over ranges). Work runs in idle slices, answers are applied
 * in slices too, so no task grows with the page; a MutationObserver picks up content that
 * single-page apps render late, and text the page's own scripts change is read again.
 */
import { mayStateReservation, type ReservationTextKind, type ReservationTextMatch } from '../../../core/index.ts';
import { resolveMentions, type NameFound, type SupplierMention, type TextFound } from './mentions.ts';

export type FlagKind = Exclude<ReservationTextKind, 'not-reserved'>;

/** What the background answered for one batch: per distinct candidate text, the registry name at its start. */
export interface LookupAnswer {
  readonly names: readonly { readonly candidate: number; readonly length: number; readonly orgnrs: readonly string[] }[];
}

export interface ScannerOptions {
  readonly root: Element;
  /** Numbers and name candidates in each text; null for a text with none. */
  readTexts(texts: readonly string[]): readonly (TextFound | null)[];
  /** Reservation phrases in `text` (the node's text followed by some of the text after it); null: not looked for now. */
  findReservations(): ((text: string) => readonly ReservationTextMatch[]) | null;
  /** Which of these are registry suppliers; null when the background could not say (numbers still count). */
  lookup(orgnrs: readonly string[], names: readonly string[]): Promise<LookupAnswer | null>;
  /** `inOrder`: the node came from the first walk of the page, so after every node reported before it. */
  onMention(node: Text, mention: SupplierMention, inOrder: boolean): void;
  onReservation(node: Text, kind: FlagKind, index: number, length: number): void;
  /** The page removed this node or changed its text: whatever was found in it is gone. */
  onNodeGone(node: Text): void;
  /** After a slice that found or dropped something. */
  onProgress?(): void;
  /** Length of a slice when the browser gives no idle deadline, in ms. */
  readonly sliceMs?: number;
}

export interface Scanner {
  /** Starts scanning the root and watching it for added or changed content. */
  start(): void;
  stop(): void;
  /** Resolves when everything queued so far has been scanned, looked up and reported. */
  idle(): Promise<void>;
}

// Elements whose text is not page prose, or not ours to touch.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'IFRAME', 'OBJECT', 'svg']);
/** Text without two letters or digits in a row is not read (a lone "§", "X" or "5-5"); asked only of text with a finding. */
const HAS_WORD = /[\p{L}\d]{2}/u;
/** How much following text a label may need to find its value ("Reservert deltakelse" … "Ingen"). */
const CONTEXT_CHARS = 240;
/** Distinct numbers or names per lookup message (the schema allows 5 000); smaller answers keep each task short. */
const BATCH_ITEMS = 1000;
/**
 * Text nodes read together (`readTexts`): few enough, and short enough in all, to keep to a slice's
 * time (a page may hold a few huge texts), many enough that a call costs little per node.
 */
const CHUNK_NODES = 256;
const CHUNK_CHARS = 65_536;
const ORDER: readonly FlagKind[] = ['work-integration', 'sheltered-execution', 'public-service-mission'];

function skipElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName) || el.hasAttribute('data-inkludo')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Does any ancestor (up to the root) exclude this node? For nodes that arrive on their own. */
function excludedByAncestor(node: Node, root: Element): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (skipElement(el)) return true;
  return false;
}

/** Excluded elements whose text is their own children (raw text, or an option's label): the text's parent tells. */
const TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'OPTION', 'IFRAME', 'SELECT']);
/** Excluded elements that may hold elements with text (an svg icon, an object's fallback, an editable region). */
const SUBTREE_SELECTOR = 'svg,object,[data-inkludo],[contenteditable]';

/**
 * Which text nodes under `from` are in an excluded element, without a filter called for every node
 * (a text-only walk is several times faster than a filtered one): a script's, style's or text
 * field's text is known by its parent's tag; the excluded elements that may hold other elements are
 * found with one selector query (on the bench page of 45 000 elements 1.4 ms, where a query for
 * every excluded tag took 4.1 ms), and only text inside one of those asks its closest excluded
 * ancestor.
 */
function exclusionTest(from: Element): (text: Text) => boolean {
  const skipped = Array.from(from.querySelectorAll(SUBTREE_SELECTOR)).filter(skipElement);
  const parents = new Set<Element>(skipped);
  const nested = skipped.some((el) => el.firstElementChild !== null);
  return (text) => {
    const parent = text.parentElement;
    if (parent === null) return false;
    if (TEXT_PARENTS.has(parent.tagName) || parents.has(parent)) return true;
    return nested && parent.closest(SUBTREE_SELECTOR) !== null && excludedByAncestor(text, from);
  };
}

/** Text after `node` in document order, up to `limit` characters, for labels whose value follows. */
function followingText(node: Text, root: Element, limit: number): string {
  const walker = node.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  let out = '';
  for (let next = walker.nextNode(); next && out.length < limit; next = walker.nextNode()) out += ` ${(next as Text).data}`;
  return out.slice(0, limit);
}

/** A text node read and waiting for the background's answer. */
type Read = { readonly node: Text; readonly text: string; readonly found: TextFound; readonly inOrder: boolean };
/** A node's mentions, ready to report. */
type Resolved = { readonly node: Text; readonly text: string; readonly mentions: readonly SupplierMention[]; readonly inOrder: boolean };

export function createScanner(options: ScannerOptions): Scanner {
  const { root } = options;
  const doc = root.ownerDocument;
  const sliceMs = options.sliceMs ?? 12;
  /** Text nodes read, with the text they had: a change means reading again. */
  const seen = new Map<Text, string>();
  /** Per element, the text node that carries each reservation kind found in it. */
  const flagged = new WeakMap<Element, Map<FlagKind, Text>>();
  const queue: Node[] = [];
  let batch: Read[] = [];
  let batchNumbers = new Set<string>();
  let batchNames = new Set<string>();
  let resolved: Resolved[] = [];
  let inFlight = 0;
  let walker: TreeWalker | null = null;
  let excluded: (text: Text) => boolean = () => false;
  /** The walker is the first walk of the whole root: it reports nodes in document order. */
  let firstWalk = false;
  let walkedRoot = false;
  let scheduled = false;
  let running = false;
  let sweepDue = false;
  let observer: MutationObserver | null = null;
  let waiters: (() => void)[] = [];

  function reservation(node: Text, own: string): boolean {
    if (!mayStateReservation(own) || !HAS_WORD.test(own)) return false;
    const find = options.findReservations();
    if (!find) return false;
    const text = own + followingText(node, root, CONTEXT_CHARS);
    const inNode = find(text).filter((m) => m.index < node.data.length && m.kind !== 'not-reserved');
    const kind = ORDER.find((k) => inNode.some((m) => m.kind === k));
    const parent = node.parentElement;
    if (!kind || !parent) return false;
    // The strongest kind the node states, once per element (again when the page rewrote its carrier).
    const done = flagged.get(parent) ?? new Map<FlagKind, Text>();
    const carrier = done.get(kind);
    if (carrier && carrier !== node && carrier.isConnected && seen.get(carrier) === carrier.data) return false;
    done.set(kind, node);
    flagged.set(parent, done);
    const match = inNode.find((m) => m.kind === kind);
    const index = match?.index ?? 0;
    options.onReservation(node, kind, index, Math.min(node.data.length - index, match?.length ?? node.data.length));
    return true;
  }

  /** Reads a node; only nodes with a finding are remembered in `seen` (a page's other text is most of it). */
  function read(node: Text, text: string, inText: TextFound | null, inOrder: boolean): boolean {
    // Read already with this text (earlier, or in this chunk: a node the first walk and an addition both reach).
    if (!node.parentNode || seen.get(node) === text) return false;
    const reserved = reservation(node, text);
    const found = inText && HAS_WORD.test(text) ? inText : null;
    if (reserved || found) seen.set(node, text);
    if (!found) return reserved;
    batch.push({ node, text, found, inOrder });
    for (const n of found.numbers) batchNumbers.add(n.digits);
    for (const c of found.candidates) batchNames.add(c.text);
    return reserved;
  }

  /** The nodes of a chunk, their texts and whether each came from the page's first walk; read together. */
  const chunkNodes: Text[] = [];
  const chunkTexts: string[] = [];
  const chunkInOrder: boolean[] = [];
  /** Reads the next chunk; `full`: it stopped at a limit, so more may follow. */
  function readChunk(): { readonly full: boolean; readonly progress: boolean } {
    chunkNodes.length = 0;
    chunkTexts.length = 0;
    chunkInOrder.length = 0;
    let chars = 0;
    while (chunkNodes.length < CHUNK_NODES && chars < CHUNK_CHARS) {
      const node = nextText();
      if (!node) break;
      const text = node.data;
      chars += text.length;
      chunkNodes.push(node);
      chunkTexts.push(text);
      chunkInOrder.push(firstWalk && walker !== null);
    }
    const full = chunkNodes.length === CHUNK_NODES || chars >= CHUNK_CHARS;
    if (chunkNodes.length === 0) return { full, progress: false };
    const found = options.readTexts(chunkTexts);
    let progress = false;
    for (let i = 0; i < chunkNodes.length; i++) {
      if (read(chunkNodes[i] as Text, chunkTexts[i] as string, found[i] ?? null, chunkInOrder[i] as boolean)) progress = true;
    }
    return { full, progress };
  }

  function send(): void {
    const reads = batch;
    const numbers = [...batchNumbers];
    const names = [...batchNames];
    batch = [];
    batchNumbers = new Set();
    batchNames = new Set();
    inFlight++;
    const answered = (answer: LookupAnswer | null) => {
      inFlight--;
      const hits = new Map<string, { length: number; orgnrs: readonly string[] }>();
      for (const hit of answer?.names ?? []) {
        const text = names[hit.candidate];
        if (text !== undefined) hits.set(text, hit);
      }
      for (const r of reads) {
        const named: NameFound[] = [];
        for (const c of r.found.candidates) {
          const hit = hits.get(c.text);
          if (hit) named.push({ index: c.index, length: hit.length, orgnrs: hit.orgnrs });
        }
        resolved.push({ node: r.node, text: r.text, mentions: resolveMentions(r.found, named), inOrder: r.inOrder });
      }
      schedule();
    };
    options.lookup(numbers, names).then(answered, () => answered(null));
  }

  function nextText(): Text | null {
    for (;;) {
      if (walker) {
        const next = walker.nextNode() as Text | null;
        if (next) {
          if (!excluded(next)) return next;
          continue;
        }
        walker = null;
        firstWalk = false;
      }
      const from = queue.shift();
      if (!from) return null;
      if (!from.isConnected || !root.contains(from)) continue;
      if (from.nodeType === Node.TEXT_NODE) {
        const text = from as Text;
        if (!excludedByAncestor(text, root)) return text;
        continue;
      }
      if (from.nodeType === Node.ELEMENT_NODE && (from === root || !excludedByAncestor(from, root)) && !skipElement(from as Element)) {
        walker = doc.createTreeWalker(from, NodeFilter.SHOW_TEXT);
        excluded = exclusionTest(from as Element);
        firstWalk = from === root && !walkedRoot;
        walkedRoot ||= from === root;
      }
    }
  }

  /** Nodes read before that the page removed or rewrote: report them gone, and read the rewritten ones again. */
  function sweep(): boolean {
    sweepDue = false;
    let changed = false;
    for (const [node, text] of seen) {
      if (node.isConnected && node.data === text) continue;
      seen.delete(node);
      options.onNodeGone(node);
      changed = true;
      if (node.isConnected) queue.push(node);
    }
    return changed;
  }

  function runSlice(timeLeft: () => number): void {
    let progress = sweepDue ? sweep() : false;
    // The clock is read every 16 steps: a step is often shorter than reading it.
    let steps = 0;
    const more = () => (++steps & 15) !== 0 || timeLeft() > 0;
    // Answers first: they are what the user is waiting for.
    while (resolved.length > 0 && more()) {
      const { node, text, mentions, inOrder } = resolved.shift() as Resolved;
      // The page changed the text while the background was asked: it is read again.
      if (!node.isConnected || node.data !== text) continue;
      for (const m of mentions) options.onMention(node, m, inOrder);
      if (mentions.length > 0) progress = true;
    }
    // A full chunk may have more behind it.
    let full = true;
    while (resolved.length === 0 && full && timeLeft() > 0) {
      const chunk = readChunk();
      full = chunk.full;
      if (chunk.progress) progress = true;
      if (batchNumbers.size >= BATCH_ITEMS || batchNames.size >= BATCH_ITEMS) send();
    }
    const walking = full || queue.length > 0 || walker !== null;
    if (batch.length > 0 && !walking) send();
    if (progress) options.onProgress?.();
    if (walking || resolved.length > 0) schedule();
    else if (inFlight === 0 && batch.length === 0) {
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
    // The browser's idle deadline (up to 50 ms when nothing else is due), capped at a slice, so
    // no task of ours reaches the long-task mark; after a timeout, or without requestIdleCallback, a fixed slice.
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback((deadline) => {
        const end = performance.now() + sliceMs;
        run(deadline.didTimeout ? fixed() : () => Math.min(deadline.timeRemaining(), end - performance.now()));
      }, { timeout: 100 });
    } else setTimeout(() => run(fixed()), 0);
  }

  function takeMutations(records: readonly MutationRecord[]): void {
    let due = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        // Text without a finding is not in `seen`, so the sweep would not see it change: read it again.
        if (record.target.nodeType === Node.TEXT_NODE) queue.push(record.target);
        due = true;
        continue;
      }
      if (record.removedNodes.length > 0) due = true;
      for (const added of record.addedNodes) {
        if (added.nodeType === Node.ELEMENT_NODE && (added as Element).hasAttribute('data-inkludo')) continue;
        if (added.nodeType === Node.TEXT_NODE || added.nodeType === Node.ELEMENT_NODE) {
          queue.push(added);
          due = true;
        }
      }
    }
    if (!due) return;
    sweepDue = true;
    schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      queue.push(root);
      observer = new MutationObserver(takeMutations);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      schedule();
    },
    stop() {
      running = false;
      observer?.disconnect();
      observer = null;
      queue.length = 0;
      batch = [];
      resolved = [];
      walker = null;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
    idle() {
      if (!running || (!scheduled && queue.length === 0 && !walker && batch.length === 0 && inFlight === 0 && resolved.length === 0)) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
