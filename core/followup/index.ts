// Follow-up dates from a contract register, re-exported by core/index.ts.
export { followupDates, type CheckKind, type DueCheck, type FollowupOptions, type FollowupReport, type UndatedReason } from './followup.ts';
export { describeCheck, followupCalendar, followupEvents } from './calendar.ts';
export { serializeCalendar, escapeText, foldLine, type CalendarEvent } from './ics.ts';
export { termPeriods } from './terms.ts';
