/**
 * A portal adapter: one file per advertising portal, declaring which URLs it handles and what kind
 * of page each is. Adding a portal means adding one adapter (and its fixture), nothing else.
 */
export type PageKind = 'notice' | 'search' | 'other';

/** A TED publication number without leading zeros (`262891-2023`), as the background expects it. */
export interface TedNoticeRef {
  readonly publicationNumber: string;
}

export interface PortalAdapter {
  readonly id: string;
  /** Shown to the user; a proper name, not translated. */
  readonly name: string;
  /** Exact host names (no wildcards); the manifest's match patterns are built from these. */
  readonly hosts: readonly string[];
  /** Notice and search pages of this portal (https only): the pages worth scanning. */
  matches(url: URL): boolean;
  pageKind(url: URL): PageKind;
  /** A TED notice whose XML the background can fetch; null when the page has none (all portals but TED). */
  noticeRef(url: URL): TedNoticeRef | null;
}

/** On one of the adapter's hosts, over https: every adapter's first check. */
export function onHosts(url: URL, hosts: readonly string[]): boolean {
  return url.protocol === 'https:' && hosts.includes(url.hostname.toLowerCase());
}

/** An adapter from its hosts and a pageKind; `matches` follows from them. */
export function definePortal(spec: Omit<PortalAdapter, 'matches' | 'noticeRef'> & Partial<Pick<PortalAdapter, 'noticeRef'>>): PortalAdapter {
  return {
    noticeRef: () => null,
    ...spec,
    matches: (url) => onHosts(url, spec.hosts) && spec.pageKind(url) !== 'other',
  };
}
