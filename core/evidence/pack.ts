import type { IsoDate } from '../dates.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { DEFAULT_RULES, type RuleSet } from '../rules/packs/index.ts';
import { checklistPart } from './checklist.ts';
import { citationText } from './citations.ts';
import { partContext } from './context.ts';
import { declarationPart } from './declaration.ts';
import { paragraph, type Block, type EvidenceDocument } from './model.ts';
import { noticePart } from './notice-wording.ts';
import type { EvidencePurchase } from './purchase.ts';
import { recordPart } from './record.ts';

const PAGE_BREAK: Block = { kind: 'page-break' };

/** Letters, digits and dashes only: the same name on Windows, macOS, Linux and in a browser download. */
function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export function evidenceFileStem(p: EvidencePurchase): string {
  const where = p.origin.kind === 'sheet-row' ? `row-${p.origin.row}` : p.jurisdiction.toLowerCase();
  const what = fileSlug(p.description ?? '') || fileSlug(p.regime);
  return `inkludo-${where}-${what}`;
}

/**
 * The evidence pack for one purchase, as one document in four parts: the bidder's self-declaration,
 * the buyer's checklist, the notice wording and the record of the decision. Pure: everything comes
 * from the purchase and the rule packs; `madeOn` is the date written on the record.
 */
export function buildEvidencePack(purchase: EvidencePurchase, lang: Lang, madeOn: IsoDate, rules: RuleSet = DEFAULT_RULES): EvidenceDocument {
  const ctx = partContext(purchase, lang, rules);
  const { t } = ctx;
  const title = t('evidence.title', { purchase: purchase.description ?? t('evidence.untitled') });
  const example = ctx.basis.provision ?? ctx.basis.share?.citation ?? null;
  const blocks: Block[] = [
    paragraph(t('evidence.intro', { date: madeOn, pack: ctx.params.pack })),
    ...(example ? [paragraph(t('evidence.cite-format', { example: citationText(lang, example) }))] : []),
    ...declarationPart(ctx),
    PAGE_BREAK,
    ...checklistPart(ctx),
    PAGE_BREAK,
    ...noticePart(ctx),
    PAGE_BREAK,
    ...recordPart(ctx, madeOn),
  ];
  return { lang, title, fileStem: evidenceFileStem(purchase), blocks };
}
