/**
 * Headless Firefox ESR with the Firefox build (dist/extension-firefox) installed as a temporary add-on,
 * driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox).
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { REPO_ROOT } from '../../support/paths.ts';
import { assertBuilt } from './chromium.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(REPO_ROOT, 'dist/extension-firefox');

export interface ExtensionInFirefox {
  readonly browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  readonly extensionId: string;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  readonly extensionDir?: string;
  /** Firefox preferences, e.g. network settings for served test pages. */
  readonly prefs?: Record<string, string | number | boolean>;
}

export async function launchFirefoxWithExtension(options: FirefoxOptions = {}): Promise<ExtensionInFirefox> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  assertBuilt(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    ...(options.prefs ? { extraPrefsFirefox: options.prefs } : {}),
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId, close: () => browser.close() };
}
