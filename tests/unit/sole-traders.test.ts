/**
 * Sole traders are real suppliers whose organisation number is the owner's personal identity number
 * (issue 11). Everywhere one appears, Inkludo says so, keeps nothing of the number, and checks the rest.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, describeLineIssue, importRegistry, translate, translator } from '../../core/index.ts';
import { cli } from '../support/cli.ts';
import { EFORMS_FIXTURES, REPO_ROOT } from '../support/paths.ts';
import { leaked, norwegianNumber, swedishNumber, type AnyPersonalNumber } from '../support/personal-numbers.ts';

const dir = mkdtempSync(join(tmpdir(), 'inkludo-sole-traders-'));
const se = swedishNumber({ year: 1961, month: 7, day: 4 }, 318);
const owner: AnyPersonalNumber = { kind: 'se-personnummer', written: se.forms[0]!, forms: se.forms };
const fnr = norwegianNumber({ year: 1979, month: 11, day: 23 }, 512) ?? norwegianNumber({ year: 1979, month: 11, day: 23 }, 513);
if (!fnr) throw new Error('no Norwegian number');

describe('a sole trader in a registry file', () => {
  const csv = (orgnr: string, share = '45') =>
    `# source: Kommunen\n# retrieved: 2026-11-01\norgnr;name;kind;share_percent;share_denominator;share_as_of\n100427311;Demo Vekst AS;amb;45;employees;2026-06-30\n${orgnr};Svensson Städ;asf;${share};occupied;2026-06-30\n`;

  it.each([
    ['personnummer', se.forms[0]!],
    ['over 100, with +', se.forms[1]!],
    ['twelve digits', se.forms[4]!],
    ['VAT form', se.forms[5]!],
    ['fødselsnummer', fnr.eleven],
  ])('%s: left out with a warning that says why, in every language', (_name, orgnr) => {
    const r = importRegistry(csv(orgnr));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.registry.suppliers.map((s) => s.name)).toEqual(['Demo Vekst AS']);
    expect(r.warnings.map((w) => [w.line, w.column, w.code])).toEqual([[5, 'orgnr', 'orgnr-personal']]);
    for (const lang of LANGS) {
      const text = describeLineIssue(translator(lang), r.warnings[0]!);
      expect(text).toContain(translate(lang, 'registry.issue.orgnr-personal'));
      expect(text).not.toContain(orgnr);
    }
  });

  it('the rest of its line is still checked', () => {
    const r = importRegistry(csv(se.forms[0]!, '130'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([[5, 'share_percent', 'share-out-of-range']]);
  });
});

describe('a sole trader in a JSON registry', () => {
  it.each([
    ['a string', JSON.stringify(se.forms[0])],
    ['a bare number', se.ten],
    ['twelve digits as a number', se.twelve],
  ])('the organisation number as %s: left out with a warning, the file still read', (_name, orgnr) => {
    const json = `{"schema": "inkludo.registry/1", "provenance": {"source": "S", "retrieved": "2026-10-01"},
  "suppliers": [
    {"orgnr": "100427311", "name": "Demo Vekst AS"},
    {"orgnr": ${orgnr}, "name": "Svensson Städ"}
  ]}`;
    const r = importRegistry(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.registry.suppliers.map((s) => s.name)).toEqual(['Demo Vekst AS']);
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([[4, 'orgnr-personal']]);
    expect(leaked(JSON.stringify(r), owner)).toEqual([]);
  });
});

describe('a sole trader in a tender sheet', () => {
  const registry = resolve(REPO_ROOT, 'tests/fixtures/sheet/registry.csv');
  const sheet = join(dir, 'plan.csv');
  writeFileSync(sheet, `Beskrivelse;Estimert verdi;Leverandør;Org.nr.;Reservert;Andel\nRenhold;"1 500 000 kr";Demo Vekst AS;${owner.written};ja;45\n`);

  it.each(LANGS)('the row is checked without the number, and the finding says why (%s)', async (lang) => {
    const r = await cli('check', sheet, '--jurisdiction', 'NO', '--date', '2026-11-30', '--registry', registry, '--json', '--lang', lang);
    const row = (JSON.parse(r.out) as { rows: { regime: string; findings: string[]; messages: string[] }[] }).rows[0]!;
    expect(row.regime).toBe('NO-PART-II');
    expect(row.findings).toContain('ORGNR-INVALID');
    expect(row.messages).toContain(translate(lang, 'finding.ORGNR-INVALID.personal-number'));
    // The supplier is still recognised, by its name.
    expect(row.findings).not.toContain('RESERVED-UNVERIFIED');
    expect(leaked(r.out + r.err, owner)).toEqual([]);
  });
});

describe('a sole trader as a notice party (BT-501)', () => {
  const xml = readFileSync(resolve(EFORMS_FIXTURES, 'op-ted-eforms-sdk/cn-social_25.xml'), 'utf8')
    .replace('<cbc:CompanyID>ABE</cbc:CompanyID>', `<cbc:CompanyID>${se.forms[5]!}</cbc:CompanyID>`)
    .replace('<cbc:IdentificationCode listName="country">GRC</cbc:IdentificationCode>', '<cbc:IdentificationCode listName="country">SWE</cbc:IdentificationCode>');
  const path = join(dir, 'notice.xml');
  writeFileSync(path, xml);

  it.each(LANGS)('is named as a personal identity number (not shown) (%s)', async (lang) => {
    const human = await cli('notice', path, '--lang', lang);
    expect(human.out).toContain(translate(lang, 'privacy.personal-number'));
    const json = await cli('notice', path, '--json');
    expect((JSON.parse(json.out) as { buyers: unknown[] }).buyers[0]).toMatchObject({ orgnr: null, orgnrRaw: null, country: 'SWE' });
    expect(leaked(human.out + json.out, owner)).toEqual([]);
  });
});

describe('inkludo orgnr on a sole trader number', () => {
  it.each(LANGS)('says what it is without repeating it (%s)', async (lang) => {
    const r = await cli('orgnr', se.forms[5]!, '--lang', lang);
    expect(r.code).toBe(1);
    expect(r.out).toBe(translate(lang, 'orgnr.problem.personal-number'));
  });
});
