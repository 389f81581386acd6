/**
 * A polite JSON client for Enhetsregisteret, shared by the CLI, the extension's background and the
 * add-in: one request at a time with a pause between them, a 429's Retry-After honoured (a few times,
 * then a clear error), and a deadline on every request. `fetch` and `wait` are given by the caller,
 * so core stays free of timers and network globals and tests can drive it.
 */

export type BrregErrorCode = 'timeout' | 'network' | 'http' | 'rate-limited' | 'unreadable' | 'too-many';

/** A failure with what the user needs to act on it: the code, the URL and the HTTP status when there was one. */
export class BrregError extends Error {
  constructor(
    readonly code: BrregErrorCode,
    readonly url: string,
    readonly status: number | null = null,
    readonly detail: Readonly<Record<string, number>> = {},
  ) {
    super(`${code} ${status ?? ''} ${url}`);
    this.name = 'BrregError';
  }
}

export interface BrregTransport {
  readonly fetch: (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{ status: number; headers: { get(name: string): string | null }; json(): Promise<unknown> }>;
  readonly wait: (ms: number) => Promise<void>;
  /** Milliseconds since some fixed point (Date.now). */
  readonly now: () => number;
}

export interface BrregClientOptions {
  readonly timeoutMs?: number;
  /** Pause between two requests. */
  readonly intervalMs?: number;
  /** How many 429 answers are waited out before giving up. */
  readonly maxRetries?: number;
  /** The longest Retry-After that is waited out; a longer one is an error. */
  readonly maxRetryAfterMs?: number;
}

export interface BrregResponse {
  readonly status: number;
  /** The JSON body; null for a body that is not JSON (a 404 or 410 may have none). */
  readonly body: unknown;
}

export type BrregGet = (url: string) => Promise<BrregResponse>;

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function brregClient(transport: BrregTransport, options: BrregClientOptions = {}): BrregGet {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 200;
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  let last = -Infinity;

  const once = async (url: string) => {
    const pause = last + intervalMs - transport.now();
    if (pause > 0) await transport.wait(pause);
    last = transport.now();
    try {
      return await transport.fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      throw new BrregError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', url, null, { seconds: timeoutMs / 1000 });
    }
  };

  return async (url) => {
    for (let attempt = 0; ; attempt++) {
      const response = await once(url);
      if (response.status === 429) {
        const after = retryAfterMs(response.headers.get('retry-after'), transport.now()) ?? intervalMs * 10;
        if (attempt >= maxRetries || after > maxRetryAfterMs) throw new BrregError('rate-limited', url, 429, { seconds: Math.ceil(after / 1000) });
        await transport.wait(after);
        continue;
      }
      if (response.status >= 500 || (response.status >= 400 && response.status !== 404 && response.status !== 410)) throw new BrregError('http', url, response.status);
      let body: unknown = null;
      try {
        body = await response.json();
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'TimeoutError' || name === 'AbortError') throw new BrregError('timeout', url, null, { seconds: timeoutMs / 1000 });
        if (response.status === 200) throw new BrregError('unreadable', url, 200);
      }
      return { status: response.status, body };
    }
  };
}
