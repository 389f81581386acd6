/**
 * Supplier registry speed: index build over 50 000 suppliers, lookups, scanning 5 000 text snippets
 * (a busy portal page), and importing a 20 000-row CSV.
 */
import {
  buildRegistryIndex,
  exportRegistryCsv,
  importRegistry,
  isValidNorwegianOrgnr,
  isValidSwedishOrgnr,
  type Provenance,
  type Registry,
  type Supplier,
} from '../../core/index.ts';
import { measure, report } from './harness.ts';

// A small deterministic generator, so runs compare.
let seed = 20261123;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const FIRST = ['Demo', 'Eksempel', 'Exempel', 'Fiktiv', 'Påhittad', 'Tenkt', 'Låtsas', 'Prøve', 'Test', 'Sagolandet', 'Drömstad', 'Lekeland', 'Oppdiktet', 'Inbillad'];
const SECOND = ['Vekst', 'Arbeid', 'Städ', 'Renhold', 'Grønt', 'Tvätt', 'Kantine', 'Catering', 'Trykk', 'Snickeri', 'Flytt', 'Ombruk', 'Återbruk', 'Inkludering', 'Omsorg'];
const FORMS = ['AS', 'AB', 'ek. för.', 'SA', 'IKS', 'stiftelse', 'ideell förening'];
const CATEGORIES = ['9091', '555', '7731', '9051', '983', '7982', '3912', '98392'];
const REGIONS = ['1804', '18', '0301', '46', '4601', '2180', '2184', '21', '0180', '1480'];
const PROVENANCE: Provenance = { source: 'Benchmark', url: null, retrieved: '2026-11-01', expires: null, demo: true };

function orgnr(i: number): { orgnr: string; jurisdiction: 'NO' | 'SE' } {
  if (i % 2 === 0) {
    for (let base = 10_000_000 + i * 13; ; base++) {
      for (let d = 0; d < 10; d++) if (isValidNorwegianOrgnr(`${base}${d}`)) return { orgnr: `${base}${d}`, jurisdiction: 'NO' };
    }
  }
  for (let base = 722_000_000 + i * 17; ; base++) {
    for (let d = 0; d < 10; d++) if (isValidSwedishOrgnr(`${base}${d}`)) return { orgnr: `${base}${d}`, jurisdiction: 'SE' };
  }
}

function generate(count: number): Registry {
  const suppliers: Supplier[] = [];
  for (let i = 0; i < count; i++) {
    // Written out field by field, the shape importRegistry builds (a spread here makes slower objects).
    const { orgnr: digits, jurisdiction } = orgnr(i);
    suppliers.push({
      orgnr: digits,
      jurisdiction,
      name: `${pick(FIRST)} ${pick(SECOND)} ${i.toString(36)} ${pick(FORMS)}`,
      altNames: i % 5 === 0 ? [`${pick(SECOND)} ${i.toString(36)}`] : [],
      kind: pick(['asf', 'arbeidsmarkedsbedrift', 'vta-aft', 'other'] as const),
      share: i % 3 === 0 ? null : { percent: Math.round(random() * 1000) / 10, denominator: i % 2 ? 'occupied' : 'employees', asOf: '2026-06-30' },
      purposeAttested: i % 4 !== 0,
      regions: [pick(REGIONS)],
      categories: [pick(CATEGORIES), pick(CATEGORIES)].filter((c, k, all) => all.indexOf(c) === k),
      provenance: PROVENANCE,
    });
  }
  return { provenance: PROVENANCE, suppliers };
}

const registry = generate(50_000);
const { suppliers } = registry;

const build = await measure('build index, 50 000 suppliers', () => buildRegistryIndex(registry));
report(build, { count: suppliers.length, unit: 'suppliers' });
const index = buildRegistryIndex(registry);

const probes = Array.from({ length: 100_000 }, (_, i) => (i % 4 === 3 ? '123456789' : (suppliers[(i * 7919) % suppliers.length]?.orgnr ?? '')));
report(await measure('byOrgnr, 100 000 lookups', () => probes.forEach((p) => index.byOrgnr(p))), { count: probes.length, unit: 'lookups' });

