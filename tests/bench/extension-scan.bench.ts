/**
 * The content script on a large portal-like page, in headless Chromium: 5 000 rows with 5 000
 * registry names and 5 000 organisation numbers (10 000 mentions) against a 20 000-entry registry,
 * next to a bare TreeWalker pass over the same page. The page runs the real content session
 * (extension/content/session.ts: scanner, marks, panel); the background runs in a Web Worker with
 * the real background code (registry index, name keys, matches, page messages), so the page pays
 * what it pays in the extension: sending requests and reading and validating the answers.
 *
 * The page's style sheets are adopted before the page is filled, as early-style.ts does at
 * document_start, and the page is shown (its own first style, layout and paint done) before the scan
 * starts, as at document_idle. Main-thread time is read from a Chromium trace (every task on the
 * page's main thread between the start and the end of the scan, including the layout and paint the
 * room, the panel and the marks cause), with the same tasks' CPU time beside it; long tasks from a
 * PerformanceObserver in the page. Registry cost per page is the page's own time for the registry:
 * serialising its requests, receiving and validating the answers, building the name-key set.
 *
 * Beside them, in the same trace and on the same page, a floor: the least any scan and mark with a
 * docked panel costs here (walk, one pattern per node, highlights near the view, a host given room),
 * so the ratio to the bare walk can be read against what marking itself costs. And two floors of the
 * way the work is split between page and background, each on the page put in afresh: all text read
 * outside the page (a worker stands in for the background), and the issue's split, in which the page
 * itself finds the numbers, the name candidates and the reservation stems (`splitFloor`).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { isValidNorwegianOrgnr, luhnValid, type Registry, type Supplier } from '../../core/index.ts';
import { registryToSnapshot } from '../../extension/shared/registry-snapshot.ts';
import { bundleForPage as bundle } from '../support/bundle.ts';
import { median, report, type BenchResult } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REGISTRY_SIZE = 20_000;
const ROWS = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

/** The background side in a worker: the stored snapshot in, page messages answered with the real handlers. */
const workerCode = await bundle(
  'inkludoWorker',
  `import { buildRegistryIndex } from '${ROOT}/core/index.ts';
   import { registryFromSnapshot } from '${ROOT}/extension/shared/registry-snapshot.ts';
   import { registrySnapshotSchema } from '${ROOT}/extension/shared/messages.ts';
   import { pageStart } from '${ROOT}/extension/background/page-start.ts';
   import { matchForPage } from '${ROOT}/extension/background/registry-match.ts';
   let loaded = null;
   let matchMs = 0;
   self.onmessage = (event) => {
     const { id, request } = event.data;
     if (request.type === 'load') {
       // What a worker restart costs: validate the stored snapshot, rebuild, index.
       const start = performance.now();
       const registry = registryFromSnapshot(registrySnapshotSchema.parse(request.snapshot));
       loaded = { registry, index: buildRegistryIndex(registry) };
       self.postMessage({ id, response: { ms: performance.now() - start } });
       return;
     }
     if (request.type === 'match-ms') return self.postMessage({ id, response: { ms: matchMs } });
     const start = performance.now();
     const response = request.type === 'page/start' ? pageStart('nb', loaded, false) : request.type === 'registry/match' ? matchForPage(request, loaded) : { ok: true };
     if (request.type === 'registry/match') matchMs += performance.now() - start;
     self.postMessage({ id, response });
   };`,
);

/** The page side: the real content session, the page-message schemas to validate answers with. */
const pageCode = await bundle(
  'inkludo',
  `export { startSession } from '${ROOT}/extension/content/session.ts';
   export { PAGE_MESSAGES } from '${ROOT}/extension/shared/page-messages.ts';`,
  !process.env.PROFILE,
);

/** What the issue's split floor reads in the page: a bundle of its own, so that it warms none of the session's code. */
const splitCode = await bundle(
  'inkludoSplit',
  `export { readTexts } from '${ROOT}/extension/content/scan/mentions.ts';
   export { hashesFromText } from '${ROOT}/extension/shared/match-text.ts';
   export { mayStateReservation } from '${ROOT}/core/index.ts';`,
);

/**
 * A stand-in for a background that reads the page's texts itself (for the split floors below): per
 * chunk of texts joined by NUL, each number (9 or 10 digits) or registry-style name ("… AS/AB") as
 * piece, start, length and an id per distinct one, the ids' keys sent the first time. The page's
 * cost depends on the answer's size, not on how the background finds it.
 */
