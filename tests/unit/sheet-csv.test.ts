import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetCsv } from '../../core/index.ts';
import { cli } from '../support/cli.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkludo-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSheetCsv strictness', () => {
  it.each([
    ['Beskrivelse;Verdi\nRenhold;"90 000\nKantine;100\n', 2],
    ['Beskrivelse;Verdi\r\n"Vask\r\nmed linjeskift";1\r\nKantine;"2,5 MNOK\r\n', 4],
    ['"', 1],
    ['Tittel\n\n\nA;B\n1;2\n3;"', 6],
  ])('an unclosed quote is bad input at the line it starts on (%#)', (text, line) => {
    expect(readSheetCsv(text)).toEqual({ ok: false, error: { code: 'unclosed-quote', line } });
    expect(readSheetCsv(new TextEncoder().encode(text))).toEqual({ ok: false, error: { code: 'unclosed-quote', line } });
  });

  it('closed quotes, also across lines and with doubled quotes, are read', () => {
    expect(readSheetCsv('A;B\n"x\ny";"sa ""hei"""\n')).toEqual({ ok: true, cells: [['A', 'B'], ['x\ny', 'sa "hei"']], warnings: [] });
  });

  it('any text gives cells or an unclosed quote with a line inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ';', ',', '"', '\n', '\r', ' ') }), (text) => {
        const read = readSheetCsv(text);
        if (!read.ok) {
          expect(read.error.line).toBeGreaterThanOrEqual(1);
          expect(read.error.line).toBeLessThanOrEqual(text.replace(/\r\n?/g, '\n').split('\n').length);
        }
      }),
    );
  });
});

describe('inkludo check on a CSV', () => {
  it('an unclosed quote: exit 2 with the line, in the user language', async () => {
    const path = join(dir, 'open.csv');
    writeFileSync(path, 'Beskrivelse;Estimert verdi\nRenhold;90000\nKantine;"2,5 MNOK\nVask;100\n');
    const run = await cli('check', path, '--jurisdiction', 'NO', '--lang', 'sv');
    expect(run).toMatchObject({ code: 2, out: '', err: `${path}, rad 3: ett fält inom citattecken börjar här och avslutas aldrig. Stäng citattecknet (") och försök igen.` });
  });

  it('a Windows-1252 file is read with the registry importer warning on stderr; stdout stays JSON', async () => {
    const path = join(dir, 'latin1.csv');
    writeFileSync(path, Buffer.from('Beskrivelse;Estimert verdi;Leverandør\nRenhold;90000;Glans AS\n', 'latin1'));
    const run = await cli('check', path, '--json', '--jurisdiction', 'NO', '--lang', 'nb', '--date', '2026-11-23');
    expect(run.err).toBe('Filen: Filen er ikke UTF-8 og ble lest som Windows-1252 (vesteuropeisk). Kontroller at bokstaver som æ, ø, å, ä og ö ser riktige ut.');
    expect(JSON.parse(run.out)).toMatchObject({ headerRow: 1, columns: { supplier: 2 }, rows: [{ row: 2 }] });
  });
});
