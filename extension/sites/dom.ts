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
