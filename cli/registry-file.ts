import { realpath, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  buildRegistryIndex,
  exportRegistryCsv,
  exportRegistryJson,
  importRegistry,
  registryTextFromCells,
  type ImportOptions,
  type ImportResult,
  type LineIssue,
  type Registry,
  type RegistrySource,
} from '../core/index.ts';
import { CliError, type CliContext } from './command.ts';
import { checkInputFile, readInputFile } from './io.ts';
import { readXlsxCells } from './xlsx/index.ts';

/** One import problem as a line of CLI output. */
export function issueLine(ctx: CliContext, issue: LineIssue): string {
  const message = ctx.t(issue.messageKey, issue.params);
  if (issue.line === 0) return ctx.t('cli.registry.issue-file', { message });
  return ctx.t('cli.registry.issue', { line: issue.column ? `${issue.line} (${issue.column})` : String(issue.line), message });
}

/**
 * A registry file or a plain list: CSV, JSON, or .xlsx (the first worksheet, read as its rows, so
 * line numbers are the sheet's row numbers).
 */
export async function importRegistryFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    await checkInputFile(path); // the same file-not-found message as every other input
    const read = await readXlsxCells(path);
    if (!read.ok) throw new CliError('error.file-unreadable', { path, detail: read.sheets.join(', ') });
    return importRegistry(registryTextFromCells(read.worksheet.cells), { ...options, format: 'csv' });
  }
  return importRegistry(await readInputFile(path), { ...options, format: lower.endsWith('.json') ? 'json' : options.format });
}

/** The registry for matching, or bad input: a registry with errors is never used in part. */
export async function loadRegistry(path: string, ctx: CliContext): Promise<RegistrySource> {
  const result = await importRegistryFile(path);
  if (!result.ok) {
    for (const issue of result.errors) ctx.err(issueLine(ctx, issue));
    throw new CliError('cli.registry.invalid', { count: result.errors.length });
  }
  // Warnings (e.g. a non-UTF-8 file) go to stderr so that --json output stays parseable.
  for (const issue of result.warnings) ctx.err(issueLine(ctx, issue));
  return { lookup: buildRegistryIndex(result.registry), provenance: result.registry.provenance };
}

/** The same file, also through symbolic links; a path that does not exist yet is just resolved. */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** Bad input when `out` is one of the inputs: checked before anything is fetched or written. */
export async function refuseInputAsOutput(out: string, inputs: readonly string[]): Promise<void> {
  for (const input of inputs) if (await samePath(input, out)) throw new CliError('cli.registry.out-is-input', { path: input });
}

/** Writes a registry as CSV, or JSON for a .json name; refuses to write over an input. */
export async function writeRegistryFile(out: string, registry: Registry, inputs: readonly string[]): Promise<void> {
  await refuseInputAsOutput(out, inputs);
  const text = out.toLowerCase().endsWith('.json') ? exportRegistryJson(registry) : exportRegistryCsv(registry);
  try {
    await writeFile(out, text, { flag: 'w' });
  } catch (error) {
    throw new CliError('error.file-unreadable', { path: out, detail: (error as Error).message });
  }
}
