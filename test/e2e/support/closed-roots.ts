/**
 * Reaching into Pacer's closed shadow roots from a test, the way only the browser's DevTools
 * protocol can (the page's own scripts cannot: `host.shadowRoot` is null for them): the box of
 * an element inside, to click it with a real (trusted) mouse click, and the root's markup, to
 * see what it shows.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The first closed-or-open shadow root hosted by an element matching `host`. */
async function shadowRootOf(cdp: CDPSession, host: string): Promise<number | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const { nodeId } = (await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: host,
  })) as { nodeId: number };
  if (!nodeId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as {
    node: DomNode;
  };
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
    backendNodeIds: [shadow.backendNodeId],
  })) as { nodeIds: number[] };
  return nodeIds[0] ?? null;
}

async function withCdp<T>(page: Page, use: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    return await use(cdp);
  } finally {
    await cdp.detach();
  }
}

/** The markup inside `host`'s shadow root ('' when there is none). */
export function shadowMarkup(page: Page, host: string): Promise<string> {
  return withCdp(page, async (cdp) => {
    const rootId = await shadowRootOf(cdp, host);
    if (!rootId) return '';
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: rootId })) as {
      outerHTML: string;
    };
    return outerHTML;
  });
}

/** Clicks, with the real mouse, the element matching `selector` inside `host`'s shadow root. */
export async function clickInShadow(page: Page, host: string, selector: string): Promise<void> {
  const centre = await withCdp(page, async (cdp) => {
    const rootId = await shadowRootOf(cdp, host);
    if (!rootId) throw new Error(`no shadow root under ${host}`);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: rootId, selector })) as {
      nodeId: number;
    };
    if (!nodeId) throw new Error(`no ${selector} in ${host}'s shadow root`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  });
  await page.mouse.click(centre.x, centre.y);
}
