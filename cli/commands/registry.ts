import type { ImportOptions, Registry } from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliContext, type Command } from '../command.ts';
import { dateOption, json, stringOption } from '../io.ts';
import { BRREG_OPTIONS, buildCommand, statusCommand } from '../registry-brreg.ts';
import { importRegistryFile, issueLine, refuseInputAsOutput, writeRegistryFile } from '../registry-file.ts';

const ACTIONS = ['validate', 'import', 'build', 'status'] as const;

function describeRegistry(ctx: CliContext, registry: Registry): string[] {
  const p = registry.provenance;
  const out = [ctx.t('cli.registry.valid', { count: registry.suppliers.length })];
  if (p.demo) out.push(ctx.t('label.demo-data'));
  out.push(ctx.t('registry.provenance', { source: p.source, retrieved: p.retrieved }));
  if (p.expires) out.push(ctx.t('registry.provenance-expires', { expires: p.expires }));
  if (p.url) out.push(p.url);
  return out;
}

function importOptions(values: Record<string, unknown>): ImportOptions {
  const source = stringOption(values, 'source');
  const retrieved = values.retrieved === undefined ? undefined : dateOption(values, 'retrieved');
  return { ...(source === undefined ? {} : { source }), ...(retrieved === undefined ? {} : { retrieved }), validLinesOnly: values['valid-lines-only'] === true };
}

function requiredOut(values: Record<string, unknown>): string {
  const out = stringOption(values, 'out');
  if (out === undefined) throw new CliError('cli.registry.out-required');
  return out;
}

/** `registry validate FILE`: "valid" or "not valid" with every line to fix; nothing is written. */
async function validate(file: string, values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const result = await importRegistryFile(file, { ...importOptions(values), validLinesOnly: false });
  if (values.json) {
    ctx.out(json(result.ok ? { ok: true, suppliers: result.registry.suppliers.length, provenance: result.registry.provenance, warnings: result.warnings } : result));
    return result.ok ? EXIT_OK : EXIT_FINDINGS;
  }
  if (!result.ok) {
    const hint = result.validLines ? [ctx.t('cli.registry.valid-lines-hint', { valid: result.validLines })] : [];
    ctx.out([ctx.t('cli.registry.not-valid', { count: result.errors.length }), ...result.errors.map((e) => issueLine(ctx, e)), ...hint].join('\n'));
    return EXIT_FINDINGS;
  }
  ctx.out([...describeRegistry(ctx, result.registry), ...result.warnings.map((w) => issueLine(ctx, w))].join('\n'));
  return EXIT_OK;
}

/**
 * `registry import LIST --out FILE`: any list whose columns include an organisation number, written in
 * Inkludo's format. Lines with errors refuse the whole list unless --valid-lines-only says otherwise.
 */
async function importList(file: string, values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const out = requiredOut(values);
  await refuseInputAsOutput(out, [file]);
  const result = await importRegistryFile(file, importOptions(values));
  if (!result.ok) {
    const hint = result.validLines ? [ctx.t('cli.registry.valid-lines-hint', { valid: result.validLines })] : [];
    ctx.out([ctx.t('cli.registry.invalid', { count: result.errors.length }), ...result.errors.map((e) => issueLine(ctx, e)), ...hint].join('\n'));
    return EXIT_FINDINGS;
  }
  await writeRegistryFile(out, result.registry, [file]);
  const skipped = result.skipped ?? [];
  const lines = [
    ctx.t('cli.registry.imported', { count: result.registry.suppliers.length, file: out }),
    ...(skipped.length > 0 ? [ctx.t('cli.registry.skipped', { count: new Set(skipped.map((s) => s.line)).size }), ...skipped.map((s) => issueLine(ctx, s))] : []),
    ...result.warnings.map((w) => issueLine(ctx, w)),
  ];
  ctx.out(lines.join('\n'));
  return EXIT_OK;
}

