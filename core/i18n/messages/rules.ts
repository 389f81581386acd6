import { defineMessages } from '../catalogue.ts';

export const rulesMessages = defineMessages({
  en: { 'regime.UNKNOWN': 'Regime unknown' },
  nb: { 'regime.UNKNOWN': 'Ukjent regelverk' },
  sv: { 'regime.UNKNOWN': 'Okänt regelverk' },
});
