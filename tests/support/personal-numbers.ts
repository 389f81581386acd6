/**
 * Personal identity numbers made up for tests, with their real check-digit rules written out here
 * (independently of core), so that tests never use a real person's number and core is checked
 * against its own specification, not against itself. Skatteverket: personnummer (SKV 704), Luhn
 * over ten digits; samordningsnummer add 60 to the day. Skatteetaten: fødselsnummer DDMMYY + three
 * individual digits + two MOD11 control digits; D-numbers add 4 to the first digit, H-numbers 4 to
 * the third.
 */
import fc from 'fast-check';

export type Kind = 'se-personnummer' | 'se-samordningsnummer' | 'no-fodselsnummer' | 'no-d-number' | 'no-h-number';

export interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Luhn check digit for `payload` (the digit that makes payload + digit pass Luhn). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Counting from the right of the payload, the first digit is doubled (it sits left of the check digit).
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function mod11(payload: string, weights: readonly number[]): number | null {
  const sum = weights.reduce((s, w, i) => s + w * Number(payload[i]), 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r === 10 ? null : r;
}

export interface SwedishNumber {
  readonly kind: Kind;
  /** YYMMDDNNNC */
  readonly ten: string;
  /** YYYYMMDDNNNC */
  readonly twelve: string;
  /** Every way it is written: with -, + (over 100), none, with the century, and the VAT form of a sole trader. */
  readonly forms: readonly string[];
}

/** A Swedish personnummer (or samordningsnummer) for a birth date and a three-digit birth serial. */
export function swedishNumber(date: BirthDate, serial: number, coordination = false): SwedishNumber {
  const day = coordination ? date.day + 60 : date.day;
  const payload = `${pad(date.year % 100)}${pad(date.month)}${pad(day)}${pad(serial, 3)}`;
  const ten = `${payload}${luhnCheckDigit(payload)}`;
  const twelve = `${Math.floor(date.year / 100)}${ten}`;
  const dashed = `${ten.slice(0, 6)}-${ten.slice(6)}`;
  return {
    kind: coordination ? 'se-samordningsnummer' : 'se-personnummer',
    ten,
    twelve,
    forms: [dashed, `${ten.slice(0, 6)}+${ten.slice(6)}`, ten, `${twelve.slice(0, 8)}-${twelve.slice(8)}`, twelve, `SE${ten}01`, `${ten}01`],
  };
}

export interface NorwegianNumber {
  readonly kind: Kind;
  readonly eleven: string;
  readonly forms: readonly string[];
}

/** A Norwegian fødselsnummer, D- or H-number, or null when the individual number gives no control digit. */
export function norwegianNumber(date: BirthDate, individual: number, variant: 'fnr' | 'd' | 'h' = 'fnr'): NorwegianNumber | null {
  const day = variant === 'd' ? date.day + 40 : date.day;
  const month = variant === 'h' ? date.month + 40 : date.month;
  const payload = `${pad(day)}${pad(month)}${pad(date.year % 100)}${pad(individual, 3)}`;
  const k1 = mod11(payload, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === null) return null;
  const k2 = mod11(`${payload}${k1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k2 === null) return null;
  const eleven = `${payload}${k1}${k2}`;
  const kind = variant === 'd' ? 'no-d-number' : variant === 'h' ? 'no-h-number' : 'no-fodselsnummer';
  return { kind, eleven, forms: [eleven, `${eleven.slice(0, 6)} ${eleven.slice(6)}`] };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar date between 1900 and 2025. */
export const birthDate: fc.Arbitrary<BirthDate> = fc
  .record({ year: fc.integer({ min: 1900, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map((d) => ({ ...d, day: Math.min(d.day, daysIn(d.year, d.month)) }));

export interface AnyPersonalNumber {
  readonly kind: Kind;
  /** The form this test writes. */
  readonly written: string;
  /** Every form of the same number: none may appear in an output. */
  readonly forms: readonly string[];
}

/** Any personal identity number of either country, in any of its written forms. */
export const anyPersonalNumber: fc.Arbitrary<AnyPersonalNumber> = fc
  .tuple(birthDate, fc.integer({ min: 0, max: 999 }), fc.constantFrom('se', 'se-coordination', 'fnr', 'd', 'h'), fc.nat())
  .map(([date, serial, variant, pick]) => {
    if (variant === 'se' || variant === 'se-coordination') {
      const n = swedishNumber(date, serial, variant === 'se-coordination');
      return { kind: n.kind, written: n.forms[pick % n.forms.length] ?? n.ten, forms: n.forms };
    }
    // About one individual number in six gives no control digit: take the next one that does.
    let n: NorwegianNumber | null = null;
    for (let i = 0; n === null && i < 50; i++) n = norwegianNumber(date, (serial + i) % 1000, variant);
    if (!n) throw new Error('fifty individual numbers in a row without control digits');
    return { kind: n.kind, written: n.forms[pick % n.forms.length] ?? n.eleven, forms: n.forms };
  });

/** The forms of `n` that appear in `text`. */
export function leaked(text: string, n: AnyPersonalNumber): string[] {
  return n.forms.filter((f) => text.includes(f));
}
