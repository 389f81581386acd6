import { COLUMN_ROLES, type ColumnRole, type SheetReport, type Translate } from '../../core/index.ts';
import { columnLetters } from '../office/a1.ts';
import { VALUE_BASIS_CHOICES, type CheckSettings } from '../office/check-settings.ts';
import { Section } from './Section.tsx';

interface Props {
  readonly settings: CheckSettings;
  /** The last check's report: its header row and detected columns. */
  readonly report: SheetReport | null;
  readonly t: Translate;
  readonly onChange: (next: CheckSettings) => void;
}

/**
 * The header row, how the value column is read, and which column plays which role: for each role what
 * the check recognised (column letter and header text) or that it found none, and the user's change.
 */
export function MappingEditor({ settings, report, t, onChange }: Props) {
  const headers = report?.headers ?? [];
  const columnLabel = (i: number) => t('addin.mapping.column', { letter: columnLetters(i), header: headers[i] ?? '' });
  const setRole = (role: ColumnRole, value: string) => {
    const mapping = { ...settings.mapping };
    if (value === 'auto') delete mapping[role];
    else mapping[role] = value === 'none' ? null : Number(value);
    onChange({ ...settings, mapping });
  };
  const found = report ? COLUMN_ROLES.filter((role) => report.columns[role] !== undefined).length : 0;

  return (
    <Section id="mapping-section" title={t('addin.mapping.legend')} state={report && report.headerRow > 0 ? t('addin.mapping.found-count', { found, total: COLUMN_ROLES.length }) : undefined}>
      <p class="hint">{report && report.headerRow > 0 ? t('addin.mapping.detected', { row: report.headerRow }) : t('addin.mapping.not-checked')}</p>
      <div class="field">
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
      </div>
      <div class="field">
        <label for="value-basis">{t('addin.pane.basis')}</label>
        <select id="value-basis" value={settings.valueBasis} onChange={(e) => onChange({ ...settings, valueBasis: VALUE_BASIS_CHOICES.find((b) => b === e.currentTarget.value) ?? 'detected' })}>
          {VALUE_BASIS_CHOICES.map((b) => (
            <option key={b} value={b}>
              {b === 'detected'
                ? report
                  ? t('addin.pane.basis.detected', { basis: t(`addin.pane.basis.${report.valueBasis}`) })
                  : t('addin.mapping.auto')
                : t(`addin.pane.basis.${b}`)}
            </option>
          ))}
        </select>
      </div>
      {report && (
        <ul class="roles">
          {COLUMN_ROLES.map((role) => {
            const chosen = settings.mapping[role];
            const detected = report.columns[role];
            const missing = chosen === undefined && detected === undefined;
            return (
              <li class={missing ? 'role missing' : 'role'} key={role}>
                <label for={`map-${role}`}>{t(`addin.mapping.role.${role}`)}</label>
                <select id={`map-${role}`} value={chosen === undefined ? 'auto' : chosen === null ? 'none' : String(chosen)} onChange={(e) => setRole(role, e.currentTarget.value)}>
                  <option value="auto">{detected === undefined ? t('addin.mapping.not-found') : columnLabel(detected)}</option>
                  <option value="none">{t('addin.mapping.none')}</option>
                  {headers.map((_, i) => (
                    <option key={i} value={String(i)}>
                      {columnLabel(i)}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" onClick={() => onChange({ ...settings, headerRow: null, mapping: {}, valueBasis: 'detected' })}>
        {t('addin.mapping.reset')}
      </button>
    </Section>
  );
}
