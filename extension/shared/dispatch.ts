/**
 * Request validation, the trust boundary and routing for the background, kept free of the browser
 * API so it runs (and is tested) anywhere.
 */
import type { Runtime } from 'webextension-polyfill';
import { isMessageType, requestSchema, type MessageType, type RequestOf, type ResponseOf } from './messages.ts';
import { isPageMessageType } from './page-messages.ts';

export type Handlers = {
  [T in MessageType]: (request: RequestOf<T>, sender: Runtime.MessageSender) => Promise<ResponseOf<T>>;
};

/**
 * Is this sender one of the extension's own pages (`ownBase`: `runtime.getURL('/')`, with its slash) (popup, options, also when opened in a tab)? A
 * content script's sender URL is the web page it runs in, so it never is.
 */
export function fromExtensionPage(sender: Runtime.MessageSender, ownBase: string): boolean {
  // A prefix test on the base with its slash: URL.origin is "null" for extension schemes in some engines.
  return typeof sender.url === 'string' && sender.url.startsWith(ownBase);
}

/**
 * Parses an incoming message and runs its handler. Returns the response to send back; an invalid or
 * unknown message gets `bad-message`, a privileged message from a web page `forbidden` (only the
 * page messages of page-messages.ts are answered there), and a throwing handler `internal`.
 */
export async function dispatch(handlers: Handlers, message: unknown, sender: Runtime.MessageSender, ownBase: string): Promise<unknown> {
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success || !isMessageType(parsed.data.type)) return { ok: false, code: 'bad-message' };
  const request = parsed.data;
  if (!isPageMessageType(request.type) && !fromExtensionPage(sender, ownBase)) return { ok: false, code: 'forbidden' };
  try {
    const handler = handlers[request.type] as (r: typeof request, s: Runtime.MessageSender) => Promise<unknown>;
    return await handler(request, sender);
  } catch (error) {
    console.error('inkludo: handler failed', request.type, error);
    return { ok: false, code: 'internal' };
  }
}
