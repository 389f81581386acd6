// CPV data throughput: contract kind and VAT rates per row, and classifyPurchase with candidate VAT rates,
// beside plain classifyPurchase in the same run (the ratio is what matters, not the absolute figure).
import { DEFAULT_RULES, classifyPurchase, contractKindFromCpv, money, vatRatesFor, type PurchaseInput } from '../../core/index.ts';
import { measure, report } from './harness.ts';

const ROWS = 100_000;
const codes = ['45214200-2', '55510000-8', '85311000-2', '90910000-9', '79713000-5', '72000000-5', '30200000-1', '15800000-6', '80100000-5', '98000000-3'];
const cpvOf = (i: number) => codes[i % codes.length]!;
const jurisdictionOf = (i: number) => (i % 2 ? 'NO' : 'SE') as 'NO' | 'SE';

report(await measure(`contractKindFromCpv × ${ROWS.toLocaleString('en-US')}`, () => {
  for (let i = 0; i < ROWS; i++) contractKindFromCpv(cpvOf(i), DEFAULT_RULES[jurisdictionOf(i)], '2026-06-01');
}), { count: ROWS, unit: 'rows' });

report(await measure(`vatRatesFor × ${ROWS.toLocaleString('en-US')}`, () => {
  for (let i = 0; i < ROWS; i++) vatRatesFor(DEFAULT_RULES[jurisdictionOf(i)], '2026-06-01', { cpv: i % 5 ? cpvOf(i) : null });
}), { count: ROWS, unit: 'rows' });

const base = (i: number): PurchaseInput => ({
  jurisdiction: jurisdictionOf(i),
  buyer: i % 3 ? 'municipal' : 'state',
  contractKind: 'services',
  value: money(BigInt((i * 7919) % 300_000_000) * 100n, null),
  vatIncluded: true,
  date: '2025-06-01',
});
const plain = Array.from({ length: ROWS }, (_, i) => base(i));
const withRates = plain.map((input, i) => ({ ...input, vatRates: vatRatesFor(DEFAULT_RULES[input.jurisdiction], input.date, { cpv: i % 5 ? cpvOf(i) : null }).rates }));

report(await measure(`classifyPurchase incl. VAT, standard rate × ${ROWS.toLocaleString('en-US')}`, () => {
  for (const input of plain) classifyPurchase(input);
}), { count: ROWS, unit: 'rows' });

report(await measure(`classifyPurchase incl. VAT, candidate rates × ${ROWS.toLocaleString('en-US')}`, () => {
  for (const input of withRates) classifyPurchase(input);
}), { count: ROWS, unit: 'rows' });
