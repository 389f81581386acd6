import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  buildEvidencePack,
  checkSheet,
  classifyPurchase,
  parseAmount,
  parseOrgnr,
  purchaseFromRow,
  reservationBasis,
  singlePurchase,
  supplierEligibility,
  todayIso,
  type BuyerKind,
  type ContractKind,
  type EvidencePurchase,
  type PurchaseJurisdiction,
  type RuleSet,
} from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliContext, type Command, type ParsedArgs } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, rulesOption, samePath, stringOption } from '../io.ts';
import { loadRegistry } from '../registry-file.ts';
import { loadSheet } from './check.ts';

const JURISDICTIONS = ['NO', 'SE'] as const;

function rowOption(values: ParsedArgs['values']): number {
  const raw = stringOption(values, 'row');
  if (raw === undefined) throw new CliError('evidence.cli.row-required');
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new CliError('evidence.cli.bad-row', { value: raw });
  return Number(raw);
}

/** The purchase of one sheet row, exactly as `inkludo check` reports it. */
async function purchaseOfRow(path: string, values: ParsedArgs['values'], rules: RuleSet, ctx: CliContext): Promise<EvidencePurchase> {
  const jurisdiction = choiceOption<PurchaseJurisdiction>(values, 'jurisdiction', JURISDICTIONS);
  if (!jurisdiction) throw new CliError('evidence.cli.jurisdiction-required');
  const row = rowOption(values);
  const registryPath = stringOption(values, 'registry');
  const registry = registryPath === undefined ? null : await loadRegistry(registryPath, ctx);
  const loaded = await loadSheet(path, stringOption(values, 'sheet'), ctx);
  const report = checkSheet(loaded.cells, {
    jurisdiction,
    date: dateOption(values),
    buyer: choiceOption<BuyerKind>(values, 'buyer', BUYER_KINDS),
    defaultContractKind: choiceOption<ContractKind>(values, 'kind', CONTRACT_KINDS),
    rules,
    registry: registry?.lookup ?? null,
    sheetName: loaded.sheet,
    delimitedText: loaded.kind === 'csv',
  });
  const result = report.rows.find((r) => r.row === row);
  if (!result) {
    const skipped = report.skipped.find((s) => s.row === row);
    throw new CliError(skipped ? 'evidence.cli.row-skipped' : 'evidence.cli.row-not-found', { row, sheet: loaded.sheet, header: report.headerRow });
  }
  return purchaseFromRow(result, { jurisdiction, sheet: loaded.sheet, registry: registry?.lookup ?? null, report });
}

/** A single purchase from --value and --supplier-orgnr; the country comes from --jurisdiction or the org number. */
async function singleFromOptions(values: ParsedArgs['values'], rules: RuleSet, ctx: CliContext): Promise<EvidencePurchase> {
  const rawValue = stringOption(values, 'value');
  const rawOrgnr = stringOption(values, 'supplier-orgnr');
  if (rawValue === undefined || rawOrgnr === undefined) throw new CliError('evidence.cli.single-required');
  const given = choiceOption<PurchaseJurisdiction>(values, 'jurisdiction', JURISDICTIONS);
  const orgnr = parseOrgnr(rawOrgnr);
  // A personal identity number is never repeated back, not even in an error message.
  if (orgnr.problem === 'personal-number') throw new CliError('evidence.cli.orgnr-personal');
  if (!orgnr.digits || !orgnr.jurisdiction) throw new CliError('evidence.cli.orgnr-invalid');
  const jurisdiction = given ?? orgnr.jurisdiction;
  if (!given) ctx.err(ctx.t('evidence.cli.jurisdiction-from-orgnr', { jurisdiction }));
  if (given && given !== orgnr.jurisdiction) throw new CliError('evidence.cli.orgnr-other-country', { jurisdiction: given });
  const parsed = parseAmount(rawValue, { defaultCurrency: jurisdiction === 'NO' ? 'NOK' : 'SEK', locale: jurisdiction === 'NO' ? 'nb' : 'sv' });
  if (!parsed.ok) throw new CliError('finding.VALUE-UNPARSEABLE', { raw: rawValue });
  const date = dateOption(values);
  const contractKind = choiceOption<ContractKind>(values, 'kind', CONTRACT_KINDS) ?? null;
  const buyer = choiceOption<BuyerKind>(values, 'buyer', BUYER_KINDS) ?? null;
  const defaults = { contractKind: 'services', buyer: 'municipal' } as const;
  const verdict = classifyPurchase(
    { jurisdiction, buyer: buyer ?? defaults.buyer, contractKind: contractKind ?? defaults.contractKind, value: parsed.value, vatIncluded: parsed.vatIncluded, date },
    rules,
  );
  const registryPath = stringOption(values, 'registry');
  const registry = registryPath === undefined ? null : await loadRegistry(registryPath, ctx);
  const entry = registry?.lookup.byOrgnr(orgnr.digits);
  const eligibility = entry ? supplierEligibility(entry, date, rules) : null;
  const cpv = (stringOption(values, 'cpv') ?? '').split(/[\s,;]+/).filter((c) => c !== '');
  for (const code of cpv) if (!/^\d{8}(?:-\d)?$/.test(code)) throw new CliError('evidence.cli.bad-cpv', { value: code });
  return singlePurchase({
    jurisdiction,
    date,
    description: stringOption(values, 'description') ?? null,
    verdict,
    contractKind,
    buyer,
    defaults,
    cpv,
    supplierOrgnr: orgnr.digits,
    registry: registry?.lookup ?? null,
    eligibility: eligibility ? { status: eligibility.status, findings: eligibility.findings, ruleIds: eligibility.ruleIds } : null,
  });
}

