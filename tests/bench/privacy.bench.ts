/**
 * What keeping personal identity numbers out of output costs (issue 11), against a bare baseline in
 * the same run: the CLI's printable() (control characters out, personal numbers hidden) over the JSON
 * of 100 000 sheet rows, against JSON.stringify of those rows, which the CLI does anyway; and
 * parseOrgnr (which now recognises personal numbers first) against compactOrgnr alone.
 */
import { compactOrgnr, isValidNorwegianOrgnr, parseOrgnr, translator } from '../../core/index.ts';
import { printable } from '../../cli/safe-output.ts';
import { measure, report } from './harness.ts';

const ROWS = 100_000;
const orgnrs: string[] = [];
for (let base = 13_000_000; orgnrs.length < 5000; base++) for (let d = 0; d < 10; d++) if (isValidNorwegianOrgnr(`${base}${d}`)) orgnrs.push(`${base}${d}`);

const rows = Array.from({ length: ROWS }, (_, i) => ({
  row: i + 4,
  regime: i % 3 === 0 ? 'NO-PART-I' : 'NO-PART-II',
  findings: i % 5 === 0 ? ['VAT-INCLUDED', 'SPLIT-RISK'] : [],
  messages: i % 5 === 0 ? ['The value includes VAT (25 %); 1 000 000 NOK excl. VAT was compared.'] : [],
  estimatedValue: { amount: 100_000 + ((i * 7919) % 3_000_000), currency: 'NOK' },
  description: `Renhold ${i} – avtale 2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  supplier: { name: `Leverandør ${i % 5000} AS`, orgnr: orgnrs[i % orgnrs.length], orgnrRaw: orgnrs[i % orgnrs.length] },
}));
const t = translator('nb');

const stringify = report(await measure('baseline: JSON.stringify of 100 000 rows', () => rows.map((r) => JSON.stringify(r)).join(',\n'), 5));
const text = rows.map((r) => JSON.stringify(r)).join(',\n');
const safe = report(await measure('printable() over that JSON text', () => printable(text, t), 5), { count: text.length, unit: 'chars' });
console.log(`printable / stringify: ${(safe.medianMs / stringify.medianMs).toFixed(2)}×`);

const inputs = Array.from({ length: ROWS }, (_, i) => (i % 3 === 0 ? `NO${orgnrs[i % orgnrs.length]}MVA` : i % 3 === 1 ? `${orgnrs[i % orgnrs.length]}` : `556086-8225`));
const compact = report(await measure('baseline: compactOrgnr × 100 000', () => inputs.map((s) => compactOrgnr(s)), 5));
const parse = report(await measure('parseOrgnr × 100 000 (personal numbers first)', () => inputs.map((s) => parseOrgnr(s)), 5));
console.log(`parseOrgnr / compactOrgnr: ${(parse.medianMs / compact.medianMs).toFixed(2)}×`);
