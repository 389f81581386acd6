import { translate, type Lang } from '../i18n/index.ts';
import { citationOf } from './citations.ts';
import { heading, paragraph, type Block, type Citation } from './model.ts';
import { EMPLOYMENT_GUIDANCE } from './guidance.ts';
import type { PartContext } from './context.ts';

/** A notice is written in its country's language, whatever language the buyer reads the pack in. */
const NOTICE_LANG = { NO: 'nb', SE: 'sv' } as const satisfies Record<'NO' | 'SE', Lang>;
const INCLUSIVE_PROVISION = { NO: 'NO-SOC-5', SE: 'SE-SOC-17' } as const;

function reservationSentence(ctx: PartContext, lang: Lang, basis: Citation): string {
  const denominator = ctx.basis.denominator ? translate(lang, `evidence.denominator.${ctx.basis.denominator}`) : translate(lang, 'evidence.denominator.unknown');
  return translate(lang, 'evidence.notice.sentence', { required: ctx.params.required, denominator, basis: basis.title });
}

/**
 * Part 3, notice wording: the eForms codes to choose, a reservation sentence in the notice's
 * language with its legal basis, and, for inclusive contracts, where the national guidance is.
 */
export function noticePart(ctx: PartContext): Block[] {
  const { t, purchase: p, basis } = ctx;
  const noticeLang = NOTICE_LANG[p.jurisdiction];
  const blocks: Block[] = [
    heading(1, t('evidence.notice.heading')),
    paragraph(t('evidence.notice.regime', { regime: `${p.regime} — ${t(`regime.${p.regime}`)}` })),
    paragraph(t(`evidence.notice.need.${p.regime}`), ctx.regimeCites, p.regime === 'UNKNOWN' ? 'warning' : 'normal'),
    heading(2, t('evidence.notice.eforms.heading')),
    {
      kind: 'table',
      header: [t('evidence.notice.col.field'), t('evidence.notice.col.value'), t('evidence.notice.col.meaning')],
      rows: [
        ['BT-71', 'res-ws', t('evidence.notice.bt71')],
        ['BT-736', 'yes / no', t('evidence.notice.bt736')],
        ['BT-71', 'res-pub-ser', t('evidence.notice.not-res-pub-ser')],
      ],
    },
  ];
  if (basis.provision) {
    blocks.push(heading(2, t('evidence.notice.sentence.heading', { language: t(`evidence.lang.${noticeLang}`) })));
    blocks.push(paragraph(reservationSentence(ctx, noticeLang, basis.provision), [basis.provision, ...ctx.shareCites], 'quote'));
    if (ctx.lang !== noticeLang) blocks.push(paragraph(t('evidence.notice.sentence.translation', { text: reservationSentence(ctx, ctx.lang, basis.provision) })));
  } else {
    blocks.push(paragraph(t(`evidence.notice.no-sentence.${basis.kind}`), basis.threshold ? [basis.threshold] : [], 'warning'));
  }
  const inclusive = citationOf(INCLUSIVE_PROVISION[p.jurisdiction], ctx.rules);
  blocks.push(heading(2, t('evidence.notice.inclusive.heading')));
  blocks.push(paragraph(t(`evidence.notice.inclusive.${p.jurisdiction}`), inclusive ? [inclusive] : []));
  blocks.push(paragraph(t('evidence.notice.inclusive.guidance')));
  blocks.push({ kind: 'link', text: EMPLOYMENT_GUIDANCE.nationalModel.title, url: EMPLOYMENT_GUIDANCE.nationalModel.url });
  blocks.push({ kind: 'link', text: EMPLOYMENT_GUIDANCE.criteriaLibrary.title, url: EMPLOYMENT_GUIDANCE.criteriaLibrary.url });
  return blocks;
}
