/**
 * findOrgnrs reads nine digits in threes ("972 418 005") and ten digits with or without a hyphen
 * ("556086-8225") without parseOrgnr's general reading; what it finds must be exactly what parseOrgnr
 * makes of the same text, valid checksum or not, personal identity number or not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findOrgnrs, findPersonalNumbers, parseOrgnr } from '../../core/index.ts';

const three = fc.stringMatching(/^\d{3}$/);
const sep = fc.constantFrom('', ' ', '\u00A0', '\u202F');

describe('findOrgnrs on nine digits in threes and ten digits', () => {
  it('finds what parseOrgnr reads, in any surrounding text', () => {
    fc.assert(
      fc.property(three, sep, three, sep, three, fc.constantFrom('', 'Org.nr. ', 'x ', '('), fc.constantFrom('', '.', ')', ' og'), (a, s1, b, s2, c, before, after) => {
        const written = `${a}${s1}${b}${s2}${c}`;
        const parsed = parseOrgnr(written);
        const found = findOrgnrs(`${before}${written}${after}`).find((m) => m.index === before.length && m.length === written.length);
        if (parsed.digits === null) expect(found).toBeUndefined();
        else expect(found?.orgnr).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds what parseOrgnr reads in ten digits, hyphen or not, personal identity numbers included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^\d{6}$/), fc.constantFrom('850101', '121212', '556086', '702000', '010170', '851301')),
        fc.constantFrom('', '-'),
        fc.stringMatching(/^\d{4}$/),
        fc.constantFrom('', 'Org.nr. ', 'x ', '('),
        fc.constantFrom('', '.', ')', ' og'),
        (six, hyphen, four, before, after) => {
          const written = `${six}${hyphen}${four}`;
          const parsed = parseOrgnr(written);
          const found = findOrgnrs(`${before}${written}${after}`).find((m) => m.index === before.length && m.length === written.length);
          if (parsed.digits === null) expect(found).toBeUndefined();
          else expect(found?.orgnr).toEqual(parsed);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['972 418 005', '972418005'],
    ['972\u00A0418\u00A0005', '972418005'],
    ['972418005', '972418005'],
  ])('%j is 972418005 with its text as written', (text, digits) => {
    expect(findOrgnrs(text)).toEqual([{ index: 0, length: text.length, orgnr: { raw: text, jurisdiction: 'NO', digits, problem: null } }]);
  });

  it('a bad checksum is not found', () => {
    expect(findOrgnrs('972 418 006')).toEqual([]);
  });
});

describe('findOrgnrs in text dense with numbers', () => {
  // The candidate shapes searched for through the whole text, as findOrgnrs searched before it tried
  // them only just before each run of three digits; each kept as parseOrgnr reads it, none inside a
  // personal identity number.
  const SP = '[ \\u00A0\\u202F]?';
  const shapes = new RegExp(
    [`(?:NO${SP})?\\d{3}${SP}\\d{3}${SP}\\d{3}(?:${SP}MVA)?`, `(?:SE)?\\d{6}-?\\d{4}(?:01)?`].map((p) => `(?<![\\d\\p{L}])${p}(?![\\d\\p{L}])`).join('|'),
    'gu',
  );
  function reference(text: string) {
    const personal = findPersonalNumbers(text);
    return [...text.matchAll(shapes)].flatMap((m) => {
      if (personal.some((p) => m.index < p.index + p.length && p.index < m.index + m[0].length)) return [];
      const orgnr = parseOrgnr(m[0]);
      return orgnr.digits === null ? [] : [{ index: m.index, length: m[0].length, orgnr }];
    });
  }

  it('finds what a search for the shapes through the whole text finds (property)', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^\d{1,10}$/),
      fc.constantFrom('972418013', '972 418 013', '943184097', '5560868225', '556086-8225', '850101-1230', 'NO', 'NO ', 'MVA', ' MVA', 'SE', '01', ' ', '\u00A0', '-', 'x', 'ø', '\u0000', 'Org.nr. '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(findOrgnrs(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
