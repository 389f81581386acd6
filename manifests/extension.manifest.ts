/**
 * The extension manifest, built per browser by vite.extension.config.ts.
 *
 * Permissions, and why each is needed:
 * - host permissions: only the supported portals (content script) and data.brreg.no (background
 *   fetch of Enhetsregisteret). TED is also where notice XML is fetched from.
 * - optional host permissions `https://*\/*`: asked for one origin at a time, when the user enables
 *   a site in the popup or saves an organisation registry URL in the options. Plain http is never
 *   asked for: portals and registry files are served over https.
 * - storage: the registry, settings and caches. alarms: the daily registry refresh.
 * - scripting: registering the content script on the sites the user enabled (registerContentScripts);
 *   static content_scripts cannot cover origins granted later.
 * - activeTab: lets the popup read the current tab's address to offer "enable on this site" without
 *   the broad "tabs" permission.
 * No remote code, no eval; the default CSP is kept.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { PORTAL_MATCH_PATTERNS } from '../extension/content/portals/index.ts';

export type ExtensionTarget = 'chrome' | 'firefox';

/**
 * Portal pages the content script runs on without asking (https only): every host of every portal
 * adapter, so adding a portal is one adapter file and nothing here.
 */
export const PORTAL_MATCHES: readonly string[] = PORTAL_MATCH_PATTERNS;

export const BRREG_MATCH = 'https://data.brreg.no/*';
export const CONTENT_SCRIPT_ENTRY = 'extension/content/main.ts';
/** Adopts the page's Inkludo style sheets at document_start, while that costs nothing (content/ui/highlight-style.ts). */
export const EARLY_STYLE_ENTRY = 'extension/content/early-style.ts';
const BACKGROUND_ENTRY = 'extension/background/main.ts';

export const FIREFOX_ID = 'inkludo@inkludo.example';

export function makeManifest(target: ExtensionTarget, version: string): ManifestV3Export {
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Inkludo',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    host_permissions: [...PORTAL_MATCHES, BRREG_MATCH],
    optional_host_permissions: ['https://*/*'],
    background:
      target === 'firefox'
        ? { scripts: [BACKGROUND_ENTRY], type: 'module' }
        : { service_worker: BACKGROUND_ENTRY, type: 'module' },
    content_scripts: [
      { matches: [...PORTAL_MATCHES], js: [CONTENT_SCRIPT_ENTRY], run_at: 'document_idle' },
      { matches: [...PORTAL_MATCHES], js: [EARLY_STYLE_ENTRY], run_at: 'document_start' },
    ],
    action: { default_title: '__MSG_actionTitle__', default_popup: 'extension/popup/index.html' },
    options_ui: { page: 'extension/options/index.html', open_in_tab: true },
    ...(target === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: FIREFOX_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { minimum_chrome_version: '121' }),
  } as ManifestV3Export;
}
