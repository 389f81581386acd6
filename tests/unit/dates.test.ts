import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate, todayIso } from '../../core/index.ts';

describe('ISO dates', () => {
  it('today is the local calendar day, also just after midnight', () => {
    expect(todayIso(new Date(2026, 10, 23, 0, 30))).toBe('2026-11-23');
    expect(todayIso(new Date(2026, 0, 1, 23, 59))).toBe('2026-01-01');
    expect(isIsoDate(todayIso())).toBe(true);
  });

  it('validates, counts and adds calendar days and months', () => {
    expect(['2024-02-29', '2026-02-29', '2026-13-01', '26-01-01'].map(isIsoDate)).toEqual([true, false, false, false]);
    expect(daysBetween('2025-11-23', '2026-11-23')).toBe(365);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addDays('1899-12-30', 45_000)).toBe('2023-03-15');
  });
});
