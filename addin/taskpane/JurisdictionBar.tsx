import type { Translate } from '../../core/index.ts';
import type { CheckSettings } from '../office/check-settings.ts';

interface Props {
  readonly settings: CheckSettings;
  readonly today: string;
  readonly t: Translate;
  readonly onChange: (next: CheckSettings) => void;
}

/**
 * Whose rules the check applies, in plain view, and a one-click switch to the other country. The
 * default follows Office's language (Swedish → Sweden, otherwise Norway); the choice is saved in the workbook.
 */
export function JurisdictionBar({ settings, today, t, onChange }: Props) {
  const other = settings.jurisdiction === 'NO' ? 'SE' : 'NO';
  return (
    <div class="jurisdiction" id="jurisdiction">
      <span class={`flag flag-${settings.jurisdiction}`} aria-hidden="true" />
      <span class="jurisdiction-text" id="jurisdiction-text">
        {t('addin.pane.jurisdiction', { country: t(`addin.settings.jurisdiction.${settings.jurisdiction}`), date: settings.date ?? today })}
      </span>
      <button type="button" class="subtle" id="switch-jurisdiction" onClick={() => onChange({ ...settings, jurisdiction: other })}>
        {t(`addin.pane.jurisdiction.switch.${other}`)}
      </button>
    </div>
  );
}
