/**
 * Sending one request to the background and checking its response against a schema table: shared by
 * the extension pages (every message, ./messaging.ts) and the content script (page messages only,
 * so it bundles those schemas alone).
 */

/** Any schema with safeParse: classic zod (extension pages) and zod/mini (page messages) alike. */
type Table = Readonly<Record<string, { readonly response: { safeParse(data: unknown): { success: boolean; data?: unknown } } }>>;

/**
 * The runtime without webextension-polyfill, so the content script does not carry it: Firefox has
 * the promise-based `browser`, Chrome's `chrome.runtime.sendMessage` returns a promise in MV3.
 */
const runtime = ((globalThis as { browser?: { runtime: Runtime } }).browser ?? (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome).runtime;
interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The response checked against `table[request.type].response`: `internal` when no background
 * answered, `bad-message` when the answer does not fit. Callers type it by the request's type.
 */
export async function sendWith(table: Table, request: { readonly type: string }): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await runtime.sendMessage(request);
  } catch {
    // No listener (background not yet up, extension reloaded): the same as an internal failure.
    return { ok: false, code: 'internal' };
  }
  const parsed = table[request.type]?.response.safeParse(raw);
  return parsed?.success ? parsed.data : { ok: false, code: 'bad-message' };
}
