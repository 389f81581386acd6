/**
 * Request validation and routing for the background, kept free of the browser API so it runs (and is
 * tested) anywhere.
 */
import type { Runtime } from 'webextension-polyfill';
import { isMessageType, requestSchema, type MessageType, type RequestOf, type ResponseOf } from './messages.ts';

export type Handlers = {
  [T in MessageType]: (request: RequestOf<T>, sender: Runtime.MessageSender) => Promise<ResponseOf<T>>;
};

/**
 * Parses an incoming message and runs its handler. Returns the response to send back; an invalid or
 * unknown message gets `bad-message` and a throwing handler `internal`.
 */
export async function dispatch(handlers: Handlers, message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success || !isMessageType(parsed.data.type)) return { ok: false, code: 'bad-message' };
  const request = parsed.data;
  try {
    const handler = handlers[request.type] as (r: typeof request, s: Runtime.MessageSender) => Promise<unknown>;
    return await handler(request, sender);
  } catch (error) {
    console.error('inkludo: handler failed', request.type, error);
    return { ok: false, code: 'internal' };
  }
}
