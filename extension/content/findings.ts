/**
 * What the page holds, as the panel lists it: registry suppliers (one entry per supplier, however
 * often and however it is mentioned), reservation wording, notice findings, and a count of the other
 * organisation numbers. Keeps each mark's range so marks go when the page removes or rewrites their
 * text, and words each supplier as the page allows: share and eligibility only on a notice reserved
 * under the 30 % rule, "in your registry (source, date)" elsewhere.
 */
import type { Translate } from '../../core/index.ts';
import { supplierFromText, type MatchedSuppliers } from '../shared/match-text.ts';
import type { MatchProvenance, NoticePanel, SupplierMatch } from '../shared/page-messages.ts';
import { supplierWords, type SupplierWords } from '../shared/supplier-words.ts';
import type { FlagKind } from './scan/scanner.ts';
import type { SupplierMention } from './scan/mentions.ts';
import type { MarkKind, Marks, TextSpan } from './ui/marks.ts';
import type { ListedFinding, PanelEntry } from './ui/finding-list.ts';

/** A mention or reservation wording on the page. */
export type Mark = TextSpan;

interface SupplierFinding {
  readonly marks: Mark[];
  /** Some mention gives the number itself; otherwise the page names the supplier only. */
  byNumber: boolean;
  next: number;
}

/**
 * Findings put in reading order when they are this many or fewer; a longer list keeps the order they
 * were found in (document order, but for content added later in the middle of the page), since the
 * order of nodes costs a walk up the tree per comparison.
 */
const MAX_SORTED = 300;

/** A registry supplier's details line, with the provenances of the answer it came in. */
interface Matched {
  readonly details: string;
  readonly provenances: readonly MatchProvenance[];
  read?: { match: SupplierMatch; words: SupplierWords } | null;
}

export interface FindingsOptions {
  readonly t: Translate;
  readonly marks: Marks;
  /** Scrolls to a mark, selects it and marks it as the current one. */
  goTo(mark: Mark): void;
}

