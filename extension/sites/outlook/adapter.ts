/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com,
 * outlook.cloud.microsoft). The open message sits in the reading pane (`#ReadingPaneContainerId`,
 * right or bottom) or, with the reading pane off, in the page's main region; the conversation's
 * subject is its level-2 heading. Each message of the conversation is an
 * `[aria-label="Email message"]` region. An expanded one (not `aria-expanded="false"`) shows its
 * sender as a persona whose text is the name and whose `title` or `aria-label` holds the address
 * (current UI; a span or a button), or as "Name <address>" text on the "From" line (older UI and
 * outlook.live.com). As in Gmail, the contact is the sender of the latest expanded message.
 * The item id is in the URL (`/mail/<folder>/id/<id>`), which Outlook changes with pushState.
 *
 * Try it on: https://outlook.office.com/mail/inbox/id/<item id> (fixtures beside it).
 */
import { FIELD_LIMITS } from '../../../shared/api/limits.ts';
import type { PageContact, PageRecord, SiteAdapter } from '../adapter.ts';
import { allMatches, cleanEmail, cleanText, findEmail, firstMatch, firstShown } from '../dom.ts';

export const OUTLOOK_SELECTORS = {
  readingPane: [
    '#ReadingPaneContainerId',
    '[role="main"][aria-label="Reading Pane"]',
    '[role="main"]',
  ],
  subject: ['[role="heading"][aria-level="2"]', 'h2'],
  message: ['[aria-label="Email message"]', '[data-test-id="message"]'],
  /**
   * Current UI: the sender's persona (span or button), the address as its tooltip or in its
   * label; the sender comes before the recipients.
   */
  persona: [
    '[data-testid="SenderPersona"][title*="@"]',
    '[data-testid="SenderPersona"] [title*="@"]',
    '[title*="@"]',
    '[aria-label*="@"]',
  ],
  /** Older UI: a "From" line reading "Name <address>". */
  fromLine: ['[aria-label^="From"]', '.from'],
} as const;

const NAME_AND_ADDRESS = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/;

function fromText(text: string): PageContact | null {
  const parts = NAME_AND_ADDRESS.exec(cleanText(text, 500).replace(/^From:?\s*/i, ''));
  if (!parts) return null;
  const name = cleanText(parts[1]?.replace(/^"|"$/g, ''), FIELD_LIMITS.contactName);
  const email = cleanEmail(parts[2]);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function readSender(message: Element): PageContact | null {
  const persona = firstMatch(message, OUTLOOK_SELECTORS.persona);
  if (persona) {
    const label = persona.getAttribute('aria-label') ?? '';
    const email = cleanEmail(persona.getAttribute('title')) ?? findEmail(label);
    const name = cleanText(persona.textContent, FIELD_LIMITS.contactName) || fromText(label)?.name;
    return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
  }
  const from = firstMatch(message, OUTLOOK_SELECTORS.fromLine);
  return from ? fromText(from.textContent ?? '') : null;
}

function itemId(location: Location): string {
  return /\/id\/([^/?#]+)/.exec(location.pathname)?.[1] ?? location.pathname;
}

export function readOutlookRecord(doc: Document, location: Location): PageRecord | null {
  const pane = firstShown(doc, OUTLOOK_SELECTORS.readingPane);
  const subject = pane && firstShown(pane, OUTLOOK_SELECTORS.subject);
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
  const id = itemId(location);
  return {
    id,
    key: `${id}|${contact.email ?? contact.name ?? ''}`,
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
    'https://outlook.cloud.microsoft/*',
  ],
  readRecord: readOutlookRecord,
};
