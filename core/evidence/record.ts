import { formatOrgnr } from '../orgnr/index.ts';
import { describeFinding } from '../rules/describe.ts';
import { PURCHASE_FIELDS, originRef } from '../sheet/read/origin.ts';
import { formatAmount } from '../value/format.ts';
import { citationsOf } from './citations.ts';
import { field, heading, paragraph, type Block } from './model.ts';
import type { PartContext } from './context.ts';
import type { EvidenceAssumption } from './purchase.ts';

function decision(ctx: PartContext): Block[] {
  const { t, purchase: p, basis } = ctx;
  const out: Block[] = [];
  if (basis.provision) out.push(paragraph(t('evidence.record.decision.reserve', { basis: basis.provision.title }), ctx.basisCites));
  else out.push(paragraph(t(`evidence.record.decision.${basis.kind}`), basis.threshold ? [basis.threshold] : [], 'warning'));
  const direct = p.findings.find((f) => f.code === 'DIRECT-AWARD-DOCUMENT');
  if (direct) out.push(paragraph(t('evidence.record.decision.direct-award', direct.params), citationsOf(direct.ruleIds, ctx.rules)));
  out.push(field(t('evidence.field.reasons'), null));
  return out;
}

function supplierRows(ctx: PartContext): Block[] {
  const { t, purchase: p } = ctx;
  const s = p.supplier;
  if (!s) return [paragraph(t('evidence.checklist.no-supplier'))];
  const out: Block[] = [field(t('evidence.field.bidder'), s.name), field(t('evidence.field.orgnr'), s.orgnr ? formatOrgnr(s.orgnr, p.jurisdiction) : null)];
  const entry = s.registry;
  if (!entry) {
    out.push(paragraph(t(s.registryLoaded ? 'evidence.checklist.not-in-registry' : 'evidence.checklist.no-registry'), [], 'warning'));
    return out;
  }
  const pv = entry.provenance;
  out.push(field(t('evidence.field.registry-source'), pv.url ? `${pv.source} <${pv.url}>` : pv.source));
  out.push(field(t('evidence.field.registry-retrieved'), pv.retrieved));
  out.push(field(t('evidence.field.registry-expires'), pv.expires ?? t('evidence.not-stated')));
  out.push(
    field(
      t('evidence.field.registry-share'),
      entry.share ? t('evidence.record.share', { percent: entry.share.percent, denominator: t(`evidence.denominator.${entry.share.denominator}`), asOf: entry.share.asOf }) : t('evidence.not-stated'),
    ),
  );
  out.push(field(t('evidence.field.purpose-attested'), entry.purposeAttested ? t('evidence.yes') : t('evidence.no')));
  if (s.eligibility) out.push(field(t('evidence.field.eligibility'), t(`eligibility.${s.eligibility}`)));
  out.push(paragraph(t('evidence.record.indicator'), [], pv.demo ? 'warning' : 'normal'));
  if (pv.demo) out.push(paragraph(t('evidence.demo'), [], 'warning'));
  return out;
}

/**
 * Part 4, the record of the decision: the purchase as classified, the decision and its legal basis,
 * the supplier and the registry provenance relied on, every finding, every rule used (with status),
 * and every assumption made.
 */
