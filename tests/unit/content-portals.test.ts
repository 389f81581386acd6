import { describe, expect, it } from 'vitest';
import { PORTALS, PORTAL_MATCH_PATTERNS, portalFor, portalForHost } from '../../extension/content/portals/index.ts';
import type { PageKind } from '../../extension/content/portals/index.ts';

/** Real URLs from research/eforms-portals.md §3, with the adapter and page kind they must get. */
const REAL: readonly [string, string, PageKind][] = [
  ['https://ted.europa.eu/en/notice/-/detail/262891-2023', 'ted', 'notice'],
  ['https://ted.europa.eu/sv/notice/-/detail/657962-2026', 'ted', 'notice'],
  ['https://ted.europa.eu/es/notice/-/detail/412169-2016', 'ted', 'notice'],
  ['https://ted.europa.eu/en/notice/412169-2016/html', 'ted', 'notice'],
  ['https://ted.europa.eu/en/search/result?FT=Adalimumab&search-scope=ACTIVE&scope=ACTIVE&onlyLatestVersions=false&facet.publication-date=2024&sortColumn=publication-number&sortOrder=DESC&page=1&simpleSearchRef=true', 'ted', 'search'],
  ['https://ted.europa.eu/en/search/expert-search', 'ted', 'search'],
  ['https://doffin.no/notices/2024-103605', 'doffin', 'notice'],
  ['https://www.doffin.no/notices/2024-103605', 'doffin', 'notice'],
  ['https://doffin.no/search?page=1&location=NO08%2Canyw&fromDate=2024-01-01&toDate=2024-01-31&status=ACTIVE', 'doffin', 'search'],
  ['https://doffin.no/Notice/Details/2019-123456', 'doffin', 'notice'],
  ['https://www.kommersannons.se/Notice/TenderNotice/4711', 'kommers-annons', 'notice'],
  ['https://www.kommersannons.se/Notices/QualificationNotice/812', 'kommers-annons', 'notice'],
  ['https://www.kommersannons.se/Notices/TenderNotices', 'kommers-annons', 'search'],
  ['https://www.kommersannons.se/Notices/PriorInfoNotices', 'kommers-annons', 'search'],
  ['https://www.kommersannons.se/elite/Notice/NoticeOverview.aspx?ProcurementId=12345', 'kommers-annons', 'notice'],
  ['https://www.kommersannons.se/eLite/Notice/NoticeList.aspx', 'kommers-annons', 'search'],
  ['https://www.kommersannons.se/eLite/Notice/EmbeddedNoticeList.aspx?NoticeStatus=1&ProcuringEntityId=285', 'kommers-annons', 'search'],
  ['https://upphandling.trafikverket.se/Notice/NoticeOverview.aspx?ProcurementId=98765', 'kommers-annons', 'notice'],
  ['https://www.e-avrop.com/norrtalje/visa/upphandling.aspx?id=543210', 'e-avrop', 'notice'],
  ['https://www.e-avrop.com/forma/e-Upphandling/leverantor/annons/procurement.aspx?id=72089&ownerid=1703', 'e-avrop', 'notice'],
  ['https://www.e-avrop.com/e-Upphandling/Default.aspx', 'e-avrop', 'search'],
  ['https://www.e-avrop.com/Lidingostad/e-Upphandling/Default.aspx', 'e-avrop', 'search'],
  ['https://www.e-avrop.com/e-Upphandling/planedComing.aspx', 'e-avrop', 'search'],
  ['https://app.mercell.com/tender/230918763', 'mercell', 'notice'],
  ['https://app.mercell.com/tender/-1204711/stadtjanster-goteborg', 'mercell', 'notice'],
  ['https://app.mercell.com/org/goteborgs_stads_upphandlingar', 'mercell', 'search'],
  ['https://tendsign.com/doc.aspx?MeFormsNoticeId=89526', 'tendsign', 'notice'],
  ['https://tendsign.com/doc.aspx?MeFormsNoticeId=89526&GoTo=Tender', 'tendsign', 'notice'],
  ['https://tendsign.com/public/p_meformsnotice.aspx', 'tendsign', 'notice'],
  ['https://tendsign.com/Search/AllAvailableContracts.aspx', 'tendsign', 'search'],
  ['https://tendsign.com/public/list_public_procurements.aspx?IndividualID=1234', 'tendsign', 'search'],
  ['https://www.opic.com/upphandlingar/sverige/?q=st%C3%A4d&a=false', 'opic', 'search'],
  ['https://www.opic.com/org/goteborgs-stad/', 'opic', 'search'],
  ['https://app.pabliq.se/procurements/stadtjanster-2026-1234', 'pabliq', 'notice'],
  ['https://www.pabliq.se/sokresultat?q=st%C3%A4d', 'pabliq', 'search'],
];

