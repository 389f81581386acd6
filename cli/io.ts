import { readFile } from 'node:fs/promises';
import { CliError } from './command.ts';
import { DEFAULT_RULES, isIsoDate, personalNumberReplacer, parseRulePack, todayIso, withRulePack, type Lang, type RuleSet } from '../core/index.ts';

export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('error.file-not-found', { path });
    throw new CliError('error.file-unreadable', { path, detail: (error as Error).message });
  }
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

/** One-line JSON, as json() makes it safe. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, personalNumberReplacer);
}

export type { Lang };

/**
 * `--rules PACK.json` (repeatable): an organisation's own rule pack in the bundled format, replacing
 * the bundled pack of its jurisdiction. A pack that fails validation is bad input, never half-used.
 */
export async function rulesOption(values: Record<string, unknown>): Promise<RuleSet> {
  const raw = values.rules;
  const paths = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : typeof raw === 'string' ? [raw] : [];
  let rules = DEFAULT_RULES;
  for (const path of paths) {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(await readInputFile(path)));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError('cli.rules.pack-invalid', { path, detail: (error as Error).message });
    }
    const parsed = parseRulePack(data);
    if (!parsed.ok) {
      throw new CliError('cli.rules.pack-invalid', { path, detail: parsed.issues.slice(0, 5).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ') });
    }
    rules = withRulePack(rules, parsed.pack);
  }
  return rules;
}

/** The option spec every command that applies rules accepts. */
export const RULES_OPTION = { rules: { type: 'string', multiple: true } } as const;
