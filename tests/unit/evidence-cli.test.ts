import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const REGISTRY = join(REPO_ROOT, 'samples/registry.demo.csv');
const REGISTER = join(REPO_ROOT, 'tests/fixtures/followup/avtalsregister.csv');
const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-cli-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('inkludo evidence: bad input gets a clear message and exit 2', () => {
  it.each([
    [['evidence', '--value', '1 500 000', '--supplier-orgnr', '100427311'], /--out-dir/],
    [['evidence', '--value', '1 500 000', '--out-dir', 'x'], /--value and --supplier-orgnr/],
    [['evidence', '--value', '1 500 000', '--supplier-orgnr', '123456789', '--out-dir', 'x'], /not a valid Norwegian or Swedish organisation number/],
    [['evidence', '--value', 'lots', '--supplier-orgnr', '100427311', '--out-dir', 'x'], /could not be read as an amount/],
    [['evidence', '--value', '1 500 000', '--supplier-orgnr', '100427311', '--jurisdiction', 'SE', '--out-dir', 'x'], /not an organisation number of SE/],
    [['evidence', '--value', '1 500 000', '--supplier-orgnr', '100427311', '--cpv', '9091', '--out-dir', 'x'], /not a CPV code/],
    [['evidence', join(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'), '--row', '11', '--out-dir', 'x'], /--jurisdiction NO or SE/],
    [['evidence', join(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'), '--jurisdiction', 'NO', '--out-dir', 'x'], /--row N/],
    [['evidence', join(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'), '--row', '2', '--jurisdiction', 'NO', '--out-dir', 'x'], /Row 2 .* is not a checked row/],
    [['evidence', join(REPO_ROOT, 'samples/innkjopsplan-2027.xlsx'), '--row', 'two', '--jurisdiction', 'NO', '--out-dir', 'x'], /row number/],
  ])('%j', async (args, message) => {
    const r = await cli(...args, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a personal identity number without repeating it', async () => {
    const r = await cli('evidence', '--value', '500 000', '--supplier-orgnr', '811228-9874', '--out-dir', 'x', '--lang', 'sv');
    expect(r.code).toBe(2);
    expect(r.err).toContain('personnummer');
    expect(`${r.out}${r.err}`).not.toContain('9874');
  });

  it('says in the user’s language where the country came from when --jurisdiction is left out', async () => {
    const dir = temp();
    const r = await cli('evidence', '--value', '3 000 000 kr', '--supplier-orgnr', '734127-5100', '--date', '2026-11-30', '--out-dir', dir, '--lang', 'nb');
    expect(r.err).toContain('Ingen --jurisdiction oppgitt: SE');
    expect(r.out).toContain('SE-ABOVE-EU');
    expect(r.code).toBe(0);
  });

  it('exits 1 when the purchase has an error finding (the supplier falls short of 30 %)', async () => {
    const dir = temp();
    const r = await cli('evidence', join(REPO_ROOT, 'samples/avtalsregister-2027.xlsx'), '--row', '5', '--jurisdiction', 'SE', '--date', '2026-11-30', '--registry', REGISTRY, '--out-dir', dir);
    expect(r.code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.docx'))).toHaveLength(1);
  });
});

describe('inkludo followup', () => {
  it('lists overdue checks first, writes the calendar and exits 1 while something is overdue', async () => {
    const dir = temp();
    const ics = join(dir, 'dates.ics');
    const r = await cli('followup', REGISTER, '--jurisdiction', 'SE', '--date', '2026-11-30', '--registry', REGISTRY, '--ics', ics, '--lang', 'en');
    expect(r.code).toBe(1);
    const overdueAt = r.out.indexOf('Overdue or without a date:');
    const upcomingAt = r.out.indexOf('Upcoming:');
    expect(overdueAt).toBeGreaterThan(0);
    expect(upcomingAt).toBeGreaterThan(overdueAt);
    expect(r.out.slice(overdueAt, upcomingAt)).toContain('R-2 — Tvätt hemtjänsten');
    expect(r.out).toContain('9 events');
    expect(readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('--json gives every check with its text, overdue first, and the same exit code', async () => {
    const r = await cli('followup', REGISTER, '--jurisdiction', 'SE', '--date', '2026-11-30', '--json', '--lang', 'sv');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { checks: { row: number; kind: string; due: string | null; overdue: boolean; summary: string }[]; reservedContracts: number };
    expect(doc.reservedContracts).toBe(5);
    expect(doc.checks[0]).toMatchObject({ row: 5, kind: 'share-recheck', due: '2026-10-01', overdue: true });
    expect(doc.checks[0]?.summary).toContain('FÖRSENAD sedan 2026-10-01');
    expect(doc.checks.findIndex((c) => !c.overdue)).toBeGreaterThan(doc.checks.findLastIndex((c) => c.overdue));
  });

  it('reads the bundled Swedish register (.xlsx made by LibreOffice) with the demo registry’s evidence dates', async () => {
    const r = await cli('followup', join(REPO_ROOT, 'samples/avtalsregister-2027.xlsx'), '--jurisdiction', 'SE', '--date', '2026-11-30', '--registry', REGISTRY, '--json', '--lang', 'en');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { checks: { row: number; due: string | null; contract: string; params: { source?: string } }[] };
    expect(doc.checks[0]).toMatchObject({ row: 6, due: '2025-11-01', contract: 'DK-2027-03 — Återvinning av möbler och textil' });
    expect(doc.checks[0]?.params.source).toBe('registry:Inkludo demo registry (fictitious organisations)');
  });

  it('exits 0 when nothing is overdue', async () => {
    const dir = temp();
    const plan = join(dir, 'register.csv');
    // Only R-1, whose evidence (2026-03-15) is fresh on 2026-06-01.
    writeFileSync(plan, readFileSync(REGISTER, 'utf8').split('\n').slice(0, 3).join('\n'));
    const r = await cli('followup', plan, '--jurisdiction', 'SE', '--date', '2026-06-01', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Upcoming:');
  });

  it('never writes the calendar over an input', async () => {
    const dir = temp();
    const copy = join(dir, 'register.csv');
    copyFileSync(REGISTER, copy);
    const before = readFileSync(copy, 'utf8');
    const r = await cli('followup', copy, '--jurisdiction', 'SE', '--ics', copy, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('would overwrite the input');
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });

  it.each([
    [['followup'], /Give the contract register/],
    [['followup', REGISTER], /--jurisdiction NO or SE/],
    [['followup', join(REPO_ROOT, 'missing.csv'), '--jurisdiction', 'SE'], /missing\.csv/],
    [['followup', REGISTER, '--jurisdiction', 'SE', '--date', '2026-02-30'], /2026-02-30/],
  ])('%j is bad input (exit 2)', async (args, message) => {
    const r = await cli(...args, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(join(REPO_ROOT, 'x'))).toBe(false);
  });
});
