/**
 * What the extension shows on a page, read the way a screen-reader user meets it: Chromium's
 * accessibility tree over the DevTools protocol (it includes closed shadow roots, which page scripts
 * and Playwright's selectors cannot see). Also the highlight registry the marks live in.
 */
import type { Page } from 'playwright-core';

export interface AxNode {
  readonly role: string;
  readonly name: string;
  readonly focused: boolean;
  readonly description: string;
  readonly children: AxNode[];
}

interface RawAxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
}

/** The page's accessibility tree; ignored nodes are left out and their children lifted. */
export async function axTree(page: Page): Promise<AxNode> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const build = (raw: RawAxNode): AxNode[] => {
      const children = (raw.childIds ?? []).flatMap((id) => {
        const child = byId.get(id);
        return child ? build(child) : [];
      });
      if (raw.ignored) return children;
      const focused = raw.properties?.some((p) => p.name === 'focused' && p.value.value === true) ?? false;
      return [{ role: raw.role?.value ?? '', name: raw.name?.value ?? '', description: raw.description?.value ?? '', focused, children }];
    };
    const root = nodes[0];
    if (!root) throw new Error('empty accessibility tree');
    return build(root)[0] ?? { role: 'none', name: '', description: '', focused: false, children: [] };
  } finally {
    await session.detach();
  }
}

export function descendants(node: AxNode): AxNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The Inkludo landmark region, or null when the page has none. */
export function inkludoRegion(tree: AxNode): AxNode | null {
  return [tree, ...descendants(tree)].find((n) => n.role === 'region' && n.name.includes('Inkludo')) ?? null;
}

export interface PanelView {
  /** The finding buttons' accessible names, in panel order. */
  readonly findings: string[];
  /** All text in the region (names of static text, links, list items). */
  readonly text: string;
  readonly links: { name: string }[];
  readonly focused: string | null;
}

export async function panelView(page: Page): Promise<PanelView | null> {
  const region = inkludoRegion(await axTree(page));
  if (!region) return null;
  const all = descendants(region);
  const list = all.find((n) => n.role === 'list' && n.name.includes('Findings') || n.role === 'list' && /Funn|Fynd/.test(n.name));
  const findings = list ? descendants(list).filter((n) => n.role === 'button' && !/Enhetsregisteret/.test(n.name)).map((n) => n.name) : [];
  return {
    findings,
    text: all.filter((n) => n.role === 'StaticText' || n.role === 'link' || n.role === 'button').map((n) => n.name).join('\n'),
    links: all.filter((n) => n.role === 'link').map((n) => ({ name: n.name })),
    focused: all.find((n) => n.focused)?.name ?? null,
  };
}

/** Polls the panel until `ready` holds (the scan runs in idle time and renders after a short delay). */
export async function waitForPanel(page: Page, ready: (view: PanelView) => boolean, timeoutMs = 10_000): Promise<PanelView> {
  const end = Date.now() + timeoutMs;
  let last: PanelView | null = null;
  while (Date.now() < end) {
    last = await panelView(page);
    if (last && ready(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`the Inkludo panel never got ready; last seen: ${JSON.stringify(last, null, 1)}`);
}

/** Runs in the page: the text under each mark, per highlight name, from the page's highlight registry. */
export function marksInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, ranges] of registry ?? []) {
    out[name] = [...ranges].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }
  return out;
}

export function markedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(marksInPage);
}
