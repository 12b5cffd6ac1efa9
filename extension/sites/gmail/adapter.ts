/**
 * Gmail (mail.google.com). An open thread has its subject in `h2[data-thread-perm-id]` (or the
 * legacy id) and one element per message with `data-message-id` / `data-legacy-message-id`.
 * The contact is the sender of the latest expanded message, found from the steadiest signals
 * first, because Gmail's class names and nesting differ between layouts (classic, conversation
 * view off, a popped-out thread, right-to-left languages, search results, accounts):
 *   1. the message's sender element: Gmail's own (`h3 [email]`, `.gD`), else the message's first
 *      `[email]` element wherever it sits (the sender comes before the recipients);
 *   2. its hovercard id (`data-hovercard-id`), when the sender element carries no `email`;
 *   3. the thread's participants (the latest message's, else the first in the thread), when no
 *      expanded message names anyone.
 * A message marked collapsed (`aria-expanded="false"`, Gmail's `kv`) is passed over in 1–2:
 * the rep is answering what they opened. A thread where none of this finds anyone is still a
 * record, without a contact (the sidebar says so when it logs).
 *
 * Try it on: https://mail.google.com/mail/u/0/#inbox/<thread id> (fixtures beside it).
 */
import { FIELD_LIMITS } from '../../../shared/api/limits.ts';
import type { PageContact, PageRecord, SiteAdapter } from '../adapter.ts';
import { allMatches, cleanEmail, cleanText, firstMatch, firstShown } from '../dom.ts';

export const GMAIL_SELECTORS = {
  subject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'],
  /** The region holding the open thread (a popped-out thread has none: the whole page). */
  thread: ['[role="main"]'],
  message: ['[data-message-id]', '[data-legacy-message-id]', 'div.adn'],
  /** Gmail's own sender element of an expanded message. */
  expandedSender: ['h3 [email]', '.gD[email]', '.gD[data-hovercard-id]', 'h3 [data-hovercard-id]'],
  /** Anything naming a person by address, in document order. */
  person: ['[email], [data-hovercard-id*="@"]'],
  collapsed: ['[aria-expanded="false"]', '.kv'],
} as const;

function threadId(subject: Element, location: Location): string {
  return (
    subject.getAttribute('data-thread-perm-id') ??
    subject.getAttribute('data-legacy-thread-id') ??
    new URLSearchParams(location.search).get('th') ??
    location.hash
  );
}

function contactOf(person: Element | null): PageContact {
  if (!person) return {};
  const email =
    cleanEmail(person.getAttribute('email')) ??
    cleanEmail(person.getAttribute('data-hovercard-id'));
  const name = cleanText(
    person.getAttribute('name') ?? person.textContent,
    FIELD_LIMITS.contactName,
  );
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function isCollapsed(message: Element, thread: ParentNode): boolean {
  const marked = message.closest(GMAIL_SELECTORS.collapsed.join(','));
  return marked !== null && (thread as Node).contains(marked);
}

/** The latest expanded message and its sender, by Gmail's own markup first, then any person. */
function latestSender(messages: Element[], thread: ParentNode): [Element, Element] | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as Element;
    const own = firstMatch(message, GMAIL_SELECTORS.expandedSender);
    if (own) return [message, own];
    if (isCollapsed(message, thread)) continue;
    const person = firstMatch(message, GMAIL_SELECTORS.person);
    if (person) return [message, person];
  }
  return null;
}

export function readGmailRecord(doc: Document, location: Location): PageRecord | null {
  const subject = firstShown(doc, GMAIL_SELECTORS.subject);
  if (!subject) return null;
  const thread: ParentNode = subject.closest(GMAIL_SELECTORS.thread[0]) ?? doc;
  const messages = allMatches(thread, GMAIL_SELECTORS.message);
  const found = latestSender(messages, thread);
  const participant =
    found?.[1] ??
    firstMatch(messages[messages.length - 1] ?? thread, GMAIL_SELECTORS.person) ??
    firstMatch(thread, GMAIL_SELECTORS.person);
  const contact = contactOf(participant);
  const message = found?.[0];
  const messageId =
    message?.getAttribute('data-message-id') ??
    message?.getAttribute('data-legacy-message-id') ??
    '';
  const id = threadId(subject, location);
  return {
    id,
    key: `${id}|${messageId}|${contact.email ?? contact.name ?? ''}`,
    subject: cleanText(subject.textContent, FIELD_LIMITS.sourceTitle),
    contact,
    url: location.href,
    anchor: subject,
  };
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/*'],
  readRecord: readGmailRecord,
};
