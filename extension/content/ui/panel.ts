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
import { createFindingList, type BrregLines, type ListedFinding } from './finding-list.ts';
import { createHost, el } from './host.ts';
import { documentStyle, PANEL_WIDTH as WIDTH, ROOM_ATTRIBUTE } from './highlight-style.ts';
import { OVERLAY_CSS } from './marks.ts';

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
  /** Every finding on the page in the order listed (worded when the list first shows it), and the summary lines. */
  setFindings(findings: readonly ListedFinding[], summary: readonly string[]): void;
}

const CSS = `
.panel{position:fixed;top:0;right:0;bottom:0;width:${WIDTH}px;box-sizing:border-box;z-index:2147483646;overflow:auto;overscroll-behavior:contain;background:#fff;color:#212529;border-left:1px solid #adb5bd;box-shadow:-2px 0 10px rgba(0,0,0,.12);font:13px/1.45 system-ui,sans-serif;padding:8px 12px}
/* A fixed size: the collapsed button's box is on screen (a page can probe it with elementFromPoint), and its width must not follow the count. */
.panel[data-collapsed="true"]{top:auto;bottom:12px;right:12px;width:14em;height:2.8em;border:1px solid #adb5bd;border-radius:8px;padding:4px 6px;overflow:hidden;white-space:nowrap}
.panel[data-collapsed="true"] .body,.panel[data-collapsed="true"] h2{display:none}
.bar{display:flex;justify-content:space-between;align-items:center;gap:8px}
h2{font-size:15px;margin:0}
h3{font-size:13px;margin:12px 0 2px}
ul{margin:2px 0;padding-left:0;list-style:none}
.notice li{margin:2px 0;padding-left:10px;text-indent:-10px}
.notice li::before{content:"\\2022  "}
/* Padding, not margins: an entry's measured height is its whole share of the list (finding-list.ts). Up to 300 entries are all made: those out of the panel's view are not styled, laid out or painted until scrolled to (they stay in the accessibility tree and take focus). */
.findings li{padding:4px 0;border-bottom:1px solid #e9ecef}
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
  documentStyle(doc);

  let count = 0;
  let collapsed = options.collapsed;
  function showState(): void {
    panel.setAttribute('data-collapsed', String(collapsed));
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? t('content.panel.show', { count }) : t('content.panel.hide');
    // The room goes and comes with the host (highlight-style.ts), so there is none before it is in the page.
    host.toggleAttribute(ROOM_ATTRIBUTE, !collapsed);
  }
  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    showState();
    if (!collapsed) requestAnimationFrame(() => findingList.refresh());
    options.onCollapse(collapsed);
  });
  showState();

  const findingList = createFindingList({ doc, shadow, list, scroller: panel, t, lookupBrreg: options.lookupBrreg });

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
    setFindings(findings, lines) {
      findingList.set(findings);
      summary.replaceChildren(...lines.map((line) => el(doc, 'p', {}, line)), ...(findings.length === 0 && lines.length === 0 ? [el(doc, 'p', {}, t('content.panel.none'))] : []));
      count = findings.length;
      showState();
    },
  };
}
