import { useEffect, useState } from 'preact/hooks';
import { describeCheck, followupCalendar, followupDates, type FollowupReport, type Lang, type Registry, type RuleSet, type Translate } from '../../core/index.ts';
import type { CheckSettings } from '../office/check-settings.ts';
import { sheetCheckOptions } from '../office/check-workbook.ts';
import { readActiveSheet } from '../office/read-sheet.ts';
import { Section } from './Section.tsx';
import { FOLLOWUP_SHEET, writeFollowup } from '../office/write-followup.ts';

interface Props {
  readonly settings: CheckSettings;
  readonly registry: Registry | null;
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly today: string;
  /** The sheet checked last, read again when the results sheet is active. */
  readonly lastChecked: string | null;
  readonly t: Translate;
}

/**
 * Follow-up dates for a contract register: share re-checks, option starts and reporting dates,
 * overdue first, also written to the add-in's own follow-up sheet, and as a calendar file to download.
 * The user's sheets are only read.
 */
export function FollowupDates({ settings, registry, rules, lang, today, lastChecked, t }: Props) {
  const [report, setReport] = useState<FollowupReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ics, setIcs] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => () => void (ics && URL.revokeObjectURL(ics)), [ics]);

  const run = async () => {
    setError(null);
    setNote(null);
    try {
      const read = await readActiveSheet(lastChecked);
      if (!read.ok) {
        setError(t(`addin.check.error.${read.reason}`));
        return;
      }
      // The same options as "Check sheet", plus the registry's share dates for evidence the register lacks.
      const options = sheetCheckOptions(settings, registry, rules, today, read.sheet.sheetName);
      const next = followupDates(read.sheet.cells, { ...options, suppliers: options.registry ?? null });
      if (next.headerRow === 0) {
        setError(t('addin.check.error.no-header'));
        return;
      }
      setReport(next);
      const written = await writeFollowup(next, lang);
      setNote(written.ok ? t('followup.pane.written', { sheet: FOLLOWUP_SHEET }) : t('followup.pane.foreign-sheet', { sheet: FOLLOWUP_SHEET }));
      setIcs(URL.createObjectURL(new Blob([followupCalendar(next, lang, new Date())], { type: 'text/calendar' })));
    } catch (e) {
      setError(t('addin.check.error.office', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <Section id="followup-section" title={t('followup.pane.heading')}>
      <p class="hint">{t('followup.pane.intro')}</p>
      <button type="button" id="followup-run" onClick={() => void run()}>
        {t('followup.pane.button')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {note && <p id="followup-note">{note}</p>}
      {report && report.checks.length === 0 && <p>{t('followup.pane.none')}</p>}
      {report && report.checks.length > 0 && (
        <ol id="followup-checks">
          {report.checks.map((c, i) => {
            const { summary, detail } = describeCheck(lang, c);
            return (
              <li key={i} class={c.overdue ? 'error' : undefined} data-row={c.row}>
                <strong>{c.due ?? '—'}</strong> {summary}
                <br />
                <span class="hint">{detail}</span>
              </li>
            );
          })}
        </ol>
      )}
      {report && ics && (
        <p>
          <a id="followup-ics" href={ics} download="inkludo-followup.ics">
            {t('followup.pane.download')}
          </a>
        </p>
      )}
    </Section>
  );
}
