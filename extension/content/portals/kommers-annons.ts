import { definePortal, onHosts } from './types.ts';

// Kommers Annons (Antirio): server-rendered eForms views /Notice/TenderNotice/{id}, lists
// /Notices/TenderNotices, buyer tenants /{tenant}/Notice/NoticeOverview.aspx?ProcurementId=N, and the
// white-label hosts of Trafikverket and Polisen on the same platform.
const HOSTS = ['www.kommersannons.se', 'kommersannons.se', 'upphandling.trafikverket.se', 'upphandling.polisen.se'];
const NOTICE = /^\/Notices?\/(?:TenderNotice|QualificationNotice|PriorInfoNotice)\/\d+\/?$/i;
const TENANT_NOTICE = /^\/(?:[\w-]+\/)?Notice\/NoticeOverview\.aspx$/i;
const SEARCH = /^\/(?:Notices\/(?:TenderNotices|PriorInfoNotices|QualificationNotices)|(?:[\w-]+\/)?Notice\/(?:Embedded)?NoticeList\.aspx)\/?$/i;

export const kommersAnnons = definePortal({
  id: 'kommers-annons',
  name: 'Kommers Annons',
  hosts: HOSTS,
  pageKind(url) {
    if (!onHosts(url, HOSTS)) return 'other';
    if (NOTICE.test(url.pathname)) return 'notice';
    if (TENANT_NOTICE.test(url.pathname) && /^\d+$/.test(url.searchParams.get('ProcurementId') ?? '')) return 'notice';
    return SEARCH.test(url.pathname) ? 'search' : 'other';
  },
});
