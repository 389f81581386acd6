import { parseDurationMonths } from '../value/duration.ts';

/**
 * A contract term written as periods (`2 år`, `1+1 år`, `2 x 1 år`, `24 mnd + 12 mnd`) as the list of
 * its periods in months, so that each option or extension gets its own start date. Null when a
 * period cannot be read or the term is open-ended: then no start date is guessed.
 */
// "opsjon 2 x 1 år", "förlängning 1 år": the word says what the periods are, not how long.
const OPTION_WORDS = /\b(?:opsjon(?:er)?|option(?:er|s)?|förlängning(?:ar)?|forlengelse(?:r)?|extensions?)\b/giu;

export function termPeriods(text: string | number | null): number[] | null {
  if (text === null) return [];
  if (typeof text === 'number') return null; // a bare number has no unit: months or years?
  const trimmed = text.trim();
  if (trimmed === '') return [];
  // The unit written last applies to bare numbers before it: "1+1 år".
  const unit = /([\p{L}.]+)\s*$/u.exec(trimmed)?.[1] ?? '';
  const out: number[] = [];
  for (const piece of trimmed.replace(OPTION_WORDS, ' ').trim().split(/\s*(?:\+|,|;|\bog\b|\boch\b|\band\b)\s*/iu).filter((p) => p !== '')) {
    const times = /^(\d+)\s*[x×*]\s*(.+)$/u.exec(piece);
    const count = times ? Number(times[1]) : 1;
    const body = times?.[2] ?? piece;
    let parsed = parseDurationMonths(body);
    if (!parsed.ok && parsed.error.code === 'missing-unit' && unit) parsed = parseDurationMonths(`${body} ${unit}`);
    if (!parsed.ok || parsed.openEnded || parsed.months === null || parsed.optionMonths > 0) return null;
    for (let i = 0; i < count; i++) out.push(parsed.months);
  }
  return out;
}
