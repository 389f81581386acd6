import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

type Classified = {
  jurisdiction: string;
  contractKind: string;
  regime: string;
  origins: { field: string; origin: string; evidence?: string }[];
  cpv: { kind: string; ruleId: string; evidence: { matched: string }; possible: { kind: string } | null } | null;
  vat: { rates: { rate: number }[]; certain: boolean; reason: string } | null;
  dependsOn?: { on: string; outcomes: { rate: number; regime: string; valueExclVat: { amount: number } }[] };
  valueExclVat: { amount: number } | null;
};
const classify = async (...argv: string[]) => JSON.parse((await cli('classify', ...argv, '--json')).out) as Classified;

describe('inkludo classify: the jurisdiction is never assumed', () => {
  it.each([
    ['2,5 MNOK', 'NO', 'NOK'],
    ['750 000 SEK', 'SE', 'SEK'],
    ['250 tkr', 'SE', 'SEK'],
  ])('%s → %s, from its currency, and says so', async (value, jurisdiction, currency) => {
    const r = await classify(value, '--date', '2026-01-15');
    expect(r.jurisdiction).toBe(jurisdiction);
    expect(r.origins).toContainEqual({ field: 'jurisdiction', origin: 'value', evidence: currency });
    const text = await cli('classify', value, '--date', '2026-01-15', '--lang', 'en');
    expect(text.out).toContain(`Jurisdiction ${jurisdiction}: from the currency ${currency} in "${value}".`);
  });

  it.each([
    ['250 000 kr', 'en', 'Add --jurisdiction NO or --jurisdiction SE.'],
    ['750000', 'nb', 'Legg til --jurisdiction NO eller --jurisdiction SE.'],
    ['200 000 EUR', 'sv', 'Lägg till --jurisdiction NO eller --jurisdiction SE.'],
  ])('%s without --jurisdiction: exit 2 asking for it (%s)', async (value, lang, message) => {
    const r = await cli('classify', value, '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('an option says where it came from', async () => {
    expect((await classify('750000', '-j', 'SE', '--date', '2026-01-15')).origins).toEqual([
      { field: 'jurisdiction', origin: 'option' },
      { field: 'buyer', origin: 'default' },
      { field: 'contractKind', origin: 'default' },
      { field: 'vatIncluded', origin: 'default' },
    ]);
  });
});

describe('inkludo classify --cpv', () => {
  it.each([
    ['NO', '12 MNOK', '45214200-2', 'works', 'NO-PART-II'],
    ['NO', '2,5 MNOK', '55510000-8', 'social-services', 'NO-PART-I'],
    ['NO', '2,5 MNOK', '90910000-9', 'services', 'NO-PART-III'],
    ['NO', '2 MNOK', '85311000-2', 'social-services', 'NO-PART-I'],
    ['NO', '2 MNOK', '30200000-1', 'goods', 'NO-PART-II'],
    ['NO', '2 MNOK', '72000000-5', 'services', 'NO-PART-II'],
    ['SE', '2 000 000 SEK', '55520000-1', 'social-services', 'SE-DIRECT'],
    ['SE', '2 000 000 SEK', '90910000-9', 'services', 'SE-BELOW-EU'],
    ['SE', '2 000 000 SEK', '85311000-2', 'social-services', 'SE-DIRECT'],
  ])('%s %s CPV %s → %s, %s', async (j, value, cpv, kind, regime) => {
    const r = await classify(value, '-j', j, '--cpv', cpv, '--date', '2025-06-01');
    expect(r).toMatchObject({ contractKind: kind, regime });
    expect(r.origins).toContainEqual(expect.objectContaining({ field: 'contractKind', origin: 'cpv' }));
  });

  it('shows the evidence, and an unverified list entry as a possibility only', async () => {
    const r = await cli('classify', '2 MNOK', '-j', 'NO', '--cpv', '79713000-5', '--date', '2025-06-01', '--lang', 'en');
    expect(r.out).toContain('Contract kind: services, from CPV 79713000 (division 79; rule NO-CPV-SERVICES, verified).');
    expect(r.out).toContain('INFO CPV-KIND-POSSIBLE: CPV 79713000 may be "social and other specific services" (FOA ch. 30 / Annex XIV 79700000-79721000, rule NO-A14-79700000-79721000, unverified): that list entry is not confirmed, so it is not applied.');
    const social = await cli('classify', '2 MNOK', '-j', 'NO', '--cpv', '85311000-2', '--date', '2025-06-01', '--lang', 'nb');
    expect(social.out).toContain('Kontraktstype: helse- og sosialtjenester og andre særlige tjenester, ut fra CPV 85311000 (FOA ch. 30 / Annex XIV 85000000-85323000; regel NO-A14-85000000-85323000, bekreftet).');
  });

  it('--kind wins over the CPV code, and the disagreement is a finding', async () => {
    const r = await cli('classify', '2 MNOK', '-j', 'NO', '--cpv', '45214200', '--kind', 'services', '--date', '2025-06-01', '--lang', 'en');
    expect(r.out).toContain('WARNING CPV-KIND-CONFLICT: The contract kind "services" disagrees with CPV 45214200, which gives "works" (division 45). The given kind is used');
    expect((await classify('2 MNOK', '-j', 'NO', '--cpv', '45214200', '--kind', 'services', '--date', '2025-06-01')).contractKind).toBe('services');
  });

  it('refuses a code that is not a CPV code', async () => {
    const r = await cli('classify', '2 MNOK', '-j', 'NO', '--cpv', '4521', '--lang', 'en');
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain('--cpv "4521" is not a CPV code');
  });
});

describe('inkludo classify: VAT', () => {
  it('"eks. mva" with --vat-included is a conflict, not resolved silently', async () => {
    for (const [lang, message] of [
      ['en', 'says it is excl. VAT, but --vat-included says it includes VAT'],
      ['nb', 'sier at den er ekskl. mva., men --vat-included sier at den er inkl. mva.'],
      ['sv', 'säger att det är exklusive moms, men --vat-included säger att det är inklusive moms'],
    ]) {
      const r = await cli('classify', '120 000 eks. mva', '-j', 'NO', '--vat-included', '--lang', lang!);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    }
  });

  it('food catering incl. VAT in Norway: 25 % from the CPV category, one regime', async () => {
    const r = await classify('1 700 000 kr inkl. mva', '-j', 'NO', '--cpv', '55520000-1', '--date', '2025-06-01');
    expect(r).toMatchObject({ regime: 'NO-PART-I', valueExclVat: { amount: 1_360_000 }, vat: { certain: true, rates: [{ rate: 25 }] } });
  });

  it('food goods incl. VAT in Sweden during the temporary rate: depends on the VAT rate', async () => {
    const r = await classify('745 000 kr inkl. moms', '-j', 'SE', '--cpv', '15800000-6', '--date', '2026-06-01');
    expect(r.regime).toBe('UNKNOWN');
    expect(r.dependsOn?.outcomes.map((o) => [o.rate, o.regime])).toEqual([
      [12, 'SE-DIRECT'],
      [6, 'SE-BELOW-EU'],
    ]);
    const text = await cli('classify', '745 000 kr inkl. moms', '-j', 'SE', '--cpv', '15800000-6', '--date', '2026-06-01', '--lang', 'sv');
    expect(text.out).toMatch(/Regelverket beror på momssatsen:\n {2}med 12 % \(livsmedel\): SE-DIRECT .*\n {2}med 6 % \(livsmedel\): SE-BELOW-EU/);
  });

  it('incl. VAT without a CPV code: every rate is a candidate', async () => {
    const r = await classify('1 500 000 kr inkl. mva', '-j', 'NO', '--date', '2025-06-01');
    expect(r.vat).toMatchObject({ certain: false, reason: 'no-cpv' });
    expect(r.regime).toBe('UNKNOWN');
    expect(r.dependsOn?.outcomes.map((o) => o.regime)).toEqual(['NO-PART-I', 'NO-PART-II', 'NO-PART-II']);
  });
});
