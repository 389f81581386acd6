/**
 * Typed, validated messaging over webextension-polyfill. The sender checks the response against the
 * message's schema; the background checks every request before a handler sees it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { dispatch, type Handlers } from './dispatch.ts';
import { MESSAGES, type MessageType, type RequestOf, type ResponseOf } from './messages.ts';

export type { Handlers };

/**
 * Sends a request to the background and returns its validated response (`bad-message` if invalid).
 * The message type is inferred from `request.type`; `sendMessage<'settings/get'>(…)` works too.
 */
export async function sendMessage<T extends MessageType>(request: RequestOf<T> & { type: T }): Promise<ResponseOf<T>> {
  const type: T = request.type;
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch {
    // No listener (background not yet up, extension reloaded): the same as an internal failure.
    return { ok: false, code: 'internal' } as ResponseOf<T>;
  }
  const parsed = MESSAGES[type].response.safeParse(raw);
  return parsed.success ? (parsed.data as ResponseOf<T>) : ({ ok: false, code: 'bad-message' } as ResponseOf<T>);
}

/** Registers the background's handlers; only messages from this extension itself are answered. */
export function onMessage(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return dispatch(handlers, message, sender);
  });
}
