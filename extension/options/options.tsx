/** The options page: registry, organisation URL, language and jurisdiction, enabled sites, data sources. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { translator, type Lang } from '../../core/index.ts';
import type { RegistryStatus, Settings } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';
import { pageLanguage } from '../ui/language.ts';
import { BrregSection } from './brreg-section.tsx';
import { PreferencesSection } from './preferences-section.tsx';
import { RegistrySection } from './registry-section.tsx';
import { RulePackSection } from './rulepack-section.tsx';
import { SitesSection } from './sites-section.tsx';
import { SourcesSection } from './sources-section.tsx';
import { UrlSection } from './url-section.tsx';

interface Loaded {
  readonly lang: Lang;
  readonly settings: Settings;
  readonly status: RegistryStatus;
}

async function load(): Promise<Loaded | null> {
  const [settings, status] = await Promise.all([sendMessage({ type: 'settings/get' }), sendMessage({ type: 'registry/status' })]);
  if (!settings.ok || !status.ok) return null;
  const lang = pageLanguage(settings.settings.language);
  document.documentElement.lang = lang;
  return { lang, settings: settings.settings, status: status.status };
}

export function Options() {
  const [loaded, setLoaded] = useState<Loaded | null | 'failed'>(null);
  const reload = useCallback(() => void load().then((l) => setLoaded(l ?? 'failed')), []);
  useEffect(reload, [reload]);
  if (loaded === null) return null;
  if (loaded === 'failed') return <main>{translator(pageLanguage('auto'))('extension.error.internal')}</main>;
  const { lang, settings, status } = loaded;
  const t = translator(lang);
  document.title = t('extension.options.title');
  return (
    <main data-ready="true">
      <h1>{t('extension.options.title')}</h1>
      <RegistrySection status={status} t={t} onChange={reload} />
      <BrregSection t={t} onChange={reload} />
      <UrlSection settings={settings} status={status} lang={lang} t={t} onChange={reload} />
      <RulePackSection lang={lang} t={t} />
      <PreferencesSection settings={settings} t={t} onChange={reload} />
      <SitesSection t={t} />
      <SourcesSection status={status} t={t} />
      <p class="note">{t('note.equal-treatment')}</p>
    </main>
  );
}