export function recordPart(ctx: PartContext, madeOn: string): Block[] {
  const { t, lang, purchase: p, basis } = ctx;
  const origin = p.origin.kind === 'sheet-row' ? t('evidence.record.origin.row', { row: p.origin.row, sheet: p.origin.sheet }) : t('evidence.record.origin.single');
  const used = citationsOf([...p.ruleIds, ...(basis.provision ? [basis.provision.ruleId] : []), ...(basis.share ? [basis.share.citation.ruleId] : [])], ctx.rules);
  const notVerified = used.filter((c) => c.status !== 'verified');
  const blocks: Block[] = [
    heading(1, t('evidence.record.heading')),
    heading(2, t('evidence.record.purchase.heading')),
    field(t('evidence.field.contract'), p.description),
    field(t('evidence.field.origin'), origin),
    field(t('evidence.field.jurisdiction'), ctx.params.country as string),
    field(t('evidence.field.value'), p.estimatedValue ? t('evidence.record.value', { value: formatAmount(p.estimatedValue, lang) }) : t('evidence.not-stated')),
    field(t('evidence.field.regime'), `${p.regime} — ${t(`regime.${p.regime}`)}`),
    field(t('evidence.field.contract-kind'), p.contractKind ? t(`kind.${p.contractKind}`) : t('evidence.not-stated')),
    field(t('evidence.field.buyer-kind'), p.buyer ? t(`buyer.${p.buyer}`) : t('evidence.not-stated')),
    field(t('evidence.field.cpv'), p.cpv.length ? p.cpv.join(', ') : t('evidence.not-stated')),
    field(t('evidence.field.classified-on'), p.date),
    field(t('evidence.field.made-on'), madeOn),
    heading(2, t('evidence.record.decision.heading')),
    ...decision(ctx),
    heading(2, t('evidence.record.supplier.heading')),
    ...supplierRows(ctx),
    heading(2, t('evidence.record.findings.heading')),
    p.findings.length
      ? {
          kind: 'table',
          header: [t('evidence.record.col.code'), t('evidence.record.col.severity'), t('evidence.record.col.text'), t('evidence.record.col.rules')],
          rows: p.findings.map((f) => [f.code, t(`evidence.severity.${f.severity}`), describeFinding(lang, f), f.ruleIds.join(', ')]),
        }
      : paragraph(t('evidence.record.no-findings')),
    heading(2, t('evidence.record.assumptions.heading')),
    ...(p.assumptions.length ? p.assumptions.map((a) => paragraph(assumptionText(ctx, a), [], 'warning')) : [paragraph(t('evidence.record.no-assumptions'))]),
    ...originsTable(ctx),
    heading(2, t('evidence.record.rules.heading')),
    paragraph(t('evidence.record.rules.intro', { packs: `${ctx.pack.jurisdiction} ${ctx.pack.version} (${ctx.pack.published})` })),
    {
      kind: 'table',
      header: [t('evidence.record.col.rule'), t('evidence.record.col.title'), t('evidence.record.col.status'), t('evidence.record.col.source')],
      rows: used.map((c) => [c.ruleId, c.title, t(`status.${c.status}`), c.url]),
    },
    ...(notVerified.length ? [paragraph(t('evidence.record.not-verified', { ids: notVerified.map((c) => c.ruleId).join(', ') }), [], 'warning')] : []),
    paragraph(t('evidence.record.policy', ctx.params)),
    field(t('evidence.field.decided-by'), null),
    field(t('evidence.field.place-date'), null),
  ];
  return blocks;
}

/** An assumption in words; codes among its params (a contract or buyer kind) by their label, as findings show them. */
function assumptionText(ctx: PartContext, a: EvidenceAssumption): string {
  return describeFinding(ctx.lang, { code: 'RULE-MISSING', severity: 'info', ruleIds: [], ...a });
}

/** Where each value of a sheet row came from: the cell, the header, the sheet, the user's choice or a default. */
function originsTable(ctx: PartContext): Block[] {
  const origins = ctx.purchase.origins;
  if (!origins) return [];
  const rows = PURCHASE_FIELDS.flatMap((field) => {
    const o = origins[field];
    if (!o) return [];
    const where = ctx.t(`origin.${o.source}`, { ref: originRef(o) });
    return [[ctx.t(`evidence.origin-field.${field}`), o.text ? ctx.t('evidence.record.origin-text', { where, text: o.text }) : where]];
  });
  if (rows.length === 0) return [];
  return [paragraph(ctx.t('evidence.record.origins')), { kind: 'table', header: [ctx.t('evidence.record.col.field'), ctx.t('evidence.record.col.from')], rows }];
}
