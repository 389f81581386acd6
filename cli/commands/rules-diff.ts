/** `inkludo rules diff A B`: what changed between two packs, by rule id, with the sources. */
import { diffPacks, formatNumber, statusLabel, type ParameterValue, type Provision, type RuleChange, type RulePack } from '../../core/index.ts';
import { CliError, EXIT_OK, type CliContext } from '../command.ts';
import { readPackArgument } from '../io.ts';
import { valueLine } from '../rule-value-line.ts';

type Item = ParameterValue | Provision;

function shown(ctx: CliContext, field: string, item: Item | null, unit: string): string {
  const v = item ? (item as unknown as Record<string, unknown>)[field] : undefined;
  if (v === null || v === undefined) return '—';
  if (field === 'value' && typeof v === 'number') return `${formatNumber(ctx.lang, v)} ${unit === 'percent' ? '%' : unit}`;
  if (field === 'status' && item) return statusLabel(ctx.lang, item as ParameterValue);
  if (field === 'reference' || field === 'sources') return JSON.stringify(v);
  return String(v);
}

function changeText(ctx: CliContext, c: RuleChange, unit: string): string {
  return c.fields
    .filter((f) => f !== 'reference')
    .map((f) => `${f} ${shown(ctx, f, c.before, unit)} → ${shown(ctx, f, c.after, unit)}`)
    .join('; ');
}

function itemLines(ctx: CliContext, item: Item, unit: string): string {
  if ('topic' in item) return `    [${ctx.t(`status.${item.status}`)}] ${item.id}: ${item.summary}\n      ${item.reference.title} <${item.reference.url}>`;
  return valueLine(ctx.lang, item, unit, '');
}

/** The diff as lines: one per changed rule id, each followed by its (new) source. */
export function diffLines(ctx: CliContext, a: RulePack, b: RulePack): string[] {
  const diff = diffPacks(a, b);
  const lines: string[] = [];
  if (diff.pack.length > 0) lines.push(ctx.t('cli.rules.diff.pack', { fields: diff.pack.join(', ') }));
  for (const c of diff.rules) {
    const where = c.parameter ?? ctx.t('cli.rules.diff.provision');
    const unit = (c.parameter && (b.parameters[c.parameter] ?? a.parameters[c.parameter])?.unit) || '';
    if (c.change === 'changed') {
      const after = c.after!;
      lines.push(ctx.t('cli.rules.diff.changed', { rule: c.id, where, changes: changeText(ctx, c, unit) || 'reference' }));
      lines.push(`      ${ctx.t('cli.rules.diff.source')}: ${after.reference.title} <${after.reference.url}>`);
    } else {
      lines.push(ctx.t(`cli.rules.diff.${c.change}`, { rule: c.id, where }), itemLines(ctx, (c.after ?? c.before)!, unit));
    }
  }
  if (lines.length === 0) lines.push(ctx.t('cli.rules.diff.none'));
  return lines;
}

export async function runDiff(args: readonly string[], _values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const [first, second] = args;
  if (first === undefined || second === undefined || args.length > 2) throw new CliError('cli.rules.diff.packs-required');
  const a = (await readPackArgument(first, ctx)).pack;
  const b = (await readPackArgument(second, ctx)).pack;
  ctx.out(diffLines(ctx, a, b).join('\n'));
  return EXIT_OK;
}
