/**
 * The one panel a page gets: docked at the right edge (the page is given room beside it, so it
 * covers nothing), collapsible to a small button (remembered per site by the caller), in a closed
 * shadow root. It is a landmark region named "Inkludo: …" listing every finding in reading order; each
 * finding is a button whose accessible name holds the organisation number's digits or the
 * reservation kind. Tab reaches the list, arrow keys move through it (one tab stop), Enter goes to
 * the mention on the page. Everything is set as text.
 */
import type { Translate } from '../../../core/index.ts';
import type { NoticePanel } from '../../shared/page-messages.ts';
import { createHost, el } from './host.ts';
import { documentStyle, PANEL_WIDTH as WIDTH } from './highlight-style.ts';
import { OVERLAY_CSS } from './marks.ts';

export interface PanelEntry {
  /** Stable per finding, so an entry keeps its element (and focus) when the list is updated. */
  readonly key: string;
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

export interface BrregLines {
  readonly outcome: string;
  readonly lines: readonly string[];
}

export interface PanelOptions {
  readonly t: Translate;
  readonly collapsed: boolean;
  onCollapse(collapsed: boolean): void;
  lookupBrreg(orgnr: string): Promise<BrregLines>;
  readonly doc?: Document;
}

export interface Panel {
  readonly host: HTMLElement;
  /** The fixed layer for the marks fallback (marks.ts), inside the same host. */
  readonly overlay: HTMLElement;
  /**
   * Puts the host into the page (appended to `<html>`), once. Called for findings whose presence does
   * not depend on the registry (a number, reservation wording, a notice), so neither does the host's.
   */
  attach(): void;
  /** The notice part; the host's `data-notice` says only whether the notice data was read (`notice`) or not (`fallback`). */
  setNotice(view: NoticePanel | null): void;
  setFindings(entries: readonly PanelEntry[], summary: readonly string[]): void;
}

const CSS = `
.panel{position:fixed;top:0;right:0;bottom:0;width:${WIDTH}px;box-sizing:border-box;z-index:2147483646;overflow:auto;background:#fff;color:#212529;border-left:1px solid #adb5bd;box-shadow:-2px 0 10px rgba(0,0,0,.12);font:13px/1.45 system-ui,sans-serif;padding:8px 12px}
/* A fixed size: the collapsed button's box is on screen (a page can probe it with elementFromPoint), and its width must not follow the count. */
.panel[data-collapsed="true"]{top:auto;bottom:12px;right:12px;width:14em;height:2.8em;border:1px solid #adb5bd;border-radius:8px;padding:4px 6px;overflow:hidden;white-space:nowrap}
.panel[data-collapsed="true"] .body,.panel[data-collapsed="true"] h2{display:none}
.bar{display:flex;justify-content:space-between;align-items:center;gap:8px}
h2{font-size:15px;margin:0}
h3{font-size:13px;margin:12px 0 2px}
ul{margin:2px 0;padding-left:0;list-style:none}
.notice li{margin:2px 0;padding-left:10px;text-indent:-10px}
.notice li::before{content:"\\2022  "}
/* Up to 300 entries: those out of the panel's view are not styled, laid out or painted until scrolled to (they stay in the accessibility tree and take focus). */
.findings li{margin:4px 0;border-bottom:1px solid #e9ecef;padding-bottom:4px;content-visibility:auto;contain-intrinsic-size:auto 3.2em}
.finding{all:unset;display:block;box-sizing:border-box;width:100%;cursor:pointer;padding:3px 4px;border-radius:4px;font-weight:600;color:#1c3d6e}
.finding:hover{background:#f1f3f5}
.finding:focus-visible,.finding:focus{outline:3px solid #1c3d6e;outline-offset:1px}
.note{margin:1px 4px;font-size:12px;color:#495057}
.keys,.summary p{font-size:12px;color:#495057;margin:4px 0}
button.toggle,button.brreg{font:inherit;font-size:12px;color:#212529;background:#f8f9fa;border:1px solid #868e96;border-radius:4px;padding:2px 8px;cursor:pointer}
a{color:#1c3d6e}
${OVERLAY_CSS}
`;

function noticeSections(sections: NoticePanel['sections'], t: Translate, doc: Document): HTMLElement[] {
  return sections.map((section) => {
    const box = el(doc, 'div', { class: 'section' });
    if (section.heading) box.append(el(doc, 'h3', {}, section.heading));
    const list = el(doc, 'ul');
    for (const line of section.lines) {
      const li = el(doc, 'li');
      if (line.href) li.append(el(doc, 'a', { href: line.href, target: '_blank', rel: 'noopener noreferrer' }, line.text));
      else li.textContent = line.text;
      if (line.code) li.title = t('content.code', { code: line.code });
      list.append(li);
    }
    box.append(list);
    return box;
  });
}

export function createPanel(options: PanelOptions): Panel {
  const doc = options.doc ?? document;
  const { t } = options;
  const { host, shadow } = createHost('inkludo-panel', 'panel', CSS, doc);
  const panel = el(doc, 'section', { class: 'panel', 'aria-label': t('content.panel.region') });
  const title = el(doc, 'h2', {}, 'Inkludo');
  const toggle = el(doc, 'button', { type: 'button', class: 'toggle', 'aria-controls': 'inkludo-body' });
  const bar = el(doc, 'div', { class: 'bar' });
  bar.append(title, toggle);
  const body = el(doc, 'div', { class: 'body', id: 'inkludo-body' });
  const notice = el(doc, 'div', { class: 'notice' });
  const heading = el(doc, 'h3', { id: 'inkludo-findings' }, t('content.panel.findings'));
  const keys = el(doc, 'p', { class: 'keys', id: 'inkludo-keys' }, t('content.panel.keys'));
  const list = el(doc, 'ul', { class: 'findings', 'aria-labelledby': 'inkludo-findings', 'aria-describedby': 'inkludo-keys' });
  const summary = el(doc, 'div', { class: 'summary' });
  body.append(notice, heading, keys, list, summary);
  panel.append(bar, body);
  const overlay = el(doc, 'div', { class: 'overlay', 'aria-hidden': 'true' });
  shadow.append(panel, overlay);

  // Room for the docked panel beside the page, so it covers none of it; none while collapsed.
  const room = documentStyle(doc)?.room ?? null;

  let count = 0;
  let collapsed = options.collapsed;
  function showState(): void {
    panel.setAttribute('data-collapsed', String(collapsed));
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? t('content.panel.show', { count }) : t('content.panel.hide');
    // No room before the host is in the page (the room is page-visible layout too).
    if (room) room.disabled = collapsed || !host.isConnected;
  }
  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    showState();
    options.onCollapse(collapsed);
  });
  showState();

  const items = new Map<string, { li: HTMLLIElement; button: HTMLButtonElement; entry: PanelEntry }>();
  let active: string | null = null;

  function buttons(): HTMLButtonElement[] {
    return [...list.querySelectorAll<HTMLButtonElement>('button.finding')];
  }
  function activate(button: HTMLButtonElement, focus: boolean): void {
    for (const b of buttons()) b.tabIndex = b === button ? 0 : -1;
    active = button.dataset.key ?? null;
    if (focus) button.focus();
  }
  list.addEventListener('keydown', (event) => {
    const all = buttons();
    const at = all.findIndex((b) => b === shadow.activeElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const target = all[Math.max(0, Math.min(all.length - 1, to))];
    if (target) activate(target, true);
  });

  function item(entry: PanelEntry) {
    const li = el(doc, 'li');
    const button = el(doc, 'button', { type: 'button', class: 'finding', 'data-key': entry.key });
    button.tabIndex = -1;
    button.addEventListener('click', () => {
      activate(button, false);
      items.get(entry.key)?.entry.go?.();
    });
    li.append(button);
    return { li, button, entry };
  }
  function fill(it: { li: HTMLLIElement; button: HTMLButtonElement; entry: PanelEntry }, entry: PanelEntry): void {
    it.entry = entry;
    if (it.button.textContent !== entry.label) it.button.textContent = entry.label;
    if (entry.code) it.button.title = t('content.code', { code: entry.code });
    const notes = entry.notes.map((n) => el(doc, 'p', { class: 'note' }, n));
    const lookup = entry.lookupOrgnr ? [brregBox(entry.lookupOrgnr)] : [];
    const old = [...it.li.children].filter((c) => c !== it.button);
    // Notes change rarely; a pending lookup answer is kept.
    const same = old.length === notes.length + lookup.length && notes.every((n, i) => old[i]?.textContent === n.textContent);
    if (!same) it.li.replaceChildren(it.button, ...notes, ...lookup);
  }
  function brregBox(orgnr: string): HTMLElement {
    const box = el(doc, 'div', { class: 'brreg-box' });
    const button = el(doc, 'button', { type: 'button', class: 'brreg' }, t('content.brreg.button'));
    const output = el(doc, 'output', { 'aria-live': 'polite' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      output.replaceChildren(el(doc, 'p', { class: 'note' }, t('content.brreg.loading')));
      const answer = await options.lookupBrreg(orgnr);
      output.setAttribute('data-outcome', answer.outcome);
      output.replaceChildren(...answer.lines.map((line) => el(doc, 'p', { class: 'note' }, line)));
      button.disabled = false;
    });
    box.append(button, output);
    return box;
  }

  return {
    host,
    overlay,
    attach() {
      if (host.isConnected) return;
      doc.documentElement.append(host);
      showState();
    },
    setNotice(view) {
      notice.replaceChildren(...(view ? noticeSections(view.sections, t, doc) : []));
      if (view) host.setAttribute('data-notice', view.state);
      else host.removeAttribute('data-notice');
    },
    setFindings(entries, lines) {
      const keep = new Set(entries.map((e) => e.key));
      for (const [key, it] of items) {
        if (keep.has(key)) continue;
        it.li.remove();
        items.delete(key);
      }
      const ordered = entries.map((entry) => {
        let it = items.get(entry.key);
        if (!it) {
          it = item(entry);
          items.set(entry.key, it);
        }
        fill(it, entry);
        return it.li;
      });
      // New entries at the end are appended; only when the order changed are elements moved (moving
      // the focused one would drop focus).
      const current = [...list.children];
      if (current.length <= ordered.length && current.every((li, i) => ordered[i] === li)) list.append(...ordered.slice(current.length));
      else {
        const focused = shadow.activeElement;
        list.replaceChildren(...ordered);
        if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
      }
      const first = active ? items.get(active)?.button : undefined;
      const stop = first ?? items.get(entries[0]?.key ?? '')?.button;
      if (stop) activate(stop, false);
      summary.replaceChildren(...lines.map((line) => el(doc, 'p', {}, line)), ...(entries.length === 0 && lines.length === 0 ? [el(doc, 'p', {}, t('content.panel.none'))] : []));
      count = entries.length;
      showState();
    },
  };
}
