import { definePortal, onHosts } from './types.ts';

// ted.europa.eu is an Angular app: /{lang}/notice/-/detail/{pub}, /{lang}/notice/{pub}/html, /{lang}/search/result?…
const HOSTS = ['ted.europa.eu'];
const NOTICE = /^\/[a-z]{2}\/notice\/(?:-\/detail\/(\d{1,8}-\d{4})|(\d{1,8}-\d{4})\/html)\/?$/i;
const SEARCH = /^\/[a-z]{2}\/search(?:\/(?:result|expert-search))?\/?$/i;

function publicationNumber(url: URL): string | null {
  const m = NOTICE.exec(url.pathname);
  const pub = m?.[1] ?? m?.[2];
  return pub ? pub.replace(/^0+(?=\d)/, '') : null;
}

export const ted = definePortal({
  id: 'ted',
  name: 'TED',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if (publicationNumber(url) !== null) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
  noticeRef(url) {
    if (!onHosts(url, HOSTS)) return null;
    const pub = publicationNumber(url);
    return pub === null ? null : { publicationNumber: pub };
  },
});