const textReaderCode = `
const ids = new Map();
self.onmessage = (event) => {
  if (event.data.reset) return void ids.clear();
  const { chunk, text } = event.data;
  const pieces = text.split('\\0');
  const out = [];
  const fresh = [];
  const id = (key) => { let n = ids.get(key); if (n === undefined) { ids.set(key, (n = ids.size)); fresh.push(key); } return n; };
  for (let p = 0; p < pieces.length; p++) {
    const m = /\\b\\d{9,10}\\b/.exec(pieces[p]);
    if (m) out.push(p, m.index, m[0].length, id(m[0]));
    else if (/ A[SB]$/.test(pieces[p])) out.push(p, 0, pieces[p].length, id(pieces[p]));
  }
  const answer = Int32Array.from(out);
  self.postMessage({ chunk, answer, fresh }, [answer.buffer]);
};`;

function result(name: string, times: readonly number[]): BenchResult {
  return { name, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs: times.length };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: without the time the thread waited for a CPU. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Main-thread task time and the longest task between two user-timing marks of the renderer main
 * thread; also the same tasks' CPU time, which a machine busy with other work does not inflate.
 */
function mainThread(events: readonly TraceEvent[], from: string, to: string): { busyMs: number; longestMs: number; cpuMs: number } {
  const start = events.find((e) => e.name === from);
  const end = events.find((e) => e.name === to);
  if (!start || !end) throw new Error('trace lacks the marks');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid);
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === main?.tid && e.ts >= start.ts && e.ts <= end.ts);
  return {
    busyMs: tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    longestMs: Math.max(0, ...tasks.map((e) => e.dur ?? 0)) / 1000,
    cpuMs: tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000,
  };
}

const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata', ...(process.env.TRACE_DUMP ? ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking', 'v8.execute'] : [])];
const registry = syntheticRegistry();
/**
 * In the page: the bench page put in afresh and walked once (the bare TreeWalker pass, timed), then
 * shown and the garbage of what it replaced collected, as before a content script's first scan.
 */
async function freshPage(html: string): Promise<{ ms: number; nodes: number }> {
  for (const name of [...CSS.highlights.keys()]) CSS.highlights.delete(name);
  // As on a fresh page: the style sheet adopted at document_start (early-style.ts), no panel and so
  // no room beside the page (the room comes with the panel's host).
  document.querySelector('[data-inkludo]')?.remove();
  document.body.innerHTML = html;
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  const ms = performance.now() - start;
  if (chars === 0) throw new Error('the page has no text');
  // The page is shown before the content script runs (document_idle): its own first style, layout
  // and paint are the page's, not the scan's, so they happen before the measured window.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // The page this one replaced (and the last run's session) is garbage: collected and swept now,
  // or Blink sweeps it in small tasks inside the measured window (14 ms of 118 in one trace),
  // where a real page has no previous page of its own.
  (globalThis as unknown as { gc(): void }).gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { ms, nodes };
}

/**
 * In the page: the least a scan and mark can cost when the page hands its texts to a reader outside
 * it (`textReaderCode`), as a floor of that design: the walk in slices of 12 ms, texts posted in
 * chunks of 256 nodes or 64 K characters, the answers kept as marks in document order and per
 * supplier, the marks within three screens highlighted, a host with a closed shadow root listing 60
 * suppliers, room beside the page. With `inPage`, also what the issue's split keeps in the page: the
 * numbers and name candidates of each chunk (`readTexts`) and the reservation stems of each text.
 */
