import { definePortal, onHosts } from './types.ts';

// e-Avrop (Antirio, ASP.NET WebForms, paths case-insensitive): /{kund}/visa/upphandling.aspx?id=N,
// /{kund}/e-Upphandling/leverantor/annons/procurement.aspx?id=N; lists /[{kund}/]e-Upphandling/Default.aspx.
const HOSTS = ['www.e-avrop.com', 'e-avrop.com'];
const NOTICE = /^\/[\w-]+\/(?:visa\/upphandling|e-Upphandling\/leverantor\/annons\/procurement)\.aspx$/i;
const SEARCH = /^\/(?:[\w-]+\/)?e-Upphandling\/(?:Default|planedComing)\.aspx$/i;

export const eAvrop = definePortal({
  id: 'e-avrop',
  name: 'e-Avrop',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if (NOTICE.test(url.pathname) && /^\d+$/.test(url.searchParams.get('id') ?? '')) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
