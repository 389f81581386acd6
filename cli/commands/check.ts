import { basename, extname } from 'node:path';
import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  HEADER_SEARCH_ROWS,
  checkSheet,
  describeEstimateStep,
  describeSupplierStatus,
  describeJurisdictionInference,
  inferSheetJurisdiction,
  describeFinding,
  formatNumber,
  readSheetCsv,
  REGIME_CODES,
  FINDING_CODES,
  sheetReportJson,
  sheetRowJson,
  toMajorNumber,
  type BuyerKind,
  type CellValue,
  type ContractKind,
  type PurchaseJurisdiction,
  type SheetReport,
  type ValueBasis,
  withoutPersonalNumbers,
} from '../../core/index.ts';

const VALUE_BASES: readonly ValueBasis[] = ['total', 'yearly', 'monthly'];
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliContext, type Command } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, jsonLine, readInputFile, rulesOption, samePath, stringOption } from '../io.ts';
import { readXlsxCells, writeCellsWithResults, writeXlsxWithResults, type ResultTable } from '../xlsx.ts';
import { loadRegistry } from '../registry-file.ts';

interface LoadedSheet {
  readonly sheet: string;
  readonly cells: CellValue[][];
  readonly kind: 'xlsx' | 'csv';
}

// Excel forbids these in sheet names and allows at most 31 characters.
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

export async function loadSheet(path: string, sheetName: string | undefined): Promise<LoadedSheet> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    const name = basename(path, extname(path)).replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, 31);
    return { sheet: name, cells: readSheetCsv(await readInputFile(path)), kind: 'csv' };
  }
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new CliError('sheet.cli.unsupported', { path });
  await readInputFile(path); // a missing or unreadable file gets the CLI's own message
  let read;
  try {
    read = await readXlsxCells(path, sheetName);
  } catch (error) {
    throw new CliError('sheet.cli.xlsx-unreadable', { path, detail: (error as Error).message });
  }
  if (!read.ok) throw new CliError('sheet.cli.sheet-not-found', { sheet: sheetName ?? '', sheets: read.sheets.join(', ') });
  return { ...read.worksheet, kind: 'xlsx' };
}

function headerRowOption(values: Record<string, unknown>): number | undefined {
  const raw = stringOption(values, 'header-row');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) throw new CliError('sheet.cli.bad-header-row', { value: raw });
  return n;
}

/** Nothing could be checked: bad input (exit 2) with the reason in the user's language. */
function problemError(report: SheetReport, sheet: string, headerRow: number | undefined): CliError | null {
  switch (report.problem) {
    case null:
      return null;
    case 'no-header':
      return new CliError('sheet.cli.no-header', { rows: HEADER_SEARCH_ROWS, sheet });
    case 'header-row-past-end':
      return new CliError('sheet.cli.header-row-past-end', { row: headerRow ?? 0, sheet });
    case 'header-row-not-header':
      return new CliError('sheet.cli.header-row-not-header', { row: headerRow ?? 0, sheet });
    case 'no-rows':
      return new CliError('sheet.cli.no-rows', { sheet, row: report.headerRow, skipped: report.summary.rowsSkipped });
  }
}

/** Where a row's value came from, in words: `E9 (total)`. */
function valueSource(row: SheetReport['rows'][number], ctx: CliContext): string {
  const origin = row.origins.value;
  const where = origin?.column && origin.row ? `${origin.column}${origin.row}` : '';
  return ctx.t('sheet.cli.value-source', { cell: where, basis: ctx.t(`basis.${row.valueBasis}`) });
}

