import type { ParseArgsConfig } from 'node:util';
import type { Lang, MessageParams, Translate } from '../core/index.ts';
import type { PrintableText } from './safe-output.ts';
import type { OffThread } from './xlsx/read-off-thread.ts';
import type { ResultsOffThread } from './xlsx/results-off-thread.ts';

/** Exit codes: 0 ok, 1 findings of error severity, 2 bad input (message in the chosen language). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliContext {
  readonly lang: Lang;
  readonly t: Translate;
  /** Prints `text` after printable() has made it safe. */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Prints text that is printable already (a long report's lines, checked once as they were made). */
  readonly outPrintable: (text: PrintableText) => void;
  /**
   * Where stdout takes bytes: printable text already encoded, line feeds included (writeLines);
   * `written` is called once the bytes are out and their array may be used again (or never).
   */
  readonly outBytes?: (bytes: Uint8Array, written: () => void) => void;
  /**
   * Resolves once stdout has taken what was written (at once unless its buffer is full: a pipe into
   * a slow reader). Long output awaits it between writes, so it never piles up in memory.
   */
  readonly outDrained: () => Promise<void>;
  /**
   * The built worksheet reading thread (dist/cli/xlsx-reader.mjs): a large workbook's rows are read
   * there while they are checked. Without it (the CLI run in-process from its sources) they are read
   * on the main thread.
   */
  readonly xlsxReader?: OffThread;
  /**
   * The built results sheet writing thread (dist/cli/xlsx-results.mjs): a large `--out` copy's
   * results sheet is written there while the report is written. Without it, on the main thread.
   */
  readonly resultsWriter?: ResultsOffThread;
  /** The environment (INKLUDO_RULES, INKLUDO_CACHE_DIR, INKLUDO_CA_CERTS …); tests pass their own. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

export interface Command {
  readonly name: string;
  /** One line of usage, e.g. `rules --jurisdiction NO|SE [--date YYYY-MM-DD] [--json]`. */
  readonly usage: string;
  readonly options: OptionSpec;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

/** Bad input: the CLI prints the translated message and exits with `exitCode` (2 unless said). */
export class CliError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: MessageParams = {},
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(messageKey);
  }
}
