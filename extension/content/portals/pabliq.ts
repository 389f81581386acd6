import { definePortal, onHosts } from './types.ts';

// Pabliq: notices app.pabliq.se/procurements/{urlPath}; old search www.pabliq.se/sokresultat?q=….
const HOSTS = ['app.pabliq.se', 'www.pabliq.se', 'pabliq.se'];
const NOTICE = /^\/procurements\/[^/]+(?:\/[^/]+)*\/?$/i;
const SEARCH = /^\/(?:sokresultat|procurements)\/?$/i;

export const pabliq = definePortal({
  id: 'pabliq',
  name: 'Pabliq',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if (url.hostname.toLowerCase() === 'app.pabliq.se' && NOTICE.test(url.pathname)) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
