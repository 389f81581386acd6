/**
 * Notices that cost too much or come in another encoding (issue 11): 2 000 lots against 2 000 fitting
 * suppliers give a bounded answer that says how many fit; UTF-16 (with a byte order mark) and
 * ISO-8859-1 notices are read by their declared encoding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FITTING_SHOWN_PER_LOT, decodeNotice, isValidNorwegianOrgnr, translate } from '../../core/index.ts';
import { cli } from '../support/cli.ts';
import { EFORMS_FIXTURES } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'inkludo-notice-costs-'));
const NOTICE = readFileSync(resolve(EFORMS_FIXTURES, 'op-ted-eforms-sdk/cn-social_25.xml'), 'utf8');
const LOT_START = NOTICE.indexOf('<cac:ProcurementProjectLot>');
const LOT_END = NOTICE.indexOf('</cac:ProcurementProjectLot>') + '</cac:ProcurementProjectLot>'.length;

function lot(i: number): string {
  const id = `LOT-${String(i).padStart(4, '0')}`;
  return `<cac:ProcurementProjectLot><cbc:ID schemeName="Lot">${id}</cbc:ID><cac:ProcurementProject><cbc:Name>Del ${i}</cbc:Name><cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">30000000</cbc:ItemClassificationCode></cac:MainCommodityClassification></cac:ProcurementProject></cac:ProcurementProjectLot>`;
}

/** `count` valid Norwegian organisation numbers from an invented range (starting with 1, never issued). */
function norwegianNumbers(count: number): string[] {
  const out: string[] = [];
  for (let base = 10_000_000; out.length < count; base++) {
    for (let c = 0; c < 10; c++) {
      if (isValidNorwegianOrgnr(`${base}${c}`)) {
        out.push(`${base}${c}`);
        break;
      }
    }
  }
  return out;
}

describe('a notice with 2 000 lots and 2 000 fitting suppliers', () => {
  const LOTS = 2000;
  const SUPPLIERS = 2000;
  const notice = join(dir, 'many-lots.xml');
  writeFileSync(notice, NOTICE.slice(0, LOT_START) + Array.from({ length: LOTS }, (_, i) => lot(i + 1)).join('\n') + NOTICE.slice(LOT_END));
  const registry = join(dir, 'registry.csv');
  writeFileSync(
    registry,
    `# source: Test\n# retrieved: 2026-11-01\norgnr;name;categories\n${norwegianNumbers(SUPPLIERS).map((n, i) => `${n};Leverandør ${i + 1} AS;30`).join('\n')}\n`,
  );

  it('notice --json lists the first suppliers per lot and says how many fit', async () => {
    const r = await cli('notice', notice, '--registry', registry, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { assessment: { lots: { fitting: unknown[]; fittingCount: number; fittingShownMax: number }[] } };
    const lots = doc.assessment.lots;
    expect(lots).toHaveLength(LOTS);
    for (const l of lots) {
      expect(l.fittingCount).toBe(SUPPLIERS);
      expect(l.fitting).toHaveLength(FITTING_SHOWN_PER_LOT);
      expect(l.fittingShownMax).toBe(FITTING_SHOWN_PER_LOT);
    }
  });

  it('the text summary says the list is cut, in the user language', async () => {
    const r = await cli('notice', notice, '--registry', registry, '--lang', 'nb');
    expect(r.code).toBe(0);
    const capped = translate('nb', 'notice.fitting-capped', { count: SUPPLIERS, shown: FITTING_SHOWN_PER_LOT });
    expect(r.out.split(capped)).toHaveLength(LOTS + 1);
    expect(r.out.length).toBeLessThan(50_000_000);
  });
});

describe('notices in other encodings', () => {
  const NAME = 'Østfold og Göteborg: «kantine» på Ærø, 5 µm';
  const withName = (declaration: string) =>
    NOTICE.replace('<?xml version="1.0" encoding="UTF-8"?>', declaration).replace('<cbc:Name languageID="ENG">ZenithNova Innovations </cbc:Name>', `<cbc:Name languageID="NOR">${NAME}</cbc:Name>`);
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };

  const cases: [string, Buffer][] = [
    ['UTF-16 LE with a byte order mark', Buffer.from(`\uFEFF${withName('<?xml version="1.0" encoding="UTF-16"?>')}`, 'utf16le')],
    ['UTF-16 BE with a byte order mark', utf16be(`\uFEFF${withName('<?xml version="1.0" encoding="UTF-16"?>')}`)],
    ['UTF-16 LE without a byte order mark', Buffer.from(withName('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')],
    ['ISO-8859-1', Buffer.from(withName('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1')],
    ["ISO-8859-1 in single quotes and lower case", Buffer.from(withName("<?xml version='1.0' encoding='iso-8859-1'?>"), 'latin1')],
    ['windows-1252', Buffer.from(withName('<?xml version="1.0" encoding="windows-1252"?>'), 'latin1')],
    ['UTF-8 with a byte order mark', Buffer.from(`\uFEFF${withName('<?xml version="1.0" encoding="UTF-8"?>')}`, 'utf8')],
    ['UTF-8 without a declaration', Buffer.from(withName(''), 'utf8')],
  ];

  it.each(cases)('%s is read by its encoding', async (_name, bytes) => {
    const decoded = decodeNotice(new Uint8Array(bytes));
    expect(decoded.ok && decoded.text.includes(NAME)).toBe(true);
    const path = join(dir, 'encoded.xml');
    writeFileSync(path, bytes);
    const r = await cli('notice', path, '--json');
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as { buyers: { name: string }[] }).buyers[0]?.name).toBe(NAME);
  });

  it('an encoding that cannot be read is said so, in the user language', async () => {
    const path = join(dir, 'unknown.xml');
    writeFileSync(path, withName('<?xml version="1.0" encoding="x-klingon"?>'));
    for (const lang of ['nb', 'sv', 'en'] as const) {
      const r = await cli('notice', path, '--lang', lang);
      expect(r.code).toBe(2);
      expect(r.err).toBe(translate(lang, 'notice.error.encoding-unsupported', { encoding: 'x-klingon' }));
    }
  });
});