function humanReport(report: SheetReport, sheet: string, ctx: CliContext): string[] {
  const { t, lang } = ctx;
  const out = [t('sheet.cli.header', { sheet, row: report.headerRow, checked: report.summary.rowsChecked, skipped: report.summary.rowsSkipped })];
  if (report.assumptions.length > 0) {
    out.push(t('sheet.cli.assumptions'));
    for (const f of report.assumptions) out.push(`  ${f.severity.toUpperCase()} ${f.code}: ${describeFinding(lang, f)}`);
  }
  out.push(t('sheet.cli.by-regime'));
  for (const regime of REGIME_CODES) {
    const n = report.summary.byRegime[regime];
    if (n) out.push(`  ${regime} — ${t(`regime.${regime}`)}: ${formatNumber(lang, n)}`);
  }
  if (report.summary.needsAttention > 0) out.push(`  ${t('sheet.cli.needs-attention')}: ${formatNumber(lang, report.summary.needsAttention)}`);
  const findings = FINDING_CODES.filter((code) => report.summary.byFinding[code]);
  if (findings.length > 0) {
    out.push(t('sheet.cli.by-finding'));
    for (const code of findings) out.push(`  ${code} — ${t(`label.finding.${code}`)}: ${formatNumber(lang, report.summary.byFinding[code] ?? 0)}`);
  }
  out.push('', t('sheet.cli.rows'));
  for (const row of report.rows) {
    const value = row.estimatedValue ? ` · ${t('sheet.cli.value', { value: toMajorNumber(row.estimatedValue), currency: row.estimatedValue.currency })}` : '';
    const source = row.origins.value ? ` (${valueSource(row, ctx)})` : '';
    out.push(`${t('sheet.cli.row', { row: row.row, regime: `${row.regime} — ${t(`regime.${row.regime}`)}` })}${row.description ? ` · ${row.description}` : ''}${value}${source}`);
    // The last step restates the total before VAT is taken off; the row line already gives the value compared.
    for (const step of row.estimate) if (step.code !== 'estimated-value') out.push(`    ${describeEstimateStep(step, lang)}`);
    const s = row.supplier;
    if (s?.inRegistry && s.registrySource) {
      out.push(`    ${t('sheet.cli.in-registry', { name: s.name ?? s.orgnr ?? '', source: s.registrySource, retrieved: s.registryRetrieved ?? '' })}${s.registryDemo ? ` — ${t('sheet.cli.registry-demo')}` : ''}`);
      for (const line of describeSupplierStatus(t, { status: s.registryStatus, candidate: s.registryCandidate })) out.push(`    ${line}`);
    }
    for (const f of row.findings) out.push(`  ${f.severity.toUpperCase()} ${f.code}: ${describeFinding(lang, f)}${f.ruleIds.length ? ` [${f.ruleIds.join(', ')}]` : ''}`);
  }
  if (report.skipped.length > 0) {
    out.push('', t('sheet.cli.skipped'));
    for (const s of report.skipped) out.push(`  ${t(`sheet.cli.skipped.${s.reason}`, { row: s.row, label: s.label ?? '' })}`);
  }
  return out;
}

function resultTable(report: SheetReport, sheet: string, ctx: CliContext): ResultTable {
  const { t, lang } = ctx;
  return {
    sheetName: 'Inkludo',
    header: ['row', 'description', 'regime', 'value', 'currency', 'findings', 'explanation', 'rules'].map((k) => t(`sheet.results.${k}`)),
    rows: report.rows.map((r) => [
      r.row,
      r.description,
      `${r.regime} — ${t(`regime.${r.regime}`)}`,
      r.estimatedValue ? toMajorNumber(r.estimatedValue) : null,
      r.estimatedValue?.currency ?? null,
      r.findings.map((f) => f.code).join(', '),
      r.findings.map((f) => describeFinding(lang, f)).join('\n'),
      r.ruleIds.join(', '),
    ].map((cell) => withoutPersonalNumbers(lang, cell))),
    note: t('sheet.results.note', { sheet, jurisdiction: report.jurisdiction, date: report.date }),
  };
}

const JSON_ROWS_PER_WRITE = 1000;

/**
 * The stable JSON (sheetReportJson's shape plus `extra`), one row per line and written in chunks, so
 * that 100 000 rows never sit in memory as one string.
 */
function writeJson(ctx: CliContext, report: SheetReport, sheet: string, extra: Record<string, unknown>): void {
  const doc = sheetReportJson({ ...report, rows: [] }, sheet, ctx.lang);
  ctx.out(`${jsonLine({ sheet: doc.sheet, headerRow: doc.headerRow, columns: doc.columns, assumptions: doc.assumptions, valueColumn: doc.valueColumn, buyer: doc.buyer }).slice(0, -1)},"rows":[`);
  for (let i = 0; i < report.rows.length; i += JSON_ROWS_PER_WRITE) {
    const chunk = report.rows.slice(i, i + JSON_ROWS_PER_WRITE).map((r) => jsonLine(sheetRowJson(r, ctx.lang)));
    ctx.out(chunk.join(',\n') + (i + JSON_ROWS_PER_WRITE < report.rows.length ? ',' : ''));
  }
  ctx.out(`],${jsonLine({ skipped: doc.skipped, summary: doc.summary, ...extra }).slice(1)}`);
}

