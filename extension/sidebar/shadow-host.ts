/**
 * The sidebar's closed shadow root (shadow-mode.ts: the page's scripts cannot read the rep's
 * progress and recent logs in it): `<pacer-sidebar>` at the end of the page's body, holding
 * `<html><head><style/></head><body/></html>` with the styles inline, the same tree WXT's
 * createShadowRootUi builds. Done here in a few lines because that helper (and the element
 * waiting, event isolation and CSS splitting it brings) added about 9 KB to every content
 * script, all parsed on each page load, for none of its options in use.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SHADOW_ROOT_MODE } from './shadow-mode.ts';

export interface ShadowHost {
  mount(): void;
  remove(): void;
}

export function createShadowHost(
  ctx: ContentScriptContext,
  options: {
    name: string;
    css: string;
    onMount(container: HTMLElement): void;
    onRemove(container: HTMLElement): void;
  },
): ShadowHost {
  const host = document.createElement(options.name);
  const shadow = host.attachShadow({ mode: SHADOW_ROOT_MODE });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  // The host page's inherited styles stop at the host.
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  let mounted = false;
  const remove = () => {
    if (mounted) options.onRemove(body);
    mounted = false;
    host.remove();
    body.replaceChildren();
  };
  ctx.onInvalidated(remove);
  return {
    mount: () => {
      // A copy of this script from before an extension update may have left its sidebar here.
      for (const stale of document.querySelectorAll(options.name)) stale.remove();
      document.body.append(host);
      options.onMount(body);
      mounted = true;
    },
    remove,
  };
}
