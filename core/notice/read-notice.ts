import { isIsoDate } from '../dates.ts';
import { hidePersonalNumbers, parseOrgnr, PERSONAL_NUMBER_MARK } from '../orgnr/index.ts';
import { fromMajor, type Money } from '../value/money.ts';
import type { NoticeError } from './errors.ts';
import { noticeError } from './errors.ts';
import type { ContractNature, LotKind, Notice, NoticeLot, NoticeParty, NoticeRoot, NoticeTender, NoticeWarning } from './model.ts';
import { eformsPath as p, select, selectFirst, textAt, textsAt, trimmedText, type ElementPath } from './xml-query.ts';
import { DEFAULT_XML_LIMITS, parseXmlTree, type XmlElement, type XmlLimits } from './xml-tree.ts';

export type NoticeReadResult = { readonly ok: true; readonly notice: Notice } | { readonly ok: false; readonly error: NoticeError };

const ROOTS: readonly NoticeRoot[] = ['ContractNotice', 'ContractAwardNotice', 'PriorInformationNotice'];
const LOT_KINDS: readonly LotKind[] = ['Lot', 'Part', 'LotsGroup'];

// Paths from the eForms SDK 1.15 fields.json (see research/eforms-portals.md §1.1), relative to their context.
const EXTENSION = p('ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension');
const PATH = {
  noticeId: p("cbc:ID[@schemeName='notice-id']"),
  version: p('cbc:VersionID'),
  customization: p('cbc:CustomizationID'),
  issueDate: p('cbc:IssueDate'),
  buyerLegalType: p("cac:ContractingParty/cac:ContractingPartyType/cbc:PartyTypeCode[@listName='buyer-legal-type']"),
  contractNature: p("cbc:ProcurementTypeCode[@listName='contract-nature']"),
  procedureId: p('cbc:ContractFolderID'),
  noticeType: p('cbc:NoticeTypeCode'),
  language: p('cbc:NoticeLanguageCode'),
  subtype: p('efac:NoticeSubType/cbc:SubTypeCode'),
  buyerRef: p('cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID'),
  project: p('cac:ProcurementProject'),
  name: p('cbc:Name'),
  estimated: p('cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount'),
  mainCpv: p('cac:MainCommodityClassification/cbc:ItemClassificationCode'),
  additionalCpv: p('cac:AdditionalCommodityClassification/cbc:ItemClassificationCode'),
  places: p('cac:RealizedLocation/cac:Address/cbc:CountrySubentityCode'),
  lot: p('cac:ProcurementProjectLot'),
  id: p('cbc:ID'),
  reserved: p(
    "cac:TenderingTerms/cac:TendererQualificationRequest/cac:SpecificTendererRequirement/cbc:TendererRequirementTypeCode[@listName='reserved-procurement']",
  ),
  reservedExecution: p("cac:TenderingTerms/cac:ContractExecutionRequirement/cbc:ExecutionRequirementCode[@listName='reserved-execution']"),
  strategic: p("cac:ProcurementAdditionalType/cbc:ProcurementTypeCode[@listName='strategic-procurement']"),
  social: p("cac:ProcurementAdditionalType/cbc:ProcurementTypeCode[@listName='social-objective']"),
  company: p('efac:Organizations/efac:Organization/efac:Company'),
  orgRef: p('cac:PartyIdentification/cbc:ID'),
  orgName: p('cac:PartyName/cbc:Name'),
  orgId: p('cac:PartyLegalEntity/cbc:CompanyID'),
  orgCountry: p('cac:PostalAddress/cac:Country/cbc:IdentificationCode'),
  orgSize: p('efbc:CompanySizeCode'),
  result: p('efac:NoticeResult'),
  lotTender: p('efac:LotTender'),
  settledTender: p('efac:SettledContract/efac:LotTender/cbc:ID'),
  tenderingPartyRef: p('efac:TenderingParty/cbc:ID'),
  tenderLot: p('efac:TenderLot/cbc:ID'),
  tenderingParty: p('efac:TenderingParty'),
  lotResult: p('efac:LotResult'),
  lotResultTender: p('efac:LotTender/cbc:ID'),
  tendererRef: p('efac:Tenderer/cbc:ID'),
} as const;

/**
 * Reads an eForms UBL notice (ContractNotice, ContractAwardNotice, PriorInformationNotice). Never
 * throws: malformed, truncated, hostile or non-eForms input gives a typed error, bounded by `limits`.
 */
export function readNotice(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): NoticeReadResult {
  // A personal identity number (a sole trader's organisation id, one in a name or a note) is hidden
  // before anything is read, so that no field, warning or assessment of the notice can carry one.
  const tree = parseXmlTree(hidePersonalNumbers(xml), limits);
  if (!tree.ok) return tree;
  const root = tree.root;
  const rootName = ROOTS.find((r) => r === root.name && root.ns === `urn:oasis:names:specification:ubl:schema:xsd:${r}-2`);
  if (rootName === undefined) return { ok: false, error: noticeError('not-eforms', { root: clip(root.name) }) };
  return { ok: true, notice: buildNotice(root, rootName) };
}

