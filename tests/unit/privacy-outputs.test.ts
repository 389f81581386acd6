/**
 * Issue 11: a personal identity number of any form, put anywhere a user's data enters (a sheet cell,
 * a registry line, a notice, page text, a number given to `orgnr`), appears in no output: CLI text and
 * JSON of check, orgnr, registry validate and notice; the results sheet; registry import messages in
 * every language; what is kept (the imported registry, as the add-in and the extension store it); and
 * what the extension's page scanner marks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS, buildRegistryIndex, checkSheet, describeLineIssue, exportRegistryJson, importRegistry, nameKeyIndex, translator } from '../../core/index.ts';
import { resultTable as addinResultTable } from '../../addin/office/result-table.ts';
import { readXlsxCells } from '../../cli/xlsx/index.ts';
import { readTexts, resolveMentions } from '../../extension/content/scan/mentions.ts';
import { cli } from '../support/cli.ts';
import { EFORMS_FIXTURES, REPO_ROOT } from '../support/paths.ts';
import { anyPersonalNumber, leaked, type AnyPersonalNumber } from '../support/personal-numbers.ts';

const dir = mkdtempSync(join(tmpdir(), 'inkludo-privacy-'));
const REGISTRY = resolve(REPO_ROOT, 'tests/fixtures/sheet/registry.csv');
const NOTICE = readFileSync(resolve(EFORMS_FIXTURES, 'op-ted-eforms-sdk/cn-social_25.xml'), 'utf8');

const lang = fc.constantFrom(...LANGS);
/**
 * Text around the number, as people write it (no cell delimiters, quotes or line breaks). Digits glued
 * on would make a longer number, which is not a personal identity number (the VAT form SE…01 is one
 * of the generated forms).
 */
const around = fc.record({
  before: fc.constantFrom('', 'pnr ', 'Org.nr. ', 'Innehaver: ', '(', 'SE', 'NO', 'ID:', 'Anna Svensson ', 'x'),
  after: fc.constantFrom('', ' AS', ')', ' – enkeltpersonforetak', ' ENK', 'MVA', 'x', '.'),
});
const embedded = fc.tuple(anyPersonalNumber, around).map(([n, a]) => ({ n, text: `${a.before}${n.written}${a.after}` }));

function expectNoLeak(n: AnyPersonalNumber, where: string, output: string): void {
  expect(leaked(output, n), `${where} repeats ${n.written}:\n${output.slice(0, 2000)}`).toEqual([]);
}

let file = 0;
function write(name: string, content: string): string {
  const path = join(dir, `${file++}-${name}`);
  writeFileSync(path, content);
  return path;
}

const SHEET_HEADER = ['Beskrivelse', 'Estimert verdi', 'CPV', 'Leverandør', 'Org.nr.', 'Dato', 'Reservert', 'Andel'];
const SHEET_ROW = ['Renhold skole', '900 000 kr', '90910000-9', 'Demo Vekst AS', '100427311', '2026-01-10', 'ja', '45'];

