import { BUYER_KINDS, isIsoDate, type Translate } from '../../core/index.ts';
import type { CheckSettings } from '../office/check-settings.ts';

interface Props {
  readonly settings: CheckSettings;
  readonly today: string;
  readonly t: Translate;
  readonly onChange: (next: CheckSettings) => void;
}

/** Country, rules date and buyer type for the check. */
export function RulesForm({ settings, today, t, onChange }: Props) {
  return (
    <fieldset>
      <legend>{t('addin.settings.legend')}</legend>
      <label for="jurisdiction">{t('addin.settings.jurisdiction')}</label>
      <select id="jurisdiction" value={settings.jurisdiction} onChange={(e) => onChange({ ...settings, jurisdiction: e.currentTarget.value === 'SE' ? 'SE' : 'NO' })}>
        <option value="NO">{t('addin.settings.jurisdiction.NO')}</option>
        <option value="SE">{t('addin.settings.jurisdiction.SE')}</option>
      </select>
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
      <label for="buyer">{t('addin.settings.buyer')}</label>
      <select id="buyer" value={settings.buyer} onChange={(e) => onChange({ ...settings, buyer: BUYER_KINDS.find((b) => b === e.currentTarget.value) ?? 'municipal' })}>
        {BUYER_KINDS.map((b) => (
          <option key={b} value={b}>
            {t(`addin.settings.buyer.${b}`)}
          </option>
        ))}
      </select>
      <p class="hint">{t('addin.settings.saved')}</p>
    </fieldset>
  );
}
