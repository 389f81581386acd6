import { translate, type Lang } from '../i18n/index.ts';
import type { DueCheck, FollowupReport } from './followup.ts';
import { serializeCalendar, type CalendarEvent } from './ics.ts';

/** A check in words: what is due, for which contract and supplier, and why. */
export function describeCheck(lang: Lang, c: DueCheck): { summary: string; detail: string } {
  const supplier = c.supplier ?? translate(lang, 'followup.no-supplier');
  const params = { ...c.params, contract: c.contract, supplier, due: c.due ?? '' };
  const source = typeof c.params.source === 'string' && c.params.source.startsWith('registry:')
    ? translate(lang, 'followup.source.registry', { name: c.params.source.slice('registry:'.length) })
    : translate(lang, 'followup.source.register');
  const detail = c.undated ? translate(lang, `followup.undated.${c.undated}`, params) : translate(lang, `followup.detail.${c.kind}`, { ...params, source });
  const rules = c.ruleIds.length ? ` ${translate(lang, 'followup.rules', { ids: c.ruleIds.join(', ') })}` : '';
  const summary = translate(lang, `followup.summary.${c.kind}${c.undated ? '.undated' : ''}`, params);
  const prefix = c.overdue ? (c.due ? translate(lang, 'followup.overdue-since', { due: c.due }) : translate(lang, 'followup.undated')) : '';
  return { summary: `${prefix}${summary}`, detail: `${detail}${rules}` };
}

/** cyrb53: a short, stable hash, so an event keeps its UID from one run to the next. */
function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * One all-day event per dated check. An overdue check is put on the follow-up date, where it will be
 * seen, and says since when it is due; a check without a date cannot be an event and is listed instead.
 */
export function followupEvents(report: FollowupReport, lang: Lang): CalendarEvent[] {
  return report.checks
    .filter((c) => c.due !== null)
    .map((c) => {
      const { summary, detail } = describeCheck(lang, c);
      const key = [c.kind, c.contract, c.supplier ?? '', c.due, c.params.option ?? ''].join('|');
      return { uid: `${stableHash(key)}-${c.kind}@inkludo`, date: c.overdue ? report.date : (c.due as string), summary, description: detail };
    });
}

export function followupCalendar(report: FollowupReport, lang: Lang, now: Date): string {
  return serializeCalendar(translate(lang, 'followup.calendar-name'), followupEvents(report, lang), now);
}
