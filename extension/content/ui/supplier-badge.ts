/**
 * The badge after an org number or registry name: what the registry says (eligible under the 30 %
 * rule / in the registry / not in the registry), with source and date on demand, and for Norwegian
 * numbers a lookup in Enhetsregisteret through the background.
 */
import { formatOrgnr, type IsoDate, type Translate } from '../../../core/index.ts';
import type { ResponseOf } from '../../shared/messages.ts';
import type { SupplierMention } from '../scan/mentions.ts';
import { badgeVerdict } from '../scan/verdict.ts';
import { createHost, el } from './host.ts';

export interface BadgeContext {
  readonly t: Translate;
  readonly today: IsoDate;
  /** False when no registry is loaded: numbers were not compared with anything. */
  readonly hasRegistry: boolean;
  readonly doc?: Document;
  lookupBrreg(orgnr: string): Promise<ResponseOf<'brreg/lookup'>>;
}

const CSS = `
.badge{font:600 11px/1.4 system-ui,sans-serif;border-radius:9px;padding:0 6px;margin:0 2px;border:1px solid;cursor:pointer;vertical-align:baseline}
.eligible{background:#e3f4e8;color:#14532d;border-color:#4d9f6a}
.in-registry{background:#fff5d6;color:#5c4400;border-color:#c9a227}
.not-in-registry,.no-registry{background:#f1f3f5;color:#343a40;border-color:#adb5bd}
.details{display:block;font:12px/1.45 system-ui,sans-serif;color:#212529;background:#fff;border:1px solid #ced4da;border-radius:6px;padding:6px 8px;margin:4px 0;max-width:36em}
.details[hidden]{display:none}
.details p{margin:2px 0}
.demo{color:#a61e4d;font-weight:700}
.brreg{font:12px system-ui,sans-serif;margin-top:4px}
`;

export function supplierBadge(mention: SupplierMention, ctx: BadgeContext): HTMLElement {
  const doc = ctx.doc ?? document;
  const { t } = ctx;
  const verdict = badgeVerdict(mention.suppliers, ctx.today);
  const state = ctx.hasRegistry ? verdict.state : 'no-registry';
  const { host, shadow } = createHost('inkludo-badge', 'supplier', CSS, doc);
  host.setAttribute('data-orgnr', mention.digits);
  host.setAttribute('data-state', state);
  host.setAttribute('data-via', mention.via);
  const orgnr = formatOrgnr(mention.digits, mention.jurisdiction);

  const lines: { text: string; className?: string }[] = [];
  for (const s of mention.suppliers.slice(0, 1)) {
    lines.push({ text: t('content.badge.supplier', { name: s.name, orgnr: formatOrgnr(s.orgnr, s.jurisdiction) }) });
    lines.push({ text: t('content.badge.source', { source: s.provenance.source, retrieved: s.provenance.retrieved }) });
    if (s.provenance.demo) lines.push({ text: t('label.demo-data'), className: 'demo' });
  }
  if (mention.suppliers.length > 1) {
    lines.push({ text: t('content.badge.more-suppliers', { names: mention.suppliers.slice(1).map((s) => `${s.name} (${formatOrgnr(s.orgnr, s.jurisdiction)})`).join(', ') }) });
  }
  lines.push({ text: t(`content.badge.status.${ctx.hasRegistry ? (verdict.status ?? 'not-in-registry') : 'no-registry'}`, { share: verdict.sharePercent }) });

  const button = el(doc, 'button', { class: `badge ${state}`, type: 'button', 'aria-expanded': 'false' }, t(`content.badge.${state}`));
  button.title = [t('content.badge.details', { orgnr }), ...lines.map((l) => l.text)].join('\n');
  const details = el(doc, 'span', { class: 'details', role: 'group' });
  details.hidden = true;
  for (const line of lines) details.append(el(doc, 'p', line.className ? { class: line.className } : {}, line.text));
  if (mention.jurisdiction === 'NO') details.append(brregLookup(mention.digits, ctx, doc));
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    details.hidden = !details.hidden;
    button.setAttribute('aria-expanded', String(!details.hidden));
  });
  shadow.append(button, details);
  return host;
}

function brregLookup(orgnr: string, ctx: BadgeContext, doc: Document): HTMLElement {
  const { t } = ctx;
  const box = el(doc, 'span', { class: 'brreg' });
  const button = el(doc, 'button', { type: 'button', class: 'brreg-button' }, t('content.brreg.button'));
  const output = el(doc, 'output', { class: 'brreg-result', 'aria-live': 'polite' });
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    event.stopPropagation();
    button.disabled = true;
    output.replaceChildren(el(doc, 'p', {}, t('content.brreg.loading')));
    const answer = await ctx.lookupBrreg(orgnr);
    output.setAttribute('data-outcome', answer.ok ? answer.entity.status : answer.code);
    if (!answer.ok) {
      const text = answer.code === 'not-found' ? t('content.brreg.error.not-found') : t('content.brreg.error.failed', { code: answer.code });
      output.replaceChildren(el(doc, 'p', {}, text));
      button.disabled = false;
      return;
    }
    const e = answer.entity;
    const lines = [t('content.brreg.result', { name: e.name, status: t(`content.brreg.status.${e.status}`) })];
    if (e.legalForm) lines.push(t('content.brreg.legal-form', { text: e.legalForm.text }));
    if (e.industry) lines.push(t('content.brreg.industry', { code: e.industry.code, text: e.industry.text }));
    if (e.employees) {
      lines.push(e.employees.max === null ? t('content.brreg.employees-open', { min: e.employees.min }) : t('content.brreg.employees', { min: e.employees.min, max: e.employees.max }));
    }
    lines.push(t('content.brreg.retrieved', { retrieved: e.retrieved }));
    output.replaceChildren(...lines.map((line) => el(doc, 'p', {}, line)));
  });
  box.append(button, output);
  return box;
}
