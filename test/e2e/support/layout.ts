/**
 * Layout checks for screenshots: no horizontal page scroll, no two pieces of text drawn over each
 * other, no text cut off by a box that hides its overflow. They read the rendered text boxes
 * (Range.getClientRects of every visible text node), so they see what a person would.
 */
import type { Page } from 'playwright-core';

export interface LayoutReport {
  /** How far the page scrolls sideways (px); 0 when it fits its viewport. */
  horizontalScroll: number;
  /** Pairs of text that overlap, as "text A" × "text B". */
  overlaps: string[];
  /** Text cut off by an ancestor with `overflow: hidden` / `clip`. */
  clipped: string[];
}

/**
 * Checks the page, or only inside `host`'s shadow root (a sidebar on a site whose own layout is
 * not Pacer's to judge).
 */
export function layoutReport(page: Page, host?: string): Promise<LayoutReport> {
  return page.evaluate((hostSelector) => {
    const root: Document | ShadowRoot | null = hostSelector
      ? (document.querySelector(hostSelector)?.shadowRoot ?? null)
      : document;
    const scroller = document.scrollingElement ?? document.documentElement;
    const horizontalScroll = hostSelector
      ? 0
      : Math.max(0, scroller.scrollWidth - scroller.clientWidth);
    if (!root) return { horizontalScroll, overlaps: [], clipped: [] };
    const SKIP = new Set(['SCRIPT', 'STYLE', 'TITLE', 'OPTION', 'SELECT', 'TEXTAREA', 'NOSCRIPT']);
    type Rect = { left: number; right: number; top: number; bottom: number };
    /** `rect` as far as it shows through the scrolling and clipping boxes around `el`. */
    const shown = (el: Element, rect: Rect): Rect | null => {
      let r = { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
      for (let node = el.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = node.getBoundingClientRect();
        r = {
          left: Math.max(r.left, c.left),
          right: Math.min(r.right, c.right),
          top: Math.max(r.top, c.top),
          bottom: Math.min(r.bottom, c.bottom),
        };
        if (r.right - r.left < 1 || r.bottom - r.top < 1) return null;
      }
      return r;
    };
    type Box = { text: string; el: Element; rect: DOMRect; visible: Rect | null };
    const boxes: Box[] = [];
    const hiddenAncestor = (el: Element): boolean => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0')
          return true;
        const r = node.getBoundingClientRect();
        // Screen-reader-only text: a 1 px clipped box.
        if (r.width <= 1 && r.height <= 1) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || SKIP.has(el.tagName) || el.closest('select')) continue;
      if (hiddenAncestor(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0.5 && rect.height > 0.5)
          boxes.push({ text, el, rect, visible: shown(el, rect) });
      }
    }
    const overlaps: string[] = [];
    // Overlap of more than a sliver (fonts' line boxes may touch by a pixel).
    const SLACK = 2;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        // What a person sees: text scrolled out of its box is not drawn over anything.
        const a = (boxes[i] as Box).visible;
        const b = (boxes[j] as Box).visible;
        if (!a || !b) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > SLACK && h > SLACK)
          overlaps.push(`"${(boxes[i] as Box).text}" × "${(boxes[j] as Box).text}"`);
      }
    }
    const clipped: string[] = [];
    for (const box of boxes) {
      for (let node = box.el as Element | null; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        const hides = (v: string) => v === 'hidden' || v === 'clip';
        if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
        const r = node.getBoundingClientRect();
        if (
          box.rect.left < r.left - 1 ||
          box.rect.right > r.right + 1 ||
          box.rect.top < r.top - 1 ||
          box.rect.bottom > r.bottom + 1
        ) {
          clipped.push(
            `"${box.text}" in <${node.tagName.toLowerCase()} class="${node.className}">`,
          );
          break;
        }
      }
    }
    return { horizontalScroll, overlaps: [...new Set(overlaps)], clipped: [...new Set(clipped)] };
  }, host);
}
