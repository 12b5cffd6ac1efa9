import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyCalendar,
  anyRecentDate,
  calendar,
  SHANGHAI_ALTERNATING,
  STANDARD,
} from '../../test/support/arbitraries.ts';
import {
  contestRound,
  contestStanding,
  earlierDate,
  graceLastDay,
  laterDate,
  MAX_GRACE_DAYS,
  periodChampions,
  rankEntries,
  roundSettlement,
  teamTotals,
  visibleStandings,
} from './index.ts';

describe('contestRound', () => {
  it('a one-off contest is one round from start to end', () => {
    const schedule = { start: '2026-11-23', end: '2026-11-27', recurrence: 'once' as const };
    expect(contestRound({ schedule, date: '2026-11-25', cal: STANDARD })).toEqual({
      start: '2026-11-23',
      end: '2026-11-27',
    });
    expect(contestRound({ schedule, date: '2026-11-28', cal: STANDARD })).toBeNull();
    expect(contestRound({ schedule, date: '2026-11-22', cal: STANDARD })).toBeNull();
  });

  it('weekly rounds follow the calendar weeks, the first one clipped to the start', () => {
    const schedule = { start: '2026-11-25', end: null, recurrence: 'weekly' as const };
    expect(contestRound({ schedule, date: '2026-11-26', cal: STANDARD })).toEqual({
      start: '2026-11-25',
      end: '2026-11-29',
    });
    expect(contestRound({ schedule, date: '2027-03-03', cal: STANDARD })).toEqual({
      start: '2027-03-01',
      end: '2027-03-07',
    });
  });

  it('daily and monthly rounds, the last one clipped to the end', () => {
    const daily = { start: '2026-11-01', end: '2026-11-30', recurrence: 'daily' as const };
    expect(contestRound({ schedule: daily, date: '2026-11-05', cal: STANDARD })).toEqual({
      start: '2026-11-05',
      end: '2026-11-05',
    });
    const monthly = { start: '2026-01-01', end: '2026-12-15', recurrence: 'monthly' as const };
    expect(contestRound({ schedule: monthly, date: '2026-12-03', cal: STANDARD })).toEqual({
      start: '2026-12-01',
      end: '2026-12-15',
    });
  });

  it('rejects schedules that cannot be decided', () => {
    expect(() =>
      contestRound({
        schedule: { start: '2026-11-01', end: null, recurrence: 'once' },
        date: '2026-11-02',
        cal: STANDARD,
      }),
    ).toThrow(/needs an end/);
    expect(() =>
      contestRound({
        schedule: { start: '2026-11-05', end: '2026-11-01', recurrence: 'weekly' },
        date: '2026-11-02',
        cal: STANDARD,
      }),
    ).toThrow(/before it starts/);
  });
});

describe('contestStanding', () => {
  const ranked = rankEntries([
    { id: 'a', name: 'Han Meimei', value: 9 },
    { id: 'b', name: 'Li Lei', value: 7 },
    { id: 'c', name: 'Wang Fang', value: 5 },
    { id: 'd', name: 'Zhang Wei', value: 5 },
  ]);

  it('says "you are 3rd, 2 behind Li Lei"', () => {
    expect(contestStanding({ ranked, viewerId: 'd' })).toEqual({
      rank: 3,
      of: 4,
      ahead: { id: 'b', name: 'Li Lei', value: 7, by: 2 },
    });
  });

  it('has nobody ahead of the leader and no standing for an outsider', () => {
    expect(contestStanding({ ranked, viewerId: 'a' })?.ahead).toBeNull();
    expect(contestStanding({ ranked, viewerId: 'zz' })).toBeNull();
  });
});

