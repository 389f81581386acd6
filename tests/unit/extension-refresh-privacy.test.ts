/**
 * The extension's registry refresh keeps its outcome in storage.local (the registry, or why it was
 * refused, with line issues for the options page). Whatever the fetched file holds, no personal
 * identity number is saved there. The browser is an in-memory stand-in for storage, permissions and
 * alarms; the refresh code and core run as they are.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anyPersonalNumber, leaked } from '../support/personal-numbers.ts';

const storage = new Map<string, unknown>();

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: (key: string) => Promise.resolve(storage.has(key) ? { [key]: structuredClone(storage.get(key)) } : {}),
        set: (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, structuredClone(v));
          return Promise.resolve();
        },
        remove: (keys: string[]) => {
          for (const k of keys) storage.delete(k);
          return Promise.resolve();
        },
      },
      // The registry store listens for changes made by other extension pages; none happen here.
      onChanged: { addListener: () => undefined },
    },
    permissions: { contains: () => Promise.resolve(true) },
    alarms: { get: () => Promise.resolve(undefined), create: () => undefined, clear: () => Promise.resolve(true) },
  },
}));

const { refreshFromUrl } = await import('../../extension/background/registry-refresh.ts');

const URL = 'https://registry.example.org/list.csv';
const HEADER = 'orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;alt_names';
const LINE = ['100427311', 'Demo Vekst AS', 'amb', '45', 'employees', '2026-06-30', 'yes', '1804', '9091', 'Vekst'];

function serve(body: string): void {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(body, { status: 200, headers: { ETag: '"v1"' } })));
}

beforeEach(() => {
  storage.clear();
  storage.set('settings', { language: 'auto', defaultJurisdiction: 'NO', registryUrl: URL });
});
afterEach(() => vi.unstubAllGlobals());

describe('registry refresh records in extension storage', () => {
  it('a sole trader line is left out with a warning; the registry is stored without the number', async () => {
    const [n] = fc.sample(anyPersonalNumber, { numRuns: 1, seed: 11 });
    if (!n) throw new Error('no sample');
    serve(`# source: Kommunen\n# retrieved: 2026-11-01\n${HEADER}\n${LINE.join(';')}\n${n.written};Anna Svensson ENK;other;;;;;;;\n`);
    const record = await refreshFromUrl();
    expect(record).toMatchObject({ ok: true });
    const stored = JSON.stringify([...storage.entries()]);
    expect(leaked(stored, n)).toEqual([]);
    expect(stored).toContain('Demo Vekst AS');
    expect(stored).not.toContain('Anna Svensson');
  });

  it('no personal identity number in any stored refresh outcome, whichever field held it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(anyPersonalNumber, fc.nat(LINE.length - 1), fc.constantFrom('', 'pnr ', 'x'), async (n, column, before) => {
        storage.delete('registry');
        storage.delete('registryRefresh');
        const line = LINE.map((c, i) => (i === column ? `${before}${n.written}` : c)).join(';');
        serve(`# source: Kommunen\n# retrieved: 2026-11-01\n${HEADER}\n${line}\n`);
        const record = await refreshFromUrl();
        expect(record).not.toBe('no-url');
        expect(leaked(JSON.stringify([...storage.entries()]), n)).toEqual([]);
        expect(leaked(JSON.stringify(record), n)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
