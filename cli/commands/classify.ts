import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  classifyPurchase,
  contractKindFromCpv,
  cpvKindFindings,
  describeFinding,
  parseAmount,
  moneyJson,
  toMajorNumber,
  formatNumber,
  vatRatesFor,
  type AmountResult,
  statusLabel,
  type BuyerKind,
  type ContractKind,
  type CpvKind,
  type PurchaseJurisdiction,
  type RuleSet,
} from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type Command } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, json, rulesOption, stringOption } from '../io.ts';

type Parsed = Extract<AmountResult, { ok: true }>;

/** Where a setting came from: given as an option, read from the value or the CPV code, or assumed. */
interface Origin {
  readonly field: 'jurisdiction' | 'buyer' | 'contractKind' | 'vatIncluded';
  readonly origin: 'option' | 'value' | 'cpv' | 'default';
  readonly evidence?: string;
}

const CURRENCY_COUNTRY: Readonly<Record<string, PurchaseJurisdiction>> = { NOK: 'NO', SEK: 'SE' };

/**
 * The jurisdiction and the amount. Without --jurisdiction the amount's own currency decides
 * (`2,5 MNOK`, `750 000 SEK`, `250 tkr`); `kr`, EUR or no currency cannot, and the user is asked.
 */
function jurisdictionAndAmount(raw: string | undefined, given: PurchaseJurisdiction | undefined): { jurisdiction: PurchaseJurisdiction; amount: Parsed; origin: Origin } {
  if (raw === undefined) throw new CliError('cli.classify.value-required');
  if (given) {
    const amount = parseAmount(raw, { defaultCurrency: given === 'NO' ? 'NOK' : 'SEK', locale: given === 'NO' ? 'nb' : 'sv' });
    if (!amount.ok) throw new CliError('finding.VALUE-UNPARSEABLE', { raw });
    return { jurisdiction: given, amount, origin: { field: 'jurisdiction', origin: 'option' } };
  }
  const amount = parseAmount(raw, {});
  if (!amount.ok) throw new CliError('finding.VALUE-UNPARSEABLE', { raw });
  const jurisdiction = CURRENCY_COUNTRY[amount.value.currency ?? ''];
  if (!jurisdiction) throw new CliError('cli.classify.jurisdiction-required', { raw });
  return { jurisdiction, amount, origin: { field: 'jurisdiction', origin: 'value', evidence: amount.value.currency ?? '' } };
}

/** `120 000 eks. mva` with --vat-included says two things at once: refused, never resolved silently. */
function vatIncluded(amount: Parsed, flag: boolean, raw: string): { included: boolean; origin: Origin } {
  if (flag && amount.vatIncluded === false) throw new CliError('cli.classify.vat-conflict', { raw });
  if (flag) return { included: true, origin: { field: 'vatIncluded', origin: 'option' } };
  if (amount.vatIncluded !== null) return { included: amount.vatIncluded, origin: { field: 'vatIncluded', origin: 'value', evidence: raw } };
  return { included: false, origin: { field: 'vatIncluded', origin: 'default' } };
}

function kindFromCpv(raw: string | undefined, rules: RuleSet, jurisdiction: PurchaseJurisdiction, date: string): CpvKind | null {
  if (raw === undefined) return null;
  const found = contractKindFromCpv(raw, rules[jurisdiction], date);
  if (found === null) throw new CliError('cli.classify.cpv-invalid', { raw });
  return found;
}

