import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { dispatch, type Handlers } from '../../extension/shared/dispatch.ts';
import { MESSAGES, requestSchema, settingsSchema, type MessageType } from '../../extension/shared/messages.ts';

const OWN_ORIGIN = 'chrome-extension://inkludoid/';
/** One of the extension's own pages (popup, options). */
const sender = { id: 'inkludo', url: `${OWN_ORIGIN}extension/popup/index.html` } as Runtime.MessageSender;
/** A content script in a web page: same extension id, the page's URL, a tab. */
const contentScript = { id: 'inkludo', url: 'https://ted.europa.eu/en/notice/-/detail/1-2026', tab: { id: 7 } } as Runtime.MessageSender;

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
    const reply = await dispatch(recordingHandlers(calls), { type: 'brreg/lookup', orgnr: '974760673' }, sender, OWN_ORIGIN);
    expect(reply).toEqual({ ok: true, handledBy: 'brreg/lookup' });
    expect(calls).toEqual([{ type: 'brreg/lookup', orgnr: '974760673' }]);
  });

  it.each([
    ['an unknown type', { type: 'registry/delete-everything' }],
    ['no type', { orgnr: '974760673' }],
    ['a missing field', { type: 'notice/panel' }],
    ['a malformed publication number', { type: 'notice/panel', publicationNumber: '../../etc/passwd' }],
    ['too many numbers to match', { type: 'registry/match', orgnrs: Array(5001).fill('974760673').join(','), names: '' }],
    ['too many name candidates to match', { type: 'registry/match', orgnrs: '', names: Array(5001).fill('Demo Vekst AS').join('\n') }],
    ['a name candidate too long to be one', { type: 'registry/match', orgnrs: '', names: 'x'.repeat(401) }],
    ['numbers as a list rather than text', { type: 'registry/match', orgnrs: ['974760673'], names: '' }],
    ['a removed message (the whole registry)', { type: 'registry/snapshot' }],
    ['negative counts', { type: 'page/found', counts: { reserved: -1, suppliers: 0, registryMatches: 0 } }],
    ['a non-integer tab id', { type: 'page/status', tabId: 1.5 }],
    ['an http registry URL', { type: 'settings/set', settings: { registryUrl: 'http://example.org/r.csv' } }],
    ['an unknown language', { type: 'settings/set', settings: { language: 'de' } }],
    ['a string', 'registry/snapshot'],
    ['null', null],
    ['an inherited property name as type', { type: 'toString' }],
  ])('refuses %s without calling any handler', async (_label, message) => {
    const calls: unknown[] = [];
    expect(await dispatch(recordingHandlers(calls), message, sender, OWN_ORIGIN)).toEqual({ ok: false, code: 'bad-message' });
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
      expect(await dispatch(handlers, { type: 'registry/status' }, sender, OWN_ORIGIN)).toEqual({ ok: false, code: 'internal' });
    } finally {
      console.error = quiet;
    }
  });

  it('never throws and never calls a handler for arbitrary input that is not a valid request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (message) => {
        const calls: unknown[] = [];
        const reply = await dispatch(recordingHandlers(calls), message, sender, OWN_ORIGIN);
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

describe('extension messages: the trust boundary', () => {
  const privileged: [string, unknown][] = [
    ['registry/import', { type: 'registry/import', text: 'orgnr;name\n974760673;X', filename: 'evil.csv' }],
    ['registry/clear', { type: 'registry/clear' }],
    ['registry/export', { type: 'registry/export', format: 'json' }],
    ['registry/status', { type: 'registry/status' }],
    ['registry/lookup', { type: 'registry/lookup', orgnr: '974760673' }],
    ['registry/refresh', { type: 'registry/refresh' }],
    ['settings/set', { type: 'settings/set', settings: { language: 'en' } }],
    ['settings/get', { type: 'settings/get' }],
    ['page/status', { type: 'page/status', tabId: 3 }],
  ];
  it.each(privileged)('refuses %s from a content script without calling any handler', async (_type, message) => {
    const calls: unknown[] = [];
    expect(await dispatch(recordingHandlers(calls), message, contentScript, OWN_ORIGIN)).toEqual({ ok: false, code: 'forbidden' });
    expect(await dispatch(recordingHandlers(calls), message, { id: 'inkludo' } as Runtime.MessageSender, OWN_ORIGIN)).toEqual({ ok: false, code: 'forbidden' });
    expect(calls).toEqual([]);
  });

  it.each(privileged)('answers %s from the extension\'s own pages, also when opened in a tab', async (type, message) => {
    const calls: unknown[] = [];
    const inTab = { ...sender, tab: { id: 9 } } as Runtime.MessageSender;
    expect(await dispatch(recordingHandlers(calls), message, inTab, OWN_ORIGIN)).toEqual({ ok: true, handledBy: type });
  });

  it.each([
    ['page/start', { type: 'page/start' }],
    ['registry/match', { type: 'registry/match', orgnrs: '974760673', names: 'Demo Vekst AS' }],
    ['notice/panel', { type: 'notice/panel', publicationNumber: '12345-2026' }],
    ['panel/collapse', { type: 'panel/collapse', collapsed: true }],
    ['page/found', { type: 'page/found', counts: { reserved: 1, suppliers: 2, registryMatches: 1 } }],
    ['brreg/lookup', { type: 'brreg/lookup', orgnr: '974760673' }],
  ])('answers the page message %s from a content script', async (type, message) => {
    expect(await dispatch(recordingHandlers([]), message, contentScript, OWN_ORIGIN)).toEqual({ ok: true, handledBy: type });
  });

  it('does not take a look-alike origin for its own', async () => {
    const lookalike = { id: 'inkludo', url: 'chrome-extension://inkludoid.evil/x' } as Runtime.MessageSender;
    expect(await dispatch(recordingHandlers([]), { type: 'registry/clear' }, lookalike, OWN_ORIGIN)).toEqual({ ok: false, code: 'forbidden' });
  });
});

describe('extension messages: schemas', () => {
  it('has a request and a response schema for every type, keyed by its own literal', () => {
    for (const [type, { request }] of Object.entries(MESSAGES)) {
      expect(request.safeParse({ type }).success || !request.safeParse({ type: `${type}-other` }).success).toBe(true);
      expect(request.safeParse({ type: `${type}-other` }).success).toBe(false);
    }
  });

  it('accepts TED publication numbers with and without leading zeros', () => {
    for (const publicationNumber of ['262891-2023', '00262891-2023']) {
      expect(requestSchema.safeParse({ type: 'notice/panel', publicationNumber }).success).toBe(true);
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