const names = Array.from({ length: 20_000 }, (_, i) => (i % 4 === 3 ? 'Ingen Slik Leverandør AS' : (suppliers[(i * 7919) % suppliers.length]?.name.toUpperCase() ?? '')));
report(await measure('byName, 20 000 lookups', () => names.forEach((n) => index.byName(n))), { count: names.length, unit: 'lookups' });

// Text nodes as a portal page has them: mostly prose, some with a supplier name inside.
const FILLER = 'Kontrakten gjelder renhold av kommunale bygg i perioden 2027 til 2029 med mulighet for forlengelse og tildeles etter en samlet vurdering av pris og kvalitet';
const snippets = Array.from({ length: 5_000 }, (_, i) => {
  const words = FILLER.split(' ');
  if (i % 3 === 0) words.splice(i % words.length, 0, suppliers[(i * 31) % suppliers.length]?.name ?? '');
  return words.join(' ');
});
const found = snippets.reduce((n, s) => n + index.findNames(s).length, 0);
report(await measure(`findNames, 5 000 snippets (${found} names found)`, () => snippets.forEach((s) => index.findNames(s))), { count: snippets.length, unit: 'snippets' });

report(await measure('fitting, 200 queries (2 CPV codes + a region; ~20 000 category hits each)', () => {
  for (let i = 0; i < 200; i++) index.fitting({ cpv: ['90911200-8', '55520000-1'], regions: [pick(REGIONS)], jurisdiction: i % 2 ? 'SE' : 'NO' });
}, 3), { count: 200, unit: 'queries' });

const csv20k = exportRegistryCsv({ provenance: PROVENANCE, suppliers: suppliers.slice(0, 20_000) });
const bytes20k = new TextEncoder().encode(csv20k);
report(await measure(`import CSV, 20 000 rows (${(bytes20k.length / 1e6).toFixed(1)} MB)`, () => {
  const result = importRegistry(bytes20k);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
}, 5), { count: 20_000, unit: 'rows' });

const broken = csv20k.replace(/\n(\d{9});/g, (whole, n: string, offset: number) => (offset % 7 === 0 ? `\n${n.slice(0, 8)}x;` : whole));
const brokenResult = importRegistry(broken);
const errorCount = brokenResult.ok ? 0 : brokenResult.errors.length;
report(await measure(`import CSV, 20 000 rows, ${errorCount} of them bad`, () => importRegistry(broken), 5), { count: 20_000, unit: 'rows' });

// Plain lists: a title line, the buyer's own headers (read as the sheet reader reads them), three columns.
const plain20k = `Leverandører 2026\nLeverandørens navn;Org.nr.;Kommune\n${suppliers
  .slice(0, 20_000)
  .map((s) => `${s.name};${s.orgnr};${s.regions[0] ?? ''}`)
  .join('\n')}\n`;
const LIST = { source: 'Benchmark list', retrieved: '2026-11-01' };
const baseline = await measure('baseline: import the same 20 000 suppliers in the registry format', () => importRegistry(bytes20k), 5);
report(baseline, { count: 20_000, unit: 'rows' });
const plain = report(await measure('import a plain list, 20 000 rows (header under a title)', () => {
  const result = importRegistry(plain20k, LIST);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
}, 5), { count: 20_000, unit: 'rows' });
console.log(`  ratio plain list / registry format: ${(plain.medianMs / baseline.medianMs).toFixed(2)}`);
const plainBroken = plain20k.replace(/;(\d{9});/g, (whole, n: string, offset: number) => (offset % 7 === 0 ? `;${n.slice(0, 8)}x;` : whole));
const partial = importRegistry(plainBroken, { ...LIST, validLinesOnly: true });
const kept = partial.ok ? partial.registry.suppliers.length : 0;
report(await measure(`import the valid lines of a plain list, 20 000 rows (${kept} kept)`, () => importRegistry(plainBroken, { ...LIST, validLinesOnly: true }), 5), { count: 20_000, unit: 'rows' });
