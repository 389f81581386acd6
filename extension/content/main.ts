/**
 * The content script: on a portal page (or a site the user enabled) it loads the registry from the
 * background, scans the page for org numbers, registry names and reservation wording, and on TED
 * notice pages shows the notice panel from the notice XML. Whatever fails, the page keeps working:
 * a failed fetch falls back to reading the page text, a failed registry load to numbers only.
 */
import { buildRegistryIndex, findReservationPhrases, langFromLocale, todayIso, translator, type RegistryIndex, type Translate } from '../../core/index.ts';
import { sendMessage } from '../shared/messaging.ts';
import { registryFromSnapshot } from '../shared/registry-snapshot.ts';
import { portalForHost, type PortalAdapter, type TedNoticeRef } from './portals/index.ts';
import { findSupplierMentions } from './scan/mentions.ts';
import { createScanner, type ScanCounts, type Scanner } from './scan/scanner.ts';
import { fallbackPanel, noticePanel } from './ui/notice-panel.ts';
import { noticeViewSchema } from './ui/notice-view.ts';
import { reservedFlag } from './ui/reserved-flag.ts';
import { supplierBadge } from './ui/supplier-badge.ts';

const REPORT_DELAY_MS = 300;
const URL_CHECK_MS = 1000;

async function language(): Promise<Translate> {
  const answer = await sendMessage<'settings/get'>({ type: 'settings/get' });
  const chosen = answer.ok ? answer.settings.language : 'auto';
  return translator(chosen === 'auto' ? langFromLocale(navigator.language) : chosen);
}

async function registryIndex(): Promise<RegistryIndex | null> {
  const answer = await sendMessage<'registry/snapshot'>({ type: 'registry/snapshot' });
  return answer.ok && answer.snapshot ? buildRegistryIndex(registryFromSnapshot(answer.snapshot)) : null;
}

function reportCounts(): (counts: ScanCounts) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (counts) => {
    clearTimeout(timer);
    timer = setTimeout(() => void sendMessage<'page/found'>({ type: 'page/found', counts: { ...counts } }), REPORT_DELAY_MS);
  };
}

/** The notice panel for a TED notice; true when the notice XML was read (so page text need not be). */
async function showNotice(ref: TedNoticeRef, t: Translate): Promise<{ panel: Element; fromXml: boolean }> {
  const answer = await sendMessage<'notice/fetch-ted'>({ type: 'notice/fetch-ted', publicationNumber: ref.publicationNumber });
  let panel: Element;
  let fromXml = false;
  if (answer.ok) {
    const view = noticeViewSchema.safeParse(answer.notice);
    if (view.success) {
      panel = noticePanel(view.data, answer.url, t);
      fromXml = true;
    } else panel = fallbackPanel('bad-message', t);
  } else panel = fallbackPanel(answer.code, t);
  document.body.append(panel);
  return { panel, fromXml };
}

async function run(portal: PortalAdapter | null): Promise<void> {
  const [t, registry] = await Promise.all([language(), registryIndex()]);
  const today = todayIso();
  const badgeContext = { t, today, hasRegistry: registry !== null, lookupBrreg: (orgnr: string) => sendMessage<'brreg/lookup'>({ type: 'brreg/lookup', orgnr }) };
  const onProgress = reportCounts();
  let scanner: Scanner | null = null;
  let panel: Element | null = null;
  let noticeKey: string | null = null;
  // With the notice XML at hand the panel says what is reserved; page wording is read otherwise.
  let readFromXml = false;

  async function startFor(href: string): Promise<void> {
    const url = new URL(href);
    if (portal && !portal.matches(url)) return;
    const ref = portal?.noticeRef(url) ?? null;
    if (!ref) {
      // Left the notice: its panel goes with it.
      panel?.remove();
      panel = null;
      noticeKey = null;
      readFromXml = false;
    }
    if (ref && ref.publicationNumber !== noticeKey) {
      noticeKey = ref.publicationNumber;
      panel?.remove();
      const shown = await showNotice(ref, t);
      panel = shown.panel;
      readFromXml = shown.fromXml;
    }
    if (scanner) return;
    scanner = createScanner({
      root: document.body,
      findMentions: (text) => findSupplierMentions(text, registry),
      findReservations: (text) => (readFromXml ? [] : findReservationPhrases(text)),
      makeBadge: (mention) => supplierBadge(mention, badgeContext),
      makeFlag: (kind, phrase) => reservedFlag(kind, phrase, t),
      onProgress,
    });
    scanner.start();
    onProgress(scanner.counts());
  }

  await startFor(location.href);
  // Single-page portals change the address without a page load.
  let last = location.href;
  setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    startFor(last).catch((error: unknown) => console.warn('inkludo: content script', error));
  }, URL_CHECK_MS);
}

// Frames are left alone; only https pages (the manifest asks for nothing else).
if (window.top === window && location.protocol === 'https:' && document.body) {
  run(portalForHost(new URL(location.href))).catch((error: unknown) => console.warn('inkludo: content script', error));
}
