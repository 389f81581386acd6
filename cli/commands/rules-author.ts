/**
 * `inkludo rules set RULE-ID …` and `inkludo rules add RULE-ID --parameter NAME …`: a new pack from a
 * base pack with one value set or one period added, validated like any pack and written to --out,
 * which may never be the base pack. What changed is printed as `rules diff` prints it.
 */
import { writeFile } from 'node:fs/promises';
import { addRuleValue, describePackIssue, setRuleValue, todayIso, VerificationStatus, type ValueChange } from '../../core/index.ts';
import { CliError, EXIT_OK, type CliContext } from '../command.ts';
import { choiceOption, dateOption, readPackArgument, samePath, stringOption } from '../io.ts';
import { diffLines } from './rules-diff.ts';

export const AUTHOR_OPTIONS = {
  value: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'source-title': { type: 'string' },
  'source-url': { type: 'string' },
  status: { type: 'string' },
  'verified-by': { type: 'string' },
  note: { type: 'string' },
  base: { type: 'string' },
  out: { type: 'string' },
  parameter: { type: 'string' },
} as const;

type Values = Record<string, unknown>;

function required(values: Values, name: string): string {
  const v = stringOption(values, name);
  if (v === undefined || v.trim() === '') throw new CliError('cli.rules.author.option-required', { option: `--${name}` });
  return v.trim();
}

/** Digits as people copy them from a source (`1 546 202`, `1546202`, `8109450.50`); nothing computed. */
function amountOption(values: Values): number {
  const raw = required(values, 'value');
  const compact = raw.replace(/[\s\u00a0\u202f_]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) throw new CliError('cli.rules.author.bad-value', { value: raw });
  return Number(compact);
}

function changeOptions(values: Values): ValueChange {
  const status = choiceOption(values, 'status', VerificationStatus.options);
  if (!status) throw new CliError('cli.rules.author.option-required', { option: '--status' });
  const note = stringOption(values, 'note');
  const verifiedBy = stringOption(values, 'verified-by');
  return {
    value: amountOption(values),
    from: required(values, 'from') && dateOption(values, 'from'),
    to: stringOption(values, 'to') === undefined ? null : dateOption(values, 'to'),
    status,
    reference: { title: required(values, 'source-title'), url: required(values, 'source-url') },
    ...(note !== undefined ? { note } : {}),
    ...(verifiedBy !== undefined ? { verifiedBy } : {}),
  };
}

export async function runAuthor(action: 'set' | 'add', args: readonly string[], values: Values, ctx: CliContext): Promise<number> {
  const [id] = args;
  if (id === undefined) throw new CliError('cli.rules.author.rule-required', { action });
  const basePath = stringOption(values, 'base');
  if (basePath === undefined) throw new CliError('cli.rules.author.base-required');
  const out = stringOption(values, 'out');
  if (out === undefined) throw new CliError('cli.rules.author.out-required');
  // Checked before anything is read or written: the base pack is never modified.
  if (await samePath(basePath, out)) throw new CliError('cli.rules.author.out-is-input', { path: out });
  const change = changeOptions(values);
  const { pack: base } = await readPackArgument(basePath, ctx);
  const published = todayIso();
  const outcome = action === 'set' ? setRuleValue(base, id, change, published) : addRuleValue(base, required(values, 'parameter'), id, change, published);
  if (!outcome.ok) {
    throw new CliError('cli.rules.author.refused', { lines: outcome.issues.map((i) => `  ${describePackIssue(ctx.lang, i)}`).join('\n') });
  }
  try {
    await writeFile(out, `${JSON.stringify(outcome.pack, null, 2)}\n`);
  } catch (error) {
    throw new CliError('cli.rules.author.unwritable', { path: out, detail: (error as Error).message });
  }
  const lines = [ctx.t('cli.rules.author.written', { out, jurisdiction: outcome.pack.jurisdiction, published })];
  for (const closed of outcome.closed) lines.push(ctx.t('cli.rules.author.closed', { rule: closed.id, to: closed.to }));
  lines.push(...diffLines(ctx, base, outcome.pack));
  ctx.out(lines.join('\n'));
  return EXIT_OK;
}