async function splitFloor(inPage: boolean): Promise<number> {
  type Api = { readTexts(texts: string[], keys: unknown): unknown[]; mayStateReservation(text: string): boolean };
  const w = window as unknown as { inkludoSplit: Api; __textReader: Worker; __nameKeys: unknown };
  const { inkludoSplit: api, __textReader: reader, __nameKeys: keys } = w;
  reader.postMessage({ reset: true });
  performance.mark('split-start');
  await new Promise((resolve) => setTimeout(resolve, 0));
  const chunkNodes: Text[][] = [];
  const marks: { node: Text; start: number; end: number }[] = [];
  const bySupplier: { key: string; marks: number[] }[] = [];
  let sent = 0;
  let answered = 0;
  let walking = true;
  let done = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  let foundInPage = 0;
  reader.onmessage = (event: MessageEvent) => {
    const { chunk, answer, fresh } = event.data as { chunk: number; answer: Int32Array; fresh: string[] };
    for (const key of fresh) bySupplier.push({ key, marks: [] });
    const nodes = chunkNodes[chunk] as Text[];
    for (let k = 0; k < answer.length; k += 4) {
      const start = answer[k + 1] as number;
      bySupplier[answer[k + 3] as number]?.marks.push(marks.length);
      marks.push({ node: nodes[answer[k] as number] as Text, start, end: start + (answer[k + 2] as number) });
    }
    chunkNodes[chunk] = [];
    if (++answered === sent && !walking) done();
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes: Text[] = [];
  let texts: string[] = [];
  let chars = 0;
  const post = () => {
    if (inPage) {
      for (const found of api.readTexts(texts, keys)) if (found) foundInPage++;
      for (const text of texts) if (api.mayStateReservation(text)) foundInPage++;
    }
    chunkNodes.push(nodes);
    reader.postMessage({ chunk: sent++, text: texts.join('\0') });
    nodes = [];
    texts = [];
    chars = 0;
  };
  await new Promise<void>((resolve) => {
    const slice = () => {
      const end = performance.now() + 12;
      let steps = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const text = n.data;
        nodes.push(n);
        texts.push(text);
        chars += text.length;
        if (nodes.length === 256 || chars >= 65_536) post();
        if ((++steps & 255) === 0 && performance.now() > end) return void setTimeout(slice, 0);
      }
      if (nodes.length > 0) post();
      walking = false;
      if (answered === sent) done();
      resolve();
    };
    slice();
  });
  await finished;
  const highlight = new Highlight();
  const screens = document.documentElement.clientHeight * 3;
  for (const m of marks) {
    if ((m.node.parentElement as Element).getBoundingClientRect().top > screens) break;
    highlight.add(new StaticRange({ startContainer: m.node, startOffset: m.start, endContainer: m.node, endOffset: m.end }));
  }
  CSS.highlights.set('split', highlight);
  const host = document.createElement('inkludo-split');
  const shadow = host.attachShadow({ mode: 'closed' });
  const list = document.createElement('ul');
  for (const supplier of bySupplier.slice(0, 60)) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = `${supplier.key} · ${supplier.marks.length}`;
    item.append(button);
    list.append(item);
  }
  shadow.append(list);
  document.documentElement.style.marginRight = '340px';
  document.documentElement.append(host);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  performance.mark('split-end');
  CSS.highlights.delete('split');
  host.remove();
  document.documentElement.style.marginRight = '';
  if (inPage && foundInPage === 0) throw new Error('the split floor found nothing in the page');
  return marks.length;
}

