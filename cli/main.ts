import { parseArgs } from 'node:util';
import { isLang, langFromLocale, translator, type Lang } from '../core/index.ts';
import { CliError, EXIT_BAD_INPUT, type CliContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { printable } from './safe-output.ts';
import type { OffThread } from './xlsx/read-off-thread.ts';
import type { ResultsOffThread } from './xlsx/results-off-thread.ts';

const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function defaultLang(env: NodeJS.ProcessEnv): Lang {
  return langFromLocale(env.INKLUDO_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

/** `--lang` is read before anything else so that even an error about the other options is in the user's language. */
function pickLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const value = langArgument(argv);
  return isLang(value) ? value : defaultLang(env);
}

function langArgument(args: readonly string[]): string | undefined {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  const arg = args[i] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
}

function usage(ctx: CliContext): string {
  return [ctx.t('cli.usage'), ...COMMANDS.map((c) => `  inkludo ${c.usage}`), '', ctx.t('cli.usage-global')].join('\n');
}

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** See CliContext.outBytes; without it, long output reaches `out` as text. */
  readonly outBytes?: (bytes: Uint8Array, written: () => void) => void;
  /** See CliContext.outDrained; without it, what `out` takes is taken at once. */
  readonly outDrained?: () => Promise<void>;
  /** See CliContext.xlsxReader. */
  readonly xlsxReader?: OffThread;
  /** See CliContext.resultsWriter. */
  readonly resultsWriter?: ResultsOffThread;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Node's parseArgs error as a catalogue message. Its codes are stable; the option it names is quoted in
 * its (English) message, e.g. `Unknown option '-5'` or `Option '--date <value>' argument missing`.
 */
function optionError(error: unknown, command: string): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const quoted = /'([^']*)'/.exec((error as Error).message ?? '')?.[1]?.split(' ')[0] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError('cli.option.unknown', { option: quoted, command });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError('cli.option.unexpected', { argument: quoted });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test((error as Error).message)
        ? new CliError('cli.option.takes-no-value', { option: quoted })
        : new CliError('cli.option.missing-value', { option: quoted });
    default:
      return new CliError('cli.option.invalid', { command });
  }
}

/** An error nobody expected: what happened, without a stack trace unless INKLUDO_DEBUG=1 asks for one. */
function internalError(error: unknown, ctx: CliContext, env: NodeJS.ProcessEnv): string {
  const debug = env.INKLUDO_DEBUG === '1';
  const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  const message = ctx.t('cli.internal-error', { detail });
  return debug ? message : `${message}\n${ctx.t('cli.internal-error.debug')}`;
}

/** Runs one `inkludo` invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = pickLang(argv, io.env);
  const t = translator(lang);
  // Everything printed goes through printable(): no control characters, no personal identity numbers.
  const ctx: CliContext = {
    lang,
    t,
    out: (text) => io.out(printable(text, t)),
    err: (text) => io.err(printable(text, t)),
    outPrintable: (text) => io.out(text),
    ...(io.outBytes ? { outBytes: io.outBytes } : {}),
    outDrained: io.outDrained ?? (() => Promise.resolve()),
    ...(io.xlsxReader ? { xlsxReader: io.xlsxReader } : {}),
    ...(io.resultsWriter ? { resultsWriter: io.resultsWriter } : {}),
    env: io.env,
  };
  try {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      ctx.out(usage(ctx));
      return name ? 0 : EXIT_BAD_INPUT;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliError('cli.unknown-command', { name });
    const rawLang = langArgument(rest);
    if (rawLang !== undefined && !isLang(rawLang)) {
      throw new CliError('error.bad-choice', { value: rawLang, name: '--lang', choices: 'nb, sv, en' });
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw optionError(error, command.name);
    }
    if (parsed.values.help) {
      ctx.out(`inkludo ${command.usage}`);
      return 0;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      ctx.err(ctx.t(error.messageKey, error.params));
      return error.exitCode;
    }
    ctx.err(internalError(error, ctx, io.env));
    return 3;
  }
}
