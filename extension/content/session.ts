/**
 * One page's Inkludo session: asks the background for the user's language and the registry's name
 * keys, scans the page for organisation numbers, registry names and reservation wording, asks which
 * are registry suppliers and lists them in one docked panel. Marks (CSS highlights, never touching
 * the page's nodes) go on every number and on reservation wording alike, so nothing a page script
 * can see depends on the registry (README: "What a page script can and cannot see"). On TED notice pages the panel also shows the notice as the background
 * read it from the XML. The messaging is passed in, so the bench runs this same code against a
 * background in a worker.
 */
import { fillMessage, findReservationPhrases, type Lang, type Translate } from '../../core/index.ts';
import { candidatesToText, hashesFromText, linesOf, nameHitsFromText } from '../shared/match-text.ts';
import type { NoticePanel } from '../shared/page-messages.ts';
import type { SendPageMessage } from '../shared/page-send.ts';
import { createFindings, type Findings, type Mark } from './findings.ts';
import type { PortalAdapter } from './portals/index.ts';
import { readTexts } from './scan/mentions.ts';
import { createScanner, type Scanner } from './scan/scanner.ts';
import { createMarks, liveRange, type Marks } from './ui/marks.ts';
import type { BrregLines } from './ui/finding-list.ts';
import { createPanel, type Panel } from './ui/panel.ts';

export interface PageSession {
  /** Resolves when everything found so far is scanned, looked up and shown. */
  idle(): Promise<void>;
  stop(): void;
}

const RENDER_DELAY_MS = 250;
const URL_CHECK_MS = 1000;

export function pageTranslator(lang: Lang, messages: Readonly<Record<string, string>>): Translate {
  return (key, params) => fillMessage(lang, messages[key] ?? key, params);
}

async function brregLines(send: SendPageMessage, orgnr: string, t: Translate): Promise<BrregLines> {
  const answer = await send<'brreg/lookup'>({ type: 'brreg/lookup', orgnr });
  if (!answer.ok) return { outcome: answer.code, lines: [t(answer.code === 'not-found' ? 'content.brreg.error.not-found' : 'content.brreg.error.failed')] };
  const e = answer.entity;
  const lines = [t('content.brreg.result', { name: e.name, status: t(`content.brreg.status.${e.status}`) })];
  if (e.legalForm) lines.push(t('content.brreg.legal-form', { text: e.legalForm.text }));
  if (e.industry) lines.push(t('content.brreg.industry', { code: e.industry.code, text: e.industry.text }));
  if (e.employees) lines.push(e.employees.max === null ? t('content.brreg.employees-open', { min: e.employees.min }) : t('content.brreg.employees', { min: e.employees.min, max: e.employees.max }));
  lines.push(t('content.brreg.retrieved', { retrieved: e.retrieved }));
  return { outcome: e.status, lines };
}

/** Scroll to the mention, select it (where screen readers and the next Tab start from) and mark it. */
function goTo(mark: Mark, marks: Marks, panel: Panel): void {
  const range = liveRange(mark);
  mark.node.parentElement?.scrollIntoView({ block: 'center' });
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  marks.setCurrent(mark);
  const focusable = mark.node.parentElement?.closest<HTMLElement>('a[href],button,[tabindex],summary');
  if (focusable) focusable.focus({ preventScroll: true });
  else (panel.host.ownerDocument.activeElement as HTMLElement | null)?.blur();
}

