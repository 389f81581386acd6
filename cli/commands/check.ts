import { basename, extname } from 'node:path';
import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  HEADER_SEARCH_ROWS,
  JURISDICTION_EVIDENCE_ROWS,
  NO_CELLS,
  startSheetCheck,
  describeEstimateStep,
  describeSupplierStatus,
  describeJurisdictionInference,
  inferSheetJurisdiction,
  originRef,
  describeFinding,
  formatNumber,
  readSheetCsv,
  REGIME_CODES,
  FINDING_CODES,
  FindingContents,
  sheetReportJson,
  safeJson,
  sheetRowJsonWriter,
  toMajorNumber,
  type BuyerKind,
  type CellValue,
  type ContractKind,
  type Finding,
  type JurisdictionInference,
  type PurchaseJurisdiction,
  type SheetCells,
  type SheetCheck,
  type SheetCheckOptions,
  type SheetReport,
  type ValueBasis,
  withoutPersonalNumbers,
} from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliContext, type Command } from '../command.ts';
import { RULES_OPTION, checkInputFile, choiceOption, dateOption, readInputFile, rulesOption, stringOption } from '../io.ts';
import {
  checkOutPath,
  isMacroEnabled,
  outExtension,
  readXlsxCells,
  readXlsxRows,
  resultsSheetPart,
  ResultsThread,
  startCellsCopy,
  startXlsxCopy,
  xlsxCliError,
  type ResultCell,
  type ResultColumnKind,
  type ResultRow,
  type ResultTable,
  type ReadXlsxRowsResult,
  type StyleBase,
  type TextParts,
  type WorksheetRow,
} from '../xlsx/index.ts';
import { EXPLANATION_SEPARATOR, RESULT_COLUMNS, resultRowMaker, resultTable as addinResultTable, screenedFindingTexts, type ResultColumn as AddinResultColumn } from '../../addin/office/result-table.ts';
import { issueLine, loadRegistry } from '../registry-file.ts';
import { printableJson, printableJsonBytes, type PrintableBytes, type PrintableText } from '../safe-output.ts';
import { printableLines, writeLines } from '../write-lines.ts';

const VALUE_BASES: readonly ValueBasis[] = ['total', 'yearly', 'monthly'];

type SheetKind = 'xlsx' | 'csv';
type RowSink = (cells: readonly CellValue[]) => void;

interface LoadedSheet {
  readonly sheet: string;
  readonly cells: SheetCells;
  readonly kind: SheetKind;
}

// Excel forbids these in sheet names and allows at most 31 characters.
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/** Thrown by rowsInOrder when a worksheet part's rows go back: such a sheet is read whole instead. */
class RowsOutOfOrder extends Error {}

/** A workbook's rows (those with values, by index) as the sheet's rows from row 1 on, gaps given as empty rows. */
function rowsInOrder(sink: RowSink): (row: WorksheetRow) => void {
  let next = 0;
  return ({ index, cells }) => {
    if (index < next) throw new RowsOutOfOrder();
    for (; next < index; next++) sink(NO_CELLS);
    sink(cells);
    next++;
  };
}

/**
 * Reads FILE's sheet and hands its rows, from row 1 on, to the consumer `start` makes once the sheet
 * is known; the consumer is returned. A .csv is read whole and its cells are returned too (its copy
 * is made from them); a workbook's rows are handed on as they are read and never held together,
 * unless its rows are out of order (Excel never writes that): then `start` is called again and the
 * sheet is read whole, as the reader's cells put it.
 */
