import { CliError } from '../command.ts';
import { XlsxError } from './errors.ts';

/** A reader or writer failure as the CLI's localized bad-input error (exit 2); other errors pass through. */
export function xlsxCliError(error: unknown, path: string): unknown {
  if (error instanceof XlsxError) return new CliError(`xlsx.error.${error.code}`, { path, ...error.params });
  return error;
}
