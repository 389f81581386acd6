// Parses 100 000 mixed amount strings (and Excel numbers) the way a large tender sheet would supply them.
import { formatAmount, money, parseAmount, parseDurationMonths, sumWithin12Months, addDays } from '../../core/index.ts';
import { measure, report } from './harness.ts';

const COUNT = 100_000;
let seed = 42;
function next(max: number): number {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed % max;
}

const shapes: ((n: number) => string | number)[] = [
  (n) => `${formatAmount(money(BigInt(n) * 100n, 'NOK'), 'nb')}`,
  (n) => `NOK ${n.toLocaleString('en-US')}`,
  (n) => `kr ${n.toLocaleString('de-DE')},-`,
  (n) => `${(n / 1000).toFixed(1).replace('.', ',')} MNOK`,
  (n) => `${n} kr inkl. mva`,
  (n) => `${Math.round(n / 1000)} tkr`,
  (n) => `€ ${n.toLocaleString('en-US')}.50`,
  (n) => n + 0.25,
  (n) => `${n}`,
  (n) => `${n} kr/mnd`,
];
const inputs = Array.from({ length: COUNT }, (_, i) => shapes[i % shapes.length]?.(next(50_000_000)) ?? '');

let accepted = 0;
report(
  await measure('parseAmount, 100 000 mixed strings and numbers', () => {
    accepted = 0;
    for (const input of inputs) if (parseAmount(input, { locale: 'nb' }).ok) accepted++;
  }),
  { count: COUNT, unit: 'amounts' },
);
console.log(`  accepted ${accepted} of ${COUNT} (the rest are typed errors: "kr/mnd", and "NOK 116,096" read as Norwegian)`);

const terms = Array.from({ length: COUNT }, (_, i) => ['2 år', '24 mnd', '2+1+1 år', 'løpende', '3 år med opsjon på 1 + 1 år'][i % 5]);
report(
  await measure('parseDurationMonths, 100 000 terms', () => {
    for (const term of terms) parseDurationMonths(term);
  }),
  { count: COUNT, unit: 'terms' },
);

const purchases = Array.from({ length: COUNT }, () => ({ date: addDays('2020-01-01', next(2000)), value: money(BigInt(next(1_000_000)), 'NOK') }));
report(
  await measure('sumWithin12Months, sliding window over 100 000 purchases', () => sumWithin12Months(purchases)),
  { count: COUNT, unit: 'purchases' },
);
