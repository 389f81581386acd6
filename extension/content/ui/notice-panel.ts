/**
 * The notice panel on TED notice pages: per lot the reservation with its legal reference (res-ws and
 * res-pub-ser kept apart), social signals, registry suppliers whose categories fit, winners found in
 * the registry, and always the equal-treatment note. Everything is set as text.
 */
import { formatOrgnr, type Translate } from '../../../core/index.ts';
import { createHost, el, safeHref } from './host.ts';
import type { NoticeView, ProvenanceView, SignalView } from './notice-view.ts';

const CSS = `
:host{position:fixed;top:12px;right:12px;z-index:2147483646;display:block}
.panel{width:min(380px,calc(100vw - 24px));max-height:calc(100vh - 24px);overflow:auto;box-sizing:border-box;background:#fff;color:#212529;border:1px solid #adb5bd;border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.18);
  font:13px/1.45 system-ui,sans-serif;padding:10px 12px}
.panel[data-collapsed="true"] .body{display:none}
header{display:flex;justify-content:space-between;align-items:center;gap:8px}
h2{font-size:14px;margin:0}
h3{font-size:13px;margin:10px 0 2px}
ul{margin:2px 0;padding-left:18px}
p{margin:3px 0}
.signal[data-kind="work-integration"],.signal[data-kind="sheltered-execution"]{color:#14532d;font-weight:600}
.signal[data-kind="public-service-mission"]{color:#153e75;font-weight:600}
.demo{color:#a61e4d;font-weight:700}
.note{margin-top:10px;padding-top:6px;border-top:1px solid #dee2e6;font-size:12px;color:#495057}
.failed{color:#7a4b00}
button{font:inherit;font-size:12px}
`;

function provenanceText(p: ProvenanceView, t: Translate): string {
  return p.demo ? `${p.source} (${t('label.demo-data')})` : p.source;
}

function shell(t: Translate, doc: Document): { host: HTMLElement; body: HTMLElement } {
  const { host, shadow } = createHost('inkludo-panel', 'notice-panel', CSS, doc);
  const panel = el(doc, 'aside', { class: 'panel', 'data-collapsed': 'false', 'aria-label': t('content.panel.title') });
  const toggle = el(doc, 'button', { type: 'button', class: 'toggle', 'aria-expanded': 'true' }, t('content.panel.close'));
  toggle.addEventListener('click', () => {
    const collapsed = panel.getAttribute('data-collapsed') !== 'true';
    panel.setAttribute('data-collapsed', String(collapsed));
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = t(collapsed ? 'content.panel.open' : 'content.panel.close');
  });
  const header = el(doc, 'header');
  header.append(el(doc, 'h2', {}, t('content.panel.title')), toggle);
  const body = el(doc, 'div', { class: 'body' });
  panel.append(header, body);
  shadow.append(panel);
  return { host, body };
}

function signalItem(signal: SignalView, t: Translate, doc: Document): HTMLElement {
  const basis = signal.legalBasis;
  const citation = basis ? `${basis.reference.title}${basis.status === 'verified' ? '' : ` (${t(`status.${basis.status}`)})`}` : '';
  const li = el(doc, 'li', { class: 'signal', 'data-kind': signal.kind, 'data-code': `${signal.field} ${signal.code}` }, t(`notice.signal.${signal.kind}`, { citation }));
  const href = safeHref(basis?.reference.url);
  if (href) {
    li.append(' ');
    li.append(el(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, t('content.panel.source-link')));
  }
  return li;
}

