import {
  assessNotice,
  buildRegistryIndex,
  DEFAULT_XML_LIMITS,
  importRegistry,
  noticeError,
  noticeJson,
  readNotice,
  summariseNotice,
  type LineIssue,
  type RegistrySource,
} from '../../core/index.ts';
import { CliError, EXIT_OK, type CliContext, type Command } from '../command.ts';
import { json, readInputFile, stringOption } from '../io.ts';

function issueText(ctx: CliContext, issue: LineIssue): string {
  const message = ctx.t(issue.messageKey, issue.params);
  if (issue.line === 0) return ctx.t('cli.registry.issue-file', { message });
  return ctx.t('cli.registry.issue', { line: issue.column ? `${issue.line} (${issue.column})` : String(issue.line), message });
}

/** The registry for matching, or bad input: a registry with errors is never used in part. */
export async function loadRegistry(path: string, ctx: CliContext): Promise<RegistrySource> {
  const result = importRegistry(await readInputFile(path), { format: path.toLowerCase().endsWith('.json') ? 'json' : undefined });
  if (!result.ok) {
    for (const issue of result.errors) ctx.err(issueText(ctx, issue));
    throw new CliError('cli.registry.invalid', { count: result.errors.length });
  }
  // Warnings (e.g. a non-UTF-8 file) go to stderr so that --json output stays parseable.
  for (const issue of result.warnings) ctx.err(issueText(ctx, issue));
  return { lookup: buildRegistryIndex(result.registry), provenance: result.registry.provenance };
}

/** `inkludo notice FILE.xml`: what an eForms notice says about reservation, social signals, buyers and winners. */
export const noticeCommand: Command = {
  name: 'notice',
  usage: 'notice FILE.xml [--json] [--registry FILE.(csv|json)]',
  options: { registry: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const [path] = positionals;
    if (path === undefined) throw new CliError('error.missing-argument', { name: 'FILE.xml' });
    const bytes = await readInputFile(path);
    // Checked on the bytes before decoding: a UTF-8 text is never shorter in bytes than in characters.
    const read =
      bytes.length > DEFAULT_XML_LIMITS.maxChars
        ? { ok: false as const, error: noticeError('too-large', { limit: DEFAULT_XML_LIMITS.maxChars }) }
        : readNotice(new TextDecoder('utf-8').decode(bytes));
    if (!read.ok) throw new CliError(read.error.messageKey, read.error.params);
    const registryPath = stringOption(values, 'registry');
    const registry = registryPath === undefined ? null : await loadRegistry(registryPath, ctx);
    const assessment = assessNotice(read.notice, registry);
    if (values.json) ctx.out(json(noticeJson(read.notice, assessment)));
    else ctx.out(summariseNotice(read.notice, assessment, ctx.t).join('\n'));
    return EXIT_OK;
  },
};
