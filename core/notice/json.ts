import type { Provenance, Supplier } from '../registry/types.ts';
import { moneyJson } from '../value/money.ts';
import { FITTING_SHOWN_PER_LOT, type NoticeAssessment } from './assess.ts';
import type { Notice, NoticeParty, NoticeTender } from './model.ts';

/**
 * The stable JSON of ARCHITECTURE.md (`inkludo notice FILE.xml --json`). Fields may be added, never
 * removed or renamed: id, subtype, buyers[{name, orgnr, country}], lots[{id, reserved,
 * reservedExecution, socialObjectives, estimatedValue, cpv}], winners[{lot, name, orgnr}].
 */
export function noticeJson(notice: Notice, assessment: NoticeAssessment | null = null) {
  return {
    id: notice.id,
    subtype: notice.subtype,
    noticeType: notice.noticeType,
    formType: notice.formType,
    national: notice.national,
    language: notice.language,
    title: notice.title,
    procedureId: notice.procedureId,
    issueDate: notice.issueDate,
    contractNature: notice.contractNature,
    buyerLegalType: notice.buyerLegalType,
    buyers: notice.buyers.map(partyJson),
    estimatedValue: moneyJson(notice.estimatedValue),
    cpv: notice.cpv,
    lots: notice.lots.map((lot) => ({
      id: lot.id,
      kind: lot.kind,
      title: lot.title,
      reserved: lot.reserved,
      reservedExecution: lot.reservedExecution,
      socialObjectives: lot.socialObjectives,
      strategic: lot.strategic,
      estimatedValue: moneyJson(lot.estimatedValue),
      cpv: lot.cpv,
      cpvAdditional: lot.cpvAdditional,
      places: lot.places,
    })),
    winners: notice.winners.map(tenderJson),
    tenderers: notice.tenderers.map(tenderJson),
    warnings: notice.warnings,
    ...(assessment ? { assessment: assessmentJson(assessment) } : {}),
  };
}

function partyJson(party: NoticeParty) {
  return { name: party.name, orgnr: party.orgnr, orgnrRaw: party.orgnrRaw, country: party.country };
}

function tenderJson(tender: NoticeTender) {
  return { lot: tender.lot, ...partyJson(tender.party), size: tender.party.size };
}

function supplierJson(supplier: Supplier) {
  return { orgnr: supplier.orgnr, name: supplier.name, jurisdiction: supplier.jurisdiction, provenance: provenanceJson(supplier.provenance) };
}

function provenanceJson(p: Provenance) {
  return { source: p.source, url: p.url, retrieved: p.retrieved, expires: p.expires, demo: p.demo };
}

function assessmentJson(a: NoticeAssessment) {
  return {
    buyerCountry: a.buyerCountry,
    lots: a.lots.map((lot) => ({
      lot: lot.lot,
      kind: lot.kind,
      signals: lot.signals,
      fitting: lot.fitting?.map((f) => ({ cpv: f.cpv, inRegion: f.inRegion, ...supplierJson(f.supplier) })) ?? null,
      // `fitting` lists at most fittingShownMax suppliers; fittingCount is how many fit in all.
      fittingCount: lot.fittingCount,
      fittingShownMax: lot.fitting === null ? null : FITTING_SHOWN_PER_LOT,
      places: lot.places,
    })),
    winnersInRegistry: a.winnersInRegistry?.map((w) => ({ lot: w.lot, matchedBy: w.matchedBy, ...supplierJson(w.supplier) })) ?? null,
    registry: a.registry ? provenanceJson(a.registry) : null,
  };
}
