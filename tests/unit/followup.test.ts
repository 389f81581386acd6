import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRegistryIndex,
  escapeText,
  foldLine,
  followupCalendar,
  followupDates,
  importRegistry,
  readSheetCsv,
  serializeCalendar,
  termPeriods,
  type FollowupReport,
} from '../../core/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

const REGISTER = join(REPO_ROOT, 'tests/fixtures/followup/avtalsregister.csv');

function demoRegistry() {
  const result = importRegistry(new Uint8Array(readFileSync(join(REPO_ROOT, 'samples/registry.demo.csv'))));
  if (!result.ok) throw new Error('demo registry invalid');
  return buildRegistryIndex(result.registry);
}

function followup(date: string): FollowupReport {
  const registry = demoRegistry();
  const read = readSheetCsv(new Uint8Array(readFileSync(REGISTER)));
  if (!read.ok) throw new Error('the register fixture must read');
  return followupDates(read.cells, { jurisdiction: 'SE', date, buyer: 'municipal', registry, suppliers: registry });
}

/** An unfolded calendar: continuation lines joined back (RFC 5545 3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter((l) => l !== '');
}

describe('termPeriods: each period of a term, so every option gets its start date', () => {
  it.each([
    ['2 år', [24]],
    ['1+1 år', [12, 12]],
    ['2 x 1 år', [12, 12]],
    ['opsjon 2 x 1 år', [12, 12]],
    ['24 mnd + 12 mnd', [24, 12]],
    ['2+1+1 år', [24, 12, 12]],
    ['18 mån', [18]],
    ['3 år, 1 år', [36, 12]],
    ['', []],
  ])('%s → %j', (text, periods) => expect(termPeriods(text)).toEqual(periods));

  it.each([['tillsvidare'], ['løpende'], ['2 år, deretter løpende'], ['se bilaga'], [24]])('%s is not fixed periods: null, never a guess', (text) => {
    expect(termPeriods(text)).toBeNull();
  });
});

describe('followupDates on a Swedish contract register', () => {
  const report = followup('2026-11-30');
  const rows = report.checks.map((c) => [c.row, c.kind, c.due, c.overdue, c.undated]);

  it('gives re-check, option and reporting dates, overdue and undated first', () => {
    expect(rows).toEqual([
      [4, 'share-recheck', '2026-09-30', true, null],
      [5, 'share-recheck', '2026-10-01', true, null],
      [6, 'share-recheck', null, true, 'evidence-date-missing'],
      [8, 'employment-report', null, true, 'reporting-dates-missing'],
      [11, 'option-start', null, true, 'option-starts-unreadable'],
      [7, 'employment-report', '2026-12-31', false, null],
      [3, 'share-recheck', '2027-03-15', false, null],
      [11, 'share-recheck', '2027-04-01', false, null],
      [5, 'option-start', '2027-06-01', false, null],
      [7, 'employment-report', '2027-06-30', false, null],
      [3, 'option-start', '2028-01-01', false, null],
      [3, 'option-start', '2029-01-01', false, null],
    ]);
    expect(report).toMatchObject({ reservedContracts: 5, employmentContracts: 2, ended: 1, evidenceMaxAgeDays: 365 });
    // R-4 runs until further notice and has no options: nothing to check at an option start.
    expect(report.checks.filter((c) => c.row === 6).map((c) => c.kind)).toEqual(['share-recheck']);
  });

  it('takes the register’s evidence date over the registry’s, and says where each came from', () => {
    const r3 = report.checks.find((c) => c.row === 5 && c.kind === 'share-recheck');
    expect(r3?.params).toMatchObject({ evidence: '2025-10-01', source: 'register' });
    const r2 = report.checks.find((c) => c.row === 4);
    expect(r2?.params).toMatchObject({ evidence: '2025-09-30', source: 'registry:Inkludo demo registry (fictitious organisations)' });
    expect(r2?.ruleIds).toEqual(['SE-RES-418']);
    expect(report.checks.find((c) => c.kind === 'employment-report')?.ruleIds).toEqual(['SE-SOC-17']);
  });

  it('names the contract by its id and description and the supplier by name and org number', () => {
    expect(report.checks[0]).toMatchObject({ contract: 'R-2 — Tvätt hemtjänsten', supplier: 'Låtsas Tvätteri ek. för. (736418-8321)' });
  });

  it('an option start already covered by newer evidence is not asked for again', () => {
    // On 2027-07-01 R-3's option (2027-06-01) has passed and its evidence (2025-10-01) is older: overdue.
    const later = followup('2027-07-01');
    expect(later.checks.find((c) => c.row === 5 && c.kind === 'option-start')).toMatchObject({ due: '2027-06-01', overdue: true });
  });

  it('a due date on the follow-up date itself is not overdue; one day later it is', () => {
    expect(followup('2027-03-15').checks.find((c) => c.row === 3 && c.kind === 'share-recheck')?.overdue).toBe(false);
    expect(followup('2027-03-16').checks.find((c) => c.row === 3 && c.kind === 'share-recheck')?.overdue).toBe(true);
  });
});

describe('the .ics calendar', () => {
  const report = followup('2026-11-30');
  const now = new Date('2026-11-30T08:15:00Z');

  it('is RFC 5545: CRLF only, lines of at most 75 octets, one VEVENT with UID and DTSTAMP per dated check', () => {
    const ics = followupCalendar(report, 'sv', now);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    const dated = report.checks.filter((c) => c.due !== null).length;
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(dated);
    expect(lines.filter((l) => l === 'DTSTAMP:20261130T081500Z')).toHaveLength(dated);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(dated);
  });

  it('puts overdue checks on the follow-up date, with the contract and supplier in the text', () => {
    const lines = unfold(followupCalendar(report, 'en', now));
    const first = lines.findIndex((l) => l === 'BEGIN:VEVENT');
    expect(lines.slice(first, first + 9)).toEqual(
      expect.arrayContaining([
        'DTSTART;VALUE=DATE:20261130',
        'DTEND;VALUE=DATE:20261201',
        'SUMMARY:OVERDUE since 2026-09-30: Re-check the supplier’s share (reserved contract): R-2 — Tvätt hemtjänsten\\, Låtsas Tvätteri ek. för. (736418-8321)',
      ]),
    );
    expect(lines).toContain('DTSTART;VALUE=DATE:20290101');
  });

  it('keeps UIDs from one run to the next, so a new import updates events instead of copying them', () => {
    const uids = (ics: string) => unfold(ics).filter((l) => l.startsWith('UID:'));
    expect(uids(followupCalendar(followup('2026-11-30'), 'nb', now))).toEqual(uids(followupCalendar(followup('2026-11-30'), 'en', new Date())));
  });

  it.each(['sv', 'nb', 'en'] as const)('matches its golden text in %s (unfolded, without the DTSTAMP of the run)', (lang) => {
    const text = unfold(followupCalendar(report, lang, new Date()))
      .filter((l) => !l.startsWith('DTSTAMP:'))
      .join('\n');
    const golden = join(REPO_ROOT, `tests/fixtures/followup/avtalsregister.${lang}.ics.txt`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, `${text}\n`);
    expect(text).toBe(readFileSync(golden, 'utf8').trimEnd());
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(unfold(serializeCalendar('x', [{ uid: 'u@i', date: '2027-01-05', summary: 'A, B; C', description: 'one\ntwo' }], now))).toEqual(
      expect.arrayContaining(['SUMMARY:A\\, B\\; C', 'DESCRIPTION:one\\ntwo', 'DTSTART;VALUE=DATE:20270105']),
    );
  });

  it('folds any text at 75 octets without splitting a character, and unfolding gives it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `SUMMARY:${text}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});