async function readSheetRows<T extends { readonly add: RowSink }>(
  path: string,
  sheetName: string | undefined,
  ctx: CliContext,
  start: (sheet: string, kind: SheetKind) => T,
): Promise<{ readonly sheet: string; readonly kind: SheetKind; readonly csvCells: SheetCells | null; readonly rows: T }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    const name = basename(path, extname(path)).replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, 31);
    if (sheetName !== undefined && sheetName !== name) throw new CliError('xlsx.csv.no-sheets', { sheet: name, wanted: sheetName });
    const read = readSheetCsv(await readInputFile(path));
    if (!read.ok) throw new CliError(`xlsx.csv.${read.error.code}`, { path, line: read.error.line });
    // Warnings (a file read as Windows-1252) go to stderr so that --json output stays parseable.
    for (const issue of read.warnings) ctx.err(issueLine(ctx, issue));
    const rows = start(name, 'csv');
    for (const cells of read.cells) rows.add(cells);
    return { sheet: name, kind: 'csv', csvCells: read.cells, rows };
  }
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new CliError('sheet.cli.unsupported', { path });
  await checkInputFile(path); // a missing or unreadable file gets the CLI's own message
  let rows: T | undefined;
  let read: ReadXlsxRowsResult;
  try {
    try {
      read = await readXlsxRows(path, sheetName, ({ sheet }) => rowsInOrder((rows = start(sheet, 'xlsx')).add), ctx.xlsxReader);
    } catch (error) {
      if (!(error instanceof RowsOutOfOrder)) throw error;
      const whole = await readXlsxCells(path, sheetName);
      if (whole.ok) {
        rows = start(whole.worksheet.sheet, 'xlsx');
        for (const cells of whole.worksheet.cells) rows.add(cells);
      }
      read = whole;
    }
  } catch (error) {
    throw xlsxCliError(error, path);
  }
  if (!read.ok) throw new CliError('sheet.cli.sheet-not-found', { sheet: sheetName ?? '', sheets: read.sheets.join(', ') });
  if (read.worksheet.date1904) ctx.err(ctx.t('xlsx.warning.date1904', { path }));
  // A sheet was found, so `start` made its consumer.
  return { sheet: read.worksheet.sheet, kind: 'xlsx', csvCells: null, rows: rows as T };
}

/** FILE's sheet as cells held whole (`followup`, `evidence`). */
export async function loadSheet(path: string, sheetName: string | undefined, ctx: CliContext): Promise<LoadedSheet> {
  const read = await readSheetRows(path, sheetName, ctx, () => {
    const cells: (readonly CellValue[])[] = [];
    return { cells, add: (row: readonly CellValue[]) => void cells.push(row) };
  });
  return { sheet: read.sheet, cells: read.rows.cells, kind: read.kind };
}

/**
 * The sheet check fed as rows are read. Without --jurisdiction the first rows are kept until the
 * sheet's own evidence is read from them (inferSheetJurisdiction reads no row past
 * JURISDICTION_EVIDENCE_ROWS), and the check starts on them once it names a jurisdiction.
 */
function rowsCheck(chosen: PurchaseJurisdiction | undefined, lang: string | null, options: Omit<SheetCheckOptions, 'jurisdiction'>) {
  let check: SheetCheck | null = chosen === undefined ? null : startSheetCheck({ ...options, jurisdiction: chosen });
  let first: (readonly CellValue[])[] | null = chosen === undefined ? [] : null;
  let inference: JurisdictionInference | null = null;
  let rowsRead = 0;
  const infer = (rows: readonly (readonly CellValue[])[]) => {
    first = null;
    inference = inferSheetJurisdiction(rows, { sheetName: options.sheetName ?? null, lang });
    if (inference.jurisdiction === null) return;
    check = startSheetCheck({ ...options, jurisdiction: inference.jurisdiction });
    for (const cells of rows) check.add(cells);
  };
  return {
    add(cells: readonly CellValue[]) {
      rowsRead++;
      if (first === null) check?.add(cells);
      else if (first.push(cells) >= JURISDICTION_EVIDENCE_ROWS) infer(first);
    },
    /** The sheet's rows read so far, from row 1. */
    get rowsRead() {
      return rowsRead;
    },
    /** The inference (when there was one) and the report (null when no jurisdiction is known). */
    finish(): { readonly inference: JurisdictionInference | null; readonly report: SheetReport | null } {
      if (first !== null) infer(first);
      const report = check?.finish() ?? null;
      // The check's working state (every finding in one list, the caches) goes back to the heap before the output is made.
      check = null;
      return { inference, report };
    },
  };
}

/** The paths of every input, none of which --out may be. */
function inputPaths(values: Record<string, unknown>, path: string): string[] {
  const rules = values.rules;
  return [path, stringOption(values, 'registry'), ...(Array.isArray(rules) ? rules : [rules])].filter((p): p is string => typeof p === 'string');
}

