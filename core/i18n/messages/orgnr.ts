import { defineMessages } from '../catalogue.ts';

export const orgnrMessages = defineMessages({
  en: {
    'orgnr.valid': '{orgnr} is a valid {country} organisation number.',
    'orgnr.problem.empty': 'No organisation number given.',
    'orgnr.problem.not-numeric': '"{raw}" is not an organisation number: it contains letters or symbols.',
    'orgnr.problem.length': '"{raw}" has the wrong number of digits (Norway 9, Sweden 10).',
    'orgnr.problem.checksum': '"{raw}" fails the check digit: probably a typing error.',
    'orgnr.country.NO': 'Norwegian',
    'orgnr.country.SE': 'Swedish',
  },
  nb: {
    'orgnr.valid': '{orgnr} er et gyldig {country} organisasjonsnummer.',
    'orgnr.problem.empty': 'Organisasjonsnummer mangler.',
    'orgnr.problem.not-numeric': '«{raw}» er ikke et organisasjonsnummer: det inneholder bokstaver eller tegn.',
    'orgnr.problem.length': '«{raw}» har feil antall siffer (Norge 9, Sverige 10).',
    'orgnr.problem.checksum': '«{raw}» har feil kontrollsiffer: trolig en tastefeil.',
    'orgnr.country.NO': 'norsk',
    'orgnr.country.SE': 'svensk',
  },
  sv: {
    'orgnr.valid': '{orgnr} är ett giltigt {country} organisationsnummer.',
    'orgnr.problem.empty': 'Organisationsnummer saknas.',
    'orgnr.problem.not-numeric': '”{raw}” är inte ett organisationsnummer: det innehåller bokstäver eller tecken.',
    'orgnr.problem.length': '”{raw}” har fel antal siffror (Norge 9, Sverige 10).',
    'orgnr.problem.checksum': '”{raw}” har fel kontrollsiffra: troligen ett skrivfel.',
    'orgnr.country.NO': 'norskt',
    'orgnr.country.SE': 'svenskt',
  },
});
