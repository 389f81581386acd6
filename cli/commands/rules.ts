import { formatNumber, parameterLabel, rulesInForce, translate, type Jurisdiction, type Lang, type ParameterValue } from '../../core/index.ts';
import { CliError, EXIT_OK, type Command } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, json, rulesOption } from '../io.ts';

function formatValue(lang: Lang, v: ParameterValue, unit: string): string {
  return v.value === null ? '—' : `${formatNumber(lang, v.value)} ${unit === 'percent' ? '%' : unit}`;
}

function line(lang: Lang, v: ParameterValue, unit: string, label: string): string {
  const period = v.from === null ? translate(lang, 'rules.from-undecided') : `${v.from} – ${v.to ?? ''}`.trim();
  return `    [${translate(lang, `status.${v.status}`)}] ${v.id}: ${formatValue(lang, v, unit)} (${period}) — ${label}\n      ${v.reference.title} <${v.reference.url}>${v.note ? `\n      ${v.note}` : ''}`;
}

export const rulesCommand: Command = {
  name: 'rules',
  usage: 'rules --jurisdiction NO|SE|EU [--date YYYY-MM-DD] [--rules PACK.json] [--json]',
  options: { jurisdiction: { type: 'string', short: 'j' }, date: { type: 'string' }, ...RULES_OPTION },
  async run({ values }, ctx) {
    const jurisdiction = choiceOption<Jurisdiction>(values, 'jurisdiction', ['NO', 'SE', 'EU']);
    if (!jurisdiction) throw new CliError('cli.rules.jurisdiction-required');
    const listing = rulesInForce(jurisdiction, dateOption(values), await rulesOption(values));
    if (values.json) {
      ctx.out(json(listing));
      return EXIT_OK;
    }
    const { lang, t } = ctx;
    const out = [t('rules.heading', { ...listing.pack, date: listing.date })];
    for (const p of listing.parameters) {
      out.push('', `  ${parameterLabel(lang, p.parameter)} (${p.parameter})`);
      if (p.applied) out.push(line(lang, p.applied, p.unit, t(p.fallbackFor ? 'rules.fallback' : 'rules.in-force')));
      else out.push(`    ${t('rules.none-in-force')}`);
      if (p.fallbackFor && p.fallbackFor !== 'none') out.push(line(lang, p.fallbackFor, p.unit, t('rules.missing')));
      for (const alt of p.alternatives) out.push(line(lang, alt, p.unit, t('rules.possible-change')));
      for (const next of p.upcoming.filter((u) => !p.alternatives.includes(u))) out.push(line(lang, next, p.unit, t('rules.upcoming', { from: next.from })));
    }
    out.push('', `  ${t('rules.provisions')}:`);
    for (const p of listing.provisions) out.push(`    [${t(`status.${p.status}`)}] ${p.id}: ${p.reference.title} — ${p.summary}\n      <${p.reference.url}>`);
    out.push('', `  ${t('rules.policy')}: ${listing.policy.note}`);
    ctx.out(out.join('\n'));
    return EXIT_OK;
  },
};
