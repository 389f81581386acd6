/**
 * The evidence pack and the follow-up dates: the document model alone (the baseline) against the
 * model written as .docx; the sheet check alone (the baseline) against the follow-up dates on the same
 * 10 000-row contract register, and its calendar.
 */
import {
  buildEvidencePack,
  checkSheet,
  classifyPurchase,
  followupCalendar,
  followupDates,
  fromMajor,
  singlePurchase,
  type CellValue,
} from '../../core/index.ts';
import { evidenceDocxBytes } from '../../render/docx.ts';
import { measure, report } from './harness.ts';

const DOCS = 20;
const verdict = classifyPurchase({ jurisdiction: 'NO', buyer: 'municipal', contractKind: 'services', value: fromMajor(1_500_000, 'NOK'), date: '2026-11-25' });
const purchase = singlePurchase({
  jurisdiction: 'NO',
  date: '2026-11-25',
  description: 'Grøntvedlikehold parker',
  verdict,
  contractKind: 'services',
  buyer: 'municipal',
  defaults: { contractKind: 'services', buyer: 'municipal' },
  cpv: ['77310000'],
  supplierOrgnr: '100427311',
  registry: null,
  eligibility: null,
});

const model = report(await measure(`document model, ${DOCS} packs (baseline)`, () => {
  for (let i = 0; i < DOCS; i++) buildEvidencePack(purchase, 'nb', '2026-11-30');
}), { count: DOCS, unit: 'packs' });
let bytes = 0;
const docx = report(await measure(`model + .docx, ${DOCS} packs`, async () => {
  for (let i = 0; i < DOCS; i++) bytes = (await evidenceDocxBytes(buildEvidencePack(purchase, 'nb', '2026-11-30'))).length;
}), { count: DOCS, unit: 'packs' });
console.log(`  .docx ${(bytes / 1024).toFixed(1)} KB each; writing the file costs ${(docx.medianMs / model.medianMs).toFixed(1)}× the model`);

const ROWS = 10_000;
const header: CellValue[] = ['Avtals-ID', 'Avtal', 'Leverantör', 'Organisationsnummer', 'Årligt värde (SEK)', 'Avtalstid', 'Förlängning', 'Avtalsstart', 'Reserverad', 'Intygsdatum', 'Sysselsättningskrav', 'Redovisningsdatum'];
const suppliers = [['Exempel Arbetsintegrering ek. för.', '734127-5100'], ['Låtsas Tvätteri ek. för.', '736418-8321'], ['Grönt Exempel AB', '763491-2501']];
const cells: CellValue[][] = [header];
for (let i = 0; i < ROWS; i++) {
  const [name, orgnr] = suppliers[i % suppliers.length] as [string, string];
  const month = String((i % 12) + 1).padStart(2, '0');
  cells.push([`A-${i}`, `Avtal ${i}`, name, orgnr, 100_000 + (i % 50) * 20_000, `${1 + (i % 4)} år`, i % 3 ? '1+1 år' : null, `2026-${month}-01`, i % 2 ? 'Ja' : 'Nej', i % 5 ? `2026-${month}-15` : null, i % 7 === 0 ? 'Ja' : 'Nej', i % 7 === 0 ? '2027-06-30, 2027-12-31' : null]);
}
const options = { jurisdiction: 'SE', date: '2026-11-30', buyer: 'municipal' } as const;
const check = report(await measure(`checkSheet, ${ROWS} contracts (baseline)`, () => checkSheet(cells, options), 5, 1), { count: ROWS, unit: 'rows' });
let checks = 0;
const follow = report(await measure(`followupDates, ${ROWS} contracts`, () => (checks = followupDates(cells, options).checks.length), 5, 1), { count: ROWS, unit: 'rows' });
console.log(`  ${checks} checks; ${(follow.medianMs / check.medianMs).toFixed(2)}× the sheet check alone`);
const dates = followupDates(cells, options);
let size = 0;
report(await measure(`.ics for ${dates.checks.length} checks`, () => (size = followupCalendar(dates, 'sv', new Date()).length), 5, 1), { count: dates.checks.length, unit: 'checks' });
console.log(`  calendar ${(size / 1024).toFixed(0)} KB`);
