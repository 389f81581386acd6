/**
 * Amounts for display, written the way each language writes them and readable again by parseAmount:
 * nb `1 234 567,50 kr`, `EUR 1 234 567,50`; sv `1 234 567,50 kr`, `NOK 1 234 567,50`;
 * en `NOK 1,234,567.50`. A language's own krone is written `kr` after the number; any other currency
 * as its code before it; no currency, the number alone. Digits are grouped and attached with a
 * no-break space (U+00A0) so an amount never breaks across lines.
 * Built by hand rather than with Intl.NumberFormat, whose separators differ between ICU versions.
 */
import type { Lang } from '../i18n/catalogue.ts';
import { MINOR_PER_MAJOR, type Money } from './money.ts';

const NBSP = '\u00A0';

interface NumberStyle {
  readonly group: string;
  readonly decimal: string;
  readonly minus: string;
  /** The currency written as `kr` after the number. */
  readonly ownKrone: string | null;
}

const STYLES: Readonly<Record<Lang, NumberStyle>> = {
  nb: { group: NBSP, decimal: ',', minus: '\u2212', ownKrone: 'NOK' },
  sv: { group: NBSP, decimal: ',', minus: '\u2212', ownKrone: 'SEK' },
  en: { group: ',', decimal: '.', minus: '-', ownKrone: null },
};

export interface FormatAmountOptions {
  /** `always` (default) shows øre even when zero; `auto` drops `,00` for whole amounts. */
  readonly decimals?: 'always' | 'auto';
}

export function formatAmount(value: Money, lang: Lang, options: FormatAmountOptions = {}): string {
  const style = STYLES[lang];
  const negative = value.minor < 0n;
  const minor = negative ? -value.minor : value.minor;
  const whole = (minor / MINOR_PER_MAJOR).toString().replace(/\B(?=(\d{3})+$)/g, style.group);
  const cents = (minor % MINOR_PER_MAJOR).toString().padStart(2, '0');
  const showCents = options.decimals !== 'auto' || cents !== '00';
  const number = `${negative ? style.minus : ''}${whole}${showCents ? style.decimal + cents : ''}`;
  if (value.currency === null) return number;
  if (value.currency === style.ownKrone) return `${number}${NBSP}kr`;
  return `${value.currency}${NBSP}${number}`;
}
