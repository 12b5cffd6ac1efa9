import { describe, expect, it } from 'vitest';
import {
  competitionRound,
  competitionStanding,
  earlierDate,
  laterDate,
  periodChampions,
  rankEntries,
  teamTotals,
} from '../../../shared/domain/index.ts';
import { STANDARD } from './arbitraries.ts';

describe('competitionRound', () => {
  it('a one-off competition is one round from start to end', () => {
    const schedule = { start: '2026-11-23', end: '2026-11-27', recurrence: 'once' as const };
    expect(competitionRound({ schedule, date: '2026-11-25', cal: STANDARD })).toEqual({
      start: '2026-11-23',
      end: '2026-11-27',
    });
    expect(competitionRound({ schedule, date: '2026-11-28', cal: STANDARD })).toBeNull();
    expect(competitionRound({ schedule, date: '2026-11-22', cal: STANDARD })).toBeNull();
  });

  it('weekly rounds follow the calendar weeks, the first one clipped to the start', () => {
    const schedule = { start: '2026-11-25', end: null, recurrence: 'weekly' as const };
    expect(competitionRound({ schedule, date: '2026-11-26', cal: STANDARD })).toEqual({
      start: '2026-11-25',
      end: '2026-11-29',
    });
    expect(competitionRound({ schedule, date: '2027-03-03', cal: STANDARD })).toEqual({
      start: '2027-03-01',
      end: '2027-03-07',
    });
  });

  it('daily and monthly rounds, the last one clipped to the end', () => {
    const daily = { start: '2026-11-01', end: '2026-11-30', recurrence: 'daily' as const };
    expect(competitionRound({ schedule: daily, date: '2026-11-05', cal: STANDARD })).toEqual({
      start: '2026-11-05',
      end: '2026-11-05',
    });
    const monthly = { start: '2026-01-01', end: '2026-12-15', recurrence: 'monthly' as const };
    expect(competitionRound({ schedule: monthly, date: '2026-12-03', cal: STANDARD })).toEqual({
      start: '2026-12-01',
      end: '2026-12-15',
    });
  });

  it('rejects schedules that cannot be decided', () => {
    expect(() =>
      competitionRound({
        schedule: { start: '2026-11-01', end: null, recurrence: 'once' },
        date: '2026-11-02',
        cal: STANDARD,
      }),
    ).toThrow(/needs an end/);
    expect(() =>
      competitionRound({
        schedule: { start: '2026-11-05', end: '2026-11-01', recurrence: 'weekly' },
        date: '2026-11-02',
        cal: STANDARD,
      }),
    ).toThrow(/before it starts/);
  });
});

describe('competitionStanding', () => {
  const ranked = rankEntries([
    { id: 'a', name: 'Han Meimei', value: 9 },
    { id: 'b', name: 'Li Lei', value: 7 },
    { id: 'c', name: 'Wang Fang', value: 5 },
    { id: 'd', name: 'Zhang Wei', value: 5 },
  ]);

  it('says "you are 3rd, 2 behind Li Lei"', () => {
    expect(competitionStanding({ ranked, viewerId: 'd' })).toEqual({
      rank: 3,
      of: 4,
      ahead: { id: 'b', name: 'Li Lei', value: 7, by: 2 },
    });
  });

  it('has nobody ahead of the leader and no standing for an outsider', () => {
    expect(competitionStanding({ ranked, viewerId: 'a' })?.ahead).toBeNull();
    expect(competitionStanding({ ranked, viewerId: 'zz' })).toBeNull();
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
