/** The toolbar popup: this page's findings, enabling the site, the registry, a quick lookup. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { translator, type Translate } from '../../core/index.ts';
import type { PageCounts, RegistryStatus } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';
import { pageLanguage } from '../ui/language.ts';
import { RegistrySummary } from '../ui/registry-summary.tsx';
import { LookupSection } from './lookup-section.tsx';
import { PageSection } from './page-section.tsx';
import { SiteSection } from './site-section.tsx';
import { targetTab, type TargetTab } from './target-tab.ts';

interface Loaded {
  readonly t: Translate;
  readonly tab: TargetTab | null;
  readonly counts: PageCounts | null;
  readonly registry: RegistryStatus | null;
}

async function load(): Promise<Loaded> {
  const [settings, tab, registry] = await Promise.all([
    sendMessage({ type: 'settings/get' }),
    targetTab(),
    sendMessage({ type: 'registry/status' }),
  ]);
  const lang = pageLanguage(settings.ok ? settings.settings.language : 'auto');
  document.documentElement.lang = lang;
  const page = tab ? await sendMessage({ type: 'page/status', tabId: tab.id }) : null;
  return {
    t: translator(lang),
    tab,
    counts: page?.ok ? page.counts : null,
    registry: registry.ok ? registry.status : null,
  };
}

export function Popup() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => void load().then(setLoaded), []);
  if (!loaded) return null;
  const { t, tab, counts, registry } = loaded;
  return (
    <main data-ready="true">
      <h1>{t('extension.popup.title')}</h1>
      <PageSection counts={counts} t={t} />
      <SiteSection url={tab?.url} t={t} />
      <section aria-labelledby="registry-heading">
        <h2 id="registry-heading">{t('extension.registry.heading')}</h2>
        {registry ? <RegistrySummary status={registry} t={t} /> : <p class="error">{t('extension.error.internal')}</p>}
      </section>
      <LookupSection t={t} />
      <p class="note">{t('note.equal-treatment')}</p>
      <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('extension.popup.open-options')}
      </button>
    </main>
  );
}
