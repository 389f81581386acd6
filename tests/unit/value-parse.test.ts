import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AMOUNT_ERROR_CODES, CATALOGUES, LANGS, MAX_AMOUNT_MINOR, parseAmount, translate, type AmountErrorCode, type ParseAmountOptions } from '../../core/index.ts';

type Expected = readonly [minor: bigint, currency: string | null, vatIncluded?: boolean | null];

function expectAmount(input: unknown, options: ParseAmountOptions, [minor, currency, vat = null]: Expected): void {
  const result = parseAmount(input, options);
  expect(result, String(input)).toMatchObject({ ok: true, value: { minor, currency }, vatIncluded: vat, raw: String(input) });
}

function expectError(input: unknown, options: ParseAmountOptions, code: AmountErrorCode): void {
  const result = parseAmount(input, options);
  expect(result.ok, String(input)).toBe(false);
  if (!result.ok) {
    expect(result.error.code, String(input)).toBe(code);
    expect(result.error.messageKey).toBe(`value.error.${code}`);
  }
}

describe('parseAmount: the shapes people type', () => {
  const none: ParseAmountOptions = {};
  const nok: ParseAmountOptions = { defaultCurrency: 'NOK' };
  const cases: [string, ParseAmountOptions, Expected][] = [
    ['1 234 567,50', none, [123456750n, null]],
    ['1.234.567,50', none, [123456750n, null]],
    ['1,234,567.50', none, [123456750n, null]],
    ['1234567,50', none, [123456750n, null]],
    ['1234567.5', none, [123456750n, null]],
    ['1 234 567 kr', none, [123456700n, null]],
    ['1 234 567 kr', nok, [123456700n, 'NOK']],
    ['1 234 567 kr', { defaultCurrency: 'SEK' }, [123456700n, 'SEK']],
    ['1 234 567 kr', { locale: 'nb' }, [123456700n, 'NOK']],
    ['1 234 567 kr', { locale: 'sv' }, [123456700n, 'SEK']],
    ['1 234 567 kr', { locale: 'en' }, [123456700n, null]],
    ['1 234 567 kr', { defaultCurrency: 'EUR', locale: 'sv' }, [123456700n, 'SEK']],
    ['1 234 567 kroner', nok, [123456700n, 'NOK']],
    ['1 234 567 kronor', { defaultCurrency: 'SEK' }, [123456700n, 'SEK']],
    ['NOK 100 000', none, [10000000n, 'NOK']],
    ['100 000 NOK', none, [10000000n, 'NOK']],
    ['NOK 100 000 kr', none, [10000000n, 'NOK']],
    ['SEK 700 000', nok, [70000000n, 'SEK']],
    ['100 000,-', none, [10000000n, null]],
    ['100 000,–', none, [10000000n, null]],
    ['100 000,--', none, [10000000n, null]],
    ['kr 100.000,-', none, [10000000n, null]],
    ['kr. 100.000,-', nok, [10000000n, 'NOK']],
    ['kr 1,000.-', none, [100000n, null]],
    ['50.-', none, [5000n, null]],
    ['2,5 MNOK', none, [250000000n, 'NOK']],
    ['2,5MNOK', none, [250000000n, 'NOK']],
    ['2.5 MNOK', none, [250000000n, 'NOK']],
    ['2,5 mkr', none, [250000000n, 'SEK']],
    ['2,5 mkr', nok, [250000000n, 'NOK']],
    ['2,5 mkr', { locale: 'nb' }, [250000000n, 'NOK']],
    ['2,5 MSEK', none, [250000000n, 'SEK']],
    ['1,2 mill.', none, [120000000n, null]],
    ['1,2 mill. kr', nok, [120000000n, 'NOK']],
    ['1,2 millioner', none, [120000000n, null]],
    ['1,2 millioner kroner', { locale: 'nb' }, [120000000n, 'NOK']],
    ['1,25 miljoner kronor', { locale: 'sv' }, [125000000n, 'SEK']],
    ['3 mrd', none, [300000000000n, null]],
    ['3 mrd. kr', nok, [300000000000n, 'NOK']],
    ['1,5 miljarder', none, [150000000000n, null]],
    ['150k', none, [15000000n, null]],
    ['150 K', none, [15000000n, null]],
    ['150 tusen kroner', nok, [15000000n, 'NOK']],
    ['150 tkr', none, [15000000n, 'SEK']],
    ['150 tkr', nok, [15000000n, 'NOK']],
    ['150 tNOK', none, [15000000n, 'NOK']],
    ['150 TSEK', none, [15000000n, 'SEK']],
    ['€ 1,000', { locale: 'en' }, [100000n, 'EUR']],
    ['€1,000.50', none, [100050n, 'EUR']],
    ['€2m', none, [200000000n, 'EUR']],
    ['EUR 143 000', none, [14300000n, 'EUR']],
    ['143 000 EUR', nok, [14300000n, 'EUR']],
    ['2 million euros', none, [200000000n, 'EUR']],
    ['1.5 bn', none, [150000000000n, null]],
    ['$ 250', none, [25000n, 'USD']],
    ['1\u00A0234\u00A0567,50', none, [123456750n, null]],
    ['1\u202F234\u202F567,50', none, [123456750n, null]],
    ['1\u2009234\u2009567,50', none, [123456750n, null]],
    ['1\u2007234', none, [123400n, null]],
    ["1'234", none, [123400n, null]],
    ["1'234'567.50", none, [123456750n, null]],
    ['1’234’567,50', none, [123456750n, null]],
    ['  1 234  ', none, [123400n, null]],
    ['1\u200B234', none, [123400n, null]],
    ["'100000", none, [10000000n, null]],
    ['ca. 2 MNOK', none, [200000000n, 'NOK']],
    ['cirka 500 000 kr', nok, [50000000n, 'NOK']],
    ['100 000 kr.', nok, [10000000n, 'NOK']],
    ['0', none, [0n, null]],
    ['0,01', none, [1n, null]],
    ['0.01', none, [1n, null]],
    ['99 999,99', none, [9999999n, null]],
    ['100 000', none, [10000000n, null]],
    ['007', none, [700n, null]],
    ['90 071 992 547 409,91', none, [MAX_AMOUNT_MINOR, null]],
    ['-0', none, [0n, null]],
  ];
  it.each(cases)('%j %j', (input, options, expected) => expectAmount(input, options, expected));

  it('keeps defaultCurrency upper-cased and treats a blank one as none', () => {
    expectAmount('100', { defaultCurrency: 'nok' }, [10000n, 'NOK']);
    expectAmount('100', { defaultCurrency: '  ' }, [10000n, null]);
    expectAmount('100', { defaultCurrency: null }, [10000n, null]);
  });
});

