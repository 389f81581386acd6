/**
 * Headless Debian Chromium with the built extension (dist/extension) loaded, via playwright-core.
 * One browser per test file: call `launchChromiumWithExtension()` in beforeAll and `close()` in afterAll.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { REPO_ROOT } from '../../support/paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_EXTENSION_DIR = resolve(REPO_ROOT, 'dist/extension');

export interface ChromiumOptions {
  /** Defaults to dist/extension. */
  readonly extensionDir?: string;
  /** Extra Chromium flags, e.g. `--host-resolver-rules=MAP ted.europa.eu 127.0.0.1:8443`, `--ignore-certificate-errors`. */
  readonly args?: readonly string[];
}

export interface ExtensionInChromium {
  readonly context: BrowserContext;
  /** The extension's service worker; `worker.evaluate(() => chrome.storage.local.get())` runs inside it. */
  readonly worker: Worker;
  readonly extensionId: string;
  /** Opens `chrome-extension://<id>/<path>` in a new tab, e.g. `extension/popup/index.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export function assertBuilt(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build:extension\` (or build:extension:firefox) first.`);
  }
}

export async function launchChromiumWithExtension(options: ChromiumOptions = {}): Promise<ExtensionInChromium> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  assertBuilt(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'inkludo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sends a message from one of the extension's own pages (the popup), as the options page would. */
export async function sendFromExtensionPage(browser: ExtensionInChromium, message: unknown): Promise<unknown> {
  const page = await browser.openExtensionPage('extension/popup/index.html');
  try {
    return await page.evaluate((m) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

/**
 * The few extension APIs tests call inside extension contexts (`worker.evaluate`, `page.evaluate`);
 * the project has no @types/chrome. Use as `(globalThis as unknown as ChromeGlobal).chrome`.
 */
export interface ChromeGlobal {
  chrome: {
    storage: Record<'local' | 'session', {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    }>;
    runtime: {
      sendMessage(message: unknown): Promise<unknown>;
      getManifest(): { name: string; version: string; content_scripts?: { js?: string[] }[] };
    };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    tabs: { query(q: { url?: string }): Promise<{ id?: number; url?: string }[]> };
    alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]> };
  };
}
