import { formatNumber } from '../i18n/index.ts';
import { bullets, field, heading, paragraph, type Block } from './model.ts';
import type { PartContext } from './context.ts';

/** What the registry says about the supplier's share, labelled as an indicator with its source and date. */
function registryEvidence(ctx: PartContext): Block[] {
  const { t, lang, purchase: p } = ctx;
  const entry = p.supplier?.registry;
  if (!p.supplier) return [paragraph(t('evidence.checklist.no-supplier'))];
  if (!entry) return [paragraph(t(p.supplier.registryLoaded ? 'evidence.checklist.not-in-registry' : 'evidence.checklist.no-registry'), [], 'warning')];
  const src = { source: entry.provenance.source, retrieved: entry.provenance.retrieved };
  const out: Block[] = [];
  if (entry.share) {
    out.push(
      paragraph(
        t('evidence.checklist.registry-share', {
          ...src,
          percent: formatNumber(lang, entry.share.percent),
          denominator: t(`evidence.denominator.${entry.share.denominator}`),
          asOf: entry.share.asOf,
        }),
        ctx.shareCites,
      ),
    );
  } else out.push(paragraph(t('evidence.checklist.registry-no-share', src), [], 'warning'));
  if (p.supplier.eligibility) out.push(field(t('evidence.field.eligibility'), t(`eligibility.${p.supplier.eligibility}`)));
  if (entry.provenance.demo) out.push(paragraph(t('evidence.demo'), [], 'warning'));
  return out;
}

/**
 * Part 2, the buyer's checklist: what to check when tenders come in, how to keep checking during the
 * contract, and what to do when the share falls below the requirement.
 */
export function checklistPart(ctx: PartContext): Block[] {
  const { t, params } = ctx;
  return [
    heading(1, t('evidence.checklist.heading')),
    heading(2, t('evidence.checklist.submission.heading')),
    bullets([
      t('evidence.checklist.submission.returned'),
      { text: t('evidence.checklist.submission.purpose'), cites: ctx.basisCites },
      { text: t('evidence.checklist.submission.share', params), cites: ctx.shareCites },
      { text: t(`evidence.checklist.submission.denominator.${ctx.basis.denominator ?? 'unknown'}`, params), cites: ctx.shareCites },
      t('evidence.checklist.submission.date', params),
      { text: t('evidence.checklist.submission.stated', params), cites: ctx.basisCites },
      t('evidence.checklist.submission.personal-data'),
    ]),
    heading(2, t('evidence.checklist.contract.heading')),
    bullets([
      t('evidence.checklist.contract.recheck', params),
      t('evidence.checklist.contract.options', params),
      t('evidence.checklist.contract.notify', params),
      t('evidence.checklist.contract.followup'),
    ]),
    heading(2, t('evidence.checklist.below.heading', params)),
    bullets([
      t('evidence.checklist.below.ask'),
      t('evidence.checklist.below.options'),
      t('evidence.checklist.below.record'),
      t('evidence.checklist.below.advice'),
    ]),
    heading(2, t('evidence.checklist.current.heading')),
    ...registryEvidence(ctx),
  ];
}
