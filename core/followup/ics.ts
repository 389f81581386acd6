import { addDays, type IsoDate } from '../dates.ts';

/**
 * A small iCalendar (RFC 5545) writer for all-day events: CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, a UID and a DTSTAMP on every event.
 * Outlook and Google Calendar import what it writes.
 */
export interface CalendarEvent {
  /** Stable across runs, so importing a newer file updates an event instead of adding a copy. */
  readonly uid: string;
  readonly date: IsoDate;
  readonly summary: string;
  readonly description: string;
}

/** Octets of one code point in UTF-8. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and one space. */
export function foldLine(line: string): string {
  // Most lines are short: 75 UTF-16 units are at most 75 octets only when all are ASCII, so count then.
  if (line.length <= 25 || (line.length <= 75 && !/[^ -~]/.test(line))) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    // The first line holds 75 octets; a continuation line holds 74 after its leading space.
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basicDate = (date: IsoDate) => date.replace(/-/g, '');

function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** The calendar as text; `now` is the DTSTAMP (when the file was made), in UTC. */
export function serializeCalendar(name: string, events: readonly CalendarEvent[], now: Date): string {
  const stamp = utcStamp(now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Inkludo//Follow-up dates//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
