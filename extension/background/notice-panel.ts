/**
 * `notice/panel`: a TED notice fetched, read and assessed in the background, then worded for the
 * page's panel in plain words (codes only as tooltips). Award notices link to the competition notice
 * through the procedure id (BT-04) as a TED search, never as a bare id. Long lists of fitting
 * suppliers are cut to the first few with a count of the rest.
 */
import { assessNotice, readNotice, todayIso, type RuleSet, type Lang, type LotSignal, type Notice, type NoticeAssessment, type Translate } from '../../core/index.ts';
import type { NoticePanel, PanelLine, ReservationKind } from '../shared/page-messages.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import type { LoadedRegistry } from './registry-store.ts';
import { supplierWords } from '../shared/supplier-words.ts';
import { ProvenanceTable, supplierMatch } from './supplier-wording.ts';
import { tedXmlUrl } from './ted-url.ts';

const TIMEOUT_MS = 15_000;
/** Fitting suppliers listed per lot; the rest are counted. */
export const FITTING_SHOWN = 10;
const SOCIAL_CODES = new Set(['opp', 'acc-all', 'et-eq', 'gen-eq', 'hum-right', 'work-cond', 'other']);
const RESERVATION_KINDS: ReadonlySet<string> = new Set<ReservationKind>(['work-integration', 'sheltered-execution', 'public-service-mission']);

/** TED's search for the notices of one procedure (BT-04), in TED's language closest to the user's. */
export function tedProcedureSearchUrl(procedureId: string, lang: Lang): string {
  const query = `procedure-identifier="${procedureId}"`;
  return `https://ted.europa.eu/${lang === 'sv' ? 'sv' : 'en'}/search/result?query=${encodeURIComponent(query)}&scope=ALL`;
}

function signalLine(signal: LotSignal, t: Translate): PanelLine {
  const code = `${signal.field} ${signal.code}`;
  if (!RESERVATION_KINDS.has(signal.kind)) return { text: t(`content.signal.${signal.kind}`), code };
  const text = t(`content.reserved.${signal.kind}`);
  const basis = signal.legalBasis;
  if (!basis) return { text, code };
  const citation = basis.status === 'verified' ? basis.reference.title : t('content.signal.status', { citation: basis.reference.title, status: t(`status.${basis.status}`) });
  const href = basis.reference.url.startsWith('https://') ? basis.reference.url : undefined;
  return { text: t('content.signal.citation', { text, citation }), code, ...(href ? { href } : {}) };
}

