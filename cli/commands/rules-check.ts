/**
 * `inkludo rules --check [--jurisdiction J] [--date D]`: every parameter without a verified value at
 * the date, per jurisdiction; exit 1 when any, so a scheduled job can tell the organisation its pack
 * is behind before a desk meets a fallback.
 */
import { parameterLabel, rulesInForce, type Jurisdiction } from '../../core/index.ts';
import { EXIT_FINDINGS, EXIT_OK, type CliContext } from '../command.ts';
import { choiceOption, dateOption, rulesOption } from '../io.ts';

export async function runCheck(values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const only = choiceOption<Jurisdiction>(values, 'jurisdiction', ['NO', 'SE', 'EU']);
  const date = dateOption(values);
  const rules = await rulesOption(values, ctx);
  const lines: string[] = [];
  let behind = false;
  for (const jurisdiction of only ? [only] : (['NO', 'SE', 'EU'] as const)) {
    const country = ctx.t(`rulepack.country.${jurisdiction}`);
    const missing = rulesInForce(jurisdiction, date, rules).parameters.filter((p) => p.applied === null || p.fallbackFor !== null);
    if (missing.length === 0) {
      lines.push(ctx.t('cli.rules.check.ok', { country, date }));
      continue;
    }
    behind = true;
    lines.push(ctx.t('cli.rules.check.behind', { country, date, count: missing.length }));
    for (const p of missing) {
      const state = p.applied === null
        ? ctx.t('cli.rules.check.none')
        : ctx.t('cli.rules.check.fallback', { missing: p.fallbackFor !== 'none' && p.fallbackFor ? p.fallbackFor.id : '—', used: p.applied.id });
      lines.push(`  ${parameterLabel(ctx.lang, p.parameter)} (${p.parameter}): ${state}`);
    }
  }
  if (behind) lines.push(ctx.t('cli.rules.check.fix'));
  ctx.out(lines.join('\n'));
  return behind ? EXIT_FINDINGS : EXIT_OK;
}
