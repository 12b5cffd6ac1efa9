/**
 * LogButtons on a linkedom page: one set beside the open record's subject, even where an earlier
 * copy of the content script (one an extension update left behind) put its own there.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../sites/adapter.ts';
import { BUTTONS_ATTR, LogButtons } from './log-buttons.ts';

const TEXT = {
  buttons: [
    { metric: 'calls', label: 'Log call' },
    { metric: 'visits', label: 'Log visit' },
  ],
  noContact: 'No contact on this page',
};

function page() {
  const { document } = parseHTML(
    `<html><body><main><h2 id="subject">Renewal</h2><span id="beside">page's own</span></main>
     <aside><span data-pacer-log-buttons="elsewhere">not beside this subject</span></aside></body></html>`,
  );
  const anchor = document.getElementById('subject') as unknown as HTMLElement;
  const record = {
    id: 'r1',
    key: 'thread:r1',
    subject: 'Renewal',
    contact: { name: 'Ana', email: 'ana@example.com' },
    url: 'https://mail.example.com/r1',
    anchor,
  } as PageRecord;
  return { document, anchor, record };
}

describe('LogButtons', () => {
  it('puts one set right after the subject, replacing a set left there by an earlier copy', () => {
    const { document, anchor, record } = page();
    const stale = document.createElement('span');
    stale.setAttribute(BUTTONS_ATTR, record.key);
    anchor.after(stale);

    new LogButtons().show(
      record,
      TEXT,
      () => undefined,
      () => undefined,
    );

    const beside = [...(anchor.parentElement?.children ?? [])].filter((el) =>
      el.hasAttribute(BUTTONS_ATTR),
    );
    expect(beside).toHaveLength(1);
    expect(beside[0]).not.toBe(stale);
    expect(anchor.nextElementSibling).toBe(beside[0]);
    expect(stale.isConnected).toBe(false);
    expect(
      [...(beside[0]?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => [
        b.getAttribute('data-metric'),
        b.textContent,
      ]),
    ).toEqual([
      ['calls', 'Log call'],
      ['visits', 'Log visit'],
    ]);
    // The page's own elements stay, and the search for old sets looked only beside the subject.
    expect(document.getElementById('beside')?.textContent).toBe("page's own");
    expect(document.querySelector('[data-pacer-log-buttons="elsewhere"]')).not.toBeNull();
  });

  it('does nothing when the same record is shown again, and takes its set away on remove', () => {
    const { document, record } = page();
    const buttons = new LogButtons();
    buttons.show(
      record,
      TEXT,
      () => undefined,
      () => undefined,
    );
    const first = document.querySelector(`[${BUTTONS_ATTR}="${record.key}"]`);
    buttons.show(
      record,
      TEXT,
      () => undefined,
      () => undefined,
    );
    expect(document.querySelector(`[${BUTTONS_ATTR}="${record.key}"]`)).toBe(first);
    buttons.remove();
    expect(document.querySelector(`[${BUTTONS_ATTR}="${record.key}"]`)).toBeNull();
  });
});