describe('no personal identity number in any output (property)', () => {
  it('inkludo check: text, JSON and the results sheet', async () => {
    await fc.assert(
      fc.asyncProperty(embedded, fc.nat(SHEET_HEADER.length - 1), lang, async ({ n, text }, column, l) => {
        const row = SHEET_ROW.map((c, i) => (i === column ? text : c));
        const sheet = write('plan.csv', [SHEET_HEADER, SHEET_ROW, row].map((r) => r.join(';')).join('\n'));
        const args = [sheet, '--jurisdiction', 'NO', '--date', '2026-11-30', '--registry', REGISTRY, '--lang', l];
        const out = join(dir, `${file++}-results.xlsx`);
        const human = await cli('check', ...args, '--out', out);
        expectNoLeak(n, 'check', human.out + human.err);
        const json = await cli('check', ...args, '--json');
        expect(() => JSON.parse(json.out) as unknown).not.toThrow();
        expectNoLeak(n, 'check --json', json.out + json.err);
        const results = await readXlsxCells(out, 'Inkludo');
        expect(results.ok).toBe(true);
        if (results.ok) expectNoLeak(n, 'the results sheet', JSON.stringify(results.worksheet.cells));
      }),
      { numRuns: 25 },
    );
  });

  it("the add-in's results sheet", () => {
    fc.assert(
      fc.property(embedded, fc.nat(SHEET_HEADER.length - 1), lang, ({ n, text }, column, l) => {
        const row = SHEET_ROW.map((c, i) => (i === column ? text : c));
        const report = checkSheet([SHEET_HEADER, SHEET_ROW, row], { jurisdiction: 'SE', date: '2026-11-30', buyer: 'municipal' });
        expectNoLeak(n, 'the add-in results sheet', JSON.stringify(addinResultTable(report, 'Plan', l).rows));
      }),
      { numRuns: 200 },
    );
  });

  it('inkludo orgnr: text and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(embedded, lang, async ({ n, text }, l) => {
        const human = await cli('orgnr', text, '--lang', l);
        expectNoLeak(n, 'orgnr', human.out + human.err);
        const json = await cli('orgnr', text, '--json', '--lang', l);
        expectNoLeak(n, 'orgnr --json', json.out + json.err);
      }),
      { numRuns: 100 },
    );
  });

  const REGISTRY_HEADER = 'orgnr;name;kind;share_percent;share_denominator;share_as_of;purpose_attested;regions;categories;alt_names;source';
  const REGISTRY_LINE = ['100427311', 'Demo Vekst AS', 'amb', '45', 'employees', '2026-06-30', 'yes', '1804', '9091', 'Vekst', 'Kommunen'];

  it('registry import: inkludo registry validate, the messages in every language, and what is kept', async () => {
    await fc.assert(
      fc.asyncProperty(embedded, fc.nat(REGISTRY_LINE.length - 1), fc.boolean(), lang, async ({ n, text }, column, inHeader, l) => {
        const line = REGISTRY_LINE.map((c, i) => (i === column ? text : c)).join(';');
        const csv = `# source: Test\n${inHeader ? `# note: ${text}\n` : ''}# retrieved: 2026-11-01\n${REGISTRY_HEADER}\n${line}\n102733169;Oppdiktet Kantine AS;amb;;;;;;;;\n`;
        const path = write('registry.csv', csv);
        for (const json of [false, true]) {
          const r = await cli('registry', 'validate', path, '--lang', l, ...(json ? ['--json'] : []));
          expectNoLeak(n, `registry validate${json ? ' --json' : ''}`, r.out + r.err);
        }
        const imported = importRegistry(csv);
        expectNoLeak(n, 'the import result', JSON.stringify(imported));
        const issues = imported.ok ? imported.warnings : imported.errors;
        for (const each of LANGS) expectNoLeak(n, `import messages (${each})`, issues.map((i) => describeLineIssue(translator(each), i)).join('\n'));
        // What the add-in keeps in localStorage and the extension in storage.local.
        if (imported.ok) expectNoLeak(n, 'the stored registry', exportRegistryJson(imported.registry));
      }),
      { numRuns: 60 },
    );
  });

  it('registry import from JSON: any field, as a string or a bare number', () => {
    const fields = ['orgnr', 'name', 'kind', 'regions', 'categories', 'altNames'] as const;
    fc.assert(
      fc.property(embedded, fc.constantFrom(...fields), fc.boolean(), ({ n, text }, field, bare) => {
        const entry: Record<string, unknown> = { orgnr: '100427311', name: 'Demo Vekst AS', kind: 'amb', regions: ['1804'], categories: ['9091'], altNames: ['Vekst'] };
        const digitsOnly = n.written.replace(/\D/g, '');
        const value = bare && field === 'orgnr' && !digitsOnly.startsWith('0') ? '__BARE__' : text;
        entry[field] = field === 'regions' || field === 'categories' || field === 'altNames' ? [value] : value;
        const json = JSON.stringify({ schema: 'inkludo.registry/1', provenance: { source: 'S', retrieved: '2026-11-01' }, suppliers: [entry] }, null, 1).replace('"__BARE__"', digitsOnly);
        const imported = importRegistry(json);
        expectNoLeak(n, 'the JSON import result', JSON.stringify(imported));
        const issues = imported.ok ? imported.warnings : imported.errors;
        for (const each of LANGS) expectNoLeak(n, `JSON import messages (${each})`, issues.map((i) => describeLineIssue(translator(each), i)).join('\n'));
        if (imported.ok) expectNoLeak(n, 'the stored registry', exportRegistryJson(imported.registry));
        // A JSON file stays JSON: the only problems are the values, never the syntax.
        expect(issues.map((i) => i.code)).not.toContain('json-syntax');
      }),
      { numRuns: 300 },
    );
  });

  it('inkludo notice: text and JSON, from the organisation id (BT-501) or a name', async () => {
    await fc.assert(
      fc.asyncProperty(embedded, fc.constantFrom('NOR', 'SWE', 'GRC'), fc.boolean(), lang, async ({ n, text }, country, asId, l) => {
        const xml = NOTICE.replace('<cbc:IdentificationCode listName="country">GRC</cbc:IdentificationCode>', `<cbc:IdentificationCode listName="country">${country}</cbc:IdentificationCode>`).replace(
          asId ? '<cbc:CompanyID>ABE</cbc:CompanyID>' : '<cbc:Name>Info</cbc:Name>',
          asId ? `<cbc:CompanyID>${text}</cbc:CompanyID>` : `<cbc:Name>${text}</cbc:Name>`,
        );
        const path = write('notice.xml', xml);
        for (const json of [false, true]) {
          const r = await cli('notice', path, '--registry', REGISTRY, '--lang', l, ...(json ? ['--json'] : []));
          expect(r.code).toBe(0);
          expectNoLeak(n, `notice${json ? ' --json' : ''}`, r.out + r.err);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("the extension's page scanner marks no personal identity number", () => {
    const imported = importRegistry(readFileSync(REGISTRY));
    if (!imported.ok) throw new Error('the test registry must import');
    const { nameKeys } = buildRegistryIndex(imported.registry);
    const keys = nameKeyIndex(nameKeys.firstWords, nameKeys.maxWords);
    fc.assert(
      fc.property(embedded, fc.constantFrom('Leverandør: ', 'Tilbud fra Demo Vekst AS ', 'Vinnare: 556086-8225, '), ({ n, text }, prefix) => {
        const page = `${prefix}${text} og Demo Vekst AS (100 427 311).`;
        const found = readTexts([page], keys)[0];
        if (!found) throw new Error('the page names a supplier by number');
        const mentions = resolveMentions(found, []);
        for (const m of mentions) expectNoLeak(n, 'a marked mention', page.slice(m.index, m.index + m.length));
        expectNoLeak(n, 'the numbers the page marks', JSON.stringify(found.numbers));
        expect(mentions.flatMap((m) => m.orgnrs)).toContain('100427311');
      }),
      { numRuns: 500 },
    );
  });
});
