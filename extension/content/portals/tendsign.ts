import { definePortal, onHosts } from './types.ts';

// Visma TendSign (.com and .no): /doc.aspx?MeFormsNoticeId=N, anonymous view /public/p_meformsnotice.aspx,
// lists /Search/AllAvailableContracts.aspx and /public/list_public_procurements.aspx.
const HOSTS = ['tendsign.com', 'www.tendsign.com', 'tendsign.no', 'www.tendsign.no'];
const NOTICE = /^\/doc\.aspx$/i;
const PUBLIC_NOTICE = /^\/public\/p_meformsnotice\.aspx$/i;
const SEARCH = /^\/(?:Search\/AllAvailableContracts|public\/list_public_procurements)\.aspx$/i;

function noticeId(url: URL): string | null {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === 'meformsnoticeid' && /^\d+$/.test(value)) return value;
  return null;
}

export const tendsign = definePortal({
  id: 'tendsign',
  name: 'TendSign',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if ((NOTICE.test(url.pathname) && noticeId(url) !== null) || PUBLIC_NOTICE.test(url.pathname)) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
