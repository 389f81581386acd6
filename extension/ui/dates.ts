import { LOCALE_OF, type Lang } from '../../core/index.ts';

/** An ISO timestamp as local date and time in the page language. */
export function formatTimestamp(lang: Lang, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(LOCALE_OF[lang], { dateStyle: 'medium', timeStyle: 'short' });
}
