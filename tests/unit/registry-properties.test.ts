import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  exportRegistryCsv,
  exportRegistryJson,
  hasMessage,
  importRegistry,
  isValidNorwegianOrgnr,
  isValidSwedishOrgnr,
  SHARE_DENOMINATORS,
  SUPPLIER_KINDS,
  type ImportResult,
  type Provenance,
  type Registry,
  type Supplier,
} from '../../core/index.ts';

function wellFormed(result: ImportResult): void {
  if (result.ok) {
    expect(result.registry.suppliers.length).toBeGreaterThan(0);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(Number.isInteger(e.line) && e.line >= 0).toBe(true);
    expect(hasMessage(e.messageKey), e.messageKey).toBe(true);
  }
}

describe('importRegistry never throws', () => {
  const csvish = fc
    .array(fc.constantFrom('orgnr', 'name', ';', ',', '\t', '"', '\n', '\r\n', '#', ' ', '100427311', '734127-5100', 'Demo AS', 'ja', '29,9', 'ø', '\uFEFF', '\0', 'kind', 'andel'), { maxLength: 60 })
    .map((parts) => parts.join(''));

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        wellFormed(importRegistry(text));
        wellFormed(importRegistry(text, { format: 'json' }));
        wellFormed(importRegistry(text, { format: 'csv', source: 'S', retrieved: '2026-01-01' }));
      }),
      { numRuns: 300 },
    );
  });

  it('on CSV-like strings', () => {
    fc.assert(
      fc.property(csvish, (text) => wellFormed(importRegistry(text, { source: 'S', retrieved: '2026-01-01' }))),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => wellFormed(importRegistry(JSON.stringify(value, null, 1) ?? '', { format: 'json' }))),
      { numRuns: 300 },
    );
  });

  it('on arbitrary registry-shaped JSON', () => {
    const entry = fc.dictionary(
      fc.constantFrom('orgnr', 'name', 'altNames', 'kind', 'share', 'purposeAttested', 'regions', 'categories', 'provenance', 'other'),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), (suppliers, provenance) =>
        wellFormed(importRegistry(JSON.stringify({ schema: 'inkludo.registry/1', provenance, suppliers }))),
      ),
      { numRuns: 300 },
    );
  });

  it('on values an untyped caller might pass', () => {
    for (const value of [null, undefined, 42, {}, [1, 2], new ArrayBuffer(4), new Uint16Array([0x6f72, 0x6e67])]) {
      wellFormed(importRegistry(value as unknown as string));
    }
    const view = new TextEncoder().encode(`xxxxorgnr;name\n100427311;A\n`).subarray(4);
    expect(importRegistry(view, { source: 'S', retrieved: '2026-01-01' })).toMatchObject({ ok: true });
  });

  it('on deeply nested JSON, inside and outside the entries', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    const inputs = [
      deep(50_000),
      `{"schema":"inkludo.registry/1","provenance":${deep(50_000)},"suppliers":[]}`,
      `{"schema":"inkludo.registry/1","provenance":{},"suppliers":[{"orgnr":1,"name":${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`,
    ];
    expect(inputs.map((input) => importRegistry(input).ok)).toEqual([false, false, false]);
    for (const input of inputs) wellFormed(importRegistry(input));
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        wellFormed(importRegistry(bytes));
        wellFormed(importRegistry(bytes, { format: 'json' }));
      }),
      { numRuns: 300 },
    );
  });
});

// ---- generated registries -------------------------------------------------------------------------

const isoDate = fc.integer({ min: 0, max: 12_000 }).map((days) => addDays('2000-01-01', days));

