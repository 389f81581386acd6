import { open, readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type CliContext } from './command.ts';
import {
  DEFAULT_RULES,
  describePackIssue,
  describePackProvenance,
  isIsoDate,
  personalNumberReplacer,
  parseOrganisationPack,
  todayIso,
  withRulePack,
  type Lang,
  type PackSource,
  type RulePack,
  type RuleSet,
} from '../core/index.ts';
import { fetchRulePack } from './rules-url.ts';

export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw inputFileError(path, error);
  }
}

/**
 * Whether `path` can be read, with readInputFile's messages when not, without reading it whole (a
 * workbook is then read part by part from the file itself). A folder fails at the first read.
 */
export async function checkInputFile(path: string): Promise<void> {
  try {
    const file = await open(path, 'r');
    try {
      await file.read(new Uint8Array(1), 0, 1, 0);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw inputFileError(path, error);
  }
}

function inputFileError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError('error.file-not-found', { path });
  return new CliError('error.file-unreadable', { path, detail: (error as Error).message });
}

export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function choiceOption<T extends string>(values: Record<string, unknown>, name: string, choices: readonly T[], fallback: T): T;
export function choiceOption<T extends string>(values: Record<string, unknown>, name: string, choices: readonly T[]): T | undefined;
export function choiceOption<T extends string>(values: Record<string, unknown>, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const found = choices.find((c) => c.toLowerCase() === raw.toLowerCase());
  if (!found) throw new CliError('error.bad-choice', { value: raw, name: `--${name}`, choices: choices.join(', ') });
  return found;
}

/** `--date YYYY-MM-DD`, default today (local date). */
export function dateOption(values: Record<string, unknown>, name = 'date'): string {
  const raw = stringOption(values, name);
  if (raw === undefined) return todayIso();
  if (!isIsoDate(raw)) throw new CliError('error.bad-date', { value: raw });
  return raw;
}

/** Pretty JSON for stdout; a personal identity number anywhere in `value` is replaced by the mark. */
export function json(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => {
    const safe = personalNumberReplacer(k, v);
    return typeof safe === 'bigint' ? safe.toString() : safe;
  }, 2);
}

export type { Lang };

/** A pack named on the command line: a file, an https address, or NO/SE/EU for the bundled pack. */
export async function readPackArgument(arg: string, ctx: CliContext): Promise<{ pack: RulePack; source: PackSource | null }> {
  const bundled = (['NO', 'SE', 'EU'] as const).find((j) => j === arg.toUpperCase());
  if (bundled) return { pack: DEFAULT_RULES[bundled], source: null };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    const fetched = await fetchRulePack(arg, ctx.env, ctx.lang);
    if (fetched.warning) ctx.err(ctx.t(fetched.warning.key, fetched.warning.params));
    return { pack: fetched.pack, source: { from: arg, fetched: fetched.fetched } };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(await readInputFile(arg)));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError('cli.rules.pack-invalid', { path: arg, detail: (error as Error).message });
  }
  const parsed = parseOrganisationPack(data, null);
  if (!parsed.ok) {
    throw new CliError('cli.rules.pack-invalid', { path: arg, detail: parsed.issues.slice(0, 5).map((i) => describePackIssue(ctx.lang, i)).join('; ') });
  }
  return { pack: parsed.pack, source: { from: arg, fetched: null } };
}

/**
 * `--rules PACK.json|https://…` (repeatable), or the addresses configured in `INKLUDO_RULES`
 * (separated by spaces): an organisation's own rule packs, each replacing the bundled pack of its
 * jurisdiction. A pack that fails validation is bad input, never half-used. Which pack is used is
 * said on stderr, so `--json` output stays one document.
 */
export async function rulesOption(values: Record<string, unknown>, ctx: CliContext): Promise<RuleSet> {
  const raw = values.rules;
  const given = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : typeof raw === 'string' ? [raw] : [];
  const args = given.length > 0 ? given : (ctx.env.INKLUDO_RULES ?? '').split(/\s+/).filter(Boolean);
  let rules = DEFAULT_RULES;
  for (const arg of args) {
    const { pack, source } = await readPackArgument(arg, ctx);
    if (source) ctx.err(describePackProvenance(ctx.lang, pack, source));
    rules = withRulePack(rules, pack);
  }
  return rules;
}

/** The same file, also through symbolic links; a path that does not exist yet is just resolved. */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** The option spec every command that applies rules accepts. */
export const RULES_OPTION = { rules: { type: 'string', multiple: true } } as const;
