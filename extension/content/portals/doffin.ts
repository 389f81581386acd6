import { definePortal, onHosts } from './types.ts';

// doffin.no is a client-rendered app: /notices/{YYYY-NNNNNN}, /search?…; legacy Doffin Classic /Notice/Details/….
const HOSTS = ['doffin.no', 'www.doffin.no'];
const NOTICE = /^\/(?:notices\/\d{4}-\d{1,7}|Notice\/Details\/[\w-]+)\/?$/i;
const SEARCH = /^\/(?:search|(?:[a-z]{2}\/)?Notice)\/?$/i;

export const doffin = definePortal({
  id: 'doffin',
  name: 'Doffin',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if (NOTICE.test(url.pathname)) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