describe('visibleStandings', () => {
  // r7 made 8, r6 made 7, … r0 made 1: r7 is 1st, r0 8th.
  const eight = rankEntries(
    Array.from({ length: 8 }, (_, k) => ({ id: `r${k}`, name: `Rep ${k}`, value: k + 1 })),
  );
  const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);
  const view = (
    viewerId: string,
    privacy: 'open' | 'top' | 'private',
    more: {
      viewerIsManager?: boolean;
      ranked?: typeof eight;
      contenders?: 'members' | 'teams';
    } = {},
  ) =>
    visibleStandings({
      ranked: more.ranked ?? eight,
      viewerId,
      privacy,
      contenders: more.contenders ?? 'members',
      viewerIsManager: more.viewerIsManager ?? false,
    });

  it('open: every entry and who is ahead', () => {
    const open = view('r0', 'open');
    expect(open.entries).toHaveLength(8);
    expect(open.visibility).toBe('all');
    expect(open.you).toEqual({
      rank: 8,
      of: 8,
      ahead: { id: 'r1', name: 'Rep 1', value: 2, by: 1 },
    });
  });

  it('top: the top 5, the neighbours and the viewer; the neighbour ahead is named', () => {
    const top = view('r0', 'top');
    expect(ids(top.entries)).toEqual(['r7', 'r6', 'r5', 'r4', 'r3', 'r1', 'r0']);
    expect(top.visibility).toBe('top');
    expect(top.you?.ahead).toMatchObject({ id: 'r1', by: 1 });
  });

  it('top: the one ahead is not told when they are off the viewer’s board (a tie in between)', () => {
    // Ranks 1–6, then two tied 7th: the one ahead of the last two (6th) is neither a neighbour
    // nor in the top 5.
    const tied = rankEntries([
      ...[9, 8, 7, 6, 5, 4].map((value, k) => ({ id: `t${k}`, name: `T${k}`, value })),
      { id: 'x', name: 'X', value: 2 },
      { id: 'y', name: 'Y', value: 2 },
    ]);
    const seen = view('y', 'top', { ranked: tied });
    expect(ids(seen.entries)).toEqual(['t0', 't1', 't2', 't3', 't4', 'x', 'y']);
    expect(seen.you).toEqual({ rank: 7, of: 8, ahead: null });
  });

  it('private: only the viewer’s own entry, their place, and nobody named ahead', () => {
    const own = view('r3', 'private');
    expect(ids(own.entries)).toEqual(['r3']);
    expect(own.visibility).toBe('own');
    expect(own.you).toEqual({ rank: 5, of: 8, ahead: null });
    // A viewer who is not competing sees nothing of a private board.
    const outsider = view('manager-of-another-team', 'private');
    expect(outsider.entries).toEqual([]);
    expect(outsider.you).toBeNull();
  });

  it('managers of the contest’s team see everyone whatever the mode', () => {
    for (const privacy of ['top', 'private'] as const) {
      const seen = view('m', privacy, { viewerIsManager: true });
      expect(seen.entries).toHaveLength(8);
      expect(seen.visibility).toBe('all');
    }
  });

  it('team against team is not personal: every team, and the team ahead, in any mode', () => {
    const teams = rankEntries([
      { id: 'north', name: 'North', value: 4 },
      { id: 'south', name: 'South', value: 6 },
    ]);
    const seen = view('north', 'private', { ranked: teams, contenders: 'teams' });
    expect(ids(seen.entries)).toEqual(['south', 'north']);
    expect(seen.visibility).toBe('all');
    expect(seen.you?.ahead).toMatchObject({ name: 'South', by: 2 });
  });
});

