import { importRegistry, type Registry } from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliContext, type Command } from '../command.ts';
import { dateOption, json, readInputFile, stringOption } from '../io.ts';
import { issueLine } from '../registry-file.ts';

function describeRegistry(ctx: CliContext, registry: Registry): string[] {
  const p = registry.provenance;
  const out = [ctx.t('cli.registry.valid', { count: registry.suppliers.length })];
  if (p.demo) out.push(ctx.t('label.demo-data'));
  out.push(ctx.t('registry.provenance', { source: p.source, retrieved: p.retrieved }));
  if (p.expires) out.push(ctx.t('registry.provenance-expires', { expires: p.expires }));
  if (p.url) out.push(p.url);
  return out;
}

/** `inkludo registry validate FILE`: checks a registry file the way every front end imports it. */
export const registryCommand: Command = {
  name: 'registry',
  usage: 'registry validate FILE.(csv|json) [--source NAME] [--retrieved YYYY-MM-DD] [--json]',
  options: { source: { type: 'string' }, retrieved: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const [action, file] = positionals;
    if (action !== 'validate') throw new CliError('error.bad-choice', { value: action ?? '', name: 'registry', choices: 'validate' });
    if (!file) throw new CliError('error.missing-argument', { name: 'FILE' });
    const source = stringOption(values, 'source');
    const retrieved = values.retrieved === undefined ? undefined : dateOption(values, 'retrieved');
    const result = importRegistry(await readInputFile(file), {
      format: file.toLowerCase().endsWith('.json') ? 'json' : undefined,
      ...(source === undefined ? {} : { source }),
      ...(retrieved === undefined ? {} : { retrieved }),
    });
    if (values.json) {
      ctx.out(json(result.ok ? { ok: true, suppliers: result.registry.suppliers.length, provenance: result.registry.provenance, warnings: result.warnings } : result));
      return result.ok ? EXIT_OK : EXIT_FINDINGS;
    }
    if (!result.ok) {
      ctx.out([ctx.t('cli.registry.invalid', { count: result.errors.length }), ...result.errors.map((e) => issueLine(ctx, e))].join('\n'));
      return EXIT_FINDINGS;
    }
    ctx.out([...describeRegistry(ctx, result.registry), ...result.warnings.map((w) => issueLine(ctx, w))].join('\n'));
    return EXIT_OK;
  },
};