export function noticePanelOf(notice: Notice, assessment: NoticeAssessment, loaded: LoadedRegistry | null, t: Translate, lang: Lang): NoticePanel {
  const today = todayIso();
  const sections: NoticePanel['sections'] = [];
  const findings: NoticePanel['findings'] = [];
  const head: PanelLine[] = [];
  if (notice.title) head.push({ text: notice.title });
  const registry = assessment.registry;
  if (registry) {
    head.push({ text: t('content.notice.registry', { source: registry.source, retrieved: registry.retrieved }) });
    if (registry.demo) head.push({ text: t('label.demo-data') });
  } else head.push({ text: t('content.notice.no-registry') });
  sections.push({ heading: t('content.panel.notice'), lines: head });

  const lots = new Map(notice.lots.map((lot) => [lot.id, lot]));
  for (const a of assessment.lots) {
    const lot = lots.get(a.lot);
    if (!lot) continue;
    const heading = `${t('content.lot', { kind: t(`content.lot.${lot.kind}`), id: lot.id })}${lot.title ? `: ${lot.title}` : ''}`;
    const lines: PanelLine[] = [];
    if (lot.reserved.length === 0) lines.push({ text: t('content.reserved.absent'), code: 'BT-71' });
    else if (a.signals.every((s) => s.field !== 'BT-71')) lines.push({ text: t('content.reserved.none'), code: `BT-71 ${lot.reserved.join(', ')}` });
    for (const signal of a.signals) {
      const line = signalLine(signal, t);
      lines.push(line);
      if (RESERVATION_KINDS.has(signal.kind)) findings.push({ kind: signal.kind as ReservationKind, text: `${lot.id}: ${line.text}`, code: line.code ?? '' });
    }
    if (lot.reservedExecution === 'no' || lot.reservedExecution === 'not-known') lines.push({ text: t(`content.execution.${lot.reservedExecution}`), code: `BT-736 ${lot.reservedExecution}` });
    if (lot.socialObjectives.length > 0) {
      const labels = lot.socialObjectives.map((c) => t(SOCIAL_CODES.has(c) ? `content.social.${c}` : 'content.social.unknown')).join('; ');
      lines.push({ text: t('content.social', { labels }), code: `BT-775 ${lot.socialObjectives.join(', ')}` });
    }
    if (a.fitting && registry) {
      lines.push({ text: a.fitting.length === 0 ? t('content.notice.fitting-none') : t('content.notice.fitting', { count: a.fitting.length }) });
      for (const f of a.fitting.slice(0, FITTING_SHOWN)) {
        const { source, retrieved } = f.supplier.provenance;
        lines.push({ text: t('content.notice.fitting-item', { name: f.supplier.name, orgnr: f.supplier.orgnr, source, retrieved }), code: `CPV ${f.cpv}` });
      }
      if (a.fitting.length > FITTING_SHOWN) lines.push({ text: t('content.notice.fitting-more', { count: a.fitting.length - FITTING_SHOWN }) });
    }
    sections.push({ heading, lines });
  }

  if (notice.formType === 'result') {
    const lines: PanelLine[] = [{ text: t('content.notice.award') }];
    if (notice.procedureId) lines.push({ text: t('content.notice.award-link'), code: notice.procedureId, href: tedProcedureSearchUrl(notice.procedureId, lang) });
    else lines.push({ text: t('content.notice.award-no-procedure') });
    const winners = assessment.winnersInRegistry;
    if (winners && loaded && notice.winners.length > 0) {
      if (winners.length === 0) lines.push({ text: t('content.notice.winners-none') });
      for (const w of winners) {
        // An award page is not a reserved notice: the registry wording only, never the 30 % wording.
        const provenances = new ProvenanceTable();
        const match = supplierMatch(w.supplier, today, provenances);
        const status = supplierWords(match, provenances.list[match.provenance] ?? { source: '', retrieved: '', demo: false }, t).inRegistry;
        const key = w.matchedBy === 'name' ? 'content.notice.winner-by-name' : 'content.notice.winner';
        lines.push({ text: t(key, { lot: w.lot ?? '', name: w.supplier.name, orgnr: w.supplier.orgnr, status }) });
      }
    }
    sections.push({ heading: t('content.notice.winners'), lines });
  }
  return {
    state: 'notice',
    noticeId: notice.id,
    reservedWorkIntegration: assessment.lots.some((a) => a.signals.some((s) => s.kind === 'work-integration')),
    findings,
    sections,
  };
}

function fallback(code: string, t: Translate): NoticePanel {
  const reason = t(`content.error.${code}`);
  return { state: 'fallback', noticeId: null, reservedWorkIntegration: false, findings: [], sections: [{ heading: t('content.panel.notice'), lines: [{ text: t('content.notice.failed', { reason }), code }] }] };
}

/** The panel for a TED notice; when TED or the XML fails, a panel that says so in plain words. */
export async function tedNoticePanel(publicationNumber: string, loaded: LoadedRegistry | null, t: Translate, lang: Lang, rules?: RuleSet): Promise<NoticePanel> {
  const url = tedXmlUrl(publicationNumber);
  const fetched = await fetchWithTimeout(url, { headers: { Accept: 'application/xml' }, credentials: 'omit' }, TIMEOUT_MS);
  if (!fetched.ok) return fallback(fetched.code, t);
  const { response } = fetched;
  if (response.status === 404) return fallback('not-found', t);
  if (!response.ok) return fallback('http-error', t);
  const read = readNotice(await response.text());
  if (!read.ok) return fallback('unreadable', t);
  const assessment = assessNotice(read.notice, loaded ? { lookup: loaded.index, provenance: loaded.registry.provenance } : null, rules);
  const panel = noticePanelOf(read.notice, assessment, loaded, t, lang);
  panel.sections.push({ heading: null, lines: [{ text: t('content.notice.source'), href: url }, { text: t('note.equal-treatment') }] });
  return panel;
}