describe('periodChampions and teamTotals', () => {
  it('crowns everyone tied first with a positive value', () => {
    const ranked = rankEntries([
      { id: 'a', name: 'A', value: 120 },
      { id: 'b', name: 'B', value: 120 },
      { id: 'c', name: 'C', value: 80 },
    ]);
    expect(periodChampions(ranked).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('crowns nobody when nothing happened', () => {
    const ranked = rankEntries([
      { id: 'a', name: 'A', value: 0 },
      { id: 'b', name: 'B', value: null },
    ]);
    expect(periodChampions(ranked)).toEqual([]);
  });

  it('sums members into teams for team-against-team contests', () => {
    const totals = teamTotals(
      [
        { teamId: 'north', value: 3 },
        { teamId: 'north', value: null },
        { teamId: 'south', value: 4 },
        { teamId: 'south', value: 2 },
      ],
      [
        { id: 'north', name: 'North' },
        { id: 'south', name: 'South' },
        { id: 'east', name: 'East' },
      ],
    );
    expect(rankEntries(totals).map((t) => [t.id, t.value, t.rank])).toEqual([
      ['south', 6, 1],
      ['north', 3, 2],
      ['east', null, 3],
    ]);
  });

  it('picks the later and earlier of two dates', () => {
    expect(laterDate('2026-11-30', '2026-12-01')).toBe('2026-12-01');
    expect(earlierDate('2026-11-30', '2026-12-01')).toBe('2026-11-30');
  });
});

describe('round settlement', () => {
  const settle = (
    end: string,
    today: string,
    cal = STANDARD,
    graceWorkdays = 1,
    timeZone = cal.timezone,
  ) => roundSettlement({ round: { start: end, end }, graceWorkdays, cal, timeZone, today });

  it('by default settles at the end of the next workday: Wednesday rounds on Thursday night', () => {
    expect(graceLastDay('2026-11-25', 1, STANDARD)).toBe('2026-11-26');
    expect(settle('2026-11-25', '2026-11-25')).toMatchObject({ over: false, settled: false });
    expect(settle('2026-11-25', '2026-11-26')).toMatchObject({ over: true, settled: false });
    expect(settle('2026-11-25', '2026-11-27')).toMatchObject({ over: true, settled: true });
    expect(settle('2026-11-25', '2026-11-27').settlesAt.toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
  });

  it('skips the weekend: a Friday (or Sunday) round settles at the end of Monday', () => {
    expect(graceLastDay('2026-11-27', 1, STANDARD)).toBe('2026-11-30');
    expect(graceLastDay('2026-11-29', 1, STANDARD)).toBe('2026-11-30');
    expect(settle('2026-11-27', '2026-11-30').settled).toBe(false);
    expect(settle('2026-11-27', '2026-12-01').settled).toBe(true);
  });

  it('skips holidays and counts make-up workdays (调休)', () => {
    const golden = calendar({
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      extraWorkdays: ['2026-09-27', '2026-10-10'],
    });
    // Sep 30 (Wed) → Oct 1–2 and 5–7 are holidays, Oct 3–4 the weekend: Oct 8 is next.
    expect(graceLastDay('2026-09-30', 1, golden)).toBe('2026-10-08');
    // Sep 26 (Sat, a workday in the six-day week) → Sunday Sep 27 is a make-up workday.
    expect(graceLastDay('2026-09-26', 1, golden)).toBe('2026-09-27');
    // Oct 9 (Fri) → Saturday Oct 10 is a make-up workday.
    expect(graceLastDay('2026-10-09', 1, golden)).toBe('2026-10-10');
    // A six-day week (大小周) works on Saturday Oct 3 between the holidays.
    expect(graceLastDay('2026-09-30', 1, SHANGHAI_ALTERNATING)).toBe('2026-10-03');
  });

  it('counts a longer grace in workdays, and 0 settles at the round end', () => {
    expect(graceLastDay('2026-11-27', 3, STANDARD)).toBe('2026-12-02');
    expect(graceLastDay('2026-11-27', 0, STANDARD)).toBe('2026-11-27');
    expect(settle('2026-11-27', '2026-11-28', STANDARD, 0).settled).toBe(true);
    expect(settle('2026-11-27', '2026-11-27', STANDARD, 0).settled).toBe(false);
  });

  it('settles at midnight in the team time zone', () => {
    const shanghai = calendar({ timezone: 'Asia/Shanghai' });
    expect(settle('2026-11-25', '2026-11-27', shanghai).settlesAt.toISOString()).toBe(
      '2026-11-26T16:00:00.000Z',
    );
    const newYork = calendar({ timezone: 'America/New_York' });
    expect(settle('2026-11-25', '2026-11-27', newYork).settlesAt.toISOString()).toBe(
      '2026-11-27T05:00:00.000Z',
    );
    // Across the DST change (Nov 1 2026 in New York): the local midnight, whatever the offset.
    expect(settle('2026-10-29', '2026-11-01', newYork).settlesAt.toISOString()).toBe(
      '2026-10-31T04:00:00.000Z',
    );
  });

  it('refuses a grace that is not a whole number of workdays, and caps a long one', () => {
    expect(() => graceLastDay('2026-11-27', -1, STANDARD)).toThrow(RangeError);
    expect(() => graceLastDay('2026-11-27', 1.5, STANDARD)).toThrow(RangeError);
    expect(() => graceLastDay('2026-11-27', Number.NaN, STANDARD)).toThrow(RangeError);
    // 1,000 workdays would be years: the grace stops MAX_GRACE_DAYS after the round.
    expect(graceLastDay('2026-11-27', 1000, STANDARD)).toBe('2027-01-28');
  });

  it('ends every grace on a workday after the round, at most MAX_GRACE_DAYS later', () => {
    fc.assert(
      fc.property(
        anyRecentDate,
        fc.integer({ min: 0, max: 10 }),
        anyCalendar,
        (end, grace, cal) => {
          const last = graceLastDay(end, grace, cal);
          expect(last >= end).toBe(true);
          const days = (Date.parse(last) - Date.parse(end)) / 86_400_000;
          expect(days).toBeLessThanOrEqual(MAX_GRACE_DAYS);
          expect(
            roundSettlement({
              round: { start: end, end },
              graceWorkdays: grace,
              cal,
              timeZone: 'UTC',
              today: last,
            }).settled,
          ).toBe(false);
        },
      ),
    );
  });
});
