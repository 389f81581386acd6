import type { PageCounts } from '../shared/messages.ts';

/** Reservations and registry suppliers are what the user acts on; plain supplier mentions are not counted. */
export function badgeText(counts: PageCounts): string {
  const total = counts.reserved + counts.registryMatches;
  if (total === 0) return '';
  return total > 99 ? '99+' : String(total);
}
