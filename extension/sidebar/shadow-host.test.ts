/**
 * The sidebar's host on a linkedom page: mounted at the end of the body, in place of a sidebar
 * an earlier copy of the content script (one an extension update left behind) mounted there.
 */
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../content/context.ts';
import { createShadowHost } from './shadow-host.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function setUp() {
  const { document } = parseHTML(
    '<html><body><main><pacer-sidebar id="quoted">in the page\'s text</pacer-sidebar></main><pacer-sidebar id="stale"></pacer-sidebar><footer id="footer"></footer></body></html>',
  );
  vi.stubGlobal('document', document);
  const invalidated: (() => void)[] = [];
  const ctx = { onInvalidated: (cb: () => void) => invalidated.push(cb) };
  const content = document.createElement('aside') as unknown as HTMLElement;
  const ui = createShadowHost(ctx as unknown as PageContext, {
    name: 'pacer-sidebar',
    css: '.pacer{color:red}',
    content,
  });
  const invalidate = () => {
    for (const cb of invalidated) cb();
  };
  return { document, ui, content, invalidate };
}

describe('createShadowHost', () => {
  it("mounts last in the body, in place of an earlier copy's sidebar there", () => {
    const { document, ui, content } = setUp();
    ui.mount();
    const hosts = [...document.body.children].filter((el) => el.localName === 'pacer-sidebar');
    expect(hosts).toHaveLength(1);
    expect(document.body.lastElementChild).toBe(hosts[0]);
    expect(hosts[0]?.shadowRoot?.lastChild).toBe(content);
    expect(hosts[0]?.shadowRoot?.querySelector('style')?.textContent).toContain(
      '.pacer{color:red}',
    );
    expect(document.getElementById('stale')).toBeNull();
    // Only the body's own children are looked at: the page's elements elsewhere stay.
    expect(document.getElementById('quoted')).not.toBeNull();
    expect(document.getElementById('footer')).not.toBeNull();
  });

  it('mounting again keeps one sidebar; remove and invalidation take it away', () => {
    const { document, ui, invalidate } = setUp();
    ui.mount();
    ui.mount();
    const count = () =>
      [...document.body.children].filter((el) => el.localName === 'pacer-sidebar').length;
    expect(count()).toBe(1);
    ui.remove();
    expect(count()).toBe(0);
    ui.mount();
    invalidate();
    expect(count()).toBe(0);
  });
});
