/**
 * Gmail (mail.google.com). An open thread has its subject in `h2[data-thread-perm-id]` and one
 * element per message with `data-message-id` / `data-legacy-message-id`; an expanded message
 * names its sender in `h3 span[email]`. Class names (`hP`, `adn`, `gD`) are only fallbacks: Gmail
 * changes them, the data attributes have stayed. The contact is the sender of the latest
 * expanded message, so a long thread with collapsed messages and several senders logs against
 * whoever wrote last (as far as the rep can see).
 *
 * Try it on: https://mail.google.com/mail/u/0/#inbox/<thread id> (fixtures beside it).
 */

import { FIELD_LIMITS } from '../../../shared/api/limits.ts';
import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { allMatches, cleanEmail, cleanText, firstMatch } from '../dom.ts';

export const GMAIL_SELECTORS = {
  subject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'],
  /** The region holding the open thread. */
  thread: ['[role="main"]'],
  message: ['[data-message-id]', '[data-legacy-message-id]', 'div.adn'],
  /** Only present while a message is expanded. */
  expandedSender: ['h3 span[email]', 'span.gD[email]', 'span.gD'],
} as const;

function threadId(subject: Element, location: Location): string {
  return (
    subject.getAttribute('data-thread-perm-id') ??
    subject.getAttribute('data-legacy-thread-id') ??
    location.hash
  );
}

export function readGmailRecord(doc: Document, location: Location): PageRecord | null {
  const subject = firstMatch(doc, GMAIL_SELECTORS.subject);
  if (!subject) return null;
  const thread = subject.closest(GMAIL_SELECTORS.thread[0]) ?? doc;
  const messages = allMatches(thread, GMAIL_SELECTORS.message);
  let latest: Element | null = null;
  let sender: Element | null = null;
  for (let i = messages.length - 1; i >= 0 && !sender; i--) {
    const message = messages[i] as Element;
    sender = firstMatch(message, GMAIL_SELECTORS.expandedSender);
    if (sender) latest = message;
  }
  const email = cleanEmail(sender?.getAttribute('email'));
  const name = cleanText(
    sender?.getAttribute('name') ?? sender?.textContent,
    FIELD_LIMITS.contactName,
  );
  const messageId =
    latest?.getAttribute('data-message-id') ?? latest?.getAttribute('data-legacy-message-id') ?? '';
  return {
    key: `${threadId(subject, location)}|${messageId}|${email ?? name}`,
    subject: cleanText(subject.textContent, FIELD_LIMITS.sourceTitle),
    contact: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
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
