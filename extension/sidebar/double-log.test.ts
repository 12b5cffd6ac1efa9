import { describe, expect, it } from 'vitest';
import type { RecentLog } from '../platform/view.ts';
import { likelyDouble } from './double-log.ts';

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
