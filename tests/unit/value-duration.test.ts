import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOGUES, DURATION_ERROR_CODES, LANGS, MAX_DURATION_MONTHS, parseDurationMonths, type DurationErrorCode } from '../../core/index.ts';

type Expected = [months: number | null, optionMonths: number, openEnded?: boolean];

describe('parseDurationMonths', () => {
  const cases: [string, Expected][] = [
    ['2 år', [24, 0]],
    ['2år', [24, 0]],
    ['24 mnd', [24, 0]],
    ['24 mnd.', [24, 0]],
    ['24 måneder', [24, 0]],
    ['6 månader', [6, 0]],
    ['6 mån', [6, 0]],
    ['2 years', [24, 0]],
    ['1 year', [12, 0]],
    ['18 months', [18, 0]],
    ['1,5 år', [18, 0]],
    ['0.5 years', [6, 0]],
    ['2+1+1 år', [24, 24]],
    ['2 + 1 + 1 år', [24, 24]],
    ['2 år + 1 + 1', [24, 24]],
    ['2 år + 1 år + 1 år', [24, 24]],
    ['24+12 mnd', [24, 12]],
    ['2 år + 6 mnd', [24, 6]],
    ['2 (+1+1) år', [24, 24]],
    ['3 år med opsjon på 1 + 1 år', [36, 24]],
    ['2 år + opsjon 2 x 1 år', [24, 24]],
    ['2 år med mulighet for forlengelse i 2x1 år', [24, 24]],
    ['2 år och option på förlängning 1+1 år', [24, 24]],
    ['2 years with an option of 2 x 1 year', [24, 24]],
    ['1 år og 6 mnd', [18, 0]],
    ['1 year and 6 months + 1 year', [18, 12]],
    ['løpende', [null, 0, true]],
    ['Løpende avtale', [null, 0, true]],
    ['tidsubestemt', [null, 0, true]],
    ['inntil videre', [null, 0, true]],
    ['tillsvidare', [null, 0, true]],
    ['tills vidare', [null, 0, true]],
    ['Tillsvidareavtal', [null, 0, true]],
    ['open-ended', [null, 0, true]],
    ['open ended contract', [null, 0, true]],
    ['no fixed term', [null, 0, true]],
    ['2 år, deretter løpende', [24, 0, true]],
    ['2 år, därefter tills vidare', [24, 0, true]],
  ];
  it.each(cases)('%j', (input, [months, optionMonths, openEnded = false]) =>
    expect(parseDurationMonths(input)).toEqual({ ok: true, months, optionMonths, openEnded, raw: input }),
  );

  it('reads bare numbers only with a default unit', () => {
    expect(parseDurationMonths(24, { defaultUnit: 'months' })).toMatchObject({ ok: true, months: 24, optionMonths: 0 });
    expect(parseDurationMonths('2', { defaultUnit: 'years' })).toMatchObject({ ok: true, months: 24 });
    expect(parseDurationMonths('2+1+1', { defaultUnit: 'years' })).toMatchObject({ ok: true, months: 24, optionMonths: 24 });
    expect(parseDurationMonths(1.5, { defaultUnit: 'years' })).toMatchObject({ ok: true, months: 18 });
    // A unit in the text wins over the default.
    expect(parseDurationMonths('6 mnd', { defaultUnit: 'years' })).toMatchObject({ ok: true, months: 6 });
  });

  const errors: [unknown, DurationErrorCode][] = [
    ['', 'empty'],
    ['  ', 'empty'],
    ['-', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['24', 'missing-unit'],
    ['2+1+1', 'missing-unit'],
    [24, 'missing-unit'],
    ['1,3 år', 'not-whole-months'],
    ['2,5 mnd', 'not-whole-months'],
    [1.3, 'not-whole-months'],
    ['101 år', 'too-long'],
    ['100 år + 1 mnd', 'too-long'],
    ['9999999 mnd', 'too-long'],
    ['abc', 'not-a-duration'],
    ['2 uker', 'not-a-duration'],
    ['år', 'not-a-duration'],
    ['2 år år', 'not-a-duration'],
    ['2 x', 'not-a-duration'],
    ['x 2 år', 'not-a-duration'],
    ['2025-01-01 – 2026-12-31', 'not-a-duration'],
    [-2, 'not-a-duration'],
    [Number.NaN, 'not-a-duration'],
    [Number.POSITIVE_INFINITY, 'not-a-duration'],
    [true, 'not-a-duration'],
    [{}, 'not-a-duration'],
  ];
  it.each(errors)('%j → %s', (input, code) => {
    const result = parseDurationMonths(input, typeof input === 'number' && code !== 'missing-unit' ? { defaultUnit: 'months' } : {});
    expect(result).toMatchObject({ ok: false, error: { code, messageKey: `value.duration.error.${code}` } });
  });

  it('accepts exactly 100 years', () => expect(parseDurationMonths('100 år')).toMatchObject({ ok: true, months: MAX_DURATION_MONTHS }));

  it('every error code has a message in every language', () => {
    for (const code of DURATION_ERROR_CODES) {
      for (const lang of LANGS) expect(CATALOGUES[lang][`value.duration.error.${code}`], `${lang} ${code}`).toBeTruthy();
    }
  });

  const sane = (input: unknown, options = {}) => {
    const result = parseDurationMonths(input, options);
    if (result.ok) {
      expect(result.months === null || (Number.isInteger(result.months) && result.months >= 0)).toBe(true);
      expect(Number.isInteger(result.optionMonths) && result.optionMonths >= 0).toBe(true);
      expect((result.months ?? 0) + result.optionMonths).toBeLessThanOrEqual(MAX_DURATION_MONTHS);
    } else {
      expect(DURATION_ERROR_CODES).toContain(result.error.code);
    }
  };

  it('never throws', () => {
    const piece = fc.constantFrom('1', '2', '12', ',5', ' ', '+', 'x', 'år', 'mnd', 'months', 'opsjon', 'løpende', '(', ')', 'og', '-');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }), (p) => {
      sane(p.join(''));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      sane(s);
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.anything({ withBigInt: true }), (v) => {
      sane(v, { defaultUnit: 'years' });
    }), { numRuns: 1000 });
  });
});
