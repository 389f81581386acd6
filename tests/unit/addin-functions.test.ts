import { resolve } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUES, hasMessage } from '../../core/index.ts';
import { FUNCTIONS_METADATA_FILES, localizedFunctionsMetadata } from '../../addin/build/functions-metadata.ts';
import { orgnr, regime, reserved } from '../../addin/functions/functions.ts';
import { REPO_ROOT } from '../support/paths.ts';

/** Excel's runtime classes as Excel defines them: an error carries a code and a message. */
class RuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const g = globalThis as { CustomFunctions?: unknown; Office?: unknown };

function speak(displayLanguage: string): void {
  g.Office = { context: { displayLanguage } };
}

function valueError(fn: () => unknown): RuntimeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RuntimeError);
    return e as RuntimeError;
  }
  throw new Error('expected #VALUE!');
}

beforeEach(() => {
  g.CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: '#VALUE!' } };
  speak('nb-NO');
});
afterEach(() => {
  delete g.CustomFunctions;
  delete g.Office;
});

describe('INKLUDO.REGIME', () => {
  it('classifies Norwegian values at the thresholds (in scope at, not only above)', () => {
    const at = (v: unknown, buyer?: string) => regime(v, 'NO', buyer, 'services', '2026-01-15');
    expect(at(99_999.99)).toBe('NO-EXEMPT');
    expect(at(100_000)).toBe('NO-PART-I');
    expect(at(1_299_999)).toBe('NO-PART-I');
    expect(at(1_300_000)).toBe('NO-PART-II');
    expect(at(2_300_000)).toBe('NO-PART-III');
    expect(at(1_490_000, 'state')).toBe('NO-PART-III');
    expect(at('2,5 MNOK')).toBe('NO-PART-III');
  });

  it('classifies Swedish values: direct award only strictly below the limit', () => {
    expect(regime(699_999, 'SE', 'municipal', 'services', '2025-06-01')).toBe('SE-DIRECT');
    expect(regime(700_000, 'SE', 'municipal', 'services', '2025-06-01')).toBe('SE-BELOW-EU');
    // VAT is taken out at 25 %: 875 000 incl. is exactly 700 000 excl., so at the limit.
    expect(regime('875 000 kr inkl. moms', 'SE', null as unknown as string, undefined, '2025-06-01')).toBe('SE-BELOW-EU');
    expect(regime('874 999 kr inkl. moms', 'SE', undefined, undefined, '2025-06-01')).toBe('SE-DIRECT');
  });

  it('takes the contract kind as an id, a word in nb, sv or en, or a CPV code', () => {
    // NOK 1 500 000 on 2026-01-15: part II for services and goods, part I for works (higher thresholds),
    // part II for health and social services (the same national threshold, a higher EEA one).
    const kind = (k: unknown) => regime(3_000_000, 'NO', 'municipal', k as string, '2026-01-15');
    const table: [unknown, string][] = [
      ['services', kind('tjenester')],
      ['Tjenester', kind('services')],
      ['tjänster', kind('services')],
      ['goods', kind('varer')],
      ['varor', kind('goods')],
      ['Vare', kind('goods')],
      ['works', kind('bygg- og anleggsarbeid')],
      ['byggentreprenad', kind('works')],
      ['45210000-2', kind('works')],
      [45210000, kind('works')],
      ['30190000', kind('goods')],
      ['90910000-9', kind('services')],
      ['85311000', kind('social-services')],
      ['helse- og sosialtjenester', kind('social-services')],
      ['sociala tjänster', kind('social-services')],
    ];
    for (const [input, expected] of table) expect(kind(input), String(input)).toBe(expected);
    // The kinds do give different regimes at this value: the words are not ignored.
    expect(new Set(['goods', 'works', 'social-services'].map(kind)).size).toBeGreaterThan(1);
    speak('sv-SE');
    for (const bad of ['möbler', '4521', '99999999', 'tjenestepensjon']) expect(valueError(() => kind(bad)).message).toMatch(/inte en kontraktstyp/);
  });

  it('takes Excel date serials, and the country from the display language when none is given', () => {
    // 45658 is 2025-01-01 in Excel.
    expect(regime(700_000, 'SE', 'municipal', 'services', 45658)).toBe('SE-BELOW-EU');
    speak('sv-SE');
    expect(regime(700_000, undefined, undefined, undefined, 45658)).toBe('SE-BELOW-EU');
    speak('nb-NO');
    expect(regime(700_000, undefined, undefined, undefined, 45658)).toBe('NO-PART-I');
  });

  it('returns #VALUE! with a message in the user language for bad input', () => {
    expect(valueError(() => regime('kr/mnd 5000', 'NO')).message).toMatch(/^Ikke et beløp: /);
    expect(valueError(() => regime(1000, 'DK')).message).toBe('«DK» er ikke et land: bruk NO eller SE.');
    speak('sv-SE');
    expect(valueError(() => regime(1000, 'SE', 'kommunal')).message).toBe('”kommunal” är inte en typ av myndighet: använd state eller municipal.');
    speak('en-US');
    expect(valueError(() => regime(1000, 'NO', 'state', 'cleaning')).code).toBe('#VALUE!');
    expect(valueError(() => regime(1000, 'NO', 'state', 'goods', '23.11.2026')).message).toBe('"23.11.2026" is not a date: use a date cell or YYYY-MM-DD.');
    expect(valueError(() => regime('', 'NO')).code).toBe('#VALUE!');
    expect(valueError(() => regime(-5, 'NO')).code).toBe('#VALUE!');
  });
});