async function build(values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const out = requiredOut(values);
  const built = await buildCommand(values, ctx);
  for (const note of built.notes) ctx.err(ctx.t(note.messageKey, note.params));
  // Zero suppliers is a finding, never a quiet empty registry: nothing is written.
  if (built.counts.suppliers === 0) return EXIT_FINDINGS;
  await writeRegistryFile(out, built.registry, []);
  if (values.json) {
    ctx.out(json({ ok: true, counts: built.counts, provenance: built.registry.provenance, queryUrls: built.queryUrls, notes: built.notes }));
    return EXIT_OK;
  }
  const summary = ctx.t('cli.registry.built', { count: built.counts.suppliers, units: built.counts.units, subUnits: built.counts.subUnits, file: out });
  ctx.out([summary, ...describeRegistry(ctx, built.registry).slice(1), ctx.t('registry.build.candidates')].join('\n'));
  return EXIT_OK;
}

async function status(file: string, values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const out = stringOption(values, 'out');
  const imported = await importRegistryFile(file);
  if (!imported.ok) {
    for (const issue of imported.errors) ctx.err(issueLine(ctx, issue));
    throw new CliError('cli.registry.invalid', { count: imported.errors.length });
  }
  if (out !== undefined) await refuseInputAsOutput(out, [file]);
  const registry = await statusCommand(imported.registry, values, ctx);
  const looked = registry.suppliers.filter((s) => s.status);
  if (values.json) ctx.out(json({ ok: true, statuses: looked.map((s) => ({ orgnr: s.orgnr, name: s.name, ...s.status })) }));
  else {
    ctx.out(
      [
        ctx.t('cli.registry.statuses', { count: looked.length, checked: looked[0]?.status?.checked ?? '' }),
        ...looked.map((s) => ctx.t('cli.registry.status-item', { orgnr: s.orgnr, name: s.name, state: ctx.t(`registry.status.${s.status?.state ?? 'unknown'}`) })),
      ].join('\n'),
    );
  }
  if (out !== undefined) await writeRegistryFile(out, registry, [file]);
  return looked.some((s) => s.status?.state !== 'active') ? EXIT_FINDINGS : EXIT_OK;
}

/** `inkludo registry validate|import|build|status`. */
export const registryCommand: Command = {
  name: 'registry',
  usage: [
    'registry validate FILE.(csv|json|xlsx) [--source NAME] [--retrieved YYYY-MM-DD] [--json]',
    '  inkludo registry import LIST.(csv|xlsx|txt) --out FILE.(csv|json) [--source NAME] [--retrieved YYYY-MM-DD] [--valid-lines-only]',
    '  inkludo registry build --from brreg --out FILE.(csv|json) [--industry 88.993] [--county 03,46] [--municipality 0301] [--org-form AS,STI] [--brreg-url URL] [--timeout SECONDS]',
    '  inkludo registry status FILE.(csv|json) [--out FILE.(csv|json)] [--brreg-url URL] [--timeout SECONDS] [--json]',
  ].join('\n'),
  options: {
    source: { type: 'string' },
    retrieved: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'valid-lines-only': { type: 'boolean' },
    from: { type: 'string' },
    industry: { type: 'string' },
    county: { type: 'string' },
    municipality: { type: 'string' },
    'org-form': { type: 'string' },
    ...BRREG_OPTIONS,
  },
  async run({ values, positionals }, ctx) {
    const [action, file] = positionals;
    const known = ACTIONS.find((a) => a === action);
    if (!known) throw new CliError('error.bad-choice', { value: action ?? '', name: 'registry', choices: ACTIONS.join(', ') });
    if (known === 'build') return build(values, ctx);
    if (!file) throw new CliError('error.missing-argument', { name: 'FILE' });
    if (known === 'validate') return validate(file, values, ctx);
    if (known === 'import') return importList(file, values, ctx);
    return status(file, values, ctx);
  },
};
