import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findOrgnrs,
  findPersonalNumbers,
  hidePersonalNumbers,
  isValidNorwegianOrgnr,
  isValidSwedishOrgnr,
  parseOrgnr,
  personalNumberKind,
  translate,
} from '../../core/index.ts';
import { anyPersonalNumber, luhnCheckDigit, norwegianNumber, swedishNumber, type Kind } from '../support/personal-numbers.ts';

const D = (year: number, month: number, day: number) => ({ year, month, day });

/** A Norwegian number whose individual digits give control digits (one in eleven does not). */
function no(date: { year: number; month: number; day: number }, variant: 'fnr' | 'd' | 'h', from = 100) {
  for (let i = from; i < from + 20; i++) {
    const n = norwegianNumber(date, i, variant);
    if (n) return n;
  }
  throw new Error('no individual number with control digits');
}

// Valid numbers of every form, built from their rules (none belongs to a real person that we know of:
// they are made up from dates and serials, like the test numbers the tax authorities publish).
const se1985 = swedishNumber(D(1985, 1, 15), 123);
const se1912 = swedishNumber(D(1912, 2, 29), 456); // a leap day over a century ago: written with +
const seCoordination = swedishNumber(D(1990, 12, 31), 789, true);
const noFnr = no(D(1985, 1, 15), 'fnr');
const noD = no(D(1970, 6, 30), 'd');
const noH = no(D(2000, 2, 29), 'h');

const VALID: [string, string, Kind][] = [
  ['SE YYMMDD-NNNC', se1985.forms[0]!, 'se-personnummer'],
  ['SE YYMMDD+NNNC (over 100)', se1912.forms[1]!, 'se-personnummer'],
  ['SE YYMMDDNNNC', se1985.forms[2]!, 'se-personnummer'],
  ['SE YYYYMMDD-NNNC', se1985.forms[3]!, 'se-personnummer'],
  ['SE YYYYMMDDNNNC', se1985.forms[4]!, 'se-personnummer'],
  ['SE sole trader VAT form SE…01', se1985.forms[5]!, 'se-personnummer'],
  ['SE YYYYMMDDNNNC ending in 01 is not a VAT number', findTwelveEndingIn01(), 'se-personnummer'],
  ['SE samordningsnummer YYMMDD-NNNC', seCoordination.forms[0]!, 'se-samordningsnummer'],
  ['SE samordningsnummer YYYYMMDDNNNC', seCoordination.forms[4]!, 'se-samordningsnummer'],
  ['NO fødselsnummer', noFnr.forms[0]!, 'no-fodselsnummer'],
  ['NO fødselsnummer with a space', noFnr.forms[1]!, 'no-fodselsnummer'],
  ['NO D-number', noD.forms[0]!, 'no-d-number'],
  ['NO H-number', noH.forms[0]!, 'no-h-number'],
];

/** The case issue 11 found: YYYYMMDDNNNC whose serial makes it end in 01 and whose first ten digits pass Luhn. */
function findTwelveEndingIn01(): string {
  for (let serial = 0; serial < 1000; serial++) {
    const n = swedishNumber(D(1985, 3, 7), serial);
    const first10 = n.twelve.slice(0, 10);
    if (n.twelve.endsWith('01') && luhnCheckDigit(first10.slice(0, 9)) === Number(first10[9])) return n.twelve;
  }
  throw new Error('no such number');
}

function withCheckDigitOff(text: string): string {
  const last = Number(text.at(-1));
  return `${text.slice(0, -1)}${(last + 1) % 10}`;
}

// Shaped like personal numbers, with the check digits computed for the shape, but impossible dates;
// and valid shapes with a wrong check digit. None of them is anyone's number.
const INVALID: [string, string][] = [
  ['SE wrong check digit', withCheckDigitOff(se1985.ten)],
  ['SE 12 digits wrong check digit', withCheckDigitOff(se1985.twelve)],
  ['SE 30 February', swedishNumber(D(1985, 2, 30), 123).ten],
  ['SE 29 February in a year not divisible by 4', swedishNumber(D(1985, 2, 29), 123).ten],
  ['SE 29 February 1900 with the century', swedishNumber(D(1900, 2, 29), 123).twelve],
  ['SE month 13', swedishNumber(D(1985, 13, 1), 123).ten],
  ['SE day 0', swedishNumber(D(1985, 1, 0), 123).ten],
  ['SE samordningsnummer day 92', swedishNumber(D(1985, 1, 32), 123, true).ten],
  ['NO wrong first control digit', `${noFnr.eleven.slice(0, 9)}${(Number(noFnr.eleven[9]) + 1) % 10}${noFnr.eleven[10]}`],
  ['NO wrong second control digit', withCheckDigitOff(noFnr.eleven)],
  ['NO 31 April', no(D(1985, 4, 31), 'fnr').eleven],
  ['NO D-number day 72', no(D(1985, 1, 32), 'd').eleven],
  ['NO H-number month 53', no(D(1985, 13, 1), 'h').eleven],
];

