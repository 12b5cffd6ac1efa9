import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { GMAIL_SELECTORS, readGmailRecord } from './adapter.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function page(html: string, href: string) {
  const { document } = parseHTML(html);
  const url = new URL(href);
  return { document, location: { href: url.href, hash: url.hash } as Location };
}

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';

describe('Gmail adapter', () => {
  it('reads subject, sender and link of a one-message thread', () => {
    const { document, location } = page(fixture('one-message.html'), THREAD_URL);
    const record = readGmailRecord(document as unknown as Document, location);
    expect(record).toMatchObject({
      subject: 'Renewal quote for 2027',
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
      url: THREAD_URL,
    });
    expect(record?.anchor.tagName).toBe('H2');
  });

  it('in a long thread uses the latest expanded message, not collapsed ones', () => {
    const { document, location } = page(fixture('long-thread.html'), THREAD_URL);
    const record = readGmailRecord(document as unknown as Document, location);
    expect(record?.contact).toEqual({ name: 'Wang Fang', email: 'wang.fang@example.cn' });
    // Markup in the subject is text, kept as text.
    expect(record?.subject).toBe(
      `Re: Q4 pricing <img src=x onerror="document.title='pwned'"> & volume terms`,
    );
  });

  it('finds nothing when no thread is open (the inbox list)', () => {
    const { document, location } = page(
      '<div role="main"><table><tr class="zA"><td>Inbox row</td></tr></table></div>',
      'https://mail.google.com/mail/u/0/#inbox',
    );
    expect(readGmailRecord(document as unknown as Document, location)).toBeNull();
  });

  it('falls back to class names when the data attributes are missing', () => {
    const html = `<div role="main"><h2 class="hP">Fallback subject</h2>
      <div class="adn ads"><h3 class="iw"><span class="gD" email="x@example.com" name="X Y">X Y</span></h3></div></div>`;
    const { document, location } = page(html, THREAD_URL);
    const record = readGmailRecord(document as unknown as Document, location);
    expect(record?.subject).toBe('Fallback subject');
    expect(record?.contact).toEqual({ name: 'X Y', email: 'x@example.com' });
  });

  it('drops a sender address that is not an address', () => {
    const html = `<div role="main"><h2 data-thread-perm-id="t1">S</h2>
      <div data-message-id="m1"><h3><span email="not an address" name="Someone">Someone</span></h3></div></div>`;
    const { document, location } = page(html, THREAD_URL);
    expect(readGmailRecord(document as unknown as Document, location)?.contact).toEqual({
      name: 'Someone',
    });
  });

  it('changes its key when another message becomes the latest expanded one', () => {
    const { document, location } = page(fixture('long-thread.html'), THREAD_URL);
    const before = readGmailRecord(document as unknown as Document, location)?.key;
    // Expand the last (collapsed) message as Gmail would: it gains an h3 sender.
    const messages = document.querySelectorAll(GMAIL_SELECTORS.message[0]);
    const last = messages[messages.length - 1];
    last?.insertAdjacentHTML(
      'afterbegin',
      '<h3 class="iw"><span class="gD" email="noreply@calendar.example" name="Calendar">Calendar</span></h3>',
    );
    const after = readGmailRecord(document as unknown as Document, location);
    expect(after?.key).not.toBe(before);
    expect(after?.contact.email).toBe('noreply@calendar.example');
  });
});
