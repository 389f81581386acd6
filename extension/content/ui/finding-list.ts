/**
 * The panel's list of findings, every finding on the page in it. A page of 10 000 mentions has
 * thousands of findings: beyond a few hundred only the entries in the panel's view (and a margin) are
 * worded, made and laid out. The list keeps its structure for assistive technology: a list whose
 * items say their place in the whole (`aria-posinset` of `aria-setsize`), one tab stop (roving
 * tabindex), arrow keys and Home/End moving through all findings (an entry not yet made is made
 * before it takes focus), Enter going to the mention. The space of the entries not made is padding
 * above and below the made ones, from the mean height of the entries measured so far; a focused entry
 * stays made wherever the panel is scrolled to.
 */
import type { Translate } from '../../../core/index.ts';
import { el } from './host.ts';

export interface PanelEntry {
  /** The finding's accessible name. */
  readonly label: string;
  /** The code behind the words, shown as a tooltip. */
  readonly code?: string;
  readonly notes: readonly string[];
  /** A Norwegian organisation number to offer an Enhetsregisteret lookup for. */
  readonly lookupOrgnr?: string;
  /** Scrolls to the (next) mention on the page; absent when the finding has no place in the page text. */
  readonly go?: () => void;
}

/** A finding as the list holds it: worded only when it is first shown. */
export interface ListedFinding {
  /** Stable per finding, so an entry keeps its element (and focus) when the list is updated. */
  readonly key: string;
  entry(): PanelEntry;
}

export interface BrregLines {
  readonly outcome: string;
  readonly lines: readonly string[];
}

export interface FindingListOptions {
  readonly doc: Document;
  readonly shadow: ShadowRoot;
  /** The list element (`ul`), empty. */
  readonly list: HTMLElement;
  /** The element that scrolls the list (the panel). */
  readonly scroller: HTMLElement;
  readonly t: Translate;
  lookupBrreg(orgnr: string): Promise<BrregLines>;
}

export interface FindingList {
  /** All findings, in the order listed. */
  set(findings: readonly ListedFinding[]): void;
  /** Works out again which entries the panel shows (after it was shown again, say). */
  refresh(): void;
}

/**
 * Up to this many findings every entry is made, so the accessibility tree lists each finding (what
 * ARCHITECTURE.md's stable interfaces promise tools and tests); beyond it, only those near the view.
 */
const MAKE_ALL_UP_TO = 300;
/** Height of an entry not measured yet, in px (a one-line label, a line of notes). */
const ESTIMATE_PX = 56;
/** Entries are made this far above and below the panel's view, in px. */
const MARGIN_PX = 600;

interface Row {
  readonly li: HTMLLIElement;
  readonly button: HTMLButtonElement;
  entry: PanelEntry;
  /** The `set` call the row was last worded for. */
  generation: number;
}

