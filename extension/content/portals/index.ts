/** Every portal the content script runs on. Adding a portal: one adapter file and one line here. */
import { doffin } from './doffin.ts';
import { eAvrop } from './e-avrop.ts';
import { kommersAnnons } from './kommers-annons.ts';
import { mercell } from './mercell.ts';
import { opic } from './opic.ts';
import { pabliq } from './pabliq.ts';
import { ted } from './ted.ts';
import { tendsign } from './tendsign.ts';
import type { PortalAdapter } from './types.ts';

export type { PageKind, PortalAdapter, TedNoticeRef } from './types.ts';

export const PORTALS: readonly PortalAdapter[] = [ted, doffin, kommersAnnons, eAvrop, mercell, tendsign, opic, pabliq];

/** The adapter whose hosts include the URL's host (https only), whatever the path. */
export function portalForHost(url: URL): PortalAdapter | null {
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  return PORTALS.find((p) => p.hosts.includes(host)) ?? null;
}

/** The adapter that handles this page, or null. */
export function portalFor(url: URL): PortalAdapter | null {
  return PORTALS.find((p) => p.matches(url)) ?? null;
}

/** `https://host/*` for every portal host: the content script's match patterns in the manifest. */
export const PORTAL_MATCH_PATTERNS: readonly string[] = PORTALS.flatMap((p) => p.hosts.map((h) => `https://${h}/*`));
