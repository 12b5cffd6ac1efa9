import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPrivacy, pooledFiguresVisible, rankEntries } from './index.ts';

const entry = (id: string, value: number | null, name = id) => ({ id, name, value });

describe('rankEntries', () => {
  it('gives ties a shared rank and skips after them (1, 2, 2, 4)', () => {
    const ranked = rankEntries([entry('a', 50), entry('b', 80), entry('c', 80), entry('d', 100)]);
    expect(ranked.map((e) => [e.id, e.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['c', 2],
      ['a', 4],
    ]);
  });

  it('puts entries without a value last, sharing a rank', () => {
    const ranked = rankEntries([entry('x', null), entry('a', 0), entry('y', null), entry('b', 3)]);
    expect(ranked.map((e) => [e.id, e.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['x', 3],
      ['y', 3],
    ]);
  });

  it('lists equal values by name (code-unit order), stable for equal names', () => {
    const ranked = rankEntries([
      entry('1', 5, 'Zhang Wei'),
      entry('2', 5, 'Li Lei'),
      entry('3', 5, 'Li Lei'),
      entry('4', 5, '韩梅梅'),
    ]);
    expect(ranked.map((e) => e.id)).toEqual(['2', '3', '1', '4']);
    expect(new Set(ranked.map((e) => e.rank))).toEqual(new Set([1]));
  });

  it('carries the caller fields through', () => {
    expect(rankEntries([{ ...entry('a', 1), tier: 'base' }])[0]).toEqual({
      ...entry('a', 1),
      tier: 'base',
      rank: 1,
    });
  });

  it('ranks are standard (1224) ranks for any input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string({ maxLength: 3 }),
            value: fc.option(fc.integer({ min: -5, max: 5 })),
          }),
          {
            maxLength: 30,
          },
        ),
        (raw) => {
          const ranked = rankEntries(raw.map((r, i) => ({ ...r, id: String(i) })));
          expect(ranked).toHaveLength(raw.length);
          ranked.forEach((e, i) => {
            const better = ranked.filter(
              (o) => o.value !== null && (e.value === null || o.value > e.value),
            ).length;
            expect(e.rank).toBe(better + 1);
            const next = ranked[i + 1];
            if (next) expect(next.rank).toBeGreaterThanOrEqual(e.rank);
          });
        },
      ),
    );
  });
});

describe('applyPrivacy', () => {
  // 10 members, m0 best … m9 worst, m5 and m6 tied.
  const values = [100, 90, 80, 70, 60, 50, 50, 30, 20, 10];
  const ranked = rankEntries(values.map((v, i) => entry(`m${i}`, v)));

  it('open: everyone sees all, with their standing', () => {
    const view = applyPrivacy({ ranked, mode: 'open', viewerId: 'm2', viewerIsManager: false });
    expect(view.entries).toHaveLength(10);
    expect(view.you).toEqual({ rank: 3, percentile: 78, value: 80 });
  });

  it('top: the top 5, the viewer and their neighbours', () => {
    const view = applyPrivacy({ ranked, mode: 'top', viewerId: 'm8', viewerIsManager: false });
    expect(view.entries.map((e) => e.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm7', 'm8', 'm9']);
    expect(view.you).toEqual({ rank: 9, percentile: 11, value: 20 });
  });

  it('top: includes everyone tied at 5th and no duplicates for a viewer in the top', () => {
    const tied = rankEntries([100, 90, 80, 70, 60, 60, 10, 5].map((v, i) => entry(`t${i}`, v)));
    const view = applyPrivacy({
      ranked: tied,
      mode: 'top',
      viewerId: 't1',
      viewerIsManager: false,
    });
    expect(view.entries.map((e) => e.id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
  });

  it('private: only the viewer, with rank and percentile', () => {
    const view = applyPrivacy({ ranked, mode: 'private', viewerId: 'm6', viewerIsManager: false });
    expect(view.entries.map((e) => e.id)).toEqual(['m6']);
    // Tied 6th with m5: 3 of the 9 others are ranked below.
    expect(view.you).toEqual({ rank: 6, percentile: 33, value: 50 });
  });

  it('managers always see everyone', () => {
    for (const mode of ['open', 'top', 'private'] as const) {
      expect(
        applyPrivacy({ ranked, mode, viewerId: 'boss', viewerIsManager: true }).entries,
      ).toHaveLength(10);
    }
  });

  it('a manager on the board of a team above theirs sees their own reps in every mode', () => {
    const managed = new Set(['m7', 'm9']);
    const seen = (mode: 'top' | 'private') =>
      applyPrivacy({ ranked, mode, viewerId: 'boss', viewerIsManager: false, managed }).entries.map(
        (e) => e.id,
      );
    expect(seen('private')).toEqual(['m7', 'm9']);
    expect(seen('top')).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm7', 'm9']);
  });

  it('a viewer not on the board has no standing and sees no one in private mode', () => {
    expect(
      applyPrivacy({ ranked, mode: 'private', viewerId: 'x', viewerIsManager: false }),
    ).toEqual({ entries: [] });
    expect(
      applyPrivacy({ ranked, mode: 'top', viewerId: 'x', viewerIsManager: false }).entries,
    ).toHaveLength(5);
  });

  it('percentile is 100 for first place and alone, 0 for last', () => {
    const alone = rankEntries([entry('a', 3)]);
    expect(
      applyPrivacy({ ranked: alone, mode: 'open', viewerId: 'a', viewerIsManager: false }).you
        ?.percentile,
    ).toBe(100);
    expect(
      applyPrivacy({ ranked, mode: 'open', viewerId: 'm0', viewerIsManager: false }).you
        ?.percentile,
    ).toBe(100);
    expect(
      applyPrivacy({ ranked, mode: 'open', viewerId: 'm9', viewerIsManager: false }).you
        ?.percentile,
    ).toBe(0);
  });

  it('a rep always sees themselves and never more than open shows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.constantFrom('open', 'top', 'private'),
        (raw, pick, mode) => {
          const board = rankEntries(raw.map((v, i) => entry(`p${i}`, v)));
          const viewerId = `p${pick % raw.length}`;
          const view = applyPrivacy({ ranked: board, mode, viewerId, viewerIsManager: false });
          expect(view.entries.some((e) => e.id === viewerId)).toBe(true);
          expect(view.you?.rank).toBe(board.find((e) => e.id === viewerId)?.rank);
          if (mode === 'private') expect(view.entries).toHaveLength(1);
          if (mode === 'top')
            expect(view.entries.length).toBeLessThanOrEqual(
              board.filter((e) => e.rank <= 5).length + 3,
            );
        },
      ),
    );
  });
});

describe('pooledFiguresVisible', () => {
  const seen = (repIds: string[], mode: 'open' | 'top' | 'private', viewerSeesAll = false) =>
    pooledFiguresVisible({ repIds, viewerId: 'me', mode, viewerSeesAll });

  it('hides a group that is one colleague, or one colleague and the viewer, unless the board is open', () => {
    for (const mode of ['top', 'private'] as const) {
      expect(seen(['ann'], mode)).toBe(false);
      expect(seen(['me', 'ann'], mode)).toBe(false);
      expect(seen(['ann', 'ben'], mode)).toBe(true);
      expect(seen(['me', 'ann', 'ben'], mode)).toBe(true);
      // The viewer alone, or nobody: nothing of anyone else's shows.
      expect(seen(['me'], mode)).toBe(true);
      expect(seen([], mode)).toBe(true);
      expect(seen(['ann'], mode, true)).toBe(true);
    }
    expect(seen(['ann'], 'open')).toBe(true);
  });
});
