import { describe, expect, it } from 'vitest';
import type { Dictionary } from './translate.ts';
import { translatorFor } from './translate.ts';

/** A translator over a few made-up messages (the real tables are tested in messages.test.ts). */
const t = translatorFor(
  {
    pointsToday: '{points} pts today, {points} in all',
    streakDays: 'a } b {days}-day {streak',
    expand: '{} {toString} {missing} {x{days}',
    sidebar: 'no placeholder {here}',
  } as unknown as Partial<Dictionary>,
  'en',
);

describe('translatorFor fills placeholders', () => {
  it('fills every placeholder it has a value for, each time it appears', () => {
    expect(t('pointsToday', { points: 12 })).toBe('12 pts today, 12 in all');
  });

  it('leaves stray braces, unknown names and inherited names as written', () => {
    expect(t('streakDays', { days: 3 })).toBe('a } b 3-day {streak');
    expect(t('expand', { days: 4 })).toBe('{} {toString} {missing} {x4');
  });

  it('returns a message as written when no values are given', () => {
    expect(t('sidebar')).toBe('no placeholder {here}');
    expect(t('sidebar', {})).toBe('no placeholder {here}');
  });

  it('reads a key the dictionary lacks as the key', () => {
    expect(t('logCall', { count: 1 })).toBe('logCall');
  });
});