describe('parseAmount: VAT hints', () => {
  const cases: [string, boolean | null][] = [
    ['100 000 kr inkl. mva', true],
    ['100 000 kr inkl mva', true],
    ['100 000 kr inklusive mva', true],
    ['100 000 kr inkludert mva', true],
    ['100 000 kr m/mva', true],
    ['100 000 kr inkl. moms', true],
    ['100 000 kr med moms', true],
    ['NOK 100 000 incl. VAT', true],
    ['NOK 100 000 including VAT', true],
    ['100 000 kr (inkl. mva)', true],
    ['100 000 kr ekskl. mva', false],
    ['100 000 kr eksklusive mva', false],
    ['100 000 kr eks. mva', false],
    ['100 000 kr eks mva', false],
    ['100 000 kr u/mva', false],
    ['100 000 kr uten mva', false],
    ['100 000 kr exkl. moms', false],
    ['100 000 kr exklusive moms', false],
    ['100 000 kr ex moms', false],
    ['100 000 kr ex. moms', false],
    ['100 000 kr utan moms', false],
    ['NOK 100 000 excl. VAT', false],
    ['NOK 100 000 excluding VAT', false],
    ['100 000 kr + mva', false],
    ['100 000 kr plus moms', false],
    ['100 000 kr (ekskl. mva.)', false],
    ['ekskl. mva 100 000 kr', false],
    ['100 000 kr', null],
  ];
  it.each(cases)('%j → %j', (input, vat) => expectAmount(input, { defaultCurrency: 'NOK' }, [10000000n, 'NOK', vat]));

  it('a VAT word alone is not a hint', () => expectError('100 000 mva', {}, 'unexpected-text'));
  it('both hints at once is an error', () => expectError('100 000 inkl. mva ekskl. mva', {}, 'conflicting-vat'));
  it('the VAT language tips an ambiguous separator', () => {
    expectAmount('1.234 ekskl. mva', {}, [123400n, null, false]);
    expectAmount('1,234 excl. VAT', {}, [123400n, null, false]);
    // Mixed signals (NOK is Nordic, "VAT" English) decide nothing.
    expectError('NOK 1,234 excl. VAT', {}, 'ambiguous-separator');
    expectAmount('NOK 1,234 excl. VAT', { locale: 'en' }, [123400n, 'NOK', false]);
  });
});

