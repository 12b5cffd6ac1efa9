import { describe, expect, it } from 'vitest';
import type { RecentLog } from '../platform/view.ts';
import { DOUBLE_CLICK_MS, DOUBLE_LOG_WINDOW_MS, likelyDouble, recordGuard } from './double-log.ts';

const recent = (over: Partial<RecentLog>): RecentLog => ({
  id: 'r1',
  metric: 'calls',
  quantity: 1,
  occurredAt: '2026-11-23T09:00:00Z',
  contactName: 'Ada',
  contactEmail: 'ada@example.com',
  title: null,
  status: 'synced',
  voided: false,
  ...over,
});

describe('double-log guard', () => {
  const now = Date.parse('2026-11-23T09:01:30Z');
  const intent = { metric: 'calls', contactEmail: 'ADA@example.com', contactName: 'Ada' };

  it('flags the same metric for the same contact within 2 minutes', () => {
    expect(likelyDouble([recent({})], intent, now)?.id).toBe('r1');
  });

  it('ignores other metrics, other contacts, older logs and undone logs', () => {
    expect(likelyDouble([recent({ metric: 'visits' })], intent, now)).toBeNull();
    expect(likelyDouble([recent({ contactEmail: 'bob@example.com' })], intent, now)).toBeNull();
    expect(likelyDouble([recent({ occurredAt: '2026-11-23T08:59:00Z' })], intent, now)).toBeNull();
    expect(likelyDouble([recent({ voided: true })], intent, now)).toBeNull();
  });

  it('matches by name when there is no address', () => {
    const byName = { metric: 'calls', contactEmail: null, contactName: 'Ada' };
    expect(likelyDouble([recent({ contactEmail: null })], byName, now)?.id).toBe('r1');
  });
});

describe('per-record guard', () => {
  it('ignores the second click of a double click, then asks within the window, then logs', () => {
    const guard = recordGuard();
    expect(guard.click('thread-1', 'calls', 0)).toEqual({ kind: 'log' });
    guard.logged('thread-1', 'calls', 0);
    expect(guard.click('thread-1', 'calls', DOUBLE_CLICK_MS - 1)).toEqual({ kind: 'ignore' });
    const later = 2 * DOUBLE_CLICK_MS;
    expect(guard.click('thread-1', 'calls', later)).toEqual({ kind: 'ask', loggedAt: 0 });
    expect(guard.click('thread-1', 'calls', DOUBLE_LOG_WINDOW_MS + 1)).toEqual({ kind: 'log' });
  });

  it('keys by record and metric: another thread or metric is not a double', () => {
    const guard = recordGuard();
    guard.click('thread-1', 'calls', 0);
    guard.logged('thread-1', 'calls', 0);
    expect(guard.click('thread-2', 'calls', 10)).toEqual({ kind: 'log' });
    expect(guard.click('thread-1', 'visits', 10)).toEqual({ kind: 'log' });
  });
});
