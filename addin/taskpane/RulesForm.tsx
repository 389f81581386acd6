import { BUYER_KINDS, isIsoDate, type Translate } from '../../core/index.ts';
import type { CheckSettings } from '../office/check-settings.ts';
import { Section } from './Section.tsx';

interface Props {
  readonly settings: CheckSettings;
  readonly today: string;
  readonly t: Translate;
  readonly onChange: (next: CheckSettings) => void;
}

/** Rules date and buyer type for the check (the country is in the jurisdiction bar). */
export function RulesForm({ settings, today, t, onChange }: Props) {
  return (
    <Section id="settings-section" title={t('addin.settings.legend')}>
      <div class="field">
        <label for="rules-date">{t('addin.settings.date')}</label>
        <input
          id="rules-date"
          type="date"
          value={settings.date ?? today}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ ...settings, date: isIsoDate(value) && value !== today ? value : null });
          }}
        />
      </div>
      <div class="field">
        <label for="buyer">{t('addin.settings.buyer')}</label>
        <select id="buyer" value={settings.buyer} onChange={(e) => onChange({ ...settings, buyer: BUYER_KINDS.find((b) => b === e.currentTarget.value) ?? 'detected' })}>
          {(['detected', ...BUYER_KINDS] as const).map((b) => (
            <option key={b} value={b}>
              {t(`addin.settings.buyer.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">{t('addin.settings.saved')}</p>
    </Section>
  );
}