describe('parseAmount: ambiguous separators', () => {
  // One mark followed by exactly three digits: grouping or decimals? Context decides, or it is an error.
  const cases: [string, ParseAmountOptions, Expected | AmountErrorCode][] = [
    ['1.234', {}, 'ambiguous-separator'],
    ['1,234', {}, 'ambiguous-separator'],
    ['12,500', {}, 'ambiguous-separator'],
    ['€ 1,000', {}, 'ambiguous-separator'],
    ['EUR 1.000', {}, 'ambiguous-separator'],
    ['1.234', { locale: 'nb' }, [123400n, null]],
    ['1.234', { locale: 'sv' }, [123400n, null]],
    ['1.234', { locale: 'en' }, 'too-many-decimals'],
    ['1,234', { locale: 'en' }, [123400n, null]],
    ['1,234', { locale: 'nb' }, 'too-many-decimals'],
    ['1,000', { locale: 'nb' }, 'too-many-decimals'],
    ['1.234', { defaultCurrency: 'NOK' }, [123400n, 'NOK']],
    ['1.234', { defaultCurrency: 'SEK' }, [123400n, 'SEK']],
    ['1.234', { defaultCurrency: 'EUR' }, 'ambiguous-separator'],
    ['1.234 kr', {}, [123400n, null]],
    ['NOK 1.234', {}, [123400n, 'NOK']],
    ['SEK 1,234', {}, 'too-many-decimals'],
    ['1,234 million', {}, [123400000000n, null]],
    ['5,404 MEUR', {}, 'ambiguous-separator'],
    ['5,404 MEUR', { locale: 'sv' }, [540400000n, 'EUR']],
    ['1,234 NOK million', {}, 'ambiguous-separator'],
    ['1.234', { locale: 'en', defaultCurrency: 'NOK' }, 'too-many-decimals'],
    ['1,234 kr', { locale: 'en' }, [123400n, null]],
    // Not the ambiguous shape: a lone 0, four digits before, or two/one digit after.
    ['0,125', {}, 'too-many-decimals'],
    ['1234,567', {}, 'too-many-decimals'],
    ['1,23', {}, [123n, null]],
    ['1.5', {}, [150n, null]],
    ['1.2345', {}, 'too-many-decimals'],
    // Spaces already group the digits, so the mark is the decimal mark.
    ['1 234.567', {}, 'too-many-decimals'],
    ['1 234,5', {}, [123450n, null]],
    // Two marks of the same kind group; both kinds: the last one is the decimal mark.
    ['1.234.567', {}, [123456700n, null]],
    ['1,234,567', {}, [123456700n, null]],
    ['1.234,5', {}, [123450n, null]],
    ['1,234.5', {}, [123450n, null]],
  ];
  it.each(cases)('%j %j', (input, options, expected) =>
    typeof expected === 'string' ? expectError(input, options, expected) : expectAmount(input, options, expected),
  );
});

describe('parseAmount: scale words multiply exactly', () => {
  const cases: [string, bigint | AmountErrorCode][] = [
    ['2,5 MNOK', 250000000n],
    ['1,23456 mill.', 123456000n],
    ['1,2345678 mill.', 123456780n],
    ['1,23456789 mill.', 123456789n],
    ['1,234567891 mill.', 'too-many-decimals'],
    ['1,000 mill.', 100000000n],
    ['0,001 mill.', 100000n],
    ['0,00000001 mill.', 1n],
    ['0,000000001 mill.', 'too-many-decimals'],
    ['1,5 k', 150000n],
    ['1,00001 k', 100001n],
    ['1,000001 k', 'too-many-decimals'],
    ['12,3456789 mrd', 1234567890000n],
  ];
  it.each(cases)('%j', (input, expected) =>
    typeof expected === 'string' ? expectError(input, {}, expected) : expectAmount(input, {}, [expected, input.includes('NOK') ? 'NOK' : null]),
  );

  it('one scale word only, and only after the number', () => {
    expectError('2 k mill.', {}, 'unexpected-text');
    expectError('mill. 2', {}, 'unexpected-text');
  });
});

