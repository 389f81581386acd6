/**
 * A SpreadsheetML tokenizer for text that arrives in chunks (an inflating part): it walks the tags
 * and hands each one to a handler, which may ask for an element's whole content (a cell, a shared
 * string) as one string. Comments, processing instructions and declarations are skipped. Only the
 * unfinished tail of a chunk is kept, and never more than `maxPending` characters of it.
 */
import { XlsxError } from './errors.ts';
import { localNameOf, tagNameEnd } from './rich-text.ts';

export interface TagHandler {
  /**
   * A start, end or empty tag; `local` is its name without prefix (`/row` for an end tag), `tag` its
   * text. Return 'content' to receive the element's content through content(), 'stop' to end.
   */
  tag(local: string, tag: string, selfClosing: boolean): 'content' | 'stop' | undefined;
  content(local: string, tag: string, inner: string): void;
  /**
   * Optional, asked first at each `<`: an element of a shape the handler reads faster itself, taken
   * whole. Returns where the text after it starts, NOT_MINE to leave it to tag() and content(), or
   * INCOMPLETE when the text ends before the shape can be told.
   */
  element?(xml: string, lt: number): number;
}

/** element(): the tag is for tag() and content(). */
export const NOT_MINE = -1;
/** element(): more text is needed to tell. */
export const INCOMPLETE = -2;

export class TagScanner {
  private pending = '';
  private stopped = false;

  constructor(
    private readonly handler: TagHandler,
    private readonly maxPending: number,
  ) {}

  get done(): boolean {
    return this.stopped;
  }

  /** Feeds the next piece of the part's text; returns false once the handler has stopped. */
  feed(piece: string): boolean {
    if (this.stopped) return false;
    const text = this.pending + piece;
    const pos = this.walk(text);
    this.pending = pos >= text.length ? '' : text.slice(pos);
    if (this.pending.length > this.maxPending) throw new XlsxError('element-too-large', { limit: this.maxPending });
    return !this.stopped;
  }

  /**
   * The part has ended: an element still open (a cell cut off, a closing tag written oddly) would
   * be lost without a word, so it is an error.
   */
  end(part: string): void {
    if (this.stopped) return;
    const rest = this.pending;
    if (this.walk(rest) < rest.length) throw new XlsxError('bad-xml', { part, detail: rest.slice(0, 40) });
  }

  /** Walks complete tags from the start of `xml`; returns where the unfinished tail starts. */
  private walk(xml: string): number {
    const element = this.handler.element?.bind(this.handler);
    let pos = 0;
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) return xml.length;
      if (element) {
        const end = element(xml, lt);
        if (end === INCOMPLETE) return lt;
        if (end !== NOT_MINE) {
          pos = end;
          continue;
        }
      }
      const next = xml.charCodeAt(lt + 1);
      if (next === 0x21 || next === 0x3f) {
        // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE …>, <?xml …?>
        const closer = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>';
        const end = xml.indexOf(closer, lt + 2);
        if (end < 0) return lt;
        pos = end + closer.length;
        continue;
      }
      const gt = xml.indexOf('>', lt);
      if (gt < 0) return lt;
      const qname = xml.slice(lt + 1, tagNameEnd(xml, lt, gt));
      const local = localNameOf(qname);
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const tag = xml.slice(lt, gt + 1);
      const wants = this.handler.tag(local, tag, selfClosing);
      if (wants === 'stop') {
        this.stopped = true;
        return xml.length;
      }
      if (wants === 'content' && !selfClosing) {
        const closing = `</${qname}>`;
        const close = xml.indexOf(closing, gt + 1);
        if (close < 0) return lt;
        this.handler.content(local, tag, xml.slice(gt + 1, close));
        pos = close + closing.length;
      } else pos = gt + 1;
    }
  }
}
