/**
 * The evidence pack as a Word document. Runs unchanged in Node (the CLI) and in a browser task pane
 * (the add-in): the `docx` library builds the OOXML and zips it with fflate, no Node APIs needed.
 * Layout only: every word comes from core's document model.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { LOCALE_OF, citationText, type Block, type Citation, type EvidenceDocument, type Lang } from '../core/index.ts';

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BLANK = '________________________________';
const WARNING_COLOUR = '9C2700';
const CITE_COLOUR = '44546A';

function citationRun(lang: Lang, c: Citation): ExternalHyperlink {
  // A pending or unverified rule stands out: bold and in the warning colour.
  const unsure = c.status !== 'verified';
  return new ExternalHyperlink({
    link: c.url,
    children: [new TextRun({ text: ` ${citationText(lang, c)}`, size: 18, color: unsure ? WARNING_COLOUR : CITE_COLOUR, bold: unsure })],
  });
}

function textParagraph(lang: Lang, text: string, cites: readonly Citation[], options: { bullet?: boolean; tone?: 'normal' | 'warning' | 'quote' } = {}): Paragraph {
  const tone = options.tone ?? 'normal';
  return new Paragraph({
    bullet: options.bullet ? { level: 0 } : undefined,
    indent: tone === 'quote' ? { left: 567, right: 567 } : undefined,
    shading: tone === 'warning' ? { type: ShadingType.CLEAR, fill: 'FFF4E5', color: 'auto' } : undefined,
    spacing: { after: 120 },
    children: [new TextRun({ text, italics: tone === 'quote', bold: tone === 'warning' }), ...cites.map((c) => citationRun(lang, c))],
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, head: boolean) =>
    new TableCell({
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      shading: head ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: head, size: 18 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))],
  });
}

function render(lang: Lang, block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [textParagraph(lang, block.text, block.cites, { tone: block.tone })];
    case 'bullets':
      return block.items.map((i) => textParagraph(lang, i.text, i.cites, { bullet: true }));
    case 'checkbox':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `${block.options.map((o) => `☐ ${o}`).join('   ')}   `, bold: true }), new TextRun(block.text)] })];
    case 'field':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `${block.label}: `, bold: true }), new TextRun(block.value ?? BLANK)] })];
    case 'table':
      return [table(block.header, block.rows), new Paragraph({ children: [] })];
    case 'link':
      return [new Paragraph({ bullet: { level: 0 }, children: [new ExternalHyperlink({ link: block.url, children: [new TextRun({ text: `${block.text}: ${block.url}`, style: 'Hyperlink' })] })] })];
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The document as a Word file. No author, user or machine name is written into its properties. */
export function evidenceDocx(doc: EvidenceDocument): Document {
  return new Document({
    creator: 'Inkludo',
    lastModifiedBy: 'Inkludo',
    title: doc.title,
    description: doc.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: LOCALE_OF[doc.lang] } } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT, children: [new TextRun(doc.title)] }),
          ...doc.blocks.flatMap((b) => render(doc.lang, b)),
        ],
      },
    ],
  });
}

/** The .docx bytes, in Node and in a browser alike. */
export async function evidenceDocxBytes(doc: EvidenceDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(evidenceDocx(doc)));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
