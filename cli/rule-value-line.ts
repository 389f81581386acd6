import { formatNumber, statusLabel, translate, type Lang, type ParameterValue } from '../core/index.ts';

function formatValue(lang: Lang, v: ParameterValue, unit: string): string {
  return v.value === null ? '—' : `${formatNumber(lang, v.value)} ${unit === 'percent' ? '%' : unit}`;
}

/** One value of a parameter as `inkludo rules` and `rules diff` print it, with its source. */
export function valueLine(lang: Lang, v: ParameterValue, unit: string, label: string): string {
  const period = v.from === null ? translate(lang, 'rules.from-undecided') : `${v.from} – ${v.to ?? ''}`.trim();
  return `    [${statusLabel(lang, v)}] ${v.id}: ${formatValue(lang, v, unit)} (${period}) — ${label}\n      ${v.reference.title} <${v.reference.url}>${v.note ? `\n      ${v.note}` : ''}`;
}
