/**
 * The evidence pack end to end: `inkludo evidence` writes a .docx for four purchases (Norway part II,
 * Norway below the national threshold, Sweden below and above the EU thresholds) in nb, sv and en;
 * its text (word/document.xml) is compared with golden files, and LibreOffice opens every file and
 * converts it to PDF. Regenerate the golden files with UPDATE_GOLDEN=1 after a deliberate change.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../core/index.ts';
import { cli } from '../support/cli.ts';
import { docxParts, docxText, personalNumbersIn } from '../support/docx-text.ts';
import { REPO_ROOT } from '../support/paths.ts';

const GOLDEN = join(REPO_ROOT, 'tests/fixtures/evidence');
const REGISTRY = join(REPO_ROOT, 'samples/registry.demo.csv');
const out = mkdtempSync(join(tmpdir(), 'inkludo-evidence-'));

interface Case {
  readonly name: string;
  readonly lang: 'nb' | 'sv' | 'en';
  readonly args: readonly string[];
  /** Text that must be in the document, whatever else changes. */
  readonly must: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'no-part-ii',
    lang: 'nb',
    args: ['--value', '1 500 000', '--supplier-orgnr', '100427311', '--jurisdiction', 'NO', '--date', '2026-11-25', '--kind', 'services', '--buyer', 'municipal', '--cpv', '77310000', '--description', 'Grøntvedlikehold parker og uteområder'],
    must: ['NO-PART-II', '[NO-RES-II: Anskaffelsesforskriften (FOA) § 8-8 (del II)', 'res-ws', 'BT-736', 'Minst 30 % av de ansatte', '2043338f-a38a-490b-b3ec-2607cb25a017', 'Kunngjør konkurransen på Doffin', 'NO-SOC-5'],
  },
  {
    name: 'no-part-i',
    lang: 'nb',
    args: [join(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'), '--row', '11', '--jurisdiction', 'NO', '--date', '2026-11-25'],
    must: ['NO-PART-I', 'NO-RES-I', 'ikke bekreftet: kontroller før du bygger på den', 'Ikke kontrollert mot rettskilden: NO-RES-I', 'rad 11 i arket', 'Etter FOA del I kreves ingen kunngjøring'],
  },
  {
    name: 'se-below-eu',
    lang: 'sv',
    args: [join(REPO_ROOT, 'samples/avtalsregister-2027.xlsx'), '--row', '4', '--jurisdiction', 'SE', '--date', '2026-11-25'],
    must: ['SE-BELOW-EU', '[SE-RES-418-P: LOU 4 kap. 18 §', 'alla som sysselsätts', 'SE-THR-2026-SUB', 'väntande', 'SE-SOC-17', 'https://www.upphandlingsmyndigheten.se/kriterier/'],
  },
  {
    name: 'se-above-eu',
    lang: 'sv',
    args: ['--value', '3 000 000 kr', '--supplier-orgnr', '734127-5100', '--jurisdiction', 'SE', '--date', '2026-11-25', '--kind', 'services', '--buyer', 'municipal', '--cpv', '90910000-9', '--description', 'Städning av kommunens lokaler'],
    must: ['SE-ABOVE-EU', 'annonsen går också till TED', '45 % av alla som sysselsätts', 'DEMODATA', 'uppfyller kraven'],
  },
  {
    name: 'se-above-eu',
    lang: 'en',
    args: ['--value', '3 000 000 kr', '--supplier-orgnr', '734127-5100', '--jurisdiction', 'SE', '--date', '2026-11-25', '--kind', 'services', '--buyer', 'municipal', '--cpv', '90910000-9', '--description', 'Städning av kommunens lokaler'],
    must: ['Reservation sentence for the notice (in Swedish)', 'Deltagandet i upphandlingen är förbehållet', 'In English: “Participation in this competition is reserved', 'everyone occupied'],
  },
];

const written = new Map<string, string>();
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeAll(async () => {
  for (const c of CASES) {
    const dir = join(out, `${c.name}-${c.lang}`);
    const result = await cli('evidence', ...c.args, '--registry', REGISTRY, '--out-dir', dir, '--lang', c.lang);
    expect(result.err, `${c.name}: ${result.err}`).not.toMatch(/Error|error:/);
    const file = readdirSync(dir).find((f) => f.endsWith('.docx'));
    if (!file) throw new Error(`${c.name}.${c.lang}: no .docx written (${result.out} ${result.err})`);
    written.set(`${c.name}.${c.lang}`, join(dir, file));
  }
});

/** Today's date is the one thing that changes between runs: the record says when it was made. */
const stable = (text: string) => text.replaceAll(todayIso(), '{TODAY}');

describe('inkludo evidence: the documents’ text', () => {
  it.each(CASES.map((c) => [`${c.name}.${c.lang}`, c] as const))('%s matches its golden text and says what it must', (key, c) => {
    const text = stable(docxText(written.get(key) as string));
    for (const phrase of c.must) expect(text).toContain(phrase);
    const golden = join(GOLDEN, `${key}.txt`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, `${text}\n`);
    expect(text).toBe(readFileSync(golden, 'utf8').trimEnd());
  });

  it('every part is there, in order, and every page of law cites its rule', () => {
    const text = docxText(written.get('no-part-ii.nb') as string);
    const parts = ['1. Egenerklæring', '2. Sjekkliste', '3. Tekst til kunngjøringen', '4. Notat om beslutningen'].map((h) => text.indexOf(h));
    expect(parts.every((p) => p >= 0)).toBe(true);
    expect([...parts].sort((a, b) => a - b)).toEqual(parts);
    // The legal basis sentence of the notice and the record each carry the provision's citation.
    expect(text.match(/\[NO-RES-II: /g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('holds no personal data: counts only, no identity numbers, no user or machine name', () => {
    for (const path of written.values()) {
      const parts = docxParts(new Uint8Array(readFileSync(path)));
      const all = Object.values(parts).join('\n');
      expect(personalNumbersIn(all)).toEqual([]);
      expect(parts['docProps/core.xml']).toContain('<dc:creator>Inkludo</dc:creator>');
      const user = userInfo().username;
      if (user.length >= 3) expect(all.includes(`>${user}<`)).toBe(false);
      // The declaration asks for counts: its fields are blank lines, never a list of people.
      expect(docxText(path)).toMatch(/A\. .*: _{10,}/);
    }
  });

  it('the personal-number check itself finds Swedish and Norwegian identity numbers', () => {
    expect(personalNumbersIn('811228-9874 and 19811228-9874 and 15058000032')).toHaveLength(3);
    expect(personalNumbersIn('734127-5100 100427311 2026-11-30')).toEqual([]);
  });
});

describe('LibreOffice opens every document', () => {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
  const pdfDir = join(out, 'pdf');
  let seconds = 0;

  beforeAll(() => {
    if (!soffice) return;
    const started = performance.now();
    // One process for all files; its own profile so parallel runs do not lock each other out.
    execFileSync(soffice, ['-env:UserInstallation=file://' + join(out, 'lo-profile'), '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...written.values()], { stdio: 'pipe', timeout: 120_000 });
    execFileSync(soffice, ['-env:UserInstallation=file://' + join(out, 'lo-profile'), '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', pdfDir, ...written.values()], { stdio: 'pipe', timeout: 120_000 });
    seconds = (performance.now() - started) / 1000;
  }, 180_000);

  afterAll(() => {
    if (soffice) console.log(`LibreOffice converted ${written.size} documents to PDF and text in ${seconds.toFixed(1)} s`);
  });

  it('is installed (CI installs libreoffice-writer-nogui when it is missing)', () => {
    expect(soffice, 'soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui)').toBeDefined();
  });

  it.each([...CASES.map((c) => `${c.name}.${c.lang}`)])('%s converts to a PDF, and LibreOffice reads the same text', (key) => {
    const path = written.get(key) as string;
    const stem = path.split('/').pop()?.replace(/\.docx$/, '') ?? '';
    const pdf = join(pdfDir, `${stem}.pdf`);
    expect(existsSync(pdf), `${pdf} missing`).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(20_000);
    const text = readFileSync(join(pdfDir, `${stem}.txt`), 'utf8');
    const title = docxText(path).split('\n')[0] as string;
    expect(text).toContain(title);
    expect(text).toContain('res-ws');
  });
});
