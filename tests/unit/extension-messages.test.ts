import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { dispatch, type Handlers } from '../../extension/shared/dispatch.ts';
import { MESSAGES, requestSchema, settingsSchema, type MessageType } from '../../extension/shared/messages.ts';

const sender = { id: 'inkludo' } as Runtime.MessageSender;

/** Handlers that echo which handler ran and with what, so routing is observable. */
function recordingHandlers(calls: unknown[]): Handlers {
  const handlers: Partial<Record<MessageType, (request: unknown) => Promise<unknown>>> = {};
  for (const type of Object.keys(MESSAGES) as MessageType[]) {
    handlers[type] = async (request) => {
      calls.push(request);
      return { ok: true, handledBy: type };
    };
  }
  return handlers as unknown as Handlers;
}

describe('extension messages: dispatch', () => {
  it('routes a valid request to its own handler only', async () => {
    const calls: unknown[] = [];
    const reply = await dispatch(recordingHandlers(calls), { type: 'brreg/lookup', orgnr: '974760673' }, sender);
    expect(reply).toEqual({ ok: true, handledBy: 'brreg/lookup' });
    expect(calls).toEqual([{ type: 'brreg/lookup', orgnr: '974760673' }]);
  });

  it.each([
    ['an unknown type', { type: 'registry/delete-everything' }],
    ['no type', { orgnr: '974760673' }],
    ['a missing field', { type: 'notice/fetch-ted' }],
    ['a malformed publication number', { type: 'notice/fetch-ted', publicationNumber: '../../etc/passwd' }],
    ['negative counts', { type: 'page/found', counts: { reserved: -1, suppliers: 0, registryMatches: 0 } }],
    ['a non-integer tab id', { type: 'page/status', tabId: 1.5 }],
    ['an http registry URL', { type: 'settings/set', settings: { registryUrl: 'http://example.org/r.csv' } }],
    ['an unknown language', { type: 'settings/set', settings: { language: 'de' } }],
    ['a string', 'registry/snapshot'],
    ['null', null],
    ['an inherited property name as type', { type: 'toString' }],
  ])('refuses %s without calling any handler', async (_label, message) => {
    const calls: unknown[] = [];
    expect(await dispatch(recordingHandlers(calls), message, sender)).toEqual({ ok: false, code: 'bad-message' });
    expect(calls).toEqual([]);
  });

  it('turns a throwing handler into an internal failure', async () => {
    const handlers = recordingHandlers([]);
    handlers['registry/status'] = async () => {
      throw new Error('storage broke');
    };
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(await dispatch(handlers, { type: 'registry/status' }, sender)).toEqual({ ok: false, code: 'internal' });
    } finally {
      console.error = quiet;
    }
  });

  it('never throws and never calls a handler for arbitrary input that is not a valid request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (message) => {
        const calls: unknown[] = [];
        const reply = await dispatch(recordingHandlers(calls), message, sender);
        if (requestSchema.safeParse(message).success) expect(calls).toHaveLength(1);
        else {
          expect(reply).toEqual({ ok: false, code: 'bad-message' });
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extension messages: schemas', () => {
  it('has a request and a response schema for every type, keyed by its own literal', () => {
    for (const [type, { request }] of Object.entries(MESSAGES)) {
      expect(request.shape.type.value).toBe(type);
    }
  });

  it('accepts TED publication numbers with and without leading zeros', () => {
    for (const publicationNumber of ['262891-2023', '00262891-2023']) {
      expect(requestSchema.safeParse({ type: 'notice/fetch-ted', publicationNumber }).success).toBe(true);
    }
  });

  it('lets settings hold an https registry URL or none', () => {
    expect(settingsSchema.safeParse({ language: 'auto', defaultJurisdiction: 'SE', registryUrl: 'https://intranet.example/registry.csv' }).success).toBe(true);
    expect(settingsSchema.safeParse({ language: 'nb', defaultJurisdiction: 'NO', registryUrl: null }).success).toBe(true);
    expect(settingsSchema.safeParse({ language: 'nb', defaultJurisdiction: 'NO', registryUrl: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('rejects a response that does not match its message', () => {
    const response = MESSAGES['brreg/lookup'].response;
    expect(response.safeParse({ ok: true, entity: { orgnr: '974760673' } }).success).toBe(false);
    expect(response.safeParse({ ok: false, code: 'something-else' }).success).toBe(false);
    expect(response.safeParse({ ok: false, code: 'not-found' }).success).toBe(true);
  });
});
