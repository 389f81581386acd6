/** Language and default jurisdiction, saved as soon as they change. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../core/index.ts';
import { LANGUAGE_SETTINGS, type Settings } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';

const JURISDICTIONS = ['NO', 'SE'] as const;

export function PreferencesSection({ settings, t, onChange }: { settings: Settings; t: Translate; onChange: () => void }) {
  const [saved, setSaved] = useState(false);
  const save = async (change: Partial<Settings>) => {
    const answer = await sendMessage({ type: 'settings/set', settings: change });
    setSaved(answer.ok);
    onChange();
  };
  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('extension.options.preferences.heading')}</h2>
      <label for="language">{t('extension.options.language.label')}</label>
      <select id="language" value={settings.language} onChange={(e) => void save({ language: e.currentTarget.value as Settings['language'] })}>
        {LANGUAGE_SETTINGS.map((lang) => (
          <option key={lang} value={lang}>
            {t(`extension.options.language.${lang}`)}
          </option>
        ))}
      </select>
      <label for="jurisdiction">{t('extension.options.jurisdiction.label')}</label>
      <select
        id="jurisdiction"
        value={settings.defaultJurisdiction}
        onChange={(e) => void save({ defaultJurisdiction: e.currentTarget.value as Settings['defaultJurisdiction'] })}
      >
        {JURISDICTIONS.map((j) => (
          <option key={j} value={j}>
            {t(`extension.options.jurisdiction.${j}`)}
          </option>
        ))}
      </select>
      <p role="status">{saved && t('extension.options.saved')}</p>
    </section>
  );
}
