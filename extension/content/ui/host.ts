/**
 * The one element the extension puts into a page: a custom element (so page CSS written for span/div
 * does not reach it) with `data-inkludo="<kind>"` and a closed shadow root holding its own styles, so
 * page scripts cannot read what it shows (which suppliers are in the buyer's registry). It is
 * appended to the root element, after the body the page's own scripts render into. Text from the
 * page or the registry only ever goes in through `textContent` (`el` below), never as markup.
 */
export type InjectedKind = 'panel';

export function createHost(tag: string, kind: InjectedKind, css: string, doc: Document = document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute('data-inkludo', kind);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial}${css}`;
  shadow.append(style);
  return { host, shadow };
}

/** An element with text set as text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
