/** fetch with a deadline; a network failure or timeout is returned as a code, never thrown. */
export type FetchOutcome = { ok: true; response: Response } | { ok: false; code: 'timeout' | 'network' };

export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<FetchOutcome> {
  try {
    return { ok: true, response: await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }) };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, code: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}
