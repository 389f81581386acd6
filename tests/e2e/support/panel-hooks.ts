/**
 * Test-only reach into what the extension injects, from outside the page through the DevTools
 * protocol; nothing in the extension helps (its shadow root is closed in every build).
 * - `exposePanel`: gives the panel host a `shadowRoot` getter in the page's main world, so a test
 *   (and axe-core) can query inside. Never use it in a test about what page scripts can read.
 * - `inContentScript`: evaluates an expression in the extension's content-script world of the page,
 *   to show what a content script may and may not ask the background.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHost(node: DomNode): DomNode | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-inkludo' && attrs[i + 1] === 'panel') return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

async function withSession<T>(page: Page, job: (session: CDPSession) => Promise<T>): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    return await job(session);
  } finally {
    await session.detach();
  }
}

export async function exposePanel(page: Page): Promise<void> {
  await withSession(page, async (session) => {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error('no Inkludo panel host with a shadow root on the page');
    const { object } = (await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { get: () => root, configurable: true }); }',
    });
  });
}

export async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  return withSession(page, async (session) => {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    session.on('Runtime.executionContextCreated', (event: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(event.context));
    await session.send('Runtime.enable');
    const context = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
    if (!context) throw new Error('no content-script world on the page');
    const { result, exceptionDetails } = (await session.send('Runtime.evaluate', { contextId: context.id, expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: unknown };
      exceptionDetails?: { text: string };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  });
}
