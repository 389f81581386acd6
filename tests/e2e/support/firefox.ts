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
  /** Firefox preferences. */
  readonly prefs?: Record<string, string | number | boolean>;
  /**
   * Port of an HTTP CONNECT proxy (https-server.ts `startConnectProxy`) that all https traffic goes
   * through, so portal host names reach a local test server; its certificate is then accepted.
   */
  readonly httpsProxyPort?: number;
}

function proxyPrefs(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}

export async function launchFirefoxWithExtension(options: FirefoxOptions = {}): Promise<ExtensionInFirefox> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  assertBuilt(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: options.httpsProxyPort !== undefined,
    extraPrefsFirefox: {
      ...(options.httpsProxyPort !== undefined ? proxyPrefs(options.httpsProxyPort) : {}),
      ...options.prefs,
    },
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId, close: () => browser.close() };
}
