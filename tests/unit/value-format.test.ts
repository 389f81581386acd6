import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LANGS, MAX_AMOUNT_MINOR, formatAmount, money, parseAmount, type Money } from '../../core/index.ts';

const NB = '\u00A0';

describe('formatAmount', () => {
  const m = money(123456750n, 'NOK');
  const cases: [Money, 'nb' | 'sv' | 'en', string][] = [
    [m, 'nb', `1${NB}234${NB}567,50${NB}kr`],
    [m, 'sv', `NOK${NB}1${NB}234${NB}567,50`],
    [m, 'en', `NOK${NB}1,234,567.50`],
    [money(123456750n, 'SEK'), 'sv', `1${NB}234${NB}567,50${NB}kr`],
    [money(123456750n, 'SEK'), 'nb', `SEK${NB}1${NB}234${NB}567,50`],
    [money(14300000n, 'EUR'), 'nb', `EUR${NB}143${NB}000,00`],
    [money(14300000n, 'EUR'), 'en', `EUR${NB}143,000.00`],
    [money(5n, null), 'nb', '0,05'],
    [money(5n, null), 'en', '0.05'],
    [money(0n, 'NOK'), 'nb', `0,00${NB}kr`],
    [money(99999n, null), 'en', '999.99'],
    [money(100000n, null), 'en', '1,000.00'],
    [money(-150n, 'NOK'), 'nb', `\u22121,50${NB}kr`],
    [money(-150n, 'NOK'), 'en', `NOK${NB}-1.50`],
  ];
  it.each(cases)('%o in %s', (value, lang, expected) => expect(formatAmount(value, lang)).toBe(expected));

  it('drops ,00 for whole amounts only when asked', () => {
    expect(formatAmount(money(10000000n, 'NOK'), 'nb', { decimals: 'auto' })).toBe(`100${NB}000${NB}kr`);
    expect(formatAmount(money(10000050n, 'NOK'), 'nb', { decimals: 'auto' })).toBe(`100${NB}000,50${NB}kr`);
    expect(formatAmount(money(10000000n, 'NOK'), 'en', { decimals: 'auto' })).toBe(`NOK${NB}100,000`);
  });
});

describe('formatAmount and parseAmount round-trip', () => {
  const amount = fc.record({
    minor: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    currency: fc.constantFrom('NOK', 'SEK', 'EUR', null),
  });
  for (const lang of LANGS) {
    for (const decimals of ['always', 'auto'] as const) {
      it(`${lang}, decimals ${decimals}`, () => {
        fc.assert(
          fc.property(amount, ({ minor, currency }) => {
            const value = money(minor, currency);
            const text = formatAmount(value, lang, { decimals });
            expect(parseAmount(text, { locale: lang })).toMatchObject({ ok: true, value, vatIncluded: null, raw: text });
          }),
          { numRuns: 2000 },
        );
      });
    }
  }

  it('at the edges', () => {
    for (const lang of LANGS) {
      for (const minor of [0n, 1n, 99n, 100n, 9999999n, 10000000n, MAX_AMOUNT_MINOR]) {
        const value = money(minor, 'NOK');
        const text = formatAmount(value, lang);
        expect(parseAmount(text, { locale: lang }), text).toMatchObject({ ok: true, value });
      }
    }
  });
});
