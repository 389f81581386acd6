import { parameterLabel, rulesInForce, type Jurisdiction } from '../../core/index.ts';
import { valueLine } from '../rule-value-line.ts';
import { CliError, EXIT_OK, type Command } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, json, rulesOption } from '../io.ts';
import { AUTHOR_OPTIONS, runAuthor } from './rules-author.ts';
import { runCheck } from './rules-check.ts';
import { runDiff } from './rules-diff.ts';

export const rulesCommand: Command = {
  name: 'rules',
  usage: [
    'rules --jurisdiction NO|SE|EU [--date YYYY-MM-DD] [--rules PACK.json|https://…] [--json]',
    '  inkludo rules --check [--jurisdiction NO|SE|EU] [--date YYYY-MM-DD] [--rules PACK.json|https://…]',
    '  inkludo rules set RULE-ID --value V --from DATE [--to DATE] --source-title T --source-url U --status verified|pending|unverified [--verified-by WHO] [--note N] --base PACK.json|NO|SE|EU --out NEW.json',
    '  inkludo rules add RULE-ID --parameter NAME (then as for set)',
    '  inkludo rules diff A.json|NO|SE|EU B.json|NO|SE|EU',
  ].join('\n'),
  options: { jurisdiction: { type: 'string', short: 'j' }, date: { type: 'string' }, check: { type: 'boolean' }, ...RULES_OPTION, ...AUTHOR_OPTIONS },
  async run({ values, positionals }, ctx) {
    const [action, ...rest] = positionals;
    if (action === 'set' || action === 'add') return runAuthor(action, rest, values, ctx);
    if (action === 'diff') return runDiff(rest, values, ctx);
    if (action !== undefined) throw new CliError('cli.rules.unknown-action', { action });
    if (values.check) return runCheck(values, ctx);
    const jurisdiction = choiceOption<Jurisdiction>(values, 'jurisdiction', ['NO', 'SE', 'EU']);
    if (!jurisdiction) throw new CliError('cli.rules.jurisdiction-required');
    const listing = rulesInForce(jurisdiction, dateOption(values), await rulesOption(values, ctx));
    if (values.json) {
      ctx.out(json(listing));
      return EXIT_OK;
    }
    const { lang, t } = ctx;
    const out = [t('rules.heading', { ...listing.pack, date: listing.date })];
    for (const p of listing.parameters) {
      out.push('', `  ${parameterLabel(lang, p.parameter)} (${p.parameter})`);
      if (p.applied) out.push(valueLine(lang, p.applied, p.unit, t(p.fallbackFor ? 'rules.fallback' : 'rules.in-force')));
      else out.push(`    ${t('rules.none-in-force')}`);
      if (p.fallbackFor && p.fallbackFor !== 'none') out.push(valueLine(lang, p.fallbackFor, p.unit, t('rules.missing')));
      for (const alt of p.alternatives) out.push(valueLine(lang, alt, p.unit, t('rules.possible-change')));
      for (const next of p.upcoming.filter((u) => !p.alternatives.includes(u))) out.push(valueLine(lang, next, p.unit, t('rules.upcoming', { from: next.from })));
    }
    out.push('', `  ${t('rules.provisions')}:`);
    for (const p of listing.provisions) out.push(`    [${t(`status.${p.status}`)}] ${p.id}: ${p.reference.title} — ${p.summary}\n      <${p.reference.url}>`);
    out.push('', `  ${t('rules.policy')}: ${listing.policy.note}`);
    ctx.out(out.join('\n'));
    return EXIT_OK;
  },
};
