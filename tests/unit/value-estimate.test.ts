import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  ESTIMATE_ERROR_CODES,
  ESTIMATE_STEP_CODES,
  LANGS,
  describeEstimateStep,
  estimateContractValue,
  money,
  parseDurationMonths,
  type EstimateInput,
} from '../../core/index.ts';

const nok = (kroner: number) => money(BigInt(kroner) * 100n, 'NOK');

function estimate(input: EstimateInput): { value: bigint; codes: string[] } {
  const result = estimateContractValue(input);
  if (!result.ok) throw new Error(`unexpected ${result.error.code}`);
  return { value: result.value.minor / 100n, codes: result.basis.map((s) => s.code) };
}

describe('estimateContractValue', () => {
  it('takes a stated total as it is, plus priced options and extensions', () => {
    expect(estimate({ base: nok(900_000), kind: 'total' })).toEqual({ value: 900_000n, codes: ['stated-total', 'estimated-value'] });
    expect(estimate({ base: nok(900_000), kind: 'total', options: [nok(50_000)], extensions: [nok(100_000), { value: nok(150_000) }] })).toEqual({
      value: 1_200_000n,
      codes: ['stated-total', 'option-added', 'extension-added', 'extension-added', 'estimated-value'],
    });
  });

  it('multiplies a monthly value by a fixed term up to 48 months, options included as if exercised', () => {
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 24 })).toEqual({ value: 240_000n, codes: ['monthly-times-term', 'estimated-value'] });
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 24, optionMonths: 24 })).toEqual({
      value: 480_000n,
      codes: ['term-with-options', 'monthly-times-term', 'estimated-value'],
    });
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 48 }).value).toBe(480_000n);
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 1 }).value).toBe(10_000n);
  });

  it('counts 48 months for services over 48 months, open-ended or without a term', () => {
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 49 })).toEqual({ value: 480_000n, codes: ['monthly-times-48-over-48', 'estimated-value'] });
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 36, optionMonths: 24 })).toEqual({
      value: 480_000n,
      codes: ['term-with-options', 'monthly-times-48-over-48', 'estimated-value'],
    });
    expect(estimate({ base: nok(10_000), kind: 'monthly', openEnded: true })).toEqual({ value: 480_000n, codes: ['monthly-times-48-open-ended', 'estimated-value'] });
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 12, openEnded: true }).value).toBe(480_000n);
    expect(estimate({ base: nok(10_000), kind: 'monthly' })).toEqual({ value: 480_000n, codes: ['monthly-times-48-no-term', 'estimated-value'] });
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: null }).codes[0]).toBe('monthly-times-48-no-term');
  });

  it('counts a fixed supply lease in full and reminds of the residual value over 12 months', () => {
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 60, contractType: 'supplies' })).toEqual({
      value: 600_000n,
      codes: ['monthly-times-term', 'supplies-residual-value', 'estimated-value'],
    });
    expect(estimate({ base: nok(10_000), kind: 'monthly', durationMonths: 12, contractType: 'supplies' }).codes).toEqual(['monthly-times-term', 'estimated-value']);
    expect(estimate({ base: nok(10_000), kind: 'monthly', openEnded: true, contractType: 'supplies' }).value).toBe(480_000n);
  });

  it('converts yearly values exactly, rounding a part of an øre up', () => {
    expect(estimate({ base: nok(120_000), kind: 'yearly', durationMonths: 24 })).toEqual({ value: 240_000n, codes: ['yearly-times-term', 'estimated-value'] });
    expect(estimate({ base: nok(120_000), kind: 'yearly', durationMonths: 18 }).value).toBe(180_000n);
    expect(estimate({ base: nok(120_000), kind: 'yearly', durationMonths: 72 })).toEqual({ value: 480_000n, codes: ['yearly-times-4-over-48', 'estimated-value'] });
    expect(estimate({ base: nok(120_000), kind: 'yearly', openEnded: true }).codes[0]).toBe('yearly-times-4-open-ended');
    expect(estimate({ base: nok(120_000), kind: 'yearly' }).codes[0]).toBe('yearly-times-4-no-term');
    // 1 øre a year for 1 month is 1/12 øre: counted as 1 øre, never as 0.
    const tiny = estimateContractValue({ base: money(1n, 'NOK'), kind: 'yearly', durationMonths: 1 });
    expect(tiny.ok && tiny.value.minor).toBe(1n);
    const exact = estimateContractValue({ base: money(1200n, 'NOK'), kind: 'yearly', durationMonths: 7 });
    expect(exact.ok && exact.value.minor).toBe(700n);
  });

  it('takes a parsed term directly', () => {
    const term = parseDurationMonths('2+1+1 år');
    if (!term.ok) throw new Error('term');
    expect(estimate({ base: nok(25_000), kind: 'monthly', durationMonths: term.months, optionMonths: term.optionMonths, openEnded: term.openEnded }).value).toBe(1_200_000n);
  });

  it('keeps the currency and fails on mixed currencies, negative values and bad terms', () => {
    const ok = estimateContractValue({ base: money(100n, null), kind: 'total', options: [money(100n, 'SEK')] });
    expect(ok.ok && ok.value).toEqual(money(200n, 'SEK'));
    const cases: [EstimateInput, string][] = [
      [{ base: nok(1), kind: 'total', options: [money(1n, 'EUR')] }, 'currency-mismatch'],
      [{ base: money(-1n, 'NOK'), kind: 'total' }, 'negative-value'],
      [{ base: nok(1), kind: 'total', extensions: [{ value: money(-1n, 'NOK') }] }, 'negative-value'],
      [{ base: nok(1), kind: 'monthly', durationMonths: 0 }, 'invalid-duration'],
      [{ base: nok(1), kind: 'monthly', durationMonths: 1.5 }, 'invalid-duration'],
      [{ base: nok(1), kind: 'monthly', durationMonths: Number.NaN }, 'invalid-duration'],
      [{ base: nok(1), kind: 'monthly', durationMonths: 1201 }, 'invalid-duration'],
      [{ base: nok(1), kind: 'monthly', durationMonths: 12, optionMonths: -1 }, 'invalid-duration'],
      [{ base: nok(1), kind: 'total', optionMonths: 12 }, 'option-months-without-rate'],
    ];
    for (const [input, code] of cases) {
      expect(estimateContractValue(input), code).toEqual({ ok: false, error: { code, messageKey: `value.estimate.error.${code}` } });
    }
  });
});

