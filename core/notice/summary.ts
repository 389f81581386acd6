import type { Translate } from '../i18n/index.ts';
import { formatOrgnr } from '../orgnr/index.ts';
import { describeSupplierStatus } from '../registry/describe-status.ts';
import type { Provenance } from '../registry/types.ts';
import { toMajorNumber, type Money } from '../value/money.ts';
import type { LotAssessment, LotSignal, NoticeAssessment } from './assess.ts';
import type { Notice, NoticeLot, NoticeParty } from './model.ts';

/**
 * The human-readable summary of a notice and its assessment, one line per entry, in the
 * translator's language. Always ends with the equal-treatment note.
 */
export function summariseNotice(notice: Notice, assessment: NoticeAssessment, t: Translate): string[] {
  const unknown = t('notice.unknown');
  const lines = [t('notice.heading', { id: notice.id ?? unknown })];
  lines.push(t('notice.type', { subtype: notice.subtype ?? unknown, noticeType: notice.noticeType ?? unknown }));
  if (notice.national) lines.push(t('notice.national'));
  if (notice.title) lines.push(t('notice.title', { title: notice.title }));
  for (const buyer of notice.buyers) {
    lines.push(t('notice.buyer', { name: buyer.name ?? unknown, orgnr: orgnrText(buyer, t), country: buyer.country ?? unknown }));
  }
  if (notice.estimatedValue) lines.push(t('notice.estimated-total', moneyParams(notice.estimatedValue)));

  const assessed = new Map(assessment.lots.map((a) => [a.lot, a]));
  for (const lot of notice.lots) {
    lines.push('', `${t(`notice.kind.${lot.kind}`)} ${lot.id}${lot.title ? `: ${lot.title}` : ''}`);
    lines.push(...lotLines(lot, assessed.get(lot.id), assessment.registry, t).map((l) => `  ${l}`));
  }
  if (notice.root === 'ContractAwardNotice') lines.push('', t('notice.award-hint', { procedureId: notice.procedureId ?? unknown }));

  lines.push('', t('notice.winners'));
  if (notice.winners.length === 0) lines.push(`  ${t('notice.winners-none')}`);
  const noLot = t('notice.lot-unknown');
  for (const w of notice.winners) lines.push(`  ${w.lot ?? noLot}: ${w.party.name ?? unknown} (${orgnrText(w.party, t)})`);

  if (assessment.registry && assessment.winnersInRegistry) {
    lines.push('', registryLine(assessment.registry, t), t('notice.registry-winners'));
    if (assessment.winnersInRegistry.length === 0) lines.push(`  ${t('notice.registry-winners-none')}`);
    for (const w of assessment.winnersInRegistry) {
      const params = { lot: w.lot ?? noLot, name: w.supplier.name, orgnr: formatOrgnr(w.supplier.orgnr, w.supplier.jurisdiction), ...provenanceParams(w.supplier.provenance, assessment.registry, t) };
      lines.push(`  ${t(w.matchedBy === 'name' ? 'notice.registry-winner-by-name' : 'notice.registry-winner', params)}`);
    }
  }
  if (notice.warnings.length > 0) lines.push('');
  for (const w of notice.warnings) lines.push(t(`notice.warning.${w.code}`, { raw: w.raw, at: w.at }));
  lines.push('', t('note.equal-treatment'));
  return lines;
}

function lotLines(lot: NoticeLot, assessed: LotAssessment | undefined, registry: Provenance | null, t: Translate): string[] {
  const lines: string[] = [];
  if (assessed) {
    if (lot.reserved.length === 0) lines.push(t('notice.signal.absent'));
    else if (assessed.signals.length === 0) lines.push(t('notice.signal.none'));
    lines.push(...assessed.signals.map((s) => signalLine(s, t)));
  }
  // `yes` is already a signal line with its legal basis; `no` and `not-known` are still worth stating.
  if (lot.reservedExecution && lot.reservedExecution !== 'yes') {
    const value = ['yes', 'no', 'not-known'].includes(lot.reservedExecution) ? t(`notice.execution.${lot.reservedExecution}`) : lot.reservedExecution;
    lines.push(t('notice.execution', { value }));
  }
  if (lot.socialObjectives.length > 0) lines.push(t('notice.social-objectives', { codes: lot.socialObjectives.join(', ') }));
  lines.push(lot.estimatedValue ? t('notice.value', moneyParams(lot.estimatedValue)) : t('notice.value-none'));
  if (lot.cpv.length > 0 || lot.cpvAdditional.length > 0) lines.push(t('notice.cpv', { codes: [...lot.cpv, ...lot.cpvAdditional].join(', ') }));
  if (assessed?.fitting && registry) {
    const count = assessed.fittingCount ?? assessed.fitting.length;
    lines.push(count > 0 ? t('notice.fitting', { count }) : t('notice.fitting-none'));
    for (const f of assessed.fitting) {
      const orgnr = formatOrgnr(f.supplier.orgnr, f.supplier.jurisdiction);
      lines.push(`  ${t('notice.fitting-item', { name: f.supplier.name, orgnr, cpv: f.cpv, ...provenanceParams(f.supplier.provenance, registry, t) })}`);
      lines.push(...describeSupplierStatus(t, f.supplier).map((l) => `    ${l}`));
    }
    if (count > assessed.fitting.length) lines.push(`  ${t('notice.fitting-capped', { count, shown: assessed.fitting.length })}`);
    if (assessed.places.known.length > 0) lines.push(t('registry.nuts.ranked', { regions: assessed.places.known.join(', ') }));
    for (const code of assessed.places.unknown) lines.push(t('registry.nuts.unknown', { code }));
  }
  return lines;
}

function signalLine(signal: LotSignal, t: Translate): string {
  const basis = signal.legalBasis;
  const citation = basis ? `${basis.reference.title} <${basis.reference.url}>${basis.status === 'verified' ? '' : ` (${t(`status.${basis.status}`)})`}` : '';
  return t(`notice.signal.${signal.kind}`, { citation });
}

/** Valid NO/SE numbers the way each country writes them; otherwise the raw text, or why it is not valid. */
function orgnrText(party: NoticeParty, t: Translate): string {
  if (party.orgnr !== null && party.orgnrJurisdiction !== null) return formatOrgnr(party.orgnr, party.orgnrJurisdiction);
  if (party.orgnrProblem === 'personal-number') return t('privacy.personal-number');
  if (party.orgnrRaw === null) return t('notice.orgnr.none');
  return party.orgnrProblem !== null ? t('notice.orgnr.invalid', { raw: party.orgnrRaw.trim() }) : party.orgnrRaw.trim();
}

function moneyParams(value: Money): { amount: number; currency: string } {
  return { amount: toMajorNumber(value), currency: value.currency ?? '' };
}

function registryLine(p: Provenance, t: Translate): string {
  return `${t('notice.registry', { source: p.source, retrieved: p.retrieved })}${p.demo ? ` · ${t('label.demo-data')}` : ''}`;
}

/** A supplier from a demo registry is demo data whatever its own row says. */
function provenanceParams(p: Provenance, registry: Provenance | null, t: Translate): { source: string; retrieved: string } {
  const demo = p.demo || registry?.demo === true;
  return { source: demo ? `${p.source} (${t('label.demo-data')})` : p.source, retrieved: p.retrieved };
}
