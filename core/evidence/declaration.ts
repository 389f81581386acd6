import { formatOrgnr } from '../orgnr/index.ts';
import { bullets, field, heading, paragraph, type Block } from './model.ts';
import { ESPD_RESERVED } from './espd.ts';
import type { PartContext } from './context.ts';

/**
 * Part 1, the bidder's self-declaration: main purpose, the share on the jurisdiction's own
 * denominator as counts (never names), the date the counts refer to and the evidence to come,
 * mapped to the ESPD criterion on reserved procurement.
 */
export function declarationPart(ctx: PartContext): Block[] {
  const { t, purchase: p, basis, params } = ctx;
  const supplier = p.supplier;
  const blocks: Block[] = [
    heading(1, t('evidence.declaration.heading')),
    basis.provision
      ? paragraph(t('evidence.declaration.intro', { ...params, basis: basis.provision.title }), ctx.basisCites)
      : paragraph(t(`evidence.declaration.intro.${basis.kind}`, params), basis.threshold ? [basis.threshold] : [], 'warning'),
    paragraph(t('evidence.declaration.no-personal-data'), [], 'warning'),
    field(t('evidence.field.contract'), p.description),
    field(t('evidence.field.bidder'), supplier?.name ?? null),
    field(t('evidence.field.orgnr'), supplier?.orgnr ? formatOrgnr(supplier.orgnr, p.jurisdiction) : null),
    heading(2, t('evidence.declaration.purpose.heading')),
    { kind: 'checkbox', options: [t('evidence.yes'), t('evidence.no')], text: t('evidence.declaration.purpose.question') },
    heading(2, t('evidence.declaration.share.heading')),
    paragraph(t('evidence.declaration.share.rule', params), ctx.shareCites),
    paragraph(t(`evidence.declaration.count.${basis.denominator ?? 'unknown'}`, params)),
    field(t('evidence.field.target-count'), null),
    field(t('evidence.field.total-count', params), null),
    field(t('evidence.field.share'), null),
    field(t('evidence.field.counts-date'), null),
    paragraph(t('evidence.declaration.date-rule', params)),
    heading(2, t('evidence.declaration.evidence.heading')),
    bullets([
      t('evidence.declaration.evidence.purpose'),
      t('evidence.declaration.evidence.counts'),
      t('evidence.declaration.evidence.programme'),
      t('evidence.declaration.evidence.no-lists'),
    ]),
    heading(2, t('evidence.declaration.espd.heading')),
    paragraph(t('evidence.declaration.espd.intro', { name: ESPD_RESERVED.name, code: ESPD_RESERVED.typeCode, uuid: ESPD_RESERVED.uuid })),
    {
      kind: 'table',
      header: [t('evidence.declaration.espd.col.question'), t('evidence.declaration.espd.col.here')],
      rows: ESPD_RESERVED.questions.map((q) => [t(`evidence.espd.${q}`), t(`evidence.espd.${q}.here`, params)]),
    },
    paragraph(t('evidence.declaration.espd.denominator', params), ctx.shareCites),
    heading(2, t('evidence.declaration.sign.heading')),
    paragraph(t('evidence.declaration.sign.text')),
    field(t('evidence.field.place-date'), null),
    field(t('evidence.field.signature'), null),
  ];
  return blocks;
}