export function createFindingList(options: FindingListOptions): FindingList {
  const { doc, shadow, list, scroller, t } = options;
  let findings: readonly ListedFinding[] = [];
  let generation = 0;
  /**
   * Rows made and shown (a row scrolled out of the list goes, its lookup answer kept in `answers`; in a
   * list of up to MAKE_ALL_UP_TO findings every row stays).
   */
  let rows = new Map<string, Row>();
  /** Heights of the entries shown, measured after a scroll: their mean stands for every entry not made. */
  let measuredSum = 0;
  let measured = 0;
  /** The first entry made, and how many from there. */
  let first = 0;
  let count = 0;
  /** The roving tab stop's finding. */
  let active: string | null = null;
  /** Rows in the list now, in order. */
  let shown: Row[] = [];

  const height = () => (measured > 0 ? measuredSum / measured : ESTIMATE_PX);
  /** The space of `n` entries not made. */
  const space = (n: number) => Math.max(0, n) * height();

  /** Lookup answers by number: an entry made again (scrolled back into the panel's view) shows its answer. */
  const answers = new Map<string, Promise<BrregLines>>();

  function brregBox(orgnr: string): HTMLElement {
    const box = el(doc, 'div', { class: 'brreg-box' });
    const button = el(doc, 'button', { type: 'button', class: 'brreg' }, t('content.brreg.button'));
    const output = el(doc, 'output', { 'aria-live': 'polite' });
    const show = async (pending: Promise<BrregLines>): Promise<void> => {
      button.disabled = true;
      output.replaceChildren(el(doc, 'p', { class: 'note' }, t('content.brreg.loading')));
      const answer = await pending;
      output.setAttribute('data-outcome', answer.outcome);
      output.replaceChildren(...answer.lines.map((line) => el(doc, 'p', { class: 'note' }, line)));
      button.disabled = false;
    };
    button.addEventListener('click', () => {
      const pending = options.lookupBrreg(orgnr);
      answers.set(orgnr, pending);
      void show(pending);
    });
    const known = answers.get(orgnr);
    if (known) void show(known);
    box.append(button, output);
    return box;
  }

  function fill(row: Row, entry: PanelEntry): void {
    row.entry = entry;
    row.generation = generation;
    if (row.button.textContent !== entry.label) row.button.textContent = entry.label;
    if (entry.code) row.button.title = t('content.code', { code: entry.code });
    else row.button.removeAttribute('title');
    const notes = entry.notes.map((n) => el(doc, 'p', { class: 'note' }, n));
    const lookup = entry.lookupOrgnr ? [brregBox(entry.lookupOrgnr)] : [];
    const old = [...row.li.children].filter((c) => c !== row.button);
    // Notes change rarely; a pending lookup answer is kept.
    const same = old.length === notes.length + lookup.length && notes.every((n, i) => old[i]?.textContent === n.textContent);
    if (!same) row.li.replaceChildren(row.button, ...notes, ...lookup);
  }

  function rowAt(i: number): Row {
    const finding = findings[i] as ListedFinding;
    let row = rows.get(finding.key);
    if (!row) {
      const li = el(doc, 'li');
      const button = el(doc, 'button', { type: 'button', class: 'finding', 'data-key': finding.key });
      button.tabIndex = -1;
      button.addEventListener('click', () => {
        active = finding.key;
        tabStop();
        rows.get(finding.key)?.entry.go?.();
      });
      li.append(button);
      row = { li, button, entry: { label: '', notes: [] }, generation: -1 };
      rows.set(finding.key, row);
    }
    if (row.generation !== generation) fill(row, finding.entry());
    row.li.setAttribute('aria-posinset', String(i + 1));
    row.li.setAttribute('aria-setsize', String(findings.length));
    return row;
  }

  /** Where a finding is in the list (-1: not in it); asked on a key press or for the focused entry, not per entry. */
  const positionOf = (key: string): number => findings.findIndex((f) => f.key === key);

  /** The finding whose button has focus, if one has. */
  function focusedKey(): string | null {
    const focused = shadow.activeElement;
    return focused instanceof HTMLElement && focused.classList.contains('finding') ? (focused.dataset.key ?? null) : null;
  }

  /** The active finding's button is the one tab stop; the first entry shown when it is not shown. */
  function tabStop(): void {
    const stop = (active !== null && shown.find((r) => r.button.dataset.key === active)) || shown[0];
    for (const row of shown) row.button.tabIndex = row === stop ? 0 : -1;
  }

  /** Shows entries `from` to `from + size` (and the focused one wherever it is), the rest as padding. */
  function render(from: number, size: number): void {
    if (findings.length <= MAKE_ALL_UP_TO) {
      from = 0;
      size = findings.length;
    }
    first = Math.max(0, Math.min(from, findings.length - size));
    count = Math.min(size, findings.length);
    const indices: number[] = [];
    for (let i = first; i < first + count; i++) indices.push(i);
    const focused = focusedKey();
    const focusedAt = focused === null ? -1 : positionOf(focused);
    if (focusedAt >= 0 && (focusedAt < first || focusedAt >= first + count)) {
      if (focusedAt < first) indices.unshift(focusedAt);
      else indices.push(focusedAt);
    }
    const next = indices.map(rowAt);
    let previous = -1;
    indices.forEach((i, k) => {
      const gap = previous < 0 ? 0 : space(i - previous - 1);
      (next[k] as Row).li.style.marginTop = gap > 0 ? `${gap}px` : '';
      previous = i;
    });
    list.style.paddingTop = `${space(indices[0] ?? 0)}px`;
    list.style.paddingBottom = `${previous < 0 ? 0 : space(findings.length - previous - 1)}px`;
    // Rows that go are removed and rows that come inserted in place; rows that stay are not moved
    // unless the order changed (moving the focused one drops focus: it is given back).
    const keep = new Set(next.map((r) => r.li));
    for (const row of shown) if (!keep.has(row.li)) row.li.remove();
    const hadFocus = focused === null ? null : (rows.get(focused)?.button ?? null);
    let at: ChildNode | null = list.firstChild;
    for (const row of next) {
      if (at === row.li) at = at.nextSibling;
      else list.insertBefore(row.li, at);
    }
    if (hadFocus && hadFocus.isConnected && shadow.activeElement !== hadFocus) hadFocus.focus({ preventScroll: true });
    shown = next;
    rows = new Map(next.map((row) => [row.button.dataset.key as string, row]));
    tabStop();
  }

  /** How many entries fill `px`. */
  const sizeFor = (px: number) => Math.min(findings.length, Math.ceil(px / height()));

  /** Measures the entries shown and shows the ones in or near the panel's view (after a scroll). */
  function refresh(): void {
    if (findings.length <= MAKE_ALL_UP_TO) return;
    const view = scroller.getBoundingClientRect();
    if (view.height === 0) return; // the panel is collapsed
    for (const row of shown) {
      measuredSum += row.li.getBoundingClientRect().height;
      measured++;
    }
    // The view's top with its margin in list coordinates (the padding holds the entries not made).
    const from = view.top - MARGIN_PX - list.getBoundingClientRect().top;
    const start = Math.min(findings.length - 1, Math.max(0, Math.floor(from / height())));
    const size = sizeFor(view.height + 2 * MARGIN_PX);
    if (start !== first || size !== count) render(start, size);
  }

  let frame = 0;
  const later = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      refresh();
    });
  };
  // The panel is as tall as the window: a taller window shows more of the list.
  scroller.addEventListener('scroll', later, { passive: true });
  addEventListener('resize', later, { passive: true });

  function focusAt(i: number): void {
    const finding = findings[i];
    if (!finding) return;
    if (i < first || i >= first + count) {
      const size = Math.max(count, sizeFor(2 * MARGIN_PX));
      render(i - Math.floor(size / 2), size);
    }
    active = finding.key;
    tabStop();
    rows.get(finding.key)?.button.focus();
  }

  list.addEventListener('keydown', (event) => {
    const key = focusedKey();
    const at = key === null ? -1 : positionOf(key);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: findings.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusAt(Math.max(0, Math.min(findings.length - 1, to)));
  });

  return {
    set(next) {
      findings = next;
      generation++;
      // The first time, enough entries for a tall screen; reading the panel's size would make the
      // browser lay out the page now, so that waits for a scroll.
      render(first, count > 0 ? count : sizeFor(screen.height + MARGIN_PX));
    },
    refresh,
  };
}
