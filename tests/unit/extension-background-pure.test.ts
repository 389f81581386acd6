import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeText } from '../../extension/background/badge-text.ts';
import { brregEntityFrom, deletedEntity, employeeRange } from '../../extension/background/brreg-entity.ts';
import { tedXmlUrl } from '../../extension/background/ted-url.ts';
import { brregEntitySchema } from '../../extension/shared/messages.ts';
import { ENHET } from '../fixtures/brreg/enhet.ts';


describe('Enhetsregisteret answers', () => {
  it('reads status, legal form, industry and an employee range', () => {
    expect(brregEntityFrom(ENHET, '2026-11-23')).toEqual({
      orgnr: '974760673',
      name: 'REGISTERENHETEN I BRØNNØYSUND',
      status: 'active',
      legalForm: { code: 'ORGL', text: 'Organisasjonsledd' },
      industry: { code: '84.110', text: 'Generell offentlig administrasjon' },
      employees: { min: 250, max: null },
      retrieved: '2026-11-23',
    });
  });

  it.each([
    [{ konkurs: true }, 'bankrupt'],
    [{ underKonkursbehandling: true }, 'bankrupt'],
    [{ underAvvikling: true }, 'under-liquidation'],
    [{ underTvangsavviklingEllerTvangsopplosning: true }, 'under-liquidation'],
    [{ slettedato: '2024-01-31', konkurs: true }, 'deleted'],
  ])('status of %o is %s', (flags, status) => {
    expect(brregEntityFrom({ ...ENHET, ...flags }, '2026-11-23')?.status).toBe(status);
  });

  it('shows no employee figure when none is registered', () => {
    expect(brregEntityFrom({ ...ENHET, antallAnsatte: 0, harRegistrertAntallAnsatte: false }, '2026-11-23')?.employees).toBeNull();
    const { antallAnsatte: _, ...withoutCount } = ENHET;
    expect(brregEntityFrom(withoutCount, '2026-11-23')?.employees).toBeNull();
  });

  it.each([
    [0, { min: 0, max: 0 }],
    [1, { min: 1, max: 4 }],
    [4, { min: 1, max: 4 }],
    [5, { min: 5, max: 9 }],
    [19, { min: 10, max: 19 }],
    [20, { min: 20, max: 49 }],
    [249, { min: 100, max: 249 }],
    [250, { min: 250, max: null }],
  ])('%i employees fall in %o', (count, range) => {
    expect(employeeRange(count)).toEqual(range);
  });

  it('puts every count in exactly the bracket that contains it', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (count) => {
        const { min, max } = employeeRange(count);
        expect(count).toBeGreaterThanOrEqual(min);
        if (max !== null) expect(count).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('gives null for anything that is not a unit, and never throws', () => {
    expect(brregEntityFrom({ feilmelding: 'Ugyldig organisasjonsnummer' }, '2026-11-23')).toBeNull();
    expect(brregEntityFrom({ ...ENHET, organisasjonsnummer: '97476067' }, '2026-11-23')).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (json) => {
        const entity = brregEntityFrom(json, '2026-11-23');
        if (entity !== null) expect(brregEntitySchema.safeParse(entity).success).toBe(true);
      }),
    );
  });

  it('marks a 410 answer deleted, keeping the name when given', () => {
    expect(deletedEntity('974760673', { organisasjonsnummer: '974760673', slettedato: '2020-01-01' }, '2026-11-23')).toMatchObject({ status: 'deleted', name: '' });
    expect(deletedEntity('974760673', { navn: 'GAMMEL AS' }, '2026-11-23').name).toBe('GAMMEL AS');
    expect(brregEntitySchema.safeParse(deletedEntity('974760673', null, '2026-11-23')).success).toBe(true);
  });
});

describe('badge text', () => {
  it('counts reservations and registry suppliers, not plain mentions', () => {
    expect(badgeText({ reserved: 0, suppliers: 7, registryMatches: 0 })).toBe('');
    expect(badgeText({ reserved: 1, suppliers: 7, registryMatches: 2 })).toBe('3');
    expect(badgeText({ reserved: 0, suppliers: 0, registryMatches: 99 })).toBe('99');
    expect(badgeText({ reserved: 60, suppliers: 0, registryMatches: 40 })).toBe('99+');
  });
});

describe('TED notice XML address', () => {
  it('drops leading zeros, as TED writes its URLs', () => {
    expect(tedXmlUrl('00262891-2023')).toBe('https://ted.europa.eu/en/notice/262891-2023/xml');
    expect(tedXmlUrl('412169-2016')).toBe('https://ted.europa.eu/en/notice/412169-2016/xml');
  });
});
