import { describe, expect, it } from 'vitest';
import { EventsExportQuery, MAX_PAGE_RANGE_DAYS, TrendsQuery } from './index.ts';

describe('page ranges: at most MAX_PAGE_RANGE_DAYS days', () => {
  const trends = (from: string, to: string) =>
    TrendsQuery.safeParse({ team: 't1', metric: 'calls', from, to });

  it('takes up to 366 days, both ends counted, across a leap day too', () => {
    expect(MAX_PAGE_RANGE_DAYS).toBe(366);
    expect(trends('2026-01-01', '2026-01-01').success).toBe(true);
    expect(trends('2027-03-01', '2028-02-29').success).toBe(true); // 366 days, Feb 29 the last
    expect(trends('2027-03-01', '2028-03-01').success).toBe(false);
    expect(EventsExportQuery.safeParse({ from: '2026-01-01', to: '2027-01-01' }).success).toBe(
      true,
    );
    expect(EventsExportQuery.safeParse({ from: '2026-01-01', to: '2027-01-02' }).success).toBe(
      false,
    );
  });

  it('refuses a reversed range and an unreal date with their own messages only', () => {
    expect(trends('2026-02-02', '2026-02-01').error?.issues.map((i) => i.message)).toEqual([
      'from must not be after to',
    ]);
    expect(trends('2026-02-30', '2026-03-01').error?.issues.map((i) => i.message)).toEqual([
      'not a real calendar date',
    ]);
  });
});