/** Starts the session; null when the background gave no start (the page is then left alone). */
export async function startSession(send: SendPageMessage, portal: PortalAdapter | null): Promise<PageSession | null> {
  const start = await send<'page/start'>({ type: 'page/start' });
  if (!start.ok) return null;
  const t = pageTranslator(start.lang, start.messages);
  const keys = { hashes: hashesFromText(start.nameKeys.hashes), maxWords: start.nameKeys.maxWords };

  // Panel, marks and findings are made up front (the highlight names are registered and the style
  // sheets adopted on every page the session runs on), but the panel's host goes into the page only
  // with a finding whose presence does not depend on the registry (`shown`): a number, reservation
  // wording, a notice. A page naming a registry supplier without its number, and nothing else, gets
  // no host.
  const panel = createPanel({
    t,
    collapsed: start.collapsed,
    onCollapse: (collapsed) => void send<'panel/collapse'>({ type: 'panel/collapse', collapsed }),
    lookupBrreg: (orgnr) => brregLines(send, orgnr, t),
  });
  const marks = createMarks(document, () => panel.overlay);
  const findings = createFindings({ t, marks, goTo: (mark) => goTo(mark, marks, panel) });
  // The room beside the page, the first list of findings and the highlights each make the browser
  // walk the whole page again: they come in one frame (the host goes in with the first list), so the
  // page is laid out and painted once for all three; only the entries and marks in view are made.
  let attachDue = false;
  const shown = (show: boolean): Findings => {
    attachDue ||= show;
    return findings;
  };

  let renderTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when what was found is in the panel and marked, and that frame is drawn. */
  let drawn: Promise<void> = Promise.resolve();
  let settle: (() => void) | null = null;
  const render = () => {
    clearTimeout(renderTimer);
    if (!settle) drawn = new Promise((resolve) => (settle = resolve));
    renderTimer = setTimeout(() => {
      const done = () => {
        const resolve = settle;
        settle = null;
        resolve?.();
      };
      if (findings.isEmpty()) return done();
      if (attachDue) panel.attach();
      const { entries, summary } = findings.entries();
      panel.setFindings(entries, summary);
      marks.reveal();
      void send<'page/found'>({ type: 'page/found', counts: findings.counts() });
      requestAnimationFrame(() => setTimeout(done, 0));
    }, RENDER_DELAY_MS);
  };

  let scanner: Scanner | null = null;
  let noticeKey: string | null = null;
  // With the notice XML at hand the panel says what is reserved; page wording is read otherwise.
  let readFromXml = false;

  const showNotice = (view: NoticePanel | null) => {
    readFromXml = view?.state === 'notice';
    shown(view !== null).setNotice(view);
    panel.setNotice(view);
    render();
  };

  async function startFor(href: string): Promise<void> {
    const url = new URL(href);
    if (portal && !portal.matches(url)) return;
    const ref = portal?.noticeRef(url) ?? null;
    if (!ref && noticeKey) {
      // Left the notice: its part of the panel goes with it.
      noticeKey = null;
      showNotice(null);
    }
    if (ref && ref.publicationNumber !== noticeKey) {
      noticeKey = ref.publicationNumber;
      const answer = await send<'notice/panel'>({ type: 'notice/panel', publicationNumber: ref.publicationNumber });
      showNotice(answer.ok ? answer.panel : null);
    }
    if (scanner) return;
    scanner = createScanner({
      root: document.body,
      readTexts: (texts) => readTexts(texts, keys),
      findReservations: () => (readFromXml ? null : findReservationPhrases),
      lookup: async (orgnrs, names) => {
        const answer = await send<'registry/match'>({ type: 'registry/match', orgnrs: orgnrs.join(','), names: candidatesToText(names) });
        if (!answer.ok) return null;
        findings.addMatches({ orgnrs: linesOf(answer.orgnrs, ','), details: answer.details.split('\n'), provenances: answer.provenances }, answer.hasRegistry);
        return { names: nameHitsFromText(answer.names) };
      },
      onMention: (node, mention, inOrder) => shown(mention.via === 'orgnr').addMention(node, mention, inOrder),
      onReservation: (node, kind, index, length) => shown(true).addReservation(node, kind, index, length),
      onNodeGone: (node) => findings.dropNode(node),
      onProgress: render,
    });
    scanner.start();
  }

  await startFor(location.href);
  // Single-page portals change the address without a page load.
  let last = location.href;
  const urlCheck = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    startFor(last).catch((error: unknown) => console.warn('inkludo: content script', error));
  }, URL_CHECK_MS);
  return {
    async idle() {
      await scanner?.idle();
      // The panel shows what was found after a short delay, and the marks with it: wait until drawn.
      await drawn;
    },
    stop() {
      clearInterval(urlCheck);
      scanner?.stop();
      clearTimeout(renderTimer);
      settle?.();
    },
  };
}
