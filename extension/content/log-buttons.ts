/**
 * The "Log call / visit / meeting" buttons beside the open record's subject, in their own small
 * closed shadow root: the host's styles cannot touch them and its scripts cannot reach them, and
 * only a real click (or key press) logs (sidebar/trusted.ts). At most one set per page: a new
 * record replaces it, and nothing is left behind on abort.
 */
import { SHADOW_ROOT_MODE } from '../sidebar/shadow-mode.ts';
import { trusted } from '../sidebar/trusted.ts';
import type { PageRecord } from '../sites/adapter.ts';

export interface LogButton {
  metric: string;
  label: string;
}

export interface LogButtonsText {
  buttons: LogButton[];
  /** The buttons' tooltip when the page names no contact. */
  noContact: string;
}

const CSS = `
:host { display: inline-flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 4px 8px;
  vertical-align: middle; }
button { font: 500 12px/1 system-ui, sans-serif; padding: 5px 10px; border-radius: 14px;
  white-space: nowrap;
  border: 1px solid #2f6fed; background: #fff; color: #2f6fed; cursor: pointer; }
button:hover { background: #eef3ff; }
button:focus-visible { outline: 2px solid #2f6fed; outline-offset: 2px; }
.gain { font: 700 12px/1 system-ui, sans-serif; color: #1a7f37; align-self: center;
  animation: rise 0.6s ease-out; }
@keyframes rise { from { transform: translateY(6px); opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .gain { animation: none; } }
@media (prefers-color-scheme: dark) { button { background: #1d2125; color: #8fb5ff; border-color: #8fb5ff; } }
`;

const GAIN_MS = 1_500;

export const BUTTONS_ATTR = 'data-pacer-log-buttons';

export class LogButtons {
  #host: HTMLElement | null = null;
  #key: string | null = null;
  // Kept here: a closed root is not reachable through the host.
  #shadow: ShadowRoot | null = null;

  /** Shows buttons for `record` (or none); does nothing when they are already in place. */
  show(
    record: PageRecord | null,
    text: LogButtonsText,
    onLog: (metric: string, record: PageRecord) => void,
    /** The member is about to click (pointer over a button, or focus on one). */
    onIntent: () => void,
  ): void {
    if (record && this.#host?.isConnected && this.#key === record.key) return;
    this.remove();
    if (!record) return;
    const doc = record.anchor.ownerDocument;
    // Another copy of this script (an extension reload) may have left its buttons here, beside
    // the same subject (not a search of the whole page).
    for (const stale of record.anchor.parentNode?.querySelectorAll(`:scope > [${BUTTONS_ATTR}]`) ??
      [])
      stale.remove();
    const host = doc.createElement('span');
    host.setAttribute(BUTTONS_ATTR, record.key);
    const shadow = host.attachShadow({ mode: SHADOW_ROOT_MODE });
    host.addEventListener('pointerover', onIntent);
    host.addEventListener('focusin', onIntent);
    const noContact = !record.contact.name && !record.contact.email;
    const style = doc.createElement('style');
    style.textContent = CSS;
    shadow.append(style);
    for (const button of text.buttons) {
      const el = doc.createElement('button');
      el.type = 'button';
      el.textContent = button.label;
      // An attribute, not `dataset`: one interface fewer for the script's world to set up at load.
      el.setAttribute('data-metric', button.metric);
      if (noContact) el.title = text.noContact;
      el.addEventListener(
        'click',
        trusted(() => onLog(button.metric, record)),
      );
      shadow.append(el);
    }
    record.anchor.after(host);
    this.#host = host;
    this.#shadow = shadow;
    this.#key = record.key;
  }

  /** Shows what a log earned ("+2 pts") beside its button for a moment. */
  gain(metric: string, text: string): void {
    const el = [...(this.#shadow?.querySelectorAll('button') ?? [])].find(
      (b) => b.getAttribute('data-metric') === metric,
    );
    if (!el) return;
    const note = el.ownerDocument.createElement('span');
    note.className = 'gain';
    note.setAttribute('data-pacer-gain', metric);
    note.textContent = text;
    el.after(note);
    setTimeout(() => note.remove(), GAIN_MS);
  }

  remove(): void {
    this.#host?.remove();
    this.#host = null;
    this.#shadow = null;
    this.#key = null;
  }
}