export function noticePanel(view: NoticeView, xmlUrl: string, t: Translate, doc: Document = document): HTMLElement {
  const { host, body } = shell(t, doc);
  host.setAttribute('data-state', 'notice');
  if (view.id) host.setAttribute('data-notice', view.id);
  if (view.title) body.append(el(doc, 'p', {}, t('notice.title', { title: view.title })));
  const registry = view.assessment.registry;
  if (registry) {
    const line = el(doc, 'p', { class: 'registry' }, t('notice.registry', { source: registry.source, retrieved: registry.retrieved }));
    body.append(line);
    if (registry.demo) body.append(el(doc, 'p', { class: 'demo' }, t('label.demo-data')));
  } else body.append(el(doc, 'p', { class: 'no-registry' }, t('content.panel.no-registry')));

  const assessed = new Map(view.assessment.lots.map((a) => [a.lot, a]));
  for (const lot of view.lots) {
    const a = assessed.get(lot.id);
    if (!a) continue; // groups of lots carry no reservation
    const section = el(doc, 'section', { class: 'lot', 'data-lot': lot.id });
    section.append(el(doc, 'h3', {}, `${t(`notice.kind.${lot.kind}`)} ${lot.id}${lot.title ? `: ${lot.title}` : ''}`));
    const signals = el(doc, 'ul', { class: 'signals' });
    if (lot.reserved.length === 0) signals.append(el(doc, 'li', { class: 'signal', 'data-kind': 'absent' }, t('notice.signal.absent')));
    else if (a.signals.length === 0) signals.append(el(doc, 'li', { class: 'signal', 'data-kind': 'none' }, t('content.panel.lot-signals-none')));
    for (const s of a.signals) signals.append(signalItem(s, t, doc));
    section.append(signals);
    if (lot.reservedExecution && lot.reservedExecution !== 'yes') {
      const value = ['no', 'not-known'].includes(lot.reservedExecution) ? t(`notice.execution.${lot.reservedExecution}`) : lot.reservedExecution;
      section.append(el(doc, 'p', {}, t('notice.execution', { value })));
    }
    if (lot.socialObjectives.length > 0) section.append(el(doc, 'p', {}, t('notice.social-objectives', { codes: lot.socialObjectives.join(', ') })));
    if (a.fitting && registry) {
      section.append(el(doc, 'p', {}, a.fitting.length > 0 ? t('notice.fitting', { count: a.fitting.length }) : t('notice.fitting-none')));
      const list = el(doc, 'ul', { class: 'fitting' });
      for (const f of a.fitting) {
        const orgnr = formatOrgnr(f.orgnr, f.jurisdiction);
        list.append(el(doc, 'li', { 'data-orgnr': f.orgnr }, t('notice.fitting-item', { name: f.name, orgnr, cpv: f.cpv, source: provenanceText(f.provenance, t), retrieved: f.provenance.retrieved })));
      }
      if (a.fitting.length > 0) section.append(list);
    }
    body.append(section);
  }

  if (view.formType === 'result') body.append(el(doc, 'p', {}, t('notice.award-hint', { procedureId: view.procedureId ?? t('notice.unknown') })));
  const winners = view.assessment.winnersInRegistry;
  if (winners && registry && view.winners.length > 0) {
    const section = el(doc, 'section', { class: 'winners' });
    section.append(el(doc, 'h3', {}, t('notice.registry-winners')));
    if (winners.length === 0) section.append(el(doc, 'p', {}, t('notice.registry-winners-none')));
    const list = el(doc, 'ul');
    for (const w of winners) {
      const orgnr = formatOrgnr(w.orgnr, w.jurisdiction);
      list.append(el(doc, 'li', { 'data-orgnr': w.orgnr }, t('notice.registry-winner', { lot: w.lot ?? t('notice.unknown'), name: w.name, orgnr, source: provenanceText(w.provenance, t), retrieved: w.provenance.retrieved })));
    }
    if (winners.length > 0) section.append(list);
    body.append(section);
  }
  body.append(el(doc, 'p', { class: 'source' }, t('content.panel.xml-source', { url: xmlUrl })));
  body.append(el(doc, 'p', { class: 'note' }, t('note.equal-treatment')));
  return host;
}

/** When the notice data could not be had: say so, and that the page text is used instead. */
export function fallbackPanel(code: string, t: Translate, doc: Document = document): HTMLElement {
  const { host, body } = shell(t, doc);
  host.setAttribute('data-state', 'fallback');
  body.append(el(doc, 'p', { class: 'failed' }, t('content.panel.fetch-failed', { code })));
  body.append(el(doc, 'p', { class: 'note' }, t('note.equal-treatment')));
  return host;
}
