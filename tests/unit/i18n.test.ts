import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUES, FINDING_CODES, LANGS, REGIME_CODES, langFromLocale, translate } from '../../core/index.ts';

describe('message catalogues', () => {
  it('every key exists in nb, sv and en, with the same placeholders', () => {
    for (const area of AREAS) {
      const keys = Object.keys(area.en).sort();
      for (const lang of LANGS) {
        expect(Object.keys(area[lang]).sort(), `${lang} keys`).toEqual(keys);
        for (const key of keys) {
          const text = (area[lang] as Record<string, string>)[key] ?? '';
          expect(text.trim(), `${lang} ${key}`).not.toBe('');
          const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders((area.en as Record<string, string>)[key] ?? ''));
        }
      }
    }
  });

  it('no key is defined by two areas', () => {
    const seen = new Map<string, number>();
    for (const area of AREAS) for (const key of Object.keys(area.en)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('every regime and finding code has a message', () => {
    for (const code of REGIME_CODES) for (const lang of LANGS) expect(CATALOGUES[lang][`regime.${code}`]).toBeTruthy();
    for (const code of FINDING_CODES) for (const lang of LANGS) expect(CATALOGUES[lang][`finding.${code}`]).toBeTruthy();
    for (const code of FINDING_CODES) for (const lang of LANGS) expect(CATALOGUES[lang][`label.finding.${code}`]).toBeTruthy();
  });

  it('fills placeholders and formats numbers per language', () => {
    expect(translate('nb', 'finding.DIRECT-AWARD-DOCUMENT', { limit: 100000, currency: 'SEK' })).toBe('Direktupphandling over 100\u00a0000 SEK: tildelingen skal dokumenteres.');
    expect(translate('en', 'finding.DIRECT-AWARD-DOCUMENT', { limit: 100000, currency: 'SEK' })).toBe('Direct award over 100,000 SEK: the award must be documented.');
  });

  it('maps Office and browser locales to a catalogue', () => {
    expect(['nb-NO', 'nn-NO', 'no', 'sv-SE', 'sv-FI', 'en-US', 'de-DE', '', undefined].map(langFromLocale)).toEqual(['nb', 'nb', 'nb', 'sv', 'sv', 'en', 'en', 'en', 'en']);
  });
});