/** A copy of a macro-enabled workbook must stay .xlsm (and only such a copy may be .xlsm): Excel refuses a mismatch. */
async function checkOutKind(kind: LoadedSheet['kind'], path: string, out: string): Promise<void> {
  const macro = kind === 'xlsx' && (await isMacroEnabled(path).catch((error: unknown) => Promise.reject(xlsxCliError(error, path))));
  const ext = outExtension(out);
  if (macro && ext !== '.xlsm') throw new CliError('xlsx.out.macro-mismatch', { input: path, path: out });
  if (!macro && ext === '.xlsm') throw new CliError('xlsx.out.not-macro', { input: path, path: out });
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
  const where = origin ? originRef(origin, row.row) : '';
  return ctx.t('sheet.cli.value-source', { cell: where, basis: ctx.t(`basis.${row.valueBasis}`) });
}

/** The text report, line by line (the caller writes as it goes). */
function* humanReport(report: SheetReport, sheet: string, ctx: CliContext): Generator<string> {
  const { t, lang } = ctx;
  yield t('sheet.cli.header', { sheet, row: report.headerRow, checked: report.summary.rowsChecked, skipped: report.summary.rowsSkipped });
  if (report.assumptions.length > 0) {
    yield t('sheet.cli.assumptions');
    for (const f of report.assumptions) yield `  ${f.severity.toUpperCase()} ${f.code}: ${describeFinding(lang, f)}`;
  }
  yield t('sheet.cli.by-regime');
  for (const regime of REGIME_CODES) {
    const n = report.summary.byRegime[regime];
    if (n) yield `  ${regime} — ${t(`regime.${regime}`)}: ${formatNumber(lang, n)}`;
  }
  if (report.summary.needsAttention > 0) yield `  ${t('sheet.cli.needs-attention')}: ${formatNumber(lang, report.summary.needsAttention)}`;
  const findings = FINDING_CODES.filter((code) => report.summary.byFinding[code]);
  if (findings.length > 0) {
    yield t('sheet.cli.by-finding');
    for (const code of findings) yield `  ${code} — ${t(`label.finding.${code}`)}: ${formatNumber(lang, report.summary.byFinding[code] ?? 0)}`;
  }
  yield '';
  yield t('sheet.cli.rows');
  for (const row of report.rows) {
    const value = row.estimatedValue ? ` · ${t('sheet.cli.value', { value: toMajorNumber(row.estimatedValue), currency: row.estimatedValue.currency })}` : '';
    const source = row.origins.value ? ` (${valueSource(row, ctx)})` : '';
    yield `${t('sheet.cli.row', { row: row.row, regime: `${row.regime} — ${t(`regime.${row.regime}`)}` })}${row.description ? ` · ${row.description}` : ''}${value}${source}`;
    // The last step restates the total before VAT is taken off; the row line already gives the value compared.
    for (const step of row.estimate) if (step.code !== 'estimated-value') yield `    ${describeEstimateStep(step, lang)}`;
    const s = row.supplier;
    if (s?.inRegistry && s.registrySource) {
      yield `    ${t('sheet.cli.in-registry', { name: s.name ?? s.orgnr ?? '', source: s.registrySource, retrieved: s.registryRetrieved ?? '' })}${s.registryDemo ? ` — ${t('sheet.cli.registry-demo')}` : ''}`;
      for (const line of describeSupplierStatus(t, { status: s.registryStatus, candidate: s.registryCandidate })) yield `    ${line}`;
    }
    for (const f of row.findings) yield `  ${f.severity.toUpperCase()} ${f.code}: ${describeFinding(lang, f)}${f.ruleIds.length ? ` [${f.ruleIds.join(', ')}]` : ''}`;
  }
  if (report.skipped.length > 0) {
    yield '';
    yield t('sheet.cli.skipped');
    for (const s of report.skipped) yield `  ${t(`sheet.cli.skipped.${s.reason}`, { row: s.row, label: s.label ?? '' })}`;
  }
}

/** How the CLI copy shows each of the add-in's result columns: the kind of cell and its width. */
const RESULT_LOOK: Readonly<Record<AddinResultColumn, readonly [ResultColumnKind, number]>> = {
  row: ['link', 8],
  description: ['userText', 40],
  regime: ['text', 14],
  status: ['status', 10],
  regimeText: ['text', 36],
  value: ['amount', 18],
  currency: ['text', 9],
  basis: ['text', 16],
  findings: ['text', 24],
  explanation: ['longText', 90],
  rules: ['text', 24],
  supplier: ['userText', 30],
  registry: ['text', 40],
};
/** A cell of the add-in's table, whose text has its personal identity numbers hidden already. */
function resultCell(value: CellValue | TextParts): ResultCell {
  if (value === '' || value === null) return null;
  if (typeof value === 'object') return 'error' in value ? value.error : value;
  return typeof value === 'boolean' ? String(value) : value;
}