describe('INKLUDO.ORGNR', () => {
  it('writes valid numbers the standard way', () => {
    expect(orgnr('NO972418005MVA')).toBe('972 418 005');
    expect(orgnr('5560868225')).toBe('556086-8225');
    expect(orgnr(972418005)).toBe('972 418 005');
  });

  it('explains invalid numbers', () => {
    expect(valueError(() => orgnr('972418006')).message).toBe('«972418006» har feil kontrollsiffer: trolig en tastefeil.');
    expect(valueError(() => orgnr('')).message).toBe('Organisasjonsnummer mangler.');
    speak('sv');
    expect(valueError(() => orgnr('19800101-1234')).code).toBe('#VALUE!');
  });
});

describe('INKLUDO.RESERVED', () => {
  it('compares the share with 30 %, in integers so 29.99 % never rounds up', () => {
    expect(reserved(0.3, 'NO')).toBe(true);
    expect(reserved(30, 'SE')).toBe(true);
    expect(reserved('30 %', 'NO')).toBe(true);
    expect(reserved(0.2999, 'NO')).toBe(false);
    expect(reserved('29,99%', 'SE')).toBe(false);
    expect(reserved(100, 'NO')).toBe(true);
  });

  it('rejects what is not a share', () => {
    expect(valueError(() => reserved(130, 'NO')).message).toBe('«130» er ikke en andel: bruk en prosent mellom 0 % og 100 %.');
    expect(valueError(() => reserved('mange', 'NO')).code).toBe('#VALUE!');
    expect(valueError(() => reserved(-1, 'NO')).code).toBe('#VALUE!');
    expect(valueError(() => reserved(0.5, 'FI')).code).toBe('#VALUE!');
  });
});

describe('functions metadata', () => {
  it('has a description and an argument name for every function and parameter in every language, function names unchanged', async () => {
    const generated = await generateCustomFunctionsMetadata(resolve(REPO_ROOT, 'addin/functions/functions.ts'));
    expect(generated.errors).toEqual([]);
    const en = JSON.parse(generated.metadataJson) as { functions: { id: string; name: string; parameters: { name: string }[] }[] };
    expect(en.functions.map((f) => f.id)).toEqual(['REGIME', 'ORGNR', 'RESERVED']);
    for (const [lang] of FUNCTIONS_METADATA_FILES) {
      const localized = JSON.parse(localizedFunctionsMetadata(generated.metadataJson, lang)) as { functions: { id: string; name: string; description: string; parameters: { name: string; description: string }[] }[] };
      expect(localized.functions.map((f) => [f.id, f.name])).toEqual(en.functions.map((f) => [f.id, f.name]));
      for (const [i, f] of localized.functions.entries()) {
        expect(hasMessage(`addin.fn.${f.id}.description`), f.id).toBe(true);
        expect(f.description).toBe(CATALOGUES[lang][`addin.fn.${f.id}.description`]);
        // Arguments keep their order; each gets its name and description in the language.
        const source = en.functions[i]!.parameters.map((p) => p.name);
        expect(f.parameters).toEqual(source.map((name) => ({ ...en.functions[i]!.parameters.find((p) => p.name === name), name: CATALOGUES[lang][`addin.fn.${f.id}.${name}.name`], description: CATALOGUES[lang][`addin.fn.${f.id}.${name}`] })));
      }
    }
    const nb = JSON.parse(localizedFunctionsMetadata(generated.metadataJson, 'nb')) as { functions: { parameters: { name: string }[] }[] };
    const sv = JSON.parse(localizedFunctionsMetadata(generated.metadataJson, 'sv')) as { functions: { parameters: { name: string }[] }[] };
    expect(nb.functions[0]?.parameters.map((p) => p.name)).toEqual(['verdi', 'land', 'oppdragsgiver', 'kontraktstype', 'dato']);
    expect(sv.functions[0]?.parameters.map((p) => p.name)).toEqual(['värde', 'land', 'myndighet', 'kontraktstyp', 'datum']);
  });
});
