import { defineMessages } from '../catalogue.ts';

/**
 * Issue 11 (hostile input and personal data): how a personal identity number is spoken of without
 * being shown, and the CLI's own messages for bad options and capped lists.
 */
export const privacyMessages = defineMessages({
  en: {
    'privacy.personal-number': 'a personal identity number (not shown)',
    'orgnr.problem.personal-number':
      'This is a personal identity number (not shown), not an organisation number. A sole trader’s organisation number is the owner’s personal identity number: Inkludo does not keep it, so the supplier is checked without it.',
    'registry.issue.orgnr-personal':
      'The organisation number is a personal identity number (not shown). A sole trader’s organisation number is the owner’s personal identity number: Inkludo does not keep it, so this supplier is left out of the registry. The rest of the line was checked.',
    'registry.issue.personal-number-removed': 'A personal identity number on this line was removed (not shown): Inkludo does not keep personal identity numbers.',
    'registry.issue.share-read-as-fraction':
      'The share {value} was read as {percent} %: the column header does not say %, and Excel stores 30 % as 0.3. If you meant {value} %, add % to the header or the value.',
    'cli.option.unknown': 'Unknown option {option}. Run inkludo {command} --help for the options. A value that starts with a dash goes after --, e.g. -- -5.',
    'cli.option.missing-value': 'The option {option} needs a value.',
    'cli.option.takes-no-value': 'The option {option} takes no value.',
    'cli.option.unexpected': 'Unexpected argument {argument}.',
    'cli.option.invalid': 'The command line could not be read. Run inkludo {command} --help.',
    'cli.internal-error.debug': 'Set INKLUDO_DEBUG=1 to see the technical details.',
    'notice.error.encoding-unsupported': 'The notice declares the encoding "{encoding}", which cannot be read. Save it as UTF-8.',
    'addin.registry.storage-full': 'The browser’s storage for the add-in is full, so this registry was not imported. The previous registry is unchanged.',
    'notice.fitting-capped': '{count} suppliers in the registry fit this lot; the first {shown} are listed.',
  },
  nb: {
    'privacy.personal-number': 'et personnummer (vises ikke)',
    'orgnr.problem.personal-number':
      'Dette er et personnummer (vises ikke), ikke et organisasjonsnummer. Organisasjonsnummeret til et enkeltpersonforetak kan være innehaverens personnummer: Inkludo tar ikke vare på det, så leverandøren kontrolleres uten det.',
    'registry.issue.orgnr-personal':
      'Organisasjonsnummeret er et personnummer (vises ikke). Organisasjonsnummeret til et enkeltpersonforetak kan være innehaverens personnummer: Inkludo tar ikke vare på det, så denne leverandøren er utelatt fra registeret. Resten av linjen er kontrollert.',
    'registry.issue.personal-number-removed': 'Et personnummer på denne linjen er fjernet (vises ikke): Inkludo tar ikke vare på personnumre.',
    'registry.issue.share-read-as-fraction':
      'Andelen {value} ble lest som {percent} %: kolonneoverskriften sier ikke %, og Excel lagrer 30 % som 0,3. Mente du {value} %, skriv % i overskriften eller verdien.',
    'cli.option.unknown': 'Ukjent valg {option}. Kjør inkludo {command} --help for å se valgene. En verdi som begynner med bindestrek skrives etter --, f.eks. -- -5.',
    'cli.option.missing-value': 'Valget {option} trenger en verdi.',
    'cli.option.takes-no-value': 'Valget {option} tar ingen verdi.',
    'cli.option.unexpected': 'Uventet argument {argument}.',
    'cli.option.invalid': 'Kommandolinjen kunne ikke leses. Kjør inkludo {command} --help.',
    'cli.internal-error.debug': 'Sett INKLUDO_DEBUG=1 for å se de tekniske detaljene.',
    'notice.error.encoding-unsupported': 'Kunngjøringen oppgir tegnkodingen «{encoding}», som ikke kan leses. Lagre den som UTF-8.',
    'addin.registry.storage-full': 'Nettleserlagringen for tillegget er full, så dette registeret ble ikke importert. Det forrige registeret er uendret.',
    'notice.fitting-capped': '{count} leverandører i registeret passer til denne delkontrakten; de {shown} første er listet.',
  },
  sv: {
    'privacy.personal-number': 'ett personnummer (visas inte)',
    'orgnr.problem.personal-number':
      'Detta är ett personnummer (visas inte), inte ett organisationsnummer. En enskild firmas organisationsnummer är ägarens personnummer: Inkludo sparar det inte, så leverantören kontrolleras utan det.',
    'registry.issue.orgnr-personal':
      'Organisationsnumret är ett personnummer (visas inte). En enskild firmas organisationsnummer är ägarens personnummer: Inkludo sparar det inte, så den här leverantören lämnas utanför registret. Resten av raden har kontrollerats.',
    'registry.issue.personal-number-removed': 'Ett personnummer på den här raden har tagits bort (visas inte): Inkludo sparar inte personnummer.',
    'registry.issue.share-read-as-fraction':
      'Andelen {value} lästes som {percent} %: kolumnrubriken anger inte %, och Excel sparar 30 % som 0,3. Menade du {value} %, skriv % i rubriken eller värdet.',
    'cli.option.unknown': 'Okänt alternativ {option}. Kör inkludo {command} --help för alternativen. Ett värde som börjar med bindestreck skrivs efter --, t.ex. -- -5.',
    'cli.option.missing-value': 'Alternativet {option} behöver ett värde.',
    'cli.option.takes-no-value': 'Alternativet {option} tar inget värde.',
    'cli.option.unexpected': 'Oväntat argument {argument}.',
    'cli.option.invalid': 'Kommandoraden kunde inte läsas. Kör inkludo {command} --help.',
    'cli.internal-error.debug': 'Sätt INKLUDO_DEBUG=1 för att se de tekniska detaljerna.',
    'notice.error.encoding-unsupported': 'Annonsen anger teckenkodningen ”{encoding}”, som inte kan läsas. Spara den som UTF-8.',
    'addin.registry.storage-full': 'Webbläsarens lagring för tillägget är full, så det här registret importerades inte. Det tidigare registret är oförändrat.',
    'notice.fitting-capped': '{count} leverantörer i registret passar för den här delen; de {shown} första visas.',
  },
});