describe('parseAmount: errors', () => {
  const cases: [unknown, AmountErrorCode][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00A0', 'empty'],
    ['-', 'empty'],
    ['–', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['inkl. mva', 'empty'],
    ['abc', 'not-a-number'],
    ['kr', 'not-a-number'],
    ['ikke avklart', 'not-a-number'],
    [true, 'not-a-number'],
    [{}, 'not-a-number'],
    [[100], 'not-a-number'],
    [() => 100, 'not-a-number'],
    [Symbol('x'), 'not-a-number'],
    [Number.NaN, 'not-a-number'],
    ['100 000 kr per år per mnd', 'conflicting-rate'],
    ['100 000 kr MNOK', 'conflicting-units'],
    ['2 tkr NOK', 'conflicting-units'],
    ['250 000 i år', 'unexpected-text'],
    ['100 000–200 000', 'unexpected-text'],
    ['100 000 - 200 000', 'unexpected-text'],
    ['100 %', 'unexpected-text'],
    ['100-', 'unexpected-text'],
    ['100 000 kr kr kr 5', 'unexpected-text'],
    ['1.5e6', 'unexpected-text'],
    ['JPY 100', 'unexpected-text'],
    ['(100)', 'unexpected-text'],
    ['1 23 456', 'invalid-grouping'],
    ['1234 567', 'invalid-grouping'],
    ['1.23.456', 'invalid-grouping'],
    ['1.234,56,7', 'invalid-grouping'],
    ['1,234.56.7', 'invalid-grouping'],
    ['1 234.567,50', 'invalid-grouping'],
    ['1,5,-', 'invalid-grouping'],
    ['2025.03.15', 'invalid-grouping'],
    ['1,234', 'ambiguous-separator'],
    ['0,001', 'too-many-decimals'],
    ['1,999', 'ambiguous-separator'],
    ['12,3456', 'too-many-decimals'],
    ['-100', 'negative'],
    ['−100 kr', 'negative'],
    ['– 100', 'negative'],
    ['kr -100', 'negative'],
    ['NOK -2,5 mill.', 'negative'],
    ['- - 100', 'unexpected-text'],
    ['90 071 992 547 409,92', 'too-large'],
    ['100 000 000 000 000', 'too-large'],
    ['9'.repeat(5000), 'too-long'],
    ['9'.repeat(45), 'too-large'],
    [`1 000 kr ${'x'.repeat(250)}`, 'too-long'],
    ['1 mrd mrd', 'unexpected-text'],
    ['999 999 999 mrd', 'too-large'],
    ['EUR 100 kr', 'conflicting-currency'],
    ['NOK 100 SEK', 'conflicting-currency'],
    ['€ 2,5 MNOK', 'conflicting-currency'],
    ['SEK 2,5 MNOK', 'conflicting-currency'],
  ];
  it.each(cases)('%j → %s', (input, code) => expectError(input, {}, code));

  it.each<[string, bigint, string | null, 'year' | 'month' | null, number]>([
    ['1 200 000:-', 120_000_000n, null, null, 0],
    ['1.200.000:-', 120_000_000n, null, null, 0],
    ['1,2 milj', 120_000_000n, null, null, 6],
    ['1,2 milj. kr', 120_000_000n, 'SEK', null, 6],
    ['1 mnkr', 100_000_000n, 'SEK', null, 6],
    ['250 tkr per år', 25_000_000n, 'SEK', 'year', 3],
    ['1,2 mill. per år', 120_000_000n, null, 'year', 6],
    ['250 000 kr/år', 25_000_000n, 'SEK', 'year', 0],
    ['ca 1 mkr/år', 100_000_000n, 'SEK', 'year', 6],
    ['40 000 kr per mnd', 4_000_000n, 'SEK', 'month', 0],
    ['40 000 kr/månad', 4_000_000n, 'SEK', 'month', 0],
    ['150 kSEK', 15_000_000n, 'SEK', null, 3],
  ])('people type %j (sv): %d öre, written currency %s, rate %s, scale %d', (input, minor, written, per, scale) => {
    const r = parseAmount(input, { locale: 'sv', defaultCurrency: 'SEK' });
    expect(r).toMatchObject({ ok: true, value: { minor, currency: 'SEK' }, per, unit: { scale, currency: written } });
  });

  it('kr 450 000 eks. mva is 450 000 excluding VAT', () => {
    expect(parseAmount('kr 450 000 eks. mva', { locale: 'nb', defaultCurrency: 'NOK' })).toMatchObject({ ok: true, value: { minor: 45_000_000n }, vatIncluded: false });
  });

  it('a 1 MB cell is refused at once as too long, before any pattern runs', () => {
    const r = parseAmount(`${'1 '.repeat(500_000)}kr`);
    expect(r.ok ? null : r.error.code).toBe('too-long');
    expect(r.ok ? 0 : r.error.raw.length).toBeLessThan(50);
  });

  it('keeps the raw input in the error', () => {
    expect(parseAmount(' 1 23 456 kr ')).toEqual({
      ok: false,
      error: { code: 'invalid-grouping', raw: ' 1 23 456 kr ', messageKey: 'value.error.invalid-grouping' },
    });
  });

  it('every error code has a message in every language', () => {
    for (const code of AMOUNT_ERROR_CODES) {
      for (const lang of LANGS) expect(CATALOGUES[lang][`value.error.${code}`], `${lang} ${code}`).toBeTruthy();
    }
    expect(translate('nb', 'value.error.invalid-grouping', { raw: '1 23 456' })).toContain('«1 23 456»');
  });
});

describe('parseAmount: numbers from Excel', () => {
  const cases: [number, bigint | AmountErrorCode][] = [
    [0, 0n],
    [-0, 0n],
    [0.01, 1n],
    [99999.99, 9999999n],
    [100000, 10000000n],
    [1234567.5, 123456750n],
    [0.1 + 0.2, 30n],
    [0.30000000000000004, 30n],
    [1.1 * 3, 330n],
    [100000 - 0.01, 9999999n],
    [5.551115123125783e-17, 0n],
    [-5.551115123125783e-17, 0n],
    [Number.MIN_VALUE, 0n],
    [90071992547409.5, 9007199254740950n],
    [0.123, 'too-many-decimals'],
    [1234.567, 'too-many-decimals'],
    [0.005, 'too-many-decimals'],
    [1.005, 'too-many-decimals'],
    [1e-8, 'too-many-decimals'],
    [-1, 'negative'],
    [-0.01, 'negative'],
    [Number.NEGATIVE_INFINITY, 'negative'],
    [Number.POSITIVE_INFINITY, 'too-large'],
    [1e14, 'too-large'],
    [Number.MAX_VALUE, 'too-large'],
    [Number.NaN, 'not-a-number'],
  ];
  it.each(cases)('%s', (input, expected) =>
    typeof expected === 'string' ? expectError(input, {}, expected) : expectAmount(input, {}, [expected, null]),
  );

  it('rounds only within 1e-9 relative of a two-decimal value', () => {
    expectAmount(1234567.5 * (1 + 5e-10), {}, [123456750n, null]);
    expectError(1234567.5 * (1 + 5e-9), {}, 'too-many-decimals');
    // Below 1 unit the tolerance is 1e-9 absolute.
    expectAmount(0.5 + 5e-10, {}, [50n, null]);
    expectError(0.5 + 5e-9, {}, 'too-many-decimals');
  });

  it('takes the default currency and no VAT hint', () => {
    expectAmount(1500, { defaultCurrency: 'SEK' }, [150000n, 'SEK']);
  });

  it('reads bigints as whole units', () => {
    expectAmount(100000n, {}, [10000000n, null]);
    expectError(-1n, {}, 'negative');
    expectError(10n ** 16n, {}, 'too-large');
  });
});

describe('parseAmount never throws', () => {
  const check = (input: unknown) => {
    const result = parseAmount(input);
    expect(typeof result.ok).toBe('boolean');
    if (result.ok) {
      expect(result.value.minor >= 0n && result.value.minor <= MAX_AMOUNT_MINOR).toBe(true);
    } else {
      expect(AMOUNT_ERROR_CODES).toContain(result.error.code);
    }
  };

  it('on arbitrary strings', () => fc.assert(fc.property(fc.string({ maxLength: 60 }), check), { numRuns: 3000 }));
  it('on full unicode strings', () => fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 3000 }));
  it('on strings built from amount pieces', () => {
    const piece = fc.constantFrom('1', '23', '456', '0', ' ', '\u00A0', '.', ',', "'", '-', ',-', 'kr', 'NOK', 'mill.', 'k', 'tkr', 'MNOK', '€', 'inkl. mva', 'eks. mva', 'ca.', '−', '+', 'mrd');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom<ParseAmountOptions>({}, { locale: 'nb' }, { locale: 'en' }, { defaultCurrency: 'NOK' }), (pieces, options) => {
        const result = parseAmount(pieces.join(''), options);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });
  it('on arbitrary JS values', () => fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }), check), { numRuns: 2000 }));
  it('on arbitrary doubles', () => fc.assert(fc.property(fc.double(), check), { numRuns: 5000 }));
});
