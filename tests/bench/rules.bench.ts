// Classification throughput: rows/s through classifyPurchase and checkReservedEligibility.
import { CONTRACT_KINDS, checkReservedEligibility, classifyPurchase, money, type PurchaseInput } from '../../core/index.ts';
import { measure, report } from './harness.ts';

const ROWS = 100_000;
const dates = ['2024-06-01', '2025-03-15', '2026-01-10', '2026-07-02', '2026-11-23'];
const inputs: PurchaseInput[] = Array.from({ length: ROWS }, (_, i) => ({
  jurisdiction: i % 2 ? 'NO' : 'SE',
  buyer: i % 3 ? 'municipal' : 'state',
  contractKind: CONTRACT_KINDS[i % CONTRACT_KINDS.length]!,
  value: money(BigInt((i * 7919) % 300_000_000) * 100n, null),
  vatIncluded: i % 10 === 0,
  date: dates[i % dates.length]!,
}));

report(await measure(`classifyPurchase × ${ROWS.toLocaleString('en-US')}`, () => {
  for (const input of inputs) classifyPurchase(input);
}), { count: ROWS, unit: 'rows' });

report(await measure(`checkReservedEligibility × ${ROWS.toLocaleString('en-US')}`, () => {
  for (let i = 0; i < ROWS; i++) {
    checkReservedEligibility({ jurisdiction: i % 2 ? 'NO' : 'SE', checkDate: '2026-11-23', purposeAttested: true, share: { denominator: i % 2 ? 'employees' : 'occupied', percent: (i % 600) / 10, asOf: '2026-01-01' } });
  }
}), { count: ROWS, unit: 'checks' });