const norwegianOrgnr = fc.stringMatching(/^[0-9]{8}$/).chain((base) => {
  const digits = Array.from({ length: 10 }, (_, d) => `${base}${d}`).filter(isValidNorwegianOrgnr);
  return digits.length ? fc.constantFrom(...digits) : fc.constant(null);
});
const swedishOrgnr = fc.stringMatching(/^[0-9]{2}[2-9][0-9]{6}$/).map((base) => {
  const valid = Array.from({ length: 10 }, (_, d) => `${base}${d}`).find(isValidSwedishOrgnr);
  return valid ?? null;
});

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const letters = [...'abcdefghijklmnopqrstuvwxyzæøåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖ0123456789'];
const punctuation = [' ', ' ', ' ', '.', ',', ';', '"', "'", '&', '-', '(', ')', '=', '+', '@', '/', '\t', '\n', '#'];
const text = (extra: readonly string[]) =>
  fc
    .array(fc.constantFrom(...letters, ...extra), { minLength: 1, maxLength: 30 })
    .map((chars) => clean(chars.join('')))
    // An apostrophe before a formula sign is how export protects cells, so import removes it.
    .filter((s) => s !== '' && !/^'[=+\-@]/.test(s));

const region = fc.oneof(fc.stringMatching(/^[0-9]{2}$/), fc.stringMatching(/^[0-9]{4}$/));
const category = fc.oneof(fc.stringMatching(/^[0-9]{2,7}$/), fc.stringMatching(/^[0-9]{7}[1-9]$/));
const url = fc.constantFrom(null, 'https://example.org/registry', 'http://example.com/list?x=1');

const provenance = fc
  .record({ source: text(punctuation), url, retrieved: isoDate, expiresAfter: fc.option(fc.integer({ min: 0, max: 800 })), demo: fc.boolean() })
  .map(({ expiresAfter, ...p }): Provenance => ({ ...p, expires: expiresAfter === null ? null : addDays(p.retrieved, expiresAfter) }));

function supplierOf(registry: Provenance) {
  const own = fc
    .record({ source: text(punctuation), url, retrieved: isoDate, expiresAfter: fc.option(fc.integer({ min: 0, max: 800 })) })
    .map(({ expiresAfter, ...p }): Provenance => ({ ...p, expires: expiresAfter === null ? null : addDays(p.retrieved, expiresAfter), demo: registry.demo }));
  return fc
    .record({
      orgnr: fc.oneof(norwegianOrgnr, swedishOrgnr),
      name: text(punctuation),
      altNames: fc.uniqueArray(text(punctuation.filter((c) => c !== '|')), { maxLength: 3 }),
      kind: fc.constantFrom(...SUPPLIER_KINDS),
      share: fc.option(fc.record({ percent: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), denominator: fc.constantFrom(...SHARE_DENOMINATORS), asOf: isoDate })),
      purposeAttested: fc.boolean(),
      regions: fc.uniqueArray(region, { maxLength: 4 }),
      categories: fc.uniqueArray(category, { maxLength: 4 }),
      provenance: fc.oneof(fc.constant(registry), own),
    })
    .filter((s): s is typeof s & { orgnr: string } => s.orgnr !== null)
    .map(
      (s): Supplier => ({
        ...s,
        jurisdiction: s.orgnr.length === 9 ? 'NO' : 'SE',
        altNames: s.altNames.filter((a) => a !== s.name),
      }),
    );
}

const registryArb = provenance.chain((p) =>
  fc.uniqueArray(supplierOf(p), { minLength: 1, maxLength: 8, selector: (s) => s.orgnr }).map((suppliers): Registry => ({ provenance: p, suppliers })),
);

describe('export and import round trip', () => {
  it('CSV: importing an exported registry gives the same registry', () => {
    fc.assert(
      fc.property(registryArb, (registry) => {
        const result = importRegistry(exportRegistryCsv(registry));
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.registry).toEqual(registry);
      }),
      { numRuns: 300 },
    );
  });

  it('codes exported side by side are never read back as a personal identity number', () => {
    // "820376 0296" (two CPV prefixes joined by a space) passes for a samordningsnummer; ", " keeps them codes.
    const registry = {
      provenance: { source: 'Test', url: null, retrieved: '2000-01-05', expires: null, demo: true },
      suppliers: [
        { orgnr: '972418013', name: 'a', altNames: [], kind: 'asf', share: null, purposeAttested: false, regions: [], categories: ['820376', '0296'], provenance: { source: 'Test', url: null, retrieved: '2000-01-05', expires: null, demo: true }, jurisdiction: 'NO' },
      ],
    } as const;
    const csv = exportRegistryCsv(registry as never);
    expect(csv).toContain(';820376, 0296;');
    const result = importRegistry(csv);
    expect(result.ok && result.registry.suppliers[0]?.categories).toEqual(['820376', '0296']);
  });

  it('CSV bytes in UTF-8 with BOM round-trip too', () => {
    fc.assert(
      fc.property(registryArb, (registry) => {
        const bytes = new TextEncoder().encode(`\uFEFF${exportRegistryCsv(registry)}`);
        const result = importRegistry(bytes);
        expect(result.ok && result.registry).toEqual(registry);
      }),
      { numRuns: 100 },
    );
  });

  it('JSON: importing an exported registry gives the same registry', () => {
    fc.assert(
      fc.property(registryArb, (registry) => {
        const result = importRegistry(exportRegistryJson(registry));
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.registry).toEqual(registry);
      }),
      { numRuns: 300 },
    );
  });

  it('export neutralises cells that Excel would run as formulas', () => {
    const registry: Registry = {
      provenance: { source: 'S', url: null, retrieved: '2026-01-01', expires: null, demo: false },
      suppliers: [
        {
          orgnr: '100427311', jurisdiction: 'NO', name: '=HYPERLINK("http://x","y")', altNames: ['+47 Demo', '@Demo'], kind: 'other', share: null,
          purposeAttested: false, regions: [], categories: [],
          provenance: { source: 'S', url: null, retrieved: '2026-01-01', expires: null, demo: false },
        },
      ],
    };
    const csv = exportRegistryCsv(registry);
    expect(csv).toContain(`100427311;"'=HYPERLINK(""http://x"",""y"")";other`);
    expect(csv).toContain(`'+47 Demo | @Demo`);
    expect(importRegistry(csv)).toMatchObject({ ok: true, registry });
  });
});