/** A row's explanation as its findings' screened texts, each described once (the sheet's writer joins them). */
function explanationParts(contents: FindingContents): (findings: readonly Finding[]) => TextParts {
  const text = screenedFindingTexts(contents, (screened) => screened);
  return (findings) => ({ parts: findings.map(text) });
}

/** The add-in's result rows (addin/office/result-table.ts), made as they are written, column A as the row number its link shows. */
function* resultRows(report: SheetReport, sheet: string, ctx: CliContext, contents: FindingContents): Generator<ResultRow> {
  const cellsOf = resultRowMaker(sheet, ctx.lang, explanationParts(contents), (row) => row.row);
  for (const row of report.rows) {
    // The row's own new array, its cells made written cells in place.
    const cells: (CellValue | TextParts | ResultCell)[] = cellsOf(row);
    for (let i = 0; i < cells.length; i++) cells[i] = resultCell(cells[i] as CellValue | TextParts);
    yield { sourceRow: row.row, cells: cells as ResultCell[] };
  }
}

/** The results sheet of --out: the add-in's columns, words and look, with the check's notes on top. */
function resultTable(report: SheetReport, sheet: string, ctx: CliContext, contents: FindingContents): ResultTable {
  const { header, statusWords } = addinResultTable({ ...report, rows: [] }, sheet, ctx.lang);
  return {
    sheetName: 'Inkludo',
    notes: [
      ctx.t('sheet.results.note', { sheet, jurisdiction: report.jurisdiction, date: report.date }),
      ...report.assumptions.map((f) => describeFinding(ctx.lang, f)),
      ...report.skipped.map((s) => ctx.t(`sheet.cli.skipped.${s.reason}`, { row: s.row, label: s.label ?? '' })),
    ].map((note) => withoutPersonalNumbers(ctx.lang, note)),
    columns: RESULT_COLUMNS.map((column, i) => ({ header: header[i] ?? column, kind: RESULT_LOOK[column][0], width: RESULT_LOOK[column][1] })),
    rowCount: report.rows.length,
    rows: resultRows(report, sheet, ctx, contents),
    statusWords,
    partSeparator: EXPLANATION_SEPARATOR,
  };
}

/** The CLI's message for a copy that could not be made. */
function outError(error: unknown, path: string, out: string): CliError {
  const mapped = xlsxCliError(error, path);
  if (mapped instanceof CliError) return mapped;
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') return new CliError('xlsx.out.exists', { path: out });
  return new CliError('sheet.cli.out-unwritable', { path: out, detail: (error as Error).message });
}

/** The stable JSON's lines: sheetReportJson's shape plus `extra`, one row per line, each safe JSON. */
function* jsonLines(ctx: CliContext, report: SheetReport, sheet: string, extra: Record<string, unknown>, contents: FindingContents): Generator<PrintableText | PrintableBytes> {
  const doc = sheetReportJson({ ...report, rows: [] }, sheet, ctx.lang);
  const mark = ctx.t('privacy.personal-number');
  yield printableJson(`${safeJson({ sheet: doc.sheet, headerRow: doc.headerRow, columns: doc.columns, assumptions: doc.assumptions, valueColumn: doc.valueColumn, buyer: doc.buyer }, mark).slice(0, -1)},"rows":[`);
  const rowJson = sheetRowJsonWriter(ctx.lang, mark, contents);
  const last = report.rows.length - 1;
  for (const [i, row] of report.rows.entries()) {
    yield printableJsonBytes((out) => {
      rowJson(row, out);
      if (i < last) out.ascii(',');
    });
  }
  yield printableJson(`],${safeJson({ skipped: doc.skipped, summary: doc.summary, ...extra }, mark).slice(1)}`);
}