describe('personal identity numbers of every form', () => {
  it.each(VALID)('%s is recognised as %s', (_name, written, kind) => {
    expect(personalNumberKind(written.replace(/\D/g, ''))).toBe(kind);
    expect(findPersonalNumbers(`text ${written} text`).map((m) => m.kind)).toEqual([kind]);
  });

  it.each(VALID)('%s is never read as an organisation number and never kept', (_name, written) => {
    for (const country of [undefined, 'NO', 'SE', 'NOR', 'SWE']) {
      const r = parseOrgnr(written, country);
      expect(r.problem).toBe('personal-number');
      expect(r.digits).toBeNull();
      expect(JSON.stringify(r)).not.toContain(written.replace(/\D/g, '').slice(0, 10));
    }
  });

  it.each(INVALID)('%s is not a personal identity number', (_name, written) => {
    expect(personalNumberKind(written)).toBeNull();
    expect(findPersonalNumbers(written)).toEqual([]);
    // Nor is it an organisation number.
    expect(parseOrgnr(written).digits).toBeNull();
  });

  it.each(VALID)('%s inside other text in an organisation-number cell is still not kept', (_name, written) => {
    for (const text of [`pnr ${written}`, `Innehaver: ${written} (ENK)`, `${written}, Anna`]) {
      expect(parseOrgnr(text)).toEqual({ raw: '', jurisdiction: expect.stringMatching(/^(NO|SE)$/) as unknown, digits: null, problem: 'personal-number' });
    }
  });

  it('only an SE-prefixed text is the VAT form of a Swedish organisation number', () => {
    expect(parseOrgnr('SE556086822501').digits).toBe('5560868225');
    expect(parseOrgnr('556086822501').digits).toBeNull();
    expect(parseOrgnr(`SE${se1985.ten}01`).problem).toBe('personal-number');
  });

  it('the generated numbers agree with the rules for every date and serial (property)', () => {
    fc.assert(
      fc.property(anyPersonalNumber, (n) => {
        const digits = n.written.replace(/\D/g, '');
        // Twelve digits are read with the century first: a VAT form (ten digits + 01) may also make a
        // valid number of the other Swedish kind (SE190101610301: 1901-01-61, a samordningsnummer).
        // Either way it is a personal identity number, which is what must never be kept.
        if (digits.length === 12 && n.kind.startsWith('se-')) expect(personalNumberKind(digits)).toMatch(/^se-(personnummer|samordningsnummer)$/);
        else expect(personalNumberKind(digits)).toBe(n.kind);
        expect(parseOrgnr(n.written).problem).toBe('personal-number');
      }),
      { numRuns: 2000 },
    );
  });

  it('no valid organisation number is a personal identity number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^[2-9]\d{8}$/), (no8, se9) => {
        for (const c of '0123456789') {
          if (isValidNorwegianOrgnr(no8 + c)) expect(findPersonalNumbers(no8 + c)).toEqual([]);
          const se = se9 + c;
          if (isValidSwedishOrgnr(se)) {
            expect(personalNumberKind(se)).toBeNull();
            expect(parseOrgnr(`SE${se}01`).digits).toBe(se);
          }
        }
      }),
    );
  });

  it('finds what a search for the written forms through the whole text finds, in texts dense with digits (property)', () => {
    // The forms searched for everywhere, as findPersonalNumbers searched before it tried them only
    // just before each ten-digit run: the two must agree on any text, however the runs fall.
    const SEP = '[-+ \\u00A0\\u202F\\u2007]?';
    const forms = new RegExp(
      [`(?:SE${SEP})?(?:\\d{8}|\\d{6})${SEP}\\d{4}(?:${SEP}01)?`, `\\d{6}${SEP}\\d{5}`].map((p) => `(?<!\\d)${p}(?!\\d)`).join('|'),
      'gi',
    );
    const reference = (text: string) =>
      [...text.matchAll(forms)].flatMap((m) => {
        const kind = personalNumberKind(m[0].replace(/\D/g, ''));
        return kind ? [{ index: m.index, length: m[0].length, kind }] : [];
      });
    const piece = fc.oneof(
      anyPersonalNumber.map((n) => n.written),
      fc.stringMatching(/^\d{1,14}$/),
      fc.constantFrom('-', '+', ' ', '\u00A0', '\u2007', 'SE', 'se', 'SE-', 'Se ', '01', 'x', '\u0000', 'Org.nr. '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(findPersonalNumbers(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the page scanner finds organisation numbers but none inside a personal identity number', () => {
    const text = `Leverandør NO943184097MVA; enkeltperson ${noFnr.forms[1]} og ${se1985.forms[0]}; moms ${se1985.forms[5]}; 556086-8225.`;
    expect(findOrgnrs(text).map((m) => m.orgnr.digits)).toEqual(['943184097', '5560868225']);
  });

  it('hides every form in running text, and messages show "(not shown)" in each language', () => {
    const text = `A ${se1985.forms[0]}, B ${noD.forms[0]}, C ${se1912.forms[1]}.`;
    expect(hidePersonalNumbers(text, '•')).toBe('A •, B •, C •.');
    expect(translate('en', 'orgnr.problem.not-numeric', { raw: `pnr ${se1985.forms[0]}` })).toContain('pnr a personal identity number (not shown)');
    expect(translate('nb', 'orgnr.problem.not-numeric', { raw: se1985.forms[3] })).toContain('et personnummer (vises ikke)');
    expect(translate('sv', 'orgnr.problem.not-numeric', { raw: noH.forms[0] })).toContain('ett personnummer (visas inte)');
  });
});

describe('parseOrgnr on untyped input', () => {
  const hostile: [string, unknown][] = [
    ['an object whose toString throws', { toString: () => { throw new Error('toString throws'); } }],
    ['an object without a prototype', Object.create(null) as object],
    ['an object whose toPrimitive throws', { [Symbol.toPrimitive]: () => { throw new Error('toPrimitive throws'); } }],
    ['a symbol', Symbol('s')],
    ['null', null],
    ['undefined', undefined],
    ['an array', [972418005]],
  ];
  it.each(hostile)('never throws on %s', (_name, value) => {
    const r = parseOrgnr(value as string, value as string);
    expect(r.digits).toBeNull();
  });

  it('reads a number given as a number', () => {
    expect(parseOrgnr(972418005 as unknown as string).digits).toBe('972418005');
  });

  it('never throws on any value (property)', () => {
    fc.assert(fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (v) => void parseOrgnr(v as string, v as string)));
  });
});