describe('estimate basis in words', () => {
  it('explains each step in the user language', () => {
    const result = estimateContractValue({ base: nok(25_000), kind: 'monthly', durationMonths: 24, optionMonths: 24, options: [nok(10_000)] });
    if (!result.ok) throw new Error('estimate');
    const nb = result.basis.map((s) => describeEstimateStep(s, 'nb'));
    expect(nb).toEqual([
      'Avtaleperiode på 24 måneder pluss opsjoner og forlengelser på 24 måneder, regnet som om de blir utløst: 48 måneder.',
      '25\u00A0000\u00A0kr per måned × 48 måneder = 1\u00A0200\u00A0000\u00A0kr.',
      'Opsjon 1, regnet som utløst: + 10\u00A0000\u00A0kr.',
      'Anslått verdi ekskl. mva.: 1\u00A0210\u00A0000\u00A0kr.',
    ]);
    const [, perMonth, , last] = result.basis;
    expect(perMonth && describeEstimateStep(perMonth, 'en')).toBe('NOK\u00A025,000 per month × 48 months = NOK\u00A01,200,000.');
    expect(last && describeEstimateStep(last, 'sv')).toBe('Uppskattat värde exkl. moms: NOK\u00A01\u00A0210\u00A0000.');
  });

  it('every step and error code has a message in every language', () => {
    for (const lang of LANGS) {
      for (const code of ESTIMATE_STEP_CODES) expect(CATALOGUES[lang][`value.estimate.${code}`], `${lang} ${code}`).toBeTruthy();
      for (const code of ESTIMATE_ERROR_CODES) expect(CATALOGUES[lang][`value.estimate.error.${code}`], `${lang} ${code}`).toBeTruthy();
    }
  });
});
