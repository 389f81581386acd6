/** The content script's side of messaging: page messages only (./page-messages.ts). */
import { PAGE_MESSAGES, type PageMessageType } from './page-messages.ts';
import { sendWith } from './send.ts';
import type { z } from 'zod';

type Table = typeof PAGE_MESSAGES;
export type PageRequest<T extends PageMessageType> = z.infer<Table[T]['request']>;
export type PageResponse<T extends PageMessageType> = z.infer<Table[T]['response']>;

export type SendPageMessage = <T extends PageMessageType>(request: PageRequest<T> & { type: T }) => Promise<PageResponse<T>>;

export const sendPageMessage: SendPageMessage = (request) => sendWith(PAGE_MESSAGES, request) as never;
