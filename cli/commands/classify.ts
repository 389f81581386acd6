import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  classifyPurchase,
  describeFinding,
  parseAmount,
  moneyJson,
  toMajorNumber,
  formatNumber,
  statusLabel,
  type BuyerKind,
  type ContractKind,
  type Money,
  type PurchaseJurisdiction,
} from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type Command } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, json, rulesOption } from '../io.ts';

/** The value as people type it (`750000`, `1 250 000 kr`, `2,5 MNOK`), read the way its country writes amounts. */
function valueArgument(raw: string | undefined, jurisdiction: PurchaseJurisdiction): { value: Money; vatIncluded: boolean | null } {
  if (raw === undefined) throw new CliError('cli.classify.value-required');
  const parsed = parseAmount(raw, { defaultCurrency: jurisdiction === 'NO' ? 'NOK' : 'SEK', locale: jurisdiction === 'NO' ? 'nb' : 'sv' });
  if (!parsed.ok) throw new CliError('finding.VALUE-UNPARSEABLE', { raw });
  return { value: parsed.value, vatIncluded: parsed.vatIncluded };
}

export const classifyCommand: Command = {
  name: 'classify',
  usage: 'classify VALUE --jurisdiction NO|SE [--buyer state|municipal] [--kind goods|services|works|social-services] [--vat-included] [--date YYYY-MM-DD] [--rules PACK.json] [--json]',
  options: {
    jurisdiction: { type: 'string', short: 'j' },
    buyer: { type: 'string' },
    kind: { type: 'string' },
    date: { type: 'string' },
    'vat-included': { type: 'boolean' },
    ...RULES_OPTION,
  },
  async run({ values, positionals }, ctx) {
    const jurisdiction = choiceOption<PurchaseJurisdiction>(values, 'jurisdiction', ['NO', 'SE'], 'NO');
    const amount = valueArgument(positionals[0], jurisdiction);
    const input = {
      jurisdiction,
      buyer: choiceOption<BuyerKind>(values, 'buyer', BUYER_KINDS, 'municipal'),
      contractKind: choiceOption<ContractKind>(values, 'kind', CONTRACT_KINDS, 'services'),
      date: dateOption(values),
      ...amount,
      vatIncluded: values['vat-included'] === true || amount.vatIncluded === true,
    };
    const verdict = classifyPurchase(input, await rulesOption(values, ctx));
    const exit = verdict.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
    if (values.json) {
      ctx.out(json({ ...input, value: moneyJson(input.value), ...verdict, valueExclVat: moneyJson(verdict.valueExclVat) }));
      return exit;
    }
    const { t, lang } = ctx;
    const out = [t('cli.classify.regime', { regime: `${verdict.regime} — ${t(`regime.${verdict.regime}`)}` })];
    if (verdict.valueExclVat) out.push(t('cli.classify.value', { value: toMajorNumber(verdict.valueExclVat), currency: verdict.valueExclVat.currency }));
    out.push(t('cli.classify.rules'));
    for (const r of verdict.rules) out.push(`  [${statusLabel(lang, { status: r.status, verifiedBy: r.verifiedBy ?? undefined })}] ${r.id}: ${formatNumber(lang, r.value)} — ${r.title} <${r.url}>`);
    for (const f of verdict.findings) out.push(`${f.severity.toUpperCase()} ${f.code}: ${describeFinding(lang, f)}`);
    ctx.out(out.join('\n'));
    return exit;
  },
};
