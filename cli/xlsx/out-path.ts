/**
 * The checks on `--out` made before anything is read: a spreadsheet extension, never one of the
 * inputs (by path, through a symbolic link, or as a hard link: the same device and inode), and
 * never an existing file unless `--force`.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { CliError } from '../command.ts';

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  if ((await real(a)) === (await real(b))) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

export function outExtension(out: string): '.xlsx' | '.xlsm' {
  const ext = extname(out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new CliError('xlsx.out.extension', { path: out });
  return ext;
}

export async function checkOutPath(out: string, inputs: readonly string[], force: boolean): Promise<void> {
  outExtension(out);
  for (const input of inputs) if (await sameFile(input, out)) throw new CliError('sheet.cli.out-is-input', { path: out });
  // lstat: a link that points nowhere is still a file that --out would replace.
  if (!force && (await lstat(out).then(() => true, () => false))) throw new CliError('xlsx.out.exists', { path: out });
}