function buildNotice(root: XmlElement, rootName: NoticeRoot): Notice {
  const warnings: NoticeWarning[] = [];
  const extensions = select(root, EXTENSION);
  const fromExtensions = (path: ElementPath) => extensions.flatMap((e) => select(e, path));
  const parties = partiesByRef(fromExtensions(PATH.company));
  const project = selectFirst(root, PATH.project);
  const customizationId = textAt(root, PATH.customization);
  const subtype = firstText(fromExtensions(PATH.subtype));
  const noticeTypeEl = selectFirst(root, PATH.noticeType);

  const buyers: NoticeParty[] = [];
  for (const ref of textsAt(root, PATH.buyerRef)) {
    const party = parties.get(ref);
    if (party) buyers.push(party);
    else warnings.push({ code: 'unresolved-reference', at: 'buyer', raw: clip(ref) });
  }
  const lots = select(root, PATH.lot).flatMap((lot) => readLot(lot, warnings));
  const { winners, tenderers } = readTenders(fromExtensions(PATH.result), parties, lots, warnings);

  return {
    root: rootName,
    id: textAt(root, PATH.noticeId),
    version: textAt(root, PATH.version),
    subtype,
    national: isNational(subtype, customizationId),
    noticeType: noticeTypeEl ? trimmedText(noticeTypeEl) : null,
    formType: noticeTypeEl?.attrs.listName?.trim() || null,
    language: textAt(root, PATH.language),
    customizationId,
    procedureId: textAt(root, PATH.procedureId),
    title: project ? textAt(project, PATH.name) : null,
    issueDate: isoDatePrefix(textAt(root, PATH.issueDate)),
    buyerLegalType: textAt(root, PATH.buyerLegalType)?.toLowerCase() ?? null,
    contractNature: contractNatureOf(project ? textAt(project, PATH.contractNature) : null),
    buyers,
    estimatedValue: project ? amountAt(project, 'procedure', warnings) : null,
    cpv: project ? textsAt(project, PATH.mainCpv) : [],
    lots,
    winners,
    tenderers,
    warnings,
  };
}

/** BT-05 is `2024-04-29+00:00`: the date part, when it is a real date. */
function isoDatePrefix(text: string | null): string | null {
  const date = text?.slice(0, 10) ?? null;
  return isIsoDate(date) ? date : null;
}

function contractNatureOf(code: string | null): ContractNature | null {
  const c = code?.toLowerCase();
  return c === 'works' || c === 'supplies' || c === 'services' ? c : null;
}

/** Text from the input echoed in errors and warnings, cut short: hostile input may hold megabytes in one name. */
function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function firstText(elements: readonly XmlElement[]): string | null {
  for (const el of elements) {
    const text = trimmedText(el);
    if (text !== null) return text;
  }
  return null;
}

/** Norway's below-threshold forms: subtypes N4/N16/N29, or the `…:eforms:national` / `national-e` customization. */
function isNational(subtype: string | null, customizationId: string | null): boolean {
  return /^N\d+$/i.test(subtype ?? '') || /:eforms:national/i.test(customizationId ?? '');
}

function codes(from: XmlElement, path: ElementPath): string[] {
  return [...new Set(textsAt(from, path).map((c) => c.toLowerCase()))];
}

function readLot(lot: XmlElement, warnings: NoticeWarning[]): NoticeLot[] {
  const idEl = selectFirst(lot, PATH.id);
  const id = idEl ? trimmedText(idEl) : null;
  const kind = LOT_KINDS.find((k) => k === idEl?.attrs.schemeName?.trim());
  if (id === null || kind === undefined) return [];
  const project = selectFirst(lot, PATH.project);
  const onProject = (path: ElementPath) => (project ? codes(project, path) : []);
  return [
    {
      id,
      kind,
      title: project ? textAt(project, PATH.name) : null,
      // BT-71 exists for lots and parts only; a group's terms are not a reservation.
      reserved: kind === 'LotsGroup' ? [] : codes(lot, PATH.reserved),
      reservedExecution: codes(lot, PATH.reservedExecution)[0] ?? null,
      strategic: onProject(PATH.strategic),
      socialObjectives: onProject(PATH.social),
      estimatedValue: project ? amountAt(project, id, warnings) : null,
      cpv: project ? textsAt(project, PATH.mainCpv) : [],
      cpvAdditional: project ? textsAt(project, PATH.additionalCpv) : [],
      places: project ? textsAt(project, PATH.places) : [],
    },
  ];
}

