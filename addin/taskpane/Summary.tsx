import { useState } from 'preact/hooks';
import { FINDING_CODES, REGIME_CODES, type RowResult, type SheetReport, type Translate } from '../../core/index.ts';

/** At most this many rows are listed in the pane; the results sheet has them all. */
const LISTED_ROWS = 200;

type Group = { readonly kind: 'regime' | 'finding'; readonly code: string };

interface Props {
  readonly report: SheetReport;
  readonly t: Translate;
  readonly onSelectRow: (row: number) => void;
}

function inGroup(row: RowResult, group: Group): boolean {
  return group.kind === 'regime' ? row.regime === group.code : row.findings.some((f) => f.code === group.code);
}

/** Regimes from lowest to highest threshold, findings in their catalogue order. */
function ordered(kind: Group['kind'], counts: Readonly<Partial<Record<string, number>>>): [string, number | undefined][] {
  const order: readonly string[] = kind === 'regime' ? REGIME_CODES : FINDING_CODES;
  return Object.entries(counts).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

/** Counts per regime and per finding; a group lists its rows, and a row takes the user to its source row. */
export function Summary({ report, t, onSelectRow }: Props) {
  const [group, setGroup] = useState<Group | null>(null);
  const { summary } = report;
  const label = (g: Group) => `${g.code}: ${t(g.kind === 'regime' ? `regime.${g.code}` : `label.finding.${g.code}`)}`;
  const rows = group ? report.rows.filter((r) => inGroup(r, group)) : [];

  const groupList = (kind: Group['kind'], counts: Readonly<Partial<Record<string, number>>>) => (
    <ul class="groups">
      {ordered(kind, counts).map(([code, count]) => {
        const g = { kind, code };
        const pressed = group?.kind === kind && group.code === code;
        return (
          <li key={code}>
            <button type="button" class="group" aria-pressed={pressed} onClick={() => setGroup(pressed ? null : g)}>
              {t('addin.summary.group', { label: label(g), count: count ?? 0 })}
            </button>
          </li>
        );
      })}
    </ul>
  );

  return (
    <section aria-labelledby="summary-heading" id="summary">
      <h2 id="summary-heading">{t('addin.summary.heading')}</h2>
      <p>{t('addin.summary.counts', { checked: summary.rowsChecked, skipped: summary.rowsSkipped, errors: summary.rowsWithErrors })}</p>
      <p class="hint">{t('addin.summary.hint')}</p>
      <h3>{t('addin.summary.by-regime')}</h3>
      {groupList('regime', summary.byRegime)}
      <h3>{t('addin.summary.by-finding')}</h3>
      {groupList('finding', summary.byFinding)}
      {group && (
        <>
          <h3 id="rows-heading">{t('addin.summary.rows-heading', { label: label(group) })}</h3>
          <ul class="rows" aria-labelledby="rows-heading">
            {rows.slice(0, LISTED_ROWS).map((r) => (
              <li key={r.row}>
                <button type="button" class="row" data-row={r.row} onClick={() => onSelectRow(r.row)}>
                  {t('addin.summary.row', { row: r.row, text: r.description ?? '' })}
                </button>
              </li>
            ))}
          </ul>
          {rows.length > LISTED_ROWS && <p>{t('addin.summary.more', { shown: LISTED_ROWS, count: rows.length })}</p>}
        </>
      )}
    </section>
  );
}