const html = syntheticPage(registry);
const snapshot = registryToSnapshot(registry);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  // tsx (esbuild keepNames) wraps functions in the evaluated callback with a `__name` helper the page lacks.
  await page.addScriptTag({ content: `window.__name = (f) => f;\n${pageCode}\n${splitCode}` });
  const restartMs = await page.evaluate(
    async ({ workerCode, snapshot, textReaderCode }) => {
      const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
      const pending = new Map<number, (value: unknown) => void>();
      let next = 0;
      const w = window as unknown as Record<string, unknown>;
      w.__registryMs = 0;
      worker.onmessage = (event: MessageEvent) => {
        const start = performance.now();
        const { id, response } = event.data as { id: number; response: unknown };
        w.__registryMs = (w.__registryMs as number) + performance.now() - start;
        pending.get(id)?.(response);
        pending.delete(id);
      };
      w.__ask = (request: { type: string }) =>
        new Promise((resolve) => {
          const id = next++;
          pending.set(id, resolve);
          const start = performance.now();
          worker.postMessage({ id, request });
          w.__registryMs = (w.__registryMs as number) + performance.now() - start;
        });
      w.__longTasks = [];
      new PerformanceObserver((list) => (w.__longTasks as number[]).push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
      const loaded = (await (w.__ask as (r: object) => Promise<{ ms: number }>)({ type: 'load', snapshot })).ms;
      w.__textReader = new Worker(URL.createObjectURL(new Blob([textReaderCode], { type: 'text/javascript' })));
      const { nameKeys } = (await (w.__ask as (r: object) => Promise<{ nameKeys: { hashes: string; maxWords: number } }>)({ type: 'page/start' }));
      const api = w.inkludoSplit as { hashesFromText(text: string): unknown };
      w.__nameKeys = { hashes: api.hashesFromText(nameKeys.hashes), maxWords: nameKeys.maxWords };
      return loaded;
    },
    { workerCode, snapshot, textReaderCode },
  );

  const walkMs: number[] = [];
  const wallMs: number[] = [];
  const busyMs: number[] = [];
  const cpuMs: number[] = [];
  const traceLongestMs: number[] = [];
  const observedLongestMs: number[] = [];
  const registryMs: number[] = [];
  const floorMs: number[] = [];
  const splitOffMs: number[] = [];
  const splitInMs: number[] = [];
  let splitMarks = 0;
  let stats = { textNodes: 0, mentions: 0, suppliers: 0 };
  for (let i = 0; i < RUNS + 1; i++) {
    const walk = await page.evaluate(freshPage, html);
    // The floor: the least a scan and mark with a docked panel can cost on this page, in the same
    // window and trace: walk every text node, one pattern per node for nine-digit runs (no names, no
    // check digits, no reservation wording, no registry), a static range for each such run within two
    // screens in one highlight, and a host with a closed shadow root given room beside the page.
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.evaluate(async () => {
      performance.mark('floor-start');
      // In a task of its own: the trace counts the tasks that start after the mark.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const found: [Text, number][] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const digits = /\d{9}/;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const m = digits.exec((n as Text).data);
        if (m) found.push([n as Text, m.index]);
      }
      const highlight = new Highlight();
      const screens = document.documentElement.clientHeight * 3;
      for (const [node, index] of found) {
        if ((node.parentElement as Element).getBoundingClientRect().top > screens) break;
        highlight.add(new StaticRange({ startContainer: node, startOffset: index, endContainer: node, endOffset: index + 9 }));
      }
      CSS.highlights.set('floor', highlight);
      const host = document.createElement('inkludo-floor');
      const shadow = host.attachShadow({ mode: 'closed' });
      shadow.textContent = `${found.length} numbers`;
      document.documentElement.style.marginRight = '340px';
      document.documentElement.append(host);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      performance.mark('floor-end');
      CSS.highlights.delete('floor');
      host.remove();
      document.documentElement.style.marginRight = '';
    });
    const floorTrace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const floor = mainThread(floorTrace.traceEvents, 'floor-start', 'floor-end');
    if (process.env.TRACE_DUMP) writeFileSync(process.env.TRACE_DUMP + '.floor', JSON.stringify(floorTrace));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const profiler = process.env.PROFILE && i === RUNS ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
    }
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const run = await page.evaluate(async () => {
      type Api = typeof import('../../extension/content/session.ts') & typeof import('../../extension/shared/page-messages.ts');
      const api = (window as unknown as { inkludo: Api }).inkludo;
      const w = window as unknown as { __ask(r: object): Promise<unknown>; __registryMs: number; __longTasks: number[] };
      w.__registryMs = 0;
      w.__longTasks = [];
      let validateMs = 0;
      let counts = { reserved: 0, suppliers: 0, registryMatches: 0 };
      const send = (async (request: { type: keyof typeof api.PAGE_MESSAGES; counts?: typeof counts }) => {
        if (request.type === 'page/found' && request.counts) counts = request.counts;
        const raw = await w.__ask(request);
        const start = performance.now();
        const parsed = api.PAGE_MESSAGES[request.type].response.safeParse(raw);
        if (request.type === 'page/start' || request.type === 'registry/match') validateMs += performance.now() - start;
        return parsed.success ? parsed.data : { ok: false, code: 'bad-message' };
      }) as Parameters<Api['startSession']>[0];
      performance.mark('inkludo-start');
      const start = performance.now();
      const session = await api.startSession(send, null);
      await session?.idle();
      const wall = performance.now() - start;
      performance.mark('inkludo-end');
      session?.stop();
      // Let the observer deliver the last entries.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { wall, registry: w.__registryMs + validateMs, longest: Math.max(0, ...w.__longTasks), mentions: counts.suppliers, suppliers: counts.registryMatches };
    });
    if (profiler) {
      const { profile } = (await profiler.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
      if (process.env.PROFILE_DUMP) writeFileSync(process.env.PROFILE_DUMP, JSON.stringify(profile));
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => {
        const f = byId.get(id)?.callFrame;
        const key = `${f?.functionName || '(anon)'}:${f?.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
      });
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n'));
    }
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    if (process.env.TRACE_DUMP) writeFileSync(process.env.TRACE_DUMP, JSON.stringify(trace));
    const main = mainThread(trace.traceEvents, 'inkludo-start', 'inkludo-end');
    stats = { textNodes: walk.nodes, mentions: run.mentions, suppliers: run.suppliers };
    // The two split floors, each on the page put in afresh, after the scan so that their garbage is
    // collected before the next scan's window.
    const split: number[] = [];
    for (const inPage of [false, true]) {
      await page.evaluate(freshPage, html);
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      splitMarks = await page.evaluate(splitFloor, inPage);
      const splitTrace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      split.push(mainThread(splitTrace.traceEvents, 'split-start', 'split-end').busyMs);
    }
    if (i === 0) continue; // warm-up
    splitOffMs.push(split[0] as number);
    splitInMs.push(split[1] as number);
    walkMs.push(walk.ms);
    wallMs.push(run.wall);
    busyMs.push(main.busyMs);
    cpuMs.push(main.cpuMs);
    traceLongestMs.push(main.longestMs);
    observedLongestMs.push(run.longest);
    registryMs.push(run.registry);
    floorMs.push(floor.busyMs);
  }
  const backgroundMatchMs = await page.evaluate(async () => ((await (window as unknown as { __ask(r: object): Promise<{ ms: number }> }).__ask({ type: 'match-ms' })).ms));

  console.log(`page: ${ROWS} rows, ${stats.textNodes} text nodes; registry ${REGISTRY_SIZE} entries; marked ${stats.mentions} mentions of ${stats.suppliers} distinct registry suppliers and other numbers (counts the page reports)`);
  const walk = report(result('bare TreeWalker pass over the text nodes', walkMs), { count: stats.textNodes, unit: 'text nodes' });
  const busy = report(result('scan and mark, main-thread time (trace: every task on the page\'s main thread)', busyMs), { count: stats.mentions, unit: 'mentions' });
  report(result('scan and mark, main-thread CPU time of the same tasks (trace thread time)', cpuMs));
  report(result('scan and mark, wall time to done (idle slices, background answers, panel shown)', wallMs));
  const floorResult = report(result('floor: walk, one nine-digit pattern per node, highlights within two screens, a docked host (main-thread time, trace)', floorMs));
  const longest = report(result('longest main-thread task during the scan (trace)', traceLongestMs));
  const observed = Math.max(...observedLongestMs);
  const registryCost = report(result('registry cost per page in the page (requests, answers, validation, name keys)', registryMs));
  console.log(`background: rebuild of the registry index after a worker restart (validate snapshot, rebuild, index, name keys): ${restartMs.toFixed(1)} ms, once per worker start`);
  console.log(`background: match time for all the runs' lookups: ${(backgroundMatchMs / (RUNS + 1)).toFixed(1)} ms per page, off the page's main thread`);
  console.log(`scan-and-mark main thread / bare TreeWalker: ${(busy.medianMs / walk.medianMs).toFixed(1)}× (target ≤ 10×; medians ${busy.medianMs.toFixed(1)} ms vs ${walk.medianMs.toFixed(2)} ms)`);
  console.log(`floor / bare TreeWalker: ${(floorResult.medianMs / walk.medianMs).toFixed(1)}×; scan and mark / floor: ${(busy.medianMs / floorResult.medianMs).toFixed(1)}×`);
  // What the 10× target allows by design: the same page read with the text work outside the page, and
  // with the issue's split (numbers, name candidates and reservation stems found in the page).
  const splitOff = report(result(`split floor, texts read outside the page (${splitMarks} marks; main-thread time, trace)`, splitOffMs));
  const splitIn = report(result('split floor, numbers, name candidates and reservation stems read in the page (main-thread time, trace)', splitInMs));
  console.log(`split floors / bare TreeWalker: texts read outside the page ${(splitOff.medianMs / walk.medianMs).toFixed(1)}×, the issue's split ${(splitIn.medianMs / walk.medianMs).toFixed(1)}× (target for the whole scan ≤ 10×)`);
  console.log(`longest task: ${longest.medianMs.toFixed(1)} ms median in the trace, ${observed > 0 ? `${observed.toFixed(0)} ms` : 'none over 50 ms'} by the page's PerformanceObserver over all runs (target ≤ 50 ms): ${(longest.medianMs / 50).toFixed(2)} of the target`);
  console.log(`registry cost per page: ${registryCost.medianMs.toFixed(1)} ms (target ≤ 10 ms): ${(registryCost.medianMs / 10).toFixed(2)} of the target`);
} finally {
  await browser.close();
}