/** BT-27 as Money. An amount that is not an xs:decimal with at most two decimals becomes a warning, not a guess. */
function amountAt(project: XmlElement, at: string, warnings: NoticeWarning[]): Money | null {
  const el = selectFirst(project, PATH.estimated);
  const raw = el ? trimmedText(el) : null;
  if (el === null || raw === null) return null;
  const currency = el.attrs.currencyID?.trim().toUpperCase() || null;
  // Length first: the regex then never sees a megabyte of digits.
  const m = raw.length <= 40 ? /^\+?(\d{1,15})(?:\.(\d*?)0*)?$/.exec(raw) : null;
  if (!m || (m[2] ?? '').length > 2) {
    warnings.push({ code: 'value-unparseable', at: clip(at), raw: clip(raw) });
    return null;
  }
  return fromMajor(m[2] ? `${m[1]}.${m[2]}` : (m[1] ?? ''), currency);
}

function partiesByRef(companies: readonly XmlElement[]): Map<string, NoticeParty> {
  const out = new Map<string, NoticeParty>();
  for (const company of companies) {
    const ref = textAt(company, PATH.orgRef);
    if (ref === null || out.has(ref)) continue;
    const country = textAt(company, PATH.orgCountry)?.toUpperCase() ?? null;
    const idText = select(company, PATH.orgId).map((e) => e.text).find((t) => t.trim() !== '') ?? null;
    const personal = idText?.includes(PERSONAL_NUMBER_MARK) ?? false;
    const orgnrRaw = personal ? null : idText;
    // Only NO and SE numbers have a checksum we know; a Luxembourg id that happens to pass MOD11 is not Norwegian.
    const parsed = orgnrRaw !== null && (country === 'NOR' || country === 'SWE') ? parseOrgnr(orgnrRaw, country) : null;
    out.set(ref, {
      ref,
      name: textAt(company, PATH.orgName),
      orgnrRaw,
      orgnr: parsed?.digits ?? null,
      orgnrJurisdiction: parsed?.jurisdiction ?? null,
      orgnrProblem: personal ? 'personal-number' : (parsed?.problem ?? null),
      country,
      size: textAt(company, PATH.orgSize)?.toLowerCase() ?? null,
    });
  }
  return out;
}

/**
 * Winners and other tenderers per lot: SettledContract → LotTender → TenderingParty → Tenderer →
 * Organization. A LotTender is a winner iff a SettledContract references it (BT-3202).
 */
function readTenders(
  results: readonly XmlElement[],
  parties: ReadonlyMap<string, NoticeParty>,
  lots: readonly NoticeLot[],
  warnings: NoticeWarning[],
): { winners: NoticeTender[]; tenderers: NoticeTender[] } {
  const winners: NoticeTender[] = [];
  const tenderers: NoticeTender[] = [];
  const lotIds = new Set(lots.map((l) => l.id));
  const onlyLot = lots.length === 1 ? (lots[0]?.id ?? null) : null;
  for (const result of results) {
    const settled = new Set(textsAt(result, PATH.settledTender));
    // Re-converted legacy notices leave the tender's lot empty; the LotResult may still name it.
    const lotOfTender = new Map<string, string>();
    for (const lotResult of select(result, PATH.lotResult)) {
      const lot = textAt(lotResult, PATH.tenderLot);
      if (lot === null || !lotIds.has(lot)) continue;
      for (const tender of textsAt(lotResult, PATH.lotResultTender)) if (!lotOfTender.has(tender)) lotOfTender.set(tender, lot);
    }
    const tenderersOfParty = new Map<string, string[]>();
    for (const tp of select(result, PATH.tenderingParty)) {
      const id = textAt(tp, PATH.id);
      if (id !== null && !tenderersOfParty.has(id)) tenderersOfParty.set(id, textsAt(tp, PATH.tendererRef));
    }
    const losing: NoticeTender[] = [];
    const seen = new Set<string>();
    for (const lotTender of select(result, PATH.lotTender)) {
      const tender = textAt(lotTender, PATH.id);
      // LotResult also has efac:LotTender children, but those only hold a reference (no tendering party).
      const partyRef = textAt(lotTender, PATH.tenderingPartyRef);
      if (tender === null || partyRef === null) continue;
      const lot = textAt(lotTender, PATH.tenderLot) ?? lotOfTender.get(tender) ?? onlyLot;
      const orgRefs = tenderersOfParty.get(partyRef);
      if (orgRefs === undefined) {
        warnings.push({ code: 'unresolved-reference', at: clip(tender), raw: clip(partyRef) });
        continue;
      }
      const won = settled.has(tender);
      for (const orgRef of orgRefs) {
        const party = parties.get(orgRef);
        const key = `${won ? 'w' : 'l'}\u0000${lot ?? ''}\u0000${orgRef}`;
        if (party === undefined) warnings.push({ code: 'unresolved-reference', at: clip(tender), raw: clip(orgRef) });
        else if (!seen.has(key)) {
          seen.add(key);
          (won ? winners : losing).push({ lot, tender, party });
        }
      }
    }
    // An organisation that won a lot through one tender is not also a loser of that lot.
    for (const t of losing) if (!seen.has(`w\u0000${t.lot ?? ''}\u0000${t.party.ref}`)) tenderers.push(t);
  }
  return { winners, tenderers };
}
