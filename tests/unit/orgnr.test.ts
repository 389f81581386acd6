import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOrgnrs, formatOrgnr, isValidNorwegianOrgnr, isValidSwedishOrgnr, parseOrgnr } from '../../core/index.ts';
import { EFORMS_FIXTURES } from '../support/paths.ts';

interface ExpectedOrg {
  'BT-501': string | null;
  country: string;
  national_checksum_ok: boolean | null;
}
const expected = JSON.parse(readFileSync(resolve(EFORMS_FIXTURES, 'expected.json'), 'utf8')) as { organizations: ExpectedOrg[] }[];

describe('organisation numbers in the wild', () => {
  it.each([
    ['972 418 005', 'NO', '972418005'],
    ['NO943184097MVA', 'NO', '943184097'],
    ['NO 943 184 097 MVA', 'NO', '943184097'],
    ['Org.nr. 978693024', 'NO', '978693024'],
    ['Org.nr.972418013', 'NO', '972418013'],
    [' 826 723 122', 'NO', '826723122'],
    ['556086-8225', 'SE', '5560868225'],
    ['SE556086822501', 'SE', '5560868225'],
    ['16556086-8225', 'SE', '5560868225'],
    ['9\u200B72\u00A0418\u202F013', 'NO', '972418013'],
    ['\uFEFF202100-5489', 'SE', '2021005489'],
    ['043871668', 'NO', '043871668'],
  ])('%s → %s %s', (raw, jurisdiction, digits) => {
    const r = parseOrgnr(raw);
    expect(r.digits).toBe(digits);
    if (digits) expect(r.jurisdiction).toBe(jurisdiction);
  });

  it('says what is wrong', () => {
    expect(parseOrgnr('').problem).toBe('empty');
    expect(parseOrgnr('ABE').problem).toBe('not-numeric');
    expect(parseOrgnr('12345').problem).toBe('length');
    expect(parseOrgnr('988077918').problem).toBe('checksum');
    expect(parseOrgnr('999000001').problem).toBe('checksum');
    // A personal identity number (third digit below 2) is never taken for an organisation.
    expect(parseOrgnr('811218-9876').problem).toBe('personal-number');
    expect(parseOrgnr('19811218-9876').problem).toBe('personal-number');
  });

  it('MOD11 rejects numbers whose remainder is 1 and accepts remainder 0 (check digit 0)', () => {
    expect(isValidNorwegianOrgnr('988077917')).toBe(true);
    expect(isValidNorwegianOrgnr('974761157')).toBe(true);
    for (let i = 0; i < 1000; i++) {
      const base = String(10_000_000 + i * 7919).padStart(8, '0');
      const weights = [3, 2, 7, 6, 5, 4, 3, 2];
      const r = [...base].reduce((s, d, k) => s + Number(d) * weights[k]!, 0) % 11;
      const valid = [...'0123456789'].filter((c) => isValidNorwegianOrgnr(base + c));
      expect(valid).toEqual(r === 1 ? [] : [String(r === 0 ? 0 : 11 - r)]);
    }
  });

  it('every id in the eForms fixtures agrees with the oracle', () => {
    let checked = 0;
    for (const notice of expected) {
      for (const org of notice.organizations) {
        if (org['BT-501'] === null || org.national_checksum_ok === null) continue;
        const r = parseOrgnr(org['BT-501'], org.country);
        expect(r.digits !== null, org['BT-501']).toBe(org.national_checksum_ok);
        checked++;
      }
    }
    expect(checked).toBe(23);
  });

  it('finds valid numbers in running text, not inside longer digit runs', () => {
    const text = 'Leverandør: Avarn Security AS (NO943184097MVA), tlf 22 33 44 55, faktura 9724180130, og 556086-8225.';
    expect(findOrgnrs(text).map((m) => m.orgnr.digits)).toEqual(['943184097', '5560868225']);
  });

  it('never throws, and formatting round-trips (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseOrgnr(s)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void findOrgnrs(s)));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (base) => {
        for (const c of '0123456789') {
          const d = base + c;
          if (isValidNorwegianOrgnr(d)) expect(parseOrgnr(formatOrgnr(d, 'NO')).digits).toBe(d);
        }
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{8}$/), (base) => {
        const d = [...'0123456789'].map((c) => base.slice(0, 2) + base.slice(2) + c).find((x) => isValidSwedishOrgnr(x.slice(0, 10)));
        if (d) expect(parseOrgnr(formatOrgnr(d.slice(0, 10), 'SE')).digits).toBe(d.slice(0, 10));
      }),
    );
  });
});
