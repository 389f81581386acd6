import { buildRegistryIndex, importRegistry, type LineIssue, type RegistrySource } from '../core/index.ts';
import { CliError, type CliContext } from './command.ts';
import { readInputFile } from './io.ts';

/** One import problem as a line of CLI output. */
export function issueLine(ctx: CliContext, issue: LineIssue): string {
  const message = ctx.t(issue.messageKey, issue.params);
  if (issue.line === 0) return ctx.t('cli.registry.issue-file', { message });
  return ctx.t('cli.registry.issue', { line: issue.column ? `${issue.line} (${issue.column})` : String(issue.line), message });
}

/** The registry for matching, or bad input: a registry with errors is never used in part. */
export async function loadRegistry(path: string, ctx: CliContext): Promise<RegistrySource> {
  const result = importRegistry(await readInputFile(path), { format: path.toLowerCase().endsWith('.json') ? 'json' : undefined });
  if (!result.ok) {
    for (const issue of result.errors) ctx.err(issueLine(ctx, issue));
    throw new CliError('cli.registry.invalid', { count: result.errors.length });
  }
  // Warnings (e.g. a non-UTF-8 file) go to stderr so that --json output stays parseable.
  for (const issue of result.warnings) ctx.err(issueLine(ctx, issue));
  return { lookup: buildRegistryIndex(result.registry), provenance: result.registry.provenance };
}
