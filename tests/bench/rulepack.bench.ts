// Validating an organisation's rule pack (shape, bounds, order, overlaps, verifiers), against a bare
// JSON.parse of the same text: what a front end pays each time it loads or fetches a pack.
import { DEFAULT_RULES, parseOrganisationPack, parseRulePack } from '../../core/index.ts';
import { measure, report } from './harness.ts';

const LOADS = 1_000;
const texts = (['NO', 'SE'] as const).map((j) => JSON.stringify(DEFAULT_RULES[j]));

const bare = report(await measure(`JSON.parse only × ${LOADS}`, () => {
  for (let i = 0; i < LOADS; i++) JSON.parse(texts[i % 2]!);
}), { count: LOADS, unit: 'packs' });

const checked = report(await measure(`parseRulePack × ${LOADS}`, () => {
  for (let i = 0; i < LOADS; i++) parseRulePack(JSON.parse(texts[i % 2]!));
}), { count: LOADS, unit: 'packs' });

const organisation = report(await measure(`parseOrganisationPack × ${LOADS}`, () => {
  for (let i = 0; i < LOADS; i++) parseOrganisationPack(JSON.parse(texts[i % 2]!), i % 2 ? 'SE' : 'NO');
}), { count: LOADS, unit: 'packs' });

console.log(`ratio to JSON.parse: parseRulePack ${(checked.medianMs / bare.medianMs).toFixed(1)}×, parseOrganisationPack ${(organisation.medianMs / bare.medianMs).toFixed(1)}×`);
