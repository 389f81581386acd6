import { definePortal, onHosts } from './types.ts';

// Opic (now Mercell): search /upphandlingar/{land}/?q=…, buyer pages /org/{slug}/ (a JS app).
const HOSTS = ['www.opic.com', 'opic.com'];
const SEARCH = /^\/(?:upphandlingar\/[a-z-]+|org\/[\w%.-]+)\/?$/i;

export const opic = definePortal({
  id: 'opic',
  name: 'Opic',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
