/**
 * The sidebar's closed shadow root (shadow-mode.ts: the page's scripts cannot read the rep's
 * progress and recent logs in it): `<pacer-sidebar>` at the end of the page's body, holding the
 * styles inline and the sidebar's root. Done here in a few lines rather than with WXT's
 * createShadowRootUi, whose element waiting, event isolation and CSS splitting (none of its
 * options in use) added about 9 KB to every content script; nor the `<html><head><body>` tree
 * that helper builds: every kind of element a content script makes costs its isolated world a
 * first-use set-up, and nothing here styles by them.
 */
import type { PageContext } from '../content/context.ts';
import { SHADOW_ROOT_MODE } from './shadow-mode.ts';

export interface ShadowHost {
  mount(): void;
  remove(): void;
}

export function createShadowHost(
  ctx: PageContext,
  options: { name: string; css: string; content: HTMLElement },
): ShadowHost {
  const host = document.createElement(options.name);
  const shadow = host.attachShadow({ mode: SHADOW_ROOT_MODE });
  const style = document.createElement('style');
  // The host page's inherited styles stop at the host.
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  shadow.append(style, options.content);
  const remove = () => host.remove();
  ctx.onInvalidated(remove);
  return {
    mount: () => {
      // A copy of this script from before an extension update may have left its sidebar here,
      // where it mounts too: among the body's children (not a search of the whole page).
      for (const stale of [...document.body.children])
        if (stale.localName === options.name && stale !== host) stale.remove();
      document.body.append(host);
    },
    remove,
  };
}
