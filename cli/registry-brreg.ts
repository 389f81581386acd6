/**
 * `inkludo registry build --from brreg` and `inkludo registry status`: Enhetsregisteret through core's
 * polite client, with Node's fetch. The API address is --brreg-url, else INKLUDO_BRREG_URL, else
 * the real one, so a mirror or a test server can stand in. Progress goes to stderr on a terminal only.
 */
import {
  BRREG_API_URL,
  BrregError,
  brregClient,
  buildFromBrreg,
  registryWithStatuses,
  shelteredWorkCodes,
  todayIso,
  type BrregGet,
  type BrregProgress,
  type Registry,
} from '../core/index.ts';
import { CliError, type CliContext } from './command.ts';
import { stringOption } from './io.ts';

export const BRREG_OPTIONS = {
  'brreg-url': { type: 'string' },
  timeout: { type: 'string' },
} as const;

function listOption(ctx: CliContext, values: Record<string, unknown>, name: string, pattern: RegExp, what: string): string[] {
  const raw = stringOption(values, name);
  if (raw === undefined) return [];
  const items = raw.split(/[\s,;]+/).filter((s) => s !== '');
  for (const item of items) if (!pattern.test(item)) throw new CliError('cli.registry.bad-code', { value: item, what: ctx.t(`cli.registry.${what}`) });
  return items;
}

/** The request pieces every Enhetsregisteret command shares. */
export function brregAccess(ctx: CliContext, values: Record<string, unknown>, env: NodeJS.ProcessEnv): { baseUrl: string; get: BrregGet } {
  const baseUrl = stringOption(values, 'brreg-url') ?? env.INKLUDO_BRREG_URL ?? BRREG_API_URL;
  if (!/^https?:\/\/\S+$/i.test(baseUrl)) throw new CliError('cli.registry.bad-code', { value: baseUrl, what: ctx.t('cli.registry.what.url') });
  const timeout = stringOption(values, 'timeout');
  const seconds = timeout === undefined ? 20 : Number(timeout);
  if (!(seconds > 0)) throw new CliError('error.bad-input', { detail: `--timeout ${timeout ?? ''}` });
  const get = brregClient(
    { fetch: (url, init) => fetch(url, init), wait: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() },
    { timeoutMs: seconds * 1000 },
  );
  return { baseUrl, get };
}

/** A progress line that rewrites itself on a terminal; nothing when stderr is a file or a pipe. */
function progressLine(ctx: CliContext): { show: (p: BrregProgress) => void; done: () => void } {
  if (!process.stderr.isTTY) return { show: () => undefined, done: () => undefined };
  let shown = false;
  return {
    show: (p) => {
      shown = true;
      process.stderr.write(`\r${ctx.t('cli.registry.progress', { stage: ctx.t(`registry.build.stage.${p.stage}`), done: p.done, total: p.total })}\u001b[K`);
    },
    done: () => {
      if (shown) process.stderr.write('\r\u001b[K');
    },
  };
}

/** Core's BrregError as the CLI's bad-input error in the user's language. */
async function speaking<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BrregError) throw new CliError(`registry.brreg.error.${error.code}`, { url: error.url, status: error.status ?? '', ...error.detail });
    throw error;
  }
}

export async function buildCommand(values: Record<string, unknown>, ctx: CliContext) {
  if (stringOption(values, 'from')?.toLowerCase() !== 'brreg') throw new CliError('cli.registry.from-required');
  const retrieved = todayIso();
  let industryCodes = listOption(ctx, values, 'industry', /^\d{2}(?:\.\d{1,3})?$/, 'what.industry');
  if (industryCodes.length === 0) {
    const standard = shelteredWorkCodes(retrieved);
    if (!standard) throw new CliError('cli.registry.no-standard', { date: retrieved });
    industryCodes = standard.codes;
  }
  const query = {
    industryCodes,
    counties: listOption(ctx, values, 'county', /^\d{2}$/, 'what.county'),
    municipalities: listOption(ctx, values, 'municipality', /^\d{4}$/, 'what.municipality'),
    orgForms: listOption(ctx, values, 'org-form', /^[A-Za-z]{2,6}$/, 'what.org-form').map((f) => f.toUpperCase()),
  };
  const { baseUrl, get } = brregAccess(ctx, values, process.env);
  const progress = progressLine(ctx);
  try {
    return await speaking(() => buildFromBrreg(query, { baseUrl, get, retrieved, onProgress: progress.show }));
  } finally {
    progress.done();
  }
}

export async function statusCommand(registry: Registry, values: Record<string, unknown>, ctx: CliContext): Promise<Registry> {
  const { baseUrl, get } = brregAccess(ctx, values, process.env);
  const progress = progressLine(ctx);
  try {
    return await speaking(() =>
      registryWithStatuses(registry, { baseUrl, get, checked: todayIso(), onProgress: (done, total) => progress.show({ stage: 'enheter', done, total }) }),
    );
  } finally {
    progress.done();
  }
}