/** `inkludo evidence`: the evidence pack (.docx) for one sheet row or one purchase. */
export const evidenceCommand: Command = {
  name: 'evidence',
  usage:
    'evidence FILE.(xlsx|csv) --row N --jurisdiction NO|SE --out-dir DIR [--registry FILE] [--sheet NAME] [--date YYYY-MM-DD] [--buyer state|municipal] [--kind KIND] [--rules PACK.json] | evidence --value AMOUNT --supplier-orgnr ORGNR --out-dir DIR [--jurisdiction NO|SE] [--date YYYY-MM-DD] [--buyer state|municipal] [--kind KIND] [--cpv CODES] [--description TEXT] [--registry FILE]',
  options: {
    row: { type: 'string' },
    'out-dir': { type: 'string', short: 'o' },
    jurisdiction: { type: 'string', short: 'j' },
    date: { type: 'string' },
    buyer: { type: 'string' },
    kind: { type: 'string' },
    cpv: { type: 'string' },
    value: { type: 'string' },
    'supplier-orgnr': { type: 'string' },
    description: { type: 'string' },
    registry: { type: 'string' },
    sheet: { type: 'string' },
    ...RULES_OPTION,
  },
  async run({ values, positionals }, ctx) {
    const outDir = stringOption(values, 'out-dir');
    if (outDir === undefined) throw new CliError('evidence.cli.out-dir-required');
    const [path] = positionals;
    const rules = await rulesOption(values, ctx);
    const purchase = path === undefined ? await singleFromOptions(values, rules, ctx) : await purchaseOfRow(path, values, rules, ctx);
    const doc = buildEvidencePack(purchase, ctx.lang, todayIso(), rules);
    const target = join(outDir, `${doc.fileStem}.${ctx.lang}.docx`);
    // Never write over an input: the sheet, the registry or a rule pack.
    const inputs = [path, stringOption(values, 'registry'), ...[values.rules].flat()].filter((p): p is string => typeof p === 'string');
    for (const input of inputs) if (await samePath(input, target)) throw new CliError('evidence.cli.out-is-input', { path: input });
    try {
      await mkdir(outDir, { recursive: true });
      // The .docx writer (the largest library the CLI has) is loaded only here: every other command starts without it.
      const { evidenceDocxBytes } = await import('../../render/docx.ts');
      await writeFile(target, await evidenceDocxBytes(doc));
    } catch (error) {
      throw new CliError('evidence.cli.out-unwritable', { path: target, detail: (error as Error).message });
    }
    const basis = reservationBasis(purchase, rules);
    ctx.out(
      [
        ctx.t('evidence.cli.regime', { regime: `${purchase.regime} — ${ctx.t(`regime.${purchase.regime}`)}` }),
        basis.provision ? ctx.t('evidence.cli.basis', { id: basis.provision.ruleId, title: basis.provision.title, status: ctx.t(`status.${basis.provision.status}`) }) : ctx.t(`evidence.cli.basis.${basis.kind}`),
        ctx.t('evidence.cli.written', { path: resolve(target) }),
      ].join('\n'),
    );
    return purchase.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  },
};
