/** DOM helpers for adapters: selectors tried in order (stable attributes first), text as text. */
import { FIELD_LIMITS } from '../../shared/api/limits.ts';

export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

export function allMatches(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * Visible text with whitespace collapsed, cut to `max` UTF-16 units (the API's caps, FIELD_LIMITS
 * in shared/api/limits.ts).
 */
export function cleanText(text: string | null | undefined, max: number): string {
  const collapsed = (text ?? '').replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  // Never cut an emoji (a surrogate pair) in half: a lone surrogate is not text.
  const end = /[\uD800-\uDBFF]/.test(collapsed.charAt(max - 1)) ? max - 1 : max;
  return collapsed.slice(0, end);
}

/**
 * The addresses the API accepts (zod's `z.email()` in shared/api/events.ts, ASCII only; the
 * unit test checks both agree). Content scripts keep zod out of their bundle, hence the copy.
 * A look-alike address (Cyrillic "а" for "a") fails here and is dropped: one odd sender must
 * not make the whole log invalid.
 */
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An address only if the API would take it (anything else is dropped, not sent). */
export function cleanEmail(text: string | null | undefined): string | undefined {
  const value = cleanText(text, FIELD_LIMITS.contactEmail).toLowerCase();
  return EMAIL.test(value) ? value : undefined;
}

/**
 * The page address a log keeps as evidence, within the API's cap: a cut URL would point somewhere
 * else, so an address that is too long loses its query and fragment, and is left out (a log
 * without evidence) only when even that is too long.
 */
export function evidenceUrl(href: string): string | undefined {
  if (href.length <= FIELD_LIMITS.sourceUrl) return href;
  const bare = href.replace(/[?#].*$/s, '');
  return bare.length <= FIELD_LIMITS.sourceUrl ? bare : undefined;
}

/**
 * Whether the page shows `element`: false inside a hidden subtree (`hidden`, `aria-hidden`,
 * an inline `display: none`, SLDS's `slds-hide`) and, in a browser, whenever CSS hides it
 * (`checkVisibility`). Apps keep the pages of records opened earlier in the DOM, hidden; only
 * the one in front may be read.
 */
export function isShown(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = node.getAttribute('style');
    if (
      node.hasAttribute('hidden') ||
      node.getAttribute('aria-hidden') === 'true' ||
      node.classList.contains('slds-hide') ||
      (style !== null && /display:\s*none/.test(style))
    )
      return false;
  }
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(element) : true;
}

/** The first element the page shows, trying `selectors` in order. */
export function firstShown(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    for (const found of root.querySelectorAll(selector)) if (isShown(found)) return found;
  }
  return null;
}

/**
 * An address standing on its own in text: a look-alike written with one non-ASCII letter
 * ("аda@…" with a Cyrillic "а") must not yield the ASCII rest of it ("da@…").
 */
const ADDRESS_IN_TEXT =
  /(?<![^\s<>()[\],;:"'])[A-Za-z0-9._%'+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?=$|[\s<>()[\],;:"']|\.(?:\s|$))/;

/** The first address written in `text` ("From: Ada <ada@example.com>"), if the API takes it. */
export function findEmail(text: string | null | undefined): string | undefined {
  return cleanEmail(ADDRESS_IN_TEXT.exec(text ?? '')?.[0]);
}

/**
 * The first address written as text inside `root`, one text node at a time (an element's
 * `textContent` runs neighbours together: "Email" + "ada@…" would read "Emailada@…").
 */
export function textEmail(root: ParentNode | null | undefined): string | undefined {
  if (!root) return undefined;
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const node of element.childNodes) {
      if (node.nodeType !== 3) continue;
      const email = findEmail((node as Text).data);
      if (email) return email;
    }
  }
  return undefined;
}
