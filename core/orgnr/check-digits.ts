/** The two check-digit schemes Nordic identity numbers use: Luhn (Swedish) and MOD11 (Norwegian). */

/** Luhn over every digit, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The MOD11 control digit of the first `weights.length` digits: 11 − (weighted sum mod 11), where 11
 * gives 0 and 10 gives null (no valid number has it).
 */
export function mod11Control(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  const control = 11 - (sum % 11);
  if (control === 11) return 0;
  return control === 10 ? null : control;
}
