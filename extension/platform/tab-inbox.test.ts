import { afterEach, describe, expect, it } from 'vitest';
import { deliverInTab, openTabInbox } from './tab-inbox.ts';

const INBOX = 'pacer:tab-inbox';
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

describe('tab inbox', () => {
  it('hands a delivered message to the open inbox, and nothing once it is closed', () => {
    const got: unknown[] = [];
    const close = openTabInbox((m) => got.push(m));
    expect(deliverInTab(INBOX, { type: 'command', command: 'log-call' })).toBe(true);
    expect(got).toEqual([{ type: 'command', command: 'log-call' }]);
    close();
    expect(deliverInTab(INBOX, { type: 'moment', text: 'x' })).toBe(false);
    expect(got).toHaveLength(1);
  });

  it("an old copy's close leaves a newer copy's inbox open", () => {
    const old: unknown[] = [];
    const fresh: unknown[] = [];
    const closeOld = openTabInbox((m) => old.push(m));
    closers.push(openTabInbox((m) => fresh.push(m)));
    closeOld();
    expect(deliverInTab(INBOX, 1)).toBe(true);
    expect(fresh).toEqual([1]);
    expect(old).toEqual([]);
  });

  it('a string property of the same name is not an inbox', () => {
    (globalThis as unknown as Record<string, unknown>)[INBOX] = () => {
      throw new Error('not this');
    };
    try {
      expect(deliverInTab(INBOX, 1)).toBe(false);
    } finally {
      delete (globalThis as unknown as Record<string, unknown>)[INBOX];
    }
  });
});
