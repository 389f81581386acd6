/**
 * `--rules https://…`: the organisation's rule pack from its address, revalidated on every run with
 * If-None-Match / If-Modified-Since (core's refreshPackSource), with the last good pack cached on
 * disk and used, with a warning, when the address fails or serves a broken pack.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { rootCertificates } from 'node:tls';
import {
  describeFailure,
  describePackIssue,
  fetchedDay,
  newPackSource,
  packFromSource,
  PackSourceState,
  refreshPackSource,
  type IsoDate,
  type Lang,
  type PackAnswer,
  type RulePack,
} from '../core/index.ts';
import { CliError } from './command.ts';

const TIMEOUT_MS = 30_000;
/** Far larger than any real pack (the bundled ones are about 20 kB); a bigger answer is not a pack. */
const MAX_BYTES = 5_000_000;

type Env = Readonly<Record<string, string | undefined>>;

export interface FetchedPack {
  readonly pack: RulePack;
  readonly fetched: IsoDate | null;
  /** Set when the last good copy was used instead: the message to tell the user. */
  readonly warning: { readonly key: string; readonly params: Record<string, string> } | null;
}

function cacheFile(url: string, env: Env): string {
  const dir = env.INKLUDO_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'inkludo');
  return join(dir, 'rules', `${createHash('sha256').update(url).digest('hex').slice(0, 24)}.json`);
}

async function readState(file: string, url: string): Promise<PackSourceState> {
  try {
    const parsed = PackSourceState.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success && parsed.data.url === url) return parsed.data;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  return newPackSource(null, url);
}

async function writeState(file: string, state: PackSourceState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Written beside and renamed, so a run that stops half-way never leaves a broken cache.
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}

/** One GET with node:https; intranet servers with the organisation's own CA work with INKLUDO_CA_CERTS=ca.pem. */
async function get(url: string, headers: Readonly<Record<string, string>>, env: Env): Promise<PackAnswer> {
  const ca = [...rootCertificates, ...(env.INKLUDO_CA_CERTS ? [await readFile(env.INKLUDO_CA_CERTS, 'utf8')] : [])];
  return new Promise((resolveAnswer) => {
    const req = request(url, { headers: { Accept: 'application/json', ...headers }, ca, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) req.destroy(new Error('too large'));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        resolveAnswer({
          status: res.statusCode ?? 0,
          etag: typeof res.headers.etag === 'string' ? res.headers.etag : null,
          lastModified: typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolveAnswer({ error: error.message === 'timeout' ? 'timeout' : 'network' }));
    req.end();
  });
}

/** The pack at `url`: fresh when the address answers with a valid pack, else the last good copy. */
export async function fetchRulePack(url: string, env: Env, lang: Lang): Promise<FetchedPack> {
  if (!/^https:\/\//i.test(url) || !PackSourceState.shape.url.safeParse(url).success) throw new CliError('cli.rules.url.https-only', { url });
  const file = cacheFile(url, env);
  const state = await refreshPackSource(await readState(file, url), (u, h) => get(u, h, env), new Date());
  const pack = packFromSource(state);
  const failure = state.attempt?.outcome === 'failed' ? state.attempt : null;
  if (!failure && pack) {
    await writeState(file, state);
    return { pack, fetched: fetchedDay(state), warning: null };
  }
  const reason = failure?.reason ?? 'network';
  const detail = failure && failure.issues.length > 0 ? failure.issues.slice(0, 5).map((i) => describePackIssue(lang, i)).join('; ') : describeFailure(lang, reason);
  if (!pack) throw new CliError(reason === 'invalid' || reason === 'not-json' ? 'cli.rules.pack-invalid' : 'cli.rules.url.failed', { path: url, url, detail, reason: detail });
  await writeState(file, state);
  const key = reason === 'invalid' || reason === 'not-json' ? 'cli.rules.url.invalid-cached' : 'cli.rules.url.failed-cached';
  return { pack, fetched: fetchedDay(state), warning: { key, params: { url, fetched: fetchedDay(state) ?? '—', detail, reason: detail } } };
}
