/**
 * The content script's scan-and-annotate on a large portal-like page, in headless Chromium: 5 000
 * organisation numbers and 5 000 registry names against a 20 000-entry registry, next to a bare
 * TreeWalker pass over the same page. Wall time includes the gaps between idle periods (the
 * browser's own work, e.g. laying out the page after a batch of badges); main-thread time is what the
 * scanner itself spends in its idle callbacks. The scanner, mention finder, badges and registry index are
 * bundled from the real sources with vite and run in the page; times are taken in the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { isValidNorwegianOrgnr, luhnValid, type Registry, type Supplier } from '../../core/index.ts';
import { median, report, type BenchResult } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REGISTRY_SIZE = 20_000;
const ROWS = 5_000;
const RUNS = 7;

/** Valid numbers in order: Norwegian from 100000000, Swedish (group 7, third digit 2) from 7020000000. */
function* norwegianNumbers(): Generator<string> {
  for (let n = 10_000_000; ; n++) for (let c = 0; c <= 9; c++) if (isValidNorwegianOrgnr(`${n}${c}`)) yield `${n}${c}`;
}
function* swedishNumbers(): Generator<string> {
  for (let n = 702_000_000; ; n++) for (let c = 0; c <= 9; c++) if (luhnValid(`${n}${c}`)) yield `${n}${c}`;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ba', 'de', 'fi', 'gu', 'ha', 'je', 'ko', 'ly'];
/** A made-up word per number, so names are distinct words rather than digits. */
function word(n: number): string {
  let out = '';
  do {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return out[0]!.toUpperCase() + out.slice(1);
}

function syntheticRegistry(): Registry {
  const provenance = { source: 'Bench registry', url: null, retrieved: '2026-11-01', expires: null, demo: true };
  const no = norwegianNumbers();
  const se = swedishNumbers();
  const suppliers: Supplier[] = [];
  for (let i = 0; i < REGISTRY_SIZE; i++) {
    const norwegian = i % 2 === 0;
    suppliers.push({
      orgnr: (norwegian ? no : se).next().value as string,
      jurisdiction: norwegian ? 'NO' : 'SE',
      name: `${word(i)} ${word(i * 7 + 3)} ${norwegian ? 'AS' : 'AB'}`,
      altNames: [],
      kind: 'asf',
      share: { percent: 30 + (i % 40), denominator: norwegian ? 'employees' : 'occupied', asOf: '2026-06-30' },
      purposeAttested: i % 5 !== 0,
      regions: [],
      categories: ['9091'],
      provenance,
    });
  }
  return { provenance, suppliers };
}

/** Rows with a registry name and a number (every other one in the registry), between prose. */
function syntheticPage(registry: Registry): string {
  const outside = norwegianNumbers();
  for (let i = 0; i < 50_000; i++) outside.next(); // past the registry's numbers
  const rows: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const named = registry.suppliers[(i * 3) % REGISTRY_SIZE]!;
    const numbered = i % 2 === 0 ? registry.suppliers[(i * 3 + 1) % REGISTRY_SIZE]!.orgnr : (outside.next().value as string);
    rows.push(`<tr><td>Tilbud ${i + 1}</td><td>${named.name}</td><td>Org.nr. ${numbered}</td><td>Levering av renhold og kantinedrift i henhold til konkurransegrunnlaget, del ${i % 9}.</td></tr>`);
  }
  return `<h1>Tilbydere</h1><table><tbody>${rows.join('')}</tbody></table>`;
}

/** The real content-script modules as one IIFE for the page. */
async function bundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-bench-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { buildRegistryIndex, findReservationPhrases, translator } from '${ROOT}/core/index.ts';
     import { findSupplierMentions } from '${ROOT}/extension/content/scan/mentions.ts';
     import { createScanner } from '${ROOT}/extension/content/scan/scanner.ts';
     import { supplierBadge } from '${ROOT}/extension/content/ui/supplier-badge.ts';
     import { reservedFlag } from '${ROOT}/extension/content/ui/reserved-flag.ts';
     export { buildRegistryIndex, findReservationPhrases, translator, findSupplierMentions, createScanner, supplierBadge, reservedFlag };`,
  );
  try {
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: { write: false, minify: true, target: 'chrome121', lib: { entry, formats: ['iife'], name: 'inkludo' } },
    })) as Rolldown.RolldownOutput[];
    const chunk = out[0]?.output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('bundle produced no chunk');
    return chunk.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function result(name: string, times: readonly number[]): BenchResult {
  return { name, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs: times.length };
}

const registry = syntheticRegistry();
const html = syntheticPage(registry);
const code = await bundle();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  // tsx (esbuild keepNames) wraps functions in the evaluated callback with a `__name` helper the page lacks.
  await page.addScriptTag({ content: `window.__name = (f) => f;\n${code}` });
  const timings = await page.evaluate(
    async ({ registry, html, runs }) => {
      type Api = typeof import('../../extension/content/scan/scanner.ts') &
        typeof import('../../extension/content/scan/mentions.ts') &
        typeof import('../../extension/content/ui/supplier-badge.ts') &
        typeof import('../../extension/content/ui/reserved-flag.ts') &
        Pick<typeof import('../../core/index.ts'), 'buildRegistryIndex' | 'findReservationPhrases' | 'translator'>;
      const api = (window as unknown as { inkludo: Api }).inkludo;
      const indexMs: number[] = [];
      let index = api.buildRegistryIndex(registry);
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        index = api.buildRegistryIndex(registry);
        indexMs.push(performance.now() - start);
      }
      const t = api.translator('nb');
      const ctx = { t, today: '2026-11-23', hasRegistry: true, lookupBrreg: async () => ({ ok: false as const, code: 'internal' as const }) };
      // Main-thread time of the scan: every idle callback it runs, timed.
      let busy = 0;
      let longest = 0;
      const idle = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = (callback, options) =>
        idle((deadline) => {
          const start = performance.now();
          callback(deadline);
          busy += performance.now() - start;
          longest = Math.max(longest, performance.now() - start);
        }, options);
      const walkMs: number[] = [];
      const scanMs: number[] = [];
      const busyMs: number[] = [];
      const longestMs: number[] = [];
      let counts = { reserved: 0, suppliers: 0, registryMatches: 0 };
      let textNodes = 0;
      for (let i = 0; i < runs + 1; i++) {
        document.body.innerHTML = html;
        let start = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let chars = 0;
        textNodes = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          chars += (n as Text).data.length;
          textNodes++;
        }
        const walk = performance.now() - start;
        if (chars === 0) throw new Error("the page has no text");
        busy = 0;
        longest = 0;
        start = performance.now();
        const scanner = api.createScanner({
          root: document.body,
          findMentions: (text) => api.findSupplierMentions(text, index),
          findReservations: api.findReservationPhrases,
          makeBadge: (m) => api.supplierBadge(m, ctx),
          makeFlag: (kind, phrase) => api.reservedFlag(kind, phrase, t),
        });
        scanner.start();
        await scanner.idle();
        const scan = performance.now() - start;
        counts = scanner.counts();
        scanner.stop();
        if (i > 0) {
          walkMs.push(walk);
          scanMs.push(scan);
          busyMs.push(busy);
          longestMs.push(longest);
        }
      }
      return { indexMs, walkMs, scanMs, busyMs, longestMs, counts, textNodes };
    },
    { registry, html, runs: RUNS },
  );
  console.log(`page: ${ROWS} rows, ${timings.textNodes} text nodes; registry ${REGISTRY_SIZE} entries; found ${timings.counts.suppliers} mentions (${timings.counts.registryMatches} in the registry)`);
  report(result(`registry index of ${REGISTRY_SIZE} suppliers (in the page)`, timings.indexMs), { count: REGISTRY_SIZE, unit: 'suppliers' });
  const walk = report(result('bare TreeWalker pass over the text nodes', timings.walkMs), { count: timings.textNodes, unit: 'text nodes' });
  const scan = report(result('scan and annotate, wall time to done (idle slices, badges in Shadow DOM)', timings.scanMs), { count: timings.counts.suppliers, unit: 'badges' });
  report(result('scan and annotate, main-thread time in its idle callbacks', timings.busyMs), { count: timings.counts.suppliers, unit: 'badges' });
  report(result('longest single idle callback of the scan (the badge write batch)', timings.longestMs));
  console.log(`scan-and-annotate / bare TreeWalker: ${(scan.medianMs / walk.medianMs).toFixed(1)}× (medians ${scan.medianMs.toFixed(1)} ms vs ${walk.medianMs.toFixed(2)} ms)`);
} finally {
  await browser.close();
}
