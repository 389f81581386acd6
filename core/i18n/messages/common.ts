import { defineMessages } from '../catalogue.ts';

/** Messages shared by every front end: input errors, labels, the equal-treatment note. */
export const commonMessages = defineMessages({
  en: {
    'error.bad-input': 'Bad input: {detail}',
    'error.file-not-found': 'File not found: {path}',
    'error.file-unreadable': 'Could not read {path}: {detail}',
    'error.unknown-option': 'Unknown option: {option}',
    'error.missing-argument': 'Missing argument: {name}',
    'error.bad-date': '"{value}" is not a date. Write it as YYYY-MM-DD.',
    'error.bad-choice': '"{value}" is not allowed for {name}. Choose one of: {choices}.',
    'note.equal-treatment': 'Indicator, not proof. Registry information supports market analysis and reserved procurements only: in a procurement that is not reserved, it must not influence the evaluation (equal treatment).',
    'label.demo-data': 'DEMO DATA: fictitious organisations',
  },
  nb: {
    'error.bad-input': 'Ugyldige inndata: {detail}',
    'error.file-not-found': 'Finner ikke filen: {path}',
    'error.file-unreadable': 'Kunne ikke lese {path}: {detail}',
    'error.unknown-option': 'Ukjent valg: {option}',
    'error.missing-argument': 'Mangler argument: {name}',
    'error.bad-date': '«{value}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD.',
    'error.bad-choice': '«{value}» er ikke tillatt for {name}. Velg en av: {choices}.',
    'note.equal-treatment': 'En indikasjon, ikke et bevis. Registeropplysningene er til markedsanalyse og reserverte anskaffelser: i en konkurranse som ikke er reservert, skal de ikke påvirke evalueringen (likebehandling).',
    'label.demo-data': 'DEMODATA: oppdiktede virksomheter',
  },
  sv: {
    'error.bad-input': 'Felaktiga indata: {detail}',
    'error.file-not-found': 'Filen finns inte: {path}',
    'error.file-unreadable': 'Kunde inte läsa {path}: {detail}',
    'error.unknown-option': 'Okänt alternativ: {option}',
    'error.missing-argument': 'Argument saknas: {name}',
    'error.bad-date': '”{value}” är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD.',
    'error.bad-choice': '”{value}” är inte tillåtet för {name}. Välj ett av: {choices}.',
    'note.equal-treatment': 'En indikation, inte ett bevis. Registeruppgifterna är till för marknadsanalys och reserverade upphandlingar: i en upphandling som inte är reserverad får de inte påverka utvärderingen (likabehandling).',
    'label.demo-data': 'DEMODATA: påhittade organisationer',
  },
});
