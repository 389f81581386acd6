import { COLUMN_ROLES, type ColumnRole, type SheetReport, type Translate } from '../../core/index.ts';
import { columnLetters } from '../office/a1.ts';
import type { CheckSettings } from '../office/check-settings.ts';

interface Props {
  readonly settings: CheckSettings;
  /** The last check's report: its header row and detected columns. */
  readonly report: SheetReport | null;
  readonly t: Translate;
  readonly onChange: (next: CheckSettings) => void;
}

/** The header row and which column plays which role, over what the check detected. */
export function MappingEditor({ settings, report, t, onChange }: Props) {
  const headers = report?.headers ?? [];
  const columnLabel = (i: number) => t('addin.mapping.column', { letter: columnLetters(i), header: headers[i] ?? '' });
  const setRole = (role: ColumnRole, value: string) => {
    const mapping = { ...settings.mapping };
    if (value === 'auto') delete mapping[role];
    else mapping[role] = value === 'none' ? null : Number(value);
    onChange({ ...settings, mapping });
  };

  return (
    <fieldset>
      <legend>{t('addin.mapping.legend')}</legend>
      <p class="hint">{report && report.headerRow > 0 ? t('addin.mapping.detected', { row: report.headerRow }) : t('addin.mapping.not-checked')}</p>
      <label for="header-row">{t('addin.mapping.header-row')}</label>
      <input
        id="header-row"
        type="number"
        min={1}
        inputMode="numeric"
        value={settings.headerRow ?? ''}
        placeholder={report && report.headerRow > 0 ? String(report.headerRow) : ''}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          onChange({ ...settings, headerRow: e.currentTarget.value !== '' && Number.isInteger(n) && n >= 1 ? n : null });
        }}
      />
      {report &&
        COLUMN_ROLES.map((role) => {
          const chosen = settings.mapping[role];
          const detected = chosen === undefined ? report.columns[role] : undefined;
          return (
            <div class="role" key={role}>
              <label for={`map-${role}`}>{t(`addin.mapping.role.${role}`)}</label>
              <select id={`map-${role}`} value={chosen === undefined ? 'auto' : chosen === null ? 'none' : String(chosen)} onChange={(e) => setRole(role, e.currentTarget.value)}>
                <option value="auto">{detected === undefined ? t('addin.mapping.auto') : `${t('addin.mapping.auto')} (${columnLabel(detected)})`}</option>
                <option value="none">{t('addin.mapping.none')}</option>
                {headers.map((_, i) => (
                  <option key={i} value={String(i)}>
                    {columnLabel(i)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      <button type="button" onClick={() => onChange({ ...settings, headerRow: null, mapping: {} })}>
        {t('addin.mapping.reset')}
      </button>
    </fieldset>
  );
}