/** `inkludo check FILE`: every row of a procurement plan or contract register through the sheet check. */
export const checkCommand: Command = {
  name: 'check',
  usage:
    'check FILE.(xlsx|csv) [--json] [--out ANNOTATED.xlsx] [--jurisdiction NO|SE] [--date YYYY-MM-DD] [--buyer state|municipal] [--kind goods|services|works|social-services] [--value-basis total|yearly|monthly] [--registry FILE.(csv|json)] [--sheet NAME] [--header-row N] [--rules PACK.json]',
  options: {
    out: { type: 'string', short: 'o' },
    jurisdiction: { type: 'string', short: 'j' },
    date: { type: 'string' },
    buyer: { type: 'string' },
    kind: { type: 'string' },
    registry: { type: 'string' },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    'value-basis': { type: 'string' },
    ...RULES_OPTION,
  },
  async run({ values, positionals }, ctx) {
    const [path] = positionals;
    if (path === undefined) throw new CliError('sheet.cli.file-required');
    const out = stringOption(values, 'out');
    // Checked before anything is read or written: the input file is never modified.
    if (out !== undefined && (await samePath(path, out))) throw new CliError('sheet.cli.out-is-input', { path });
    const chosen = choiceOption<PurchaseJurisdiction>(values, 'jurisdiction', ['NO', 'SE']);
    const options = {
      date: dateOption(values),
      buyer: choiceOption<BuyerKind>(values, 'buyer', BUYER_KINDS),
      defaultContractKind: choiceOption<ContractKind>(values, 'kind', CONTRACT_KINDS),
      valueBasis: choiceOption<ValueBasis>(values, 'value-basis', VALUE_BASES),
      headerRow: headerRowOption(values),
      rules: await rulesOption(values, ctx),
    };
    const registryPath = stringOption(values, 'registry');
    const registry = registryPath === undefined ? null : await loadRegistry(registryPath, ctx);
    const loaded = await loadSheet(path, stringOption(values, 'sheet'));
    // Never Norway by default: the sheet's own evidence, stated, or exit 2 asking for --jurisdiction.
    const inference = chosen === undefined ? inferSheetJurisdiction(loaded.cells, { sheetName: loaded.sheet, lang: stringOption(values, 'lang') ?? null }) : null;
    const jurisdiction = chosen ?? inference?.jurisdiction;
    if (jurisdiction == null) throw new CliError('sheet.cli.jurisdiction-needed', { detail: describeJurisdictionInference(ctx.t, inference ?? { jurisdiction: null, evidence: [], conflict: false }) });
    const jurisdictionNote = inference ? describeJurisdictionInference(ctx.t, inference) : null;
    const report = checkSheet(loaded.cells, { ...options, jurisdiction, registry: registry?.lookup ?? null, sheetName: loaded.sheet, delimitedText: loaded.kind === 'csv' });
    const problem = problemError(report, loaded.sheet, options.headerRow);
    if (problem) throw problem;
    const exit = report.summary.rowsWithErrors > 0 ? EXIT_FINDINGS : EXIT_OK;

    if (out !== undefined) {
      const table = resultTable(report, loaded.sheet, ctx);
      let sheetName;
      try {
        sheetName = loaded.kind === 'xlsx' ? await writeXlsxWithResults(path, out, table) : await writeCellsWithResults(loaded.sheet, loaded.cells, out, table);
      } catch (error) {
        throw new CliError('sheet.cli.out-unwritable', { path: out, detail: (error as Error).message });
      }
      // With --json, stdout stays one JSON document.
      (values.json ? ctx.err : ctx.out)(ctx.t('sheet.cli.out-written', { path: out, sheetName, input: path }));
    }
    if (values.json) {
      writeJson(ctx, report, loaded.sheet, {
        jurisdiction,
        jurisdictionSource: inference ? { source: 'sheet', evidence: inference.evidence, message: jurisdictionNote } : { source: 'option' },
        date: options.date,
        registry: registry?.provenance ?? null,
      });
      return exit;
    }
    const lines: string[] = [];
    if (registry) {
      lines.push(ctx.t('sheet.cli.registry', { source: registry.provenance.source, retrieved: registry.provenance.retrieved }));
      if (registry.provenance.demo) lines.push(ctx.t('sheet.cli.registry-demo'));
    }
    if (jurisdictionNote) lines.push(jurisdictionNote);
    lines.push(...humanReport(report, loaded.sheet, ctx));
    ctx.out(lines.join('\n'));
    return exit;
  },
};