export function createFindings(options: FindingsOptions) {
  const { t, marks } = options;
  /**
   * Registry suppliers seen on the page: their details as the background sent them, read and worded
   * when first listed (null when the details do not read).
   */
  const matches = new Map<string, Matched>();
  const read = (orgnr: string, entry: Matched): { match: SupplierMatch; words: SupplierWords } | null => {
    if (entry.read === undefined) {
      const match = supplierFromText(orgnr, entry.details);
      const provenance = match ? entry.provenances[match.provenance] : undefined;
      entry.read = match && provenance ? { match, words: supplierWords(match, provenance, t) } : null;
    }
    return entry.read;
  };
  const suppliers = new Map<string, SupplierFinding>();
  const others = new Map<string, number>();
  const reservations: { id: number; kind: FlagKind; mark: Mark }[] = [];
  let reservationIds = 0;
  /** Per text node its mentions and reservations; `kind` null: a name mention, not marked on the page. */
  const byNode = new Map<Text, { mark: Mark; kind: MarkKind | null; orgnrs: readonly string[] }[]>();
  let hasRegistry = false;
  let notice: NoticePanel | null = null;
  let mentions = 0;

  function remember(mark: Mark, kind: MarkKind | null, orgnrs: readonly string[], inOrder = false): void {
    if (kind) marks.add(kind, mark, inOrder);
    const list = byNode.get(mark.node);
    if (list) list.push({ mark, kind, orgnrs });
    else byNode.set(mark.node, [{ mark, kind, orgnrs }]);
  }

  function cycle(marksOf: readonly Mark[], at: number): void {
    for (let i = 0; i < marksOf.length; i++) {
      const mark = marksOf[(at + i) % marksOf.length];
      if (mark?.node.isConnected) return options.goTo(mark);
    }
  }

  function reservedContext(): boolean {
    return (notice?.reservedWorkIntegration ?? false) || reservations.some((r) => r.kind === 'work-integration');
  }

  function supplierEntry(orgnr: string, finding: SupplierFinding, known: Matched, reserved: boolean): PanelEntry {
    const go = () => cycle(finding.marks, finding.next++);
    const details = read(orgnr, known);
    // Details that do not read are a finding still: the number, and that its details are missing.
    if (!details) return { label: t('content.finding.supplier-unread', { orgnr }), notes: [], go };
    const { match, words } = details;
    const status = reserved ? words.reserved : words.inRegistry;
    const label = t(finding.byNumber ? 'content.finding.supplier' : 'content.finding.supplier-name', { name: match.name, orgnr, status });
    const notes: string[] = [];
    if (!finding.byNumber) notes.push(t('content.finding.name-only'), ...(match.jurisdiction === 'SE' ? [t('content.finding.name-only-se')] : []));
    if (finding.marks.length > 1) notes.push(t('content.finding.places', { count: finding.marks.length }));
    return { label, notes, ...(!finding.byNumber && match.jurisdiction === 'NO' ? { lookupOrgnr: orgnr } : {}), go };
  }

  return {
    /** The background's matches, kept for the suppliers they name. */
    addMatches(found: MatchedSuppliers, registry: boolean): void {
      hasRegistry = registry;
      found.orgnrs.forEach((orgnr, i) => {
        if (!matches.has(orgnr)) matches.set(orgnr, { details: found.details[i] ?? '', provenances: found.provenances });
      });
    },
    setNotice(panel: NoticePanel | null): void {
      notice = panel;
    },
    addMention(node: Text, mention: SupplierMention, inOrder = false): void {
      const mark: Mark = { node, start: mention.index, end: mention.index + mention.length };
      let registered = false;
      mentions++;
      for (const orgnr of mention.orgnrs) {
        if (!matches.has(orgnr)) continue;
        registered = true;
        let finding = suppliers.get(orgnr);
        if (!finding) suppliers.set(orgnr, (finding = { marks: [], byNumber: false, next: 0 }));
        finding.marks.push(mark);
        if (mention.via === 'orgnr') finding.byNumber = true;
      }
      if (!registered && mention.via === 'orgnr') {
        const digits = mention.orgnrs[0] ?? '';
        others.set(digits, (others.get(digits) ?? 0) + 1);
      }
      // Every number is marked alike; a name is found only because it is a registry name, so marking
      // it would tell the page who is in the registry: it is listed in the panel only.
      remember(mark, mention.via === 'orgnr' ? 'orgnr' : null, mention.orgnrs, inOrder);
    },
    addReservation(node: Text, kind: FlagKind, index: number, length: number): void {
      const mark: Mark = { node, start: index, end: index + length };
      reservations.push({ id: reservationIds++, kind, mark });
      remember(mark, 'reserved', []);
    },
    /** Marks in a node the page removed or rewrote go, and so do findings left without marks. */
    dropNode(node: Text): void {
      const gone = byNode.get(node);
      if (!gone) return;
      byNode.delete(node);
      for (const { mark, kind, orgnrs } of gone) {
        if (kind) marks.remove(kind, mark);
        if (kind !== 'reserved') mentions--;
        for (const orgnr of orgnrs) {
          const finding = suppliers.get(orgnr);
          if (finding) {
            finding.marks.splice(0, finding.marks.length, ...finding.marks.filter((m) => m.node !== node));
            if (finding.marks.length === 0) suppliers.delete(orgnr);
          }
          const other = others.get(orgnr);
          if (other !== undefined) {
            if (other <= 1) others.delete(orgnr);
            else others.set(orgnr, other - 1);
          }
        }
      }
      for (let i = reservations.length - 1; i >= 0; i--) if (reservations[i]?.mark.node === node) reservations.splice(i, 1);
    },
    counts() {
      return { reserved: (notice?.findings.length ?? 0) + reservations.length, suppliers: mentions, registryMatches: suppliers.size };
    },
    isEmpty(): boolean {
      return byNode.size === 0 && !notice;
    },
    /** Every finding for the panel in reading order (notice findings first), worded when shown, and the summary lines. */
    entries(): { entries: ListedFinding[]; summary: string[] } {
      const reserved = reservedContext();
      const onPage: { first: Node; listed: ListedFinding }[] = [];
      for (const r of reservations) {
        const entry = (): PanelEntry => ({ label: t('content.finding.reserved', { kind: t(`content.reserved.${r.kind}`) }), notes: [], go: () => options.goTo(r.mark) });
        onPage.push({ first: r.mark.node, listed: { key: `reserved:${r.id}`, entry } });
      }
      for (const [orgnr, finding] of suppliers) {
        const known = matches.get(orgnr);
        const first = finding.marks[0];
        if (known && first) onPage.push({ first: first.node, listed: { key: `supplier:${orgnr}`, entry: () => supplierEntry(orgnr, finding, known, reserved) } });
      }
      if (onPage.length <= MAX_SORTED) onPage.sort((a, b) => (a.first === b.first ? 0 : a.first.compareDocumentPosition(b.first) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const fromNotice: ListedFinding[] = (notice?.findings ?? []).map((f, i) => ({ key: `notice:${i}`, entry: () => ({ label: f.text, code: f.code, notes: [] }) }));
      const summary: string[] = [];
      if (others.size > 0) summary.push(t(hasRegistry ? 'content.others' : 'content.others-no-registry', { count: others.size }));
      return { entries: [...fromNotice, ...onPage.map((o) => o.listed)], summary };
    },
  };
}

export type Findings = ReturnType<typeof createFindings>;
