/**
 * Typed, validated messaging over webextension-polyfill. The sender checks the response against the
 * message's schema; the background checks every request (and who sent it) before a handler sees it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { dispatch, type Handlers } from './dispatch.ts';
import { MESSAGES, type MessageType, type RequestOf, type ResponseOf } from './messages.ts';
import { sendWith } from './send.ts';

export type { Handlers };

/**
 * Sends a request to the background and returns its validated response (`bad-message` if invalid).
 * The message type is inferred from `request.type`; `sendMessage<'settings/get'>(…)` works too.
 */
export function sendMessage<T extends MessageType>(request: RequestOf<T> & { type: T }): Promise<ResponseOf<T>> {
  return sendWith(MESSAGES, request) as Promise<ResponseOf<T>>;
}

/**
 * Registers the background's handlers; only messages from this extension itself are answered, and
 * privileged ones only from its own pages (not from content scripts in web pages).
 */
export function onMessage(handlers: Handlers): void {
  const ownBase = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return dispatch(handlers, message, sender, ownBase);
  });
}
