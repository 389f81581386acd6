import { parseArgs } from 'node:util';
import { isLang, langFromLocale, translator, type Lang } from '../core/index.ts';
import { CliError, EXIT_BAD_INPUT, type CliContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';

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
  readonly env: NodeJS.ProcessEnv;
}

/** Runs one `inkludo` invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = pickLang(argv, io.env);
  const ctx: CliContext = { lang, t: translator(lang), out: io.out, err: io.err, env: io.env };
  try {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(usage(ctx));
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
      throw new CliError('error.bad-input', { detail: (error as Error).message });
    }
    if (parsed.values.help) {
      io.out(`inkludo ${command.usage}`);
      return 0;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(ctx.t(error.messageKey, error.params));
      return error.exitCode;
    }
    io.err(ctx.t('cli.internal-error', { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    return 3;
  }
}