const NOT_HANDLED: readonly string[] = [
  // Look-alike and foreign hosts.
  'https://ted.europa.eu.evil.com/en/notice/-/detail/262891-2023',
  'https://evil-ted.europa.eu/en/notice/-/detail/262891-2023',
  'https://doffin.no.example.org/notices/2024-103605',
  'https://www.kommersannons.se.attacker.net/Notice/TenderNotice/4711',
  'https://mercell.com.evil.io/tender/1',
  // Plain http.
  'http://ted.europa.eu/en/notice/-/detail/262891-2023',
  'http://www.doffin.no/notices/2024-103605',
  // Other paths on the right hosts.
  'https://ted.europa.eu/en/',
  'https://ted.europa.eu/en/notice/-/detail/not-a-number',
  'https://ted.europa.eu/en/notice/262891-2023/xml',
  'https://doffin.no/',
  'https://doffin.no/notices/abc',
  'https://www.kommersannons.se/Account/Login',
  'https://www.kommersannons.se/elite/Notice/NoticeOverview.aspx',
  'https://www.e-avrop.com/login.aspx',
  'https://www.e-avrop.com/norrtalje/visa/upphandling.aspx?id=abc',
  'https://app.mercell.com/auth/login',
  'https://app.mercell.com/tender/abc',
  'https://tendsign.com/doc.aspx',
  'https://www.opic.com/',
  'https://app.pabliq.se/login',
];

describe('portal adapters against real URLs', () => {
  it.each(REAL)('%s → %s %s', (href, id, kind) => {
    const url = new URL(href);
    const portal = portalFor(url);
    expect(portal?.id).toBe(id);
    expect(portal?.pageKind(url)).toBe(kind);
    // Exactly one adapter claims each URL.
    expect(PORTALS.filter((p) => p.matches(url)).map((p) => p.id)).toEqual([id]);
  });

  it.each(NOT_HANDLED)('%s is handled by no adapter', (href) => {
    expect(portalFor(new URL(href))).toBeNull();
    for (const p of PORTALS) expect(p.pageKind(new URL(href)) === 'other' || !p.matches(new URL(href))).toBe(true);
  });

  it('TED notices give the publication number the background fetches, without leading zeros', () => {
    const ted = PORTALS.find((p) => p.id === 'ted');
    expect(ted?.noticeRef(new URL('https://ted.europa.eu/en/notice/-/detail/262891-2023'))).toEqual({ publicationNumber: '262891-2023' });
    expect(ted?.noticeRef(new URL('https://ted.europa.eu/sv/notice/-/detail/00657962-2026'))).toEqual({ publicationNumber: '657962-2026' });
    expect(ted?.noticeRef(new URL('https://ted.europa.eu/en/search/result?FT=x'))).toBeNull();
    expect(ted?.noticeRef(new URL('https://ted.europa.eu.evil.com/en/notice/-/detail/262891-2023'))).toBeNull();
  });

  it('only TED pages have a notice to fetch', () => {
    for (const [href, id] of REAL) {
      if (id !== 'ted') expect(portalFor(new URL(href))?.noticeRef(new URL(href))).toBeNull();
    }
  });

  it('host lookup ignores the path but not the scheme or the host', () => {
    expect(portalForHost(new URL('https://doffin.no/'))?.id).toBe('doffin');
    expect(portalForHost(new URL('http://doffin.no/'))).toBeNull();
    expect(portalForHost(new URL('https://doffin.no.evil.com/'))).toBeNull();
  });

  it('every host is owned by one adapter and appears as an https match pattern', () => {
    const hosts = PORTALS.flatMap((p) => p.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(PORTAL_MATCH_PATTERNS).toContain('https://ted.europa.eu/*');
    expect(PORTAL_MATCH_PATTERNS.every((p) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
  });
});

describe('the manifest and the adapters agree', () => {
  it('every host the manifest injects the content script into has an adapter, and every adapter host is in the built manifest', async () => {
    const { PORTAL_MATCHES, makeManifest } = await import('../../manifests/extension.manifest.ts');
    for (const pattern of PORTAL_MATCHES) expect(portalForHost(new URL(pattern.replace(/\*$/, '')))?.id, pattern).toBeDefined();
    const manifest = makeManifest('chrome', '1.0.0') as { content_scripts: { matches: string[] }[]; host_permissions: string[] };
    for (const host of PORTALS.flatMap((p) => p.hosts)) {
      expect(manifest.content_scripts[0]?.matches, host).toContain(`https://${host}/*`);
      expect(manifest.host_permissions, host).toContain(`https://${host}/*`);
    }
  });
});
