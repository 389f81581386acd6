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

/** Status columns are written only when some supplier has been looked up, so plain registries keep their shape. */
function columnsFor(registry: Registry): readonly CsvColumn[] {
  const withStatus = registry.suppliers.some((s) => s.status);
  return CSV_COLUMNS.filter((c) => withStatus || (c !== 'status' && c !== 'status_checked'));
}

function csvRow(supplier: Supplier, registry: Provenance, columns: readonly CsvColumn[]): string[] {
  const own = ownProvenance(supplier, registry);
  const cells: Record<CsvColumn, string> = {
    orgnr: supplier.orgnr,
    name: supplier.name,
    kind: supplier.candidate ? `${supplier.kind} (candidate)` : supplier.kind,
    share_percent: supplier.share ? String(supplier.share.percent) : '',
    share_denominator: supplier.share?.denominator ?? '',
    share_as_of: supplier.share?.asOf ?? '',
    purpose_attested: supplier.purposeAttested ? 'yes' : 'no',
    // Codes are joined with ", ": two codes joined by a space ("820376 0296") can read as a personal
    // identity number, which the importer hides before it reads anything.
    regions: supplier.regions.join(', '),
    categories: supplier.categories.join(', '),
    alt_names: supplier.altNames.join(' | '),
    source: own?.source ?? '',
    source_url: own?.url ?? '',
    retrieved: own?.retrieved ?? '',
    expires: own?.expires ?? '',
    status: supplier.status?.state ?? '',
    status_checked: supplier.status?.checked ?? '',
  };
  return columns.map((c) => cells[c]);
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
  const columns = columnsFor(registry);
  const rows = [[...columns], ...registry.suppliers.map((s) => csvRow(s, p, columns))];
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
      ...(s.candidate ? { candidate: true } : {}),
      share: s.share,
      purposeAttested: s.purposeAttested,
      regions: s.regions,
      categories: s.categories,
      ...(s.status ? { status: s.status } : {}),
      ...(own ? { provenance: { source: own.source, url: own.url, retrieved: own.retrieved, expires: own.expires } } : {}),
    };
  });
  return `${JSON.stringify({ schema: REGISTRY_SCHEMA_ID, provenance: registry.provenance, suppliers }, null, 2)}\n`;
}
