/**
 * Every element the extension puts into a page: a custom element (so page CSS written for span/div
 * does not reach it) with `data-inkludo="<kind>"` and an open shadow root holding its own styles.
 * Text from the page only ever goes in through `textContent` (`el` below), never as markup.
 */
export type InjectedKind = 'supplier' | 'reserved' | 'notice-panel';

export function createHost(tag: string, kind: InjectedKind, css: string, doc: Document = document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute('data-inkludo', kind);
  const shadow = host.attachShadow({ mode: 'open' });
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

/** Only http(s) links from data are turned into hrefs. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
