/**
 * A registry written back out, e.g. by the extension's options page. Importing the output gives the
 * same registry (tests/unit/registry-roundtrip.test.ts proves it for CSV and JSON).
 */
import Papa from 'papaparse/papaparse.js';
import { CSV_COLUMNS, REGISTRY_SCHEMA_ID, type CsvColumn } from './schema.ts';
import type { Provenance, Registry, Supplier } from './types.ts';

/** An entry's provenance is written in full when it is not simply the registry's (see assemble.ts). */
function ownProvenance(supplier: Supplier, registry: Provenance): Provenance | null {
  const p = supplier.provenance;
  const same = p.source === registry.source && p.url === registry.url && p.retrieved === registry.retrieved && p.expires === registry.expires;
  return same ? null : p;
}

function csvRow(supplier: Supplier, registry: Provenance): string[] {
  const own = ownProvenance(supplier, registry);
  const cells: Record<CsvColumn, string> = {
    orgnr: supplier.orgnr,
    name: supplier.name,
    kind: supplier.kind,
    share_percent: supplier.share ? String(supplier.share.percent) : '',
    share_denominator: supplier.share?.denominator ?? '',
    share_as_of: supplier.share?.asOf ?? '',
    purpose_attested: supplier.purposeAttested ? 'yes' : 'no',
    regions: supplier.regions.join(' '),
    categories: supplier.categories.join(' '),
    alt_names: supplier.altNames.join(' | '),
    source: own?.source ?? '',
    source_url: own?.url ?? '',
    retrieved: own?.retrieved ?? '',
    expires: own?.expires ?? '',
  };
  return CSV_COLUMNS.map((c) => cells[c]);
}

/**
 * Semicolon-separated (what Nordic Excel opens directly), registry provenance as `# key: value`
 * lines, English headers. Cells that Excel would run as formulas (`=`, `+`, `-`, `@`) get a leading
 * apostrophe, which import removes again.
 */
export function exportRegistryCsv(registry: Registry): string {
  const p = registry.provenance;
  const comments = [
    `# schema: ${REGISTRY_SCHEMA_ID}`,
    `# source: ${p.source}`,
    ...(p.url ? [`# url: ${p.url}`] : []),
    `# retrieved: ${p.retrieved}`,
    ...(p.expires ? [`# expires: ${p.expires}`] : []),
    `# demo: ${p.demo ? 'true' : 'false'}`,
  ];
  const rows = [[...CSV_COLUMNS], ...registry.suppliers.map((s) => csvRow(s, p))];
  return `${comments.join('\n')}\n${Papa.unparse(rows, { delimiter: ';', newline: '\n', escapeFormulae: true })}\n`;
}

/** The JSON form, `inkludo.registry/1`, pretty-printed one field per line so issues can point at lines. */
export function exportRegistryJson(registry: Registry): string {
  const suppliers = registry.suppliers.map((s) => {
    const own = ownProvenance(s, registry.provenance);
    return {
      orgnr: s.orgnr,
      name: s.name,
      ...(s.altNames.length ? { altNames: s.altNames } : {}),
      kind: s.kind,
      share: s.share,
      purposeAttested: s.purposeAttested,
      regions: s.regions,
      categories: s.categories,
      ...(own ? { provenance: { source: own.source, url: own.url, retrieved: own.retrieved, expires: own.expires } } : {}),
    };
  });
  return `${JSON.stringify({ schema: REGISTRY_SCHEMA_ID, provenance: registry.provenance, suppliers }, null, 2)}\n`;
}
