import { definePortal, onHosts } from './types.ts';

// Mercell: /tender/{id}[/{slug}] where the search-index id may be negative; buyer pages /org/{slug}.
const HOSTS = ['app.mercell.com'];
const NOTICE = /^\/tender\/-?\d+(?:\/[\w%.-]+)?\/?$/i;
const SEARCH = /^\/(?:org\/[\w%.-]+|search)\/?$/i;

export const mercell = definePortal({
  id: 'mercell',
  name: 'Mercell',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if (NOTICE.test(url.pathname)) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