export const classifyCommand: Command = {
  name: 'classify',
  usage: 'classify VALUE [--jurisdiction NO|SE] [--cpv CODE] [--buyer state|municipal] [--kind goods|services|works|social-services] [--vat-included] [--date YYYY-MM-DD] [--rules PACK.json] [--json]',
  options: {
    jurisdiction: { type: 'string', short: 'j' },
    buyer: { type: 'string' },
    kind: { type: 'string' },
    cpv: { type: 'string' },
    date: { type: 'string' },
    'vat-included': { type: 'boolean' },
    ...RULES_OPTION,
  },
  async run({ values, positionals }, ctx) {
    const raw = positionals[0];
    const { jurisdiction, amount, origin: jurisdictionOrigin } = jurisdictionAndAmount(raw, choiceOption<PurchaseJurisdiction>(values, 'jurisdiction', ['NO', 'SE']));
    const vat = vatIncluded(amount, values['vat-included'] === true, raw ?? '');
    const date = dateOption(values);
    const rules = await rulesOption(values, ctx);
    const cpv = kindFromCpv(stringOption(values, 'cpv'), rules, jurisdiction, date);
    const kindOption = choiceOption<ContractKind>(values, 'kind', CONTRACT_KINDS);
    const buyerOption = choiceOption<BuyerKind>(values, 'buyer', BUYER_KINDS);
    const contractKind = kindOption ?? cpv?.kind ?? 'services';
    const buyer = buyerOption ?? 'municipal';
    const origins: Origin[] = [
      jurisdictionOrigin,
      buyerOption ? { field: 'buyer', origin: 'option' } : { field: 'buyer', origin: 'default' },
      kindOption ? { field: 'contractKind', origin: 'option' } : cpv ? { field: 'contractKind', origin: 'cpv', evidence: `${cpv.evidence.code} (${cpv.evidence.matched})` } : { field: 'contractKind', origin: 'default' },
      vat.origin,
    ];
    const vatRates = vat.included ? vatRatesFor(rules[jurisdiction], date, { cpv: cpv?.evidence.code ?? null, kind: contractKind }) : null;
    const input = { jurisdiction, buyer, contractKind, date, value: amount.value, vatIncluded: vat.included, ...(vatRates ? { vatRates: vatRates.rates } : {}) };
    const classified = classifyPurchase(input, rules);
    const verdict = cpv ? { ...classified, findings: [...classified.findings, ...cpvKindFindings(cpv, kindOption ?? null)] } : classified;
    const exit = verdict.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
    if (values.json) {
      const { vatRates: _rates, ...shown } = input;
      ctx.out(
        json({
          ...shown,
          value: moneyJson(input.value),
          origins,
          cpv,
          vat: vatRates,
          ...verdict,
          valueExclVat: moneyJson(verdict.valueExclVat),
          ...(verdict.dependsOn ? { dependsOn: { ...verdict.dependsOn, outcomes: verdict.dependsOn.outcomes.map((o) => ({ ...o, valueExclVat: moneyJson(o.valueExclVat) })) } } : {}),
        }),
      );
      return exit;
    }
    const { t, lang } = ctx;
    const out: string[] = [];
    if (jurisdictionOrigin.origin === 'value') out.push(t('cli.classify.jurisdiction-inferred', { jurisdiction, currency: jurisdictionOrigin.evidence, raw }));
    if (cpv) out.push(t('cli.classify.kind-from-cpv', { kind: t(`kind.${cpv.kind}`), code: cpv.evidence.code, matched: cpv.evidence.matched, rule: cpv.ruleId, status: t(`status.${cpv.status}`) }));
    if (!buyerOption) out.push(t('cli.classify.assumed', { what: t('cli.classify.what.buyer'), value: t(`buyer.${buyer}`), option: 'buyer' }));
    if (!kindOption && !cpv) out.push(t('cli.classify.assumed', { what: t('cli.classify.what.kind'), value: t(`kind.${contractKind}`), option: 'kind / --cpv' }));
    if (vatRates) {
      const rates = vatRates.rates.map((r) => `${formatNumber(lang, r.rate)} % (${t(`vat.category.${r.category}`)}, ${r.ruleId}, ${t(`status.${r.status}`)})`).join('; ');
      out.push(t('cli.classify.vat-rates', { rates, reason: t(`vat.reason.${vatRates.reason}`) }));
    }
    out.push(t('cli.classify.regime', { regime: `${verdict.regime} — ${t(`regime.${verdict.regime}`)}` }));
    if (verdict.dependsOn) {
      out.push(t('cli.classify.depends'));
      for (const o of verdict.dependsOn.outcomes) {
        out.push(t('cli.classify.outcome', { rate: o.rate, category: t(`vat.category.${o.category}`), regime: `${o.regime} — ${t(`regime.${o.regime}`)}`, net: toMajorNumber(o.valueExclVat), currency: o.valueExclVat.currency }));
      }
    }
    if (verdict.valueExclVat) out.push(t('cli.classify.value', { value: toMajorNumber(verdict.valueExclVat), currency: verdict.valueExclVat.currency }));
    out.push(t('cli.classify.rules'));
    for (const r of verdict.rules) out.push(`  [${statusLabel(lang, { status: r.status, verifiedBy: r.verifiedBy ?? undefined })}] ${r.id}: ${formatNumber(lang, r.value)} — ${r.title} <${r.url}>`);
    for (const f of verdict.findings) out.push(`${f.severity.toUpperCase()} ${f.code}: ${describeFinding(lang, f)}`);
    ctx.out(out.join('\n'));
    return exit;
  },
};
