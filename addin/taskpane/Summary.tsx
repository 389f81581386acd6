import { useState } from 'preact/hooks';
import { FINDING_CODES, REGIME_CODES, describeFinding, type Lang, type RowResult, type SheetReport, type Translate } from '../../core/index.ts';
import { rowStatus } from '../office/result-table.ts';

/** At most this many rows are listed in a group; the results sheet has them all. */
const LISTED_ROWS = 200;

interface Props {
  readonly report: SheetReport;
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelectRow: (row: number) => void;
}

/** A catalogue label ("verdi mangler") as a heading ("Verdi mangler"). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(t: Translate, key: string, count: number): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}`, { count });
}

/** Rows that ask something of the reader: an error or a warning. */
function needsAttention(row: RowResult): boolean {
  const status = rowStatus(row);
  return status === 'error' || status === 'warning';
}

function isCandidate(row: RowResult): boolean {
  return row.findings.some((f) => f.code === 'RESERVATION-CANDIDATE');
}

interface GroupProps {
  readonly id: string;
  readonly label: string;
  /** Codes behind the label, for the tooltip only. */
  readonly codes: readonly string[];
  readonly rows: readonly RowResult[];
  readonly t: Translate;
  readonly onSelectRow: (row: number) => void;
}

/** One group in words; opened, it lists its rows, and a row takes the user to its source row. */
function Group({ id, label, codes, rows, t, onSelectRow }: GroupProps) {
  const [open, setOpen] = useState(false);
  return (
    <details class="group" id={id} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary title={codes.length > 0 ? t('addin.summary.codes', { codes: codes.join(', ') }) : undefined}>{t('addin.summary.group.count', { label, count: rows.length })}</summary>
      {open && (
        <>
          <ul class="rows">
            {rows.slice(0, LISTED_ROWS).map((r) => {
              const status = rowStatus(r);
              const findings = [...new Set(r.findings.map((f) => t(`label.finding.${f.code}`)))];
              return (
                <li key={r.row}>
                  <button type="button" class="row" data-row={r.row} title={t('addin.summary.codes', { codes: [r.regime, ...r.findings.map((f) => f.code)].join(', ') })} onClick={() => onSelectRow(r.row)}>
                    {/* The status word is explained as on the results sheet's legend. */}
                    <span class={`status status-${status}`} title={t(`addin.results.legend.${status}`)}>
                      {t(`addin.status.${status}`)}
                    </span>
                    <span class="row-text">
                      {t('addin.summary.row', { row: r.row, text: r.description ?? '' })}
                      {findings.length > 0 && <span class="row-findings">{sentence(findings.join(' · '))}</span>}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {rows.length > LISTED_ROWS && <p class="hint">{t('addin.summary.more', { shown: LISTED_ROWS, count: rows.length })}</p>}
        </>
      )}
    </details>
  );
}

/**
 * The check's outcome in words: one line of counts, then groups (need attention, could be reserved,
 * by regime, by finding), each opening to its rows. Codes appear only in tooltips.
 */
export function Summary({ report, lang, t, onSelectRow }: Props) {
  const { summary, rows } = report;
  const attention = rows.filter(needsAttention);
  const candidates = rows.filter(isCandidate);
  const regimes = REGIME_CODES.filter((c) => (summary.byRegime[c] ?? 0) > 0);
  const findings = FINDING_CODES.filter((c) => (summary.byFinding[c] ?? 0) > 0);
  const groupProps = { t, onSelectRow };

  return (
    <section aria-labelledby="summary-heading" id="summary">
      <h2 id="summary-heading">{t('addin.summary.heading')}</h2>
      <p class="summary-line">
        {[plural(t, 'addin.summary.checked', summary.rowsChecked), plural(t, 'addin.summary.attention', attention.length), plural(t, 'addin.summary.candidates', candidates.length)].join(' · ')}
      </p>
      {summary.rowsSkipped > 0 && <p class="hint">{t('addin.summary.skipped', { count: summary.rowsSkipped })}</p>}
      {report.assumptions.length > 0 && (
        <details class="group-set" id="assumptions">
          <summary>{t('addin.summary.assumptions', { count: report.assumptions.length })}</summary>
          <ul class="assumptions">
            {report.assumptions.map((a, i) => (
              <li key={i}>{describeFinding(lang, a)}</li>
            ))}
          </ul>
        </details>
      )}
      <Group id="group-attention" label={t('addin.summary.group.attention')} codes={[]} rows={attention} {...groupProps} />
      <Group id="group-candidates" label={t('addin.summary.group.candidates')} codes={['RESERVATION-CANDIDATE']} rows={candidates} {...groupProps} />
      <details class="group-set">
        <summary>{t('addin.summary.by-regime')}</summary>
        {regimes.map((code) => (
          <Group key={code} id={`group-regime-${code}`} label={t(`regime.${code}`)} codes={[code]} rows={rows.filter((r) => r.regime === code)} {...groupProps} />
        ))}
      </details>
      <details class="group-set">
        <summary>{t('addin.summary.by-finding')}</summary>
        {findings.map((code) => (
          <Group key={code} id={`group-finding-${code}`} label={sentence(t(`label.finding.${code}`))} codes={[code]} rows={rows.filter((r) => r.findings.some((f) => f.code === code))} {...groupProps} />
        ))}
      </details>
    </section>
  );
}