/** `inkludo check FILE`: every row of a procurement plan or contract register through the sheet check. */
export const checkCommand: Command = {
  name: 'check',
  usage:
    'check FILE.(xlsx|csv) [--json] [--out ANNOTATED.xlsx [--force]] [--jurisdiction NO|SE] [--date YYYY-MM-DD] [--buyer state|municipal] [--kind goods|services|works|social-services] [--value-basis total|yearly|monthly] [--registry FILE.(csv|json)] [--sheet NAME] [--header-row N] [--rules PACK.json|URL]',
  options: {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
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
    const force = values.force === true;
    // Checked before anything is read or written: no input is ever modified.
    if (out !== undefined) await checkOutPath(out, inputPaths(values, path), force);
    // The thread that writes a large copy's results sheet, once started.
    let resultsThread: ResultsThread | undefined;
    try {
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
      // The rows are checked as they are read: an .xlsx copy is made from the file, so only a .csv's
      // cells are ever held whole (for its copy).
      const lang = stringOption(values, 'lang') ?? null;
      const lookup = registry?.lookup ?? null;
      const { sheet, kind, csvCells, rows } = await readSheetRows(path, stringOption(values, 'sheet'), ctx, (sheetName, kind) =>
        rowsCheck(chosen, lang, { ...options, registry: lookup, sheetName, delimitedText: kind === 'csv' }),
      );
      if (out !== undefined) await checkOutKind(kind, path, out);
      // Started while the check finishes (the split-purchase windows), so that it has started when
      // the results sheet's rows come; stopped unused if fewer rows than that were checked.
      if (out !== undefined && ctx.resultsWriter !== undefined && rows.rowsRead >= ctx.resultsWriter.minRows) resultsThread = new ResultsThread(ctx.resultsWriter.worker);
      // Never Norway by default: the sheet's own evidence, stated, or exit 2 asking for --jurisdiction.
      const { inference, report } = rows.finish();
      const jurisdiction = chosen ?? inference?.jurisdiction;
      if (jurisdiction == null || report === null) throw new CliError('sheet.cli.jurisdiction-needed', { detail: describeJurisdictionInference(ctx.t, inference ?? { jurisdiction: null, evidence: [], conflict: false }) });
      const jurisdictionNote = inference ? describeJurisdictionInference(ctx.t, inference) : null;
      const problem = problemError(report, sheet, options.headerRow);
      if (problem) throw problem;
      const exit = report.summary.rowsWithErrors > 0 ? EXIT_FINDINGS : EXIT_OK;

      // The findings' texts, described once for the results sheet and the JSON lines both.
      const contents = new FindingContents(ctx.lang);
      // The copy is started first (a folder that cannot take it fails before anything is printed), and
      // a large results sheet is written on a thread of its own while the report is written here.
      // `copied`: the results sheet's name once the copy is in place.
      let copied: Promise<string> | null = null;
      if (out !== undefined) {
        const table = resultTable(report, sheet, ctx, contents);
        const thread = table.rowCount >= (ctx.resultsWriter?.minRows ?? Number.POSITIVE_INFINITY) ? resultsThread : undefined;
        const resultsSheet = (styles: StyleBase) => resultsSheetPart(table, sheet, styles, thread);
        const starting = csvCells === null ? startXlsxCopy(path, out, force, table.sheetName, resultsSheet) : startCellsCopy(sheet, csvCells, out, force, table.sheetName, resultsSheet);
        const copy = await starting.catch((error: unknown) => Promise.reject(outError(error, path, out)));
        copied = copy.written.then(
          () => copy.sheetName,
          (error: unknown) => Promise.reject(outError(error, path, out)),
        );
        // Awaited once the report is written.
        copied.catch(() => undefined);
      }
      try {
        if (values.json) {
          await writeLines(ctx, jsonLines(ctx, report, sheet, {
            jurisdiction,
            jurisdictionSource: inference ? { source: 'sheet', evidence: inference.evidence, message: jurisdictionNote } : { source: 'option' },
            date: options.date,
            registry: registry?.provenance ?? null,
          }, contents));
        } else {
          if (registry) {
            ctx.out(ctx.t('sheet.cli.registry', { source: registry.provenance.source, retrieved: registry.provenance.retrieved }));
            if (registry.provenance.demo) ctx.out(ctx.t('sheet.cli.registry-demo'));
          }
          if (jurisdictionNote) ctx.out(jurisdictionNote);
          await writeLines(ctx, printableLines(ctx, humanReport(report, sheet, ctx)));
        }
      } finally {
        // A report that failed still lets the copy end (in place, or its temporary file removed).
        await copied?.catch(() => undefined);
      }
      if (copied !== null) {
        const sheetName = await copied;
        // With --json, stdout stays one JSON document.
        (values.json ? ctx.err : ctx.out)(ctx.t('sheet.cli.out-written', { path: out, sheetName, input: path }));
      }
      return exit;
    } finally {
      resultsThread?.stop();
    }
  },
};
