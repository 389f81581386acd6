/**
 * The notice part of the page panel, worded in the background from real eForms notices: plain words
 * with codes as tooltips, long fitting-supplier lists cut with a count, and award notices linked to
 * their competition notice through the procedure id, never showing the bare id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessNotice, buildRegistryIndex, readNotice, translator, type Registry, type Supplier } from '../../core/index.ts';
import { FITTING_SHOWN, noticePanelOf, tedProcedureSearchUrl } from '../../extension/background/notice-panel.ts';
import { EFORMS_FIXTURES } from '../support/paths.ts';

const provenance = { source: 'Test registry', url: null, retrieved: '2026-11-01', expires: null, demo: false };
const supplier = (orgnr: string, name: string, categories: string[]): Supplier => ({
  orgnr, name, jurisdiction: 'NO', altNames: [], kind: 'arbeidsmarkedsbedrift', purposeAttested: true,
  share: { percent: 45, denominator: 'employees', asOf: '2026-06-30' }, regions: [], categories, provenance,
});
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function panelFor(file: string, registry: Registry, edit: (xml: string) => string = (x) => x) {
  const read = readNotice(edit(readFileSync(join(EFORMS_FIXTURES, file), 'utf8')));
  if (!read.ok) throw new Error('fixture must read');
  const loaded = { registry, index: buildRegistryIndex(registry) };
  const assessment = assessNotice(read.notice, { lookup: loaded.index, provenance: registry.provenance });
  return { notice: read.notice, panel: noticePanelOf(read.notice, assessment, loaded, translator('en'), 'en') };
}

describe('the notice panel', () => {
  // 25 fictitious suppliers whose category (85, health and social work) fits the notice's CPV 85000000.
  const many: Registry = { provenance, suppliers: Array.from({ length: 25 }, (_, i) => supplier(String(100000000 + i), `Leverandør ${i} AS`, ['85'])) };

  it('a res-ws notice: the reservation in plain words with its code as a tooltip, and the 30 % context', () => {
    const { panel } = panelFor('op-ted-eforms-sdk/pin-cfc-social_24.xml', many);
    expect(panel.reservedWorkIntegration).toBe(true);
    expect(panel.findings.map((f) => [f.kind, f.code])).toEqual([['work-integration', 'BT-71 res-ws']]);
    expect(panel.findings[0]?.text).toContain('Reserved for sheltered workshops and work integration (30 % rule)');
    for (const line of panel.sections.flatMap((s) => s.lines)) expect(line.text).not.toMatch(/res-ws|BT-71/);
  });

  it(`cuts a long list of fitting suppliers to ${FITTING_SHOWN} and counts the rest`, () => {
    const lines = panelFor('op-ted-eforms-sdk/pin-cfc-social_24.xml', many).panel.sections.flatMap((s) => s.lines.map((l) => l.text));
    expect(lines).toContain('Registry suppliers whose categories fit: 25');
    expect(lines.filter((l) => l.startsWith('Leverandør '))).toHaveLength(FITTING_SHOWN);
    expect(lines).toContain(`and ${25 - FITTING_SHOWN} more, not listed here`);
  });

  it('a res-pub-ser notice is not a 30 % notice', () => {
    const { panel } = panelFor('op-ted-eforms-sdk/cn_24_maximal.xml', many);
    expect(panel.reservedWorkIntegration).toBe(false);
    expect(panel.findings.map((f) => f.kind)).toContain('public-service-mission');
    expect(panel.findings.map((f) => f.kind)).not.toContain('work-integration');
  });

  it('an award notice: registry winners with the registry wording only, and a TED search for the procedure instead of its id', () => {
    const registry: Registry = { provenance, suppliers: [supplier('100427311', 'Demo Vekst AS', ['55'])] };
    const { notice, panel } = panelFor('doffin-via-ted-and-doffin-to-ocds/ContractAwardNotice_can-social_2024-111341.xml', registry, (x) => x.replaceAll('914791723', '100427311'));
    const lines = panel.sections.flatMap((s) => s.lines);
    const link = lines.find((l) => l.href?.includes('/search/'));
    expect(link?.text).toBe('Find the contract notice of this procedure on TED');
    expect(link?.href).toBe(tedProcedureSearchUrl(notice.procedureId ?? '', 'en'));
    expect(new URL(link?.href ?? 'https://x').searchParams.get('query')).toBe(`procedure-identifier="${notice.procedureId}"`);
    expect(lines.map((l) => l.text).join('\n')).not.toMatch(UUID);
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/Demo Vekst AS, org\.nr\. 100427311: in your registry \(Test registry, 2026-11-01\)$/));
  });
});
