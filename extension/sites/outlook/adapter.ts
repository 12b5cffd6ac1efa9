/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com). The open
 * message sits in the reading pane (`#ReadingPaneContainerId`, role main); the conversation's
 * subject is its level-2 heading. Each message of the conversation is an
 * `[aria-label="Email message"]` region; an expanded one (not `aria-expanded="false"`) shows its sender either as a name whose
 * `title` is the address (current UI) or as "Name <address>" text on the "From" line (older UI
 * and outlook.live.com). As in Gmail, the contact is the sender of the latest expanded message.
 * The item id is in the URL (`/mail/<folder>/id/<id>`), which Outlook changes with pushState.
 *
 * Try it on: https://outlook.office.com/mail/inbox/id/<item id> (fixtures beside it).
 */

import { FIELD_LIMITS } from '../../../shared/api/limits.ts';
import type { PageContact, PageRecord, SiteAdapter } from '../adapter.ts';
import { allMatches, cleanEmail, cleanText, firstMatch } from '../dom.ts';

export const OUTLOOK_SELECTORS = {
  readingPane: ['#ReadingPaneContainerId', '[role="main"][aria-label="Reading Pane"]'],
  subject: ['[role="heading"][aria-level="2"]', 'h2'],
  message: ['[aria-label="Email message"]', '[data-test-id="message"]'],
  /** Current UI: the sender's name, with the address as its tooltip. */
  senderWithTitle: ['[data-testid="SenderPersona"] span[title*="@"]', 'span[title*="@"]'],
  /** Older UI: a "From" line reading "Name <address>". */
  fromLine: ['[aria-label^="From"]', '.from'],
} as const;

const NAME_AND_ADDRESS = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/;

function readSender(message: Element): PageContact | null {
  const titled = firstMatch(message, OUTLOOK_SELECTORS.senderWithTitle);
  if (titled) {
    const name = cleanText(titled.textContent, FIELD_LIMITS.contactName);
    const email = cleanEmail(titled.getAttribute('title'));
    return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
  }
  const from = firstMatch(message, OUTLOOK_SELECTORS.fromLine);
  const parts = NAME_AND_ADDRESS.exec(cleanText(from?.textContent, 500).replace(/^From:?\s*/i, ''));
  if (!parts) return null;
  const name = cleanText(parts[1]?.replace(/^"|"$/g, ''), FIELD_LIMITS.contactName);
  const email = cleanEmail(parts[2]);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function itemId(location: Location): string {
  return /\/id\/([^/?#]+)/.exec(location.pathname)?.[1] ?? location.pathname;
}

export function readOutlookRecord(doc: Document, location: Location): PageRecord | null {
  const pane = firstMatch(doc, OUTLOOK_SELECTORS.readingPane);
  const subject = pane && firstMatch(pane, OUTLOOK_SELECTORS.subject);
  if (!pane || !subject) return null;
  const messages = allMatches(pane, OUTLOOK_SELECTORS.message);
  let contact: PageContact = {};
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as Element;
    // A collapsed message shows a one-line preview; the rep is answering the ones they opened.
    if (message.getAttribute('aria-expanded') === 'false') continue;
    const sender = readSender(message);
    if (sender) {
      contact = sender;
      break;
    }
  }
  return {
    key: `${itemId(location)}|${contact.email ?? contact.name ?? ''}`,
    subject: cleanText(subject.textContent, FIELD_LIMITS.sourceTitle),
    contact,
    url: location.href,
    anchor: subject,
  };
}

export const outlook: SiteAdapter = {
  id: 'outlook',
  name: 'Outlook',
  matches: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  readRecord: readOutlookRecord,
};
