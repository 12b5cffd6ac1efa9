/**
 * What the sidebar shows while collapsed (the pill, toasts) is built with the DOM itself, so a
 * content script carries no UI library: the expanded panel brings Preact with it when it loads
 * (panel-host.ts). These helpers keep that code short. Text is only ever set as text.
 */
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined>;

function fill<E extends Element>(element: E, props: Props, children: Child[]): E {
  for (const [name, value] of Object.entries(props))
    if (value !== null && value !== undefined && value !== false)
      element.setAttribute(name, value === true ? '' : String(value));
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      element.append(typeof child === 'object' ? child : String(child));
  return element;
}

/** An HTML element with attributes (names as in HTML: `class`, `aria-label`) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), props, children);
}

/** Sets an attribute, or removes it for null/undefined/false (as Preact does). */
export function attr(element: Element, name: string, value: string | null | undefined | false) {
  if (value === null || value === undefined || value === false) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Sets a node's text only when it differs (no needless mutation records or relayout). */
export function text(node: Node, value: string | number): void {
  const next = String(value);
  if (node.textContent !== next) node.textContent = next;
}
