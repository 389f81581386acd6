import type { Lang } from '../i18n/catalogue.ts';
import type { VerificationStatus } from '../rules/schema.ts';

/**
 * A document as structure only: headings, paragraphs that carry their citations, lists, tables and
 * fields to fill in. Core builds it; a renderer outside core (render/docx.ts) turns it into a file.
 * Keeping the text here lets tests read exactly what a buyer will read, in every language.
 */

/** A rule the text rests on, as the rule pack states it. */
export interface Citation {
  readonly ruleId: string;
  readonly title: string;
  readonly url: string;
  /** verified, pending or unverified: a renderer writes the last two out, never hides them. */
  readonly status: VerificationStatus;
}

export interface Paragraph {
  readonly text: string;
  readonly cites: readonly Citation[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | ({ readonly kind: 'paragraph'; readonly tone?: 'normal' | 'warning' | 'quote' } & Paragraph)
  | { readonly kind: 'bullets'; readonly items: readonly Paragraph[] }
  /** A question with tick boxes, e.g. the bidder's yes/no on its main purpose. */
  | { readonly kind: 'checkbox'; readonly options: readonly string[]; readonly text: string }
  /** A labelled line: a value Inkludo knows, or null for a blank the reader fills in. */
  | { readonly kind: 'field'; readonly label: string; readonly value: string | null }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'page-break' };

export interface EvidenceDocument {
  readonly lang: Lang;
  readonly title: string;
  /** A file name without extension, safe on every file system. */
  readonly fileStem: string;
  readonly blocks: readonly Block[];
}

export const paragraph = (text: string, cites: readonly Citation[] = [], tone: 'normal' | 'warning' | 'quote' = 'normal'): Block => ({ kind: 'paragraph', text, cites, tone });
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const bullets = (items: readonly (Paragraph | string)[]): Block => ({
  kind: 'bullets',
  items: items.map((i) => (typeof i === 'string' ? { text: i, cites: [] } : i)),
});
export const field = (label: string, value: string | null): Block => ({ kind: 'field', label, value });

/** Every piece of text in a document, in reading order, citations included: what tests and the no-personal-data check read. */
export function documentText(doc: EvidenceDocument, citationText: (c: Citation) => string): string {
  const out: string[] = [doc.title];
  const para = (p: Paragraph) => [p.text, ...p.cites.map(citationText)].join(' ');
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'paragraph') out.push(para(b));
    else if (b.kind === 'bullets') out.push(...b.items.map(para));
    else if (b.kind === 'checkbox') out.push(`${b.options.map((o) => `☐ ${o}`).join(' ')} ${b.text}`);
    else if (b.kind === 'field') out.push(`${b.label}: ${b.value ?? ''}`);
    else if (b.kind === 'table') out.push(b.header.join(' | '), ...b.rows.map((r) => r.join(' | ')));
    else if (b.kind === 'link') out.push(`${b.text} ${b.url}`);
  }
  return out.join('\n');
}
