/** DOM helpers for adapters: selectors tried in order (stable attributes first), text as text. */

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

/** Visible text with whitespace collapsed, cut to `max` characters. */
export function cleanText(text: string | null | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** An address only if it looks like one (anything else is dropped, not sent). */
export function cleanEmail(text: string | null | undefined): string | undefined {
  const value = cleanText(text, 254).toLowerCase();
  return EMAIL.test(value) ? value : undefined;
}
