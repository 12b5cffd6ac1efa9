// The domain's arithmetic is total: for any number it is given, extreme (±1e308, 2^53 ± 1) or not
// a number at all (NaN, ±Infinity), it answers finite, exact results or throws a DomainError
// (the API's 400). It never loops, and never hands Infinity or NaN on. The contract keeps such
// numbers out of requests in the first place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD } from '../../test/support/arbitraries.ts';
import {
  ContestView,
  DAILY_TOTAL_CAP,
  FunnelSettings,
  LocalDate,
  MAX_AMOUNT,
  OrgSettings,
  PacingCurve,
  TargetInput,
  TeamSplit,
} from '../api/index.ts';
import {
  computeProgress,
  DEFAULT_TIERS,
  DomainError,
  funnelNeeds,
  largestRemainder,
  pointsFor,
  splitTeamTarget,
  spreadTarget,
  tierStatus,
} from './index.ts';

const EXTREMES = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 1,
  -(2 ** 53 + 1),
  0,
  -0,
  1,
  0.5,
];
const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** Any number at all: extremes, non-finite values and ordinary doubles. */
const anyNumber = fc.oneof(
  fc.constantFrom(...EXTREMES, ...NON_FINITE),
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
);
/** Any finite weight ≥ 0, extremes included. */
const anyWeight = fc.oneof(
  fc.constantFrom(1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, 0, 1),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
);

const expectDomainError = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return;
  }
  throw new Error('expected a DomainError');
};

describe('largestRemainder with extreme and non-finite numbers', () => {
  it('splits any safe total by any finite weights exactly, 1e308 included (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(0, 1, 10, 2 ** 53 - 1, -(2 ** 53 - 1)),
          fc.integer({ min: -1e15, max: 1e15 }),
        ),
        fc.array(anyWeight, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('index' as const, 'spread' as const),
        (total, weights, ties) => {
          const parts = largestRemainder(total, weights, { ties });
          expect(parts).toHaveLength(weights.length);
          expect(parts.every((p) => Number.isSafeInteger(p))).toBe(true);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          if (total >= 0) expect(parts.every((p) => p >= 0)).toBe(true);
        },
      ),
    );
  });

  it('gives 1e308 against 1 the whole total (the request that used to hang the server)', () => {
    expect(largestRemainder(10, [1e308, 1])).toEqual([10, 0]);
    expect(largestRemainder(10, [1e308, 1e308])).toEqual([5, 5]);
    expect(largestRemainder(2 ** 53 - 1, [Number.MAX_VALUE, Number.MAX_VALUE, 1])).toEqual([
      2 ** 52,
      2 ** 52 - 1,
      0,
    ]);
  });

  it('throws a DomainError for any total that is not a safe integer or weight that is not finite ≥ 0 (property)', () => {
    fc.assert(
      fc.property(
        anyNumber.filter((n) => !Number.isSafeInteger(n)),
        fc.array(anyWeight, { minLength: 1, maxLength: 5 }),
        (total, weights) => expectDomainError(() => largestRemainder(total, weights)),
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(anyWeight, { maxLength: 4 }),
        anyNumber.filter((n) => !(Number.isFinite(n) && n >= 0)),
        fc.nat(4),
        (total, weights, bad, at) => {
          const withBad = [...weights];
          withBad.splice(Math.min(at, withBad.length), 0, bad);
          expectDomainError(() => largestRemainder(total, withBad));
        },
      ),
    );
  });
});

describe('team splits, spreads, progress, tiers, points and funnel with extreme numbers', () => {
  const cal = STANDARD;

  it('splitTeamTarget: exact finite shares or a DomainError (property)', () => {
    fc.assert(
      fc.property(
        anyNumber,
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__'), anyNumber),
        fc.constantFrom('weights' as const, 'explicit' as const, 'equal' as const),
        (value, numbers, mode) => {
          const members = ['a', 'b', 'c', 'constructor', 'toString'];
          const split =
            mode === 'weights'
              ? { mode, weights: numbers }
              : mode === 'explicit'
                ? { mode, shares: numbers }
                : { mode };
          let allocation: ReturnType<typeof splitTeamTarget>;
          try {
            allocation = splitTeamTarget(value, members, split);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            return;
          }
          expect(allocation.shares.every((s) => Number.isSafeInteger(s.value))).toBe(true);
          expect(Number.isSafeInteger(allocation.allocated)).toBe(true);
          expect(Number.isSafeInteger(allocation.unallocated)).toBe(true);
          if (mode !== 'explicit') expect(allocation.allocated === value).toBe(true);
        },
      ),
    );
  });

  it('splitTeamTarget never reads weights from the prototype', () => {
    const split = { mode: 'weights' as const, weights: { a: 1 } };
    expect(splitTeamTarget(10, ['a', 'constructor', 'toString'], split).shares).toEqual([
      { memberId: 'a', value: 10 },
      { memberId: 'constructor', value: 0 },
      { memberId: 'toString', value: 0 },
    ]);
  });

  it('spreadTarget: any safe value under any valid curve adds up exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(0, 2 ** 53 - 1, MAX_AMOUNT), fc.integer({ min: 0, max: 1e15 })),
        fc.constantFrom('week' as const, 'month' as const, 'year' as const),
        fc.constantFrom<PacingCurve | null>(
          null,
          [{ days: 1, weight: 1 }],
          [
            { days: 1e-12, weight: 1 },
            { days: 1 - 1e-12, weight: 0 },
          ],
          [
            { days: 0.5, weight: Number.MIN_VALUE },
            { days: 0.5, weight: 1 - Number.MIN_VALUE },
          ],
        ),
        (value, kind, curve) => {
          const spread = spreadTarget({ period: { kind, start: '2026-03-02' }, value, curve }, cal);
          let sum = 0;
          for (const v of spread.values()) {
            expect(Number.isSafeInteger(v)).toBe(true);
            sum += v;
          }
          expect(sum).toBe(value);
        },
      ),
    );
  });

  it('spreadTarget: a value that is not a safe whole number is a DomainError', () => {
    for (const value of [...NON_FINITE, 1e308, 2 ** 53 + 1, 0.5]) {
      expectDomainError(() =>
        spreadTarget({ period: { kind: 'month', start: '2026-03-01' }, value }, cal),
      );
    }
  });

  it('computeProgress: every figure is finite whatever the day values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(anyNumber, { minLength: 7, maxLength: 7 }),
        anyNumber,
        (values, elapsed) => {
          const days = [
            '2026-03-02',
            '2026-03-03',
            '2026-03-04',
            '2026-03-05',
            '2026-03-06',
            '2026-03-07',
            '2026-03-08',
          ];
          const byDay = new Map(days.map((d, i) => [d, values[i] ?? 0]));
          const figures = computeProgress({
            period: { start: '2026-03-02', end: '2026-03-08' },
            dailyTargets: byDay,
            achievedByDay: byDay,
            today: '2026-03-04',
            todayElapsed: elapsed,
            cal,
          });
          for (const [key, value] of Object.entries(figures)) {
            if (value !== null) expect(Number.isFinite(value), key).toBe(true);
          }
        },
      ),
    );
  });

  it('tierStatus: finite answers for safe numbers, a DomainError past them (property)', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (achieved, target) => {
        let status: ReturnType<typeof tierStatus>;
        try {
          status = tierStatus({ achieved, target, ladder: DEFAULT_TIERS });
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(
            Math.abs(achieved) > 2 ** 53 - 1 ||
              Math.abs(target) > 2 ** 53 - 1 ||
              Number.isNaN(achieved) ||
              Number.isNaN(target),
          ).toBe(true);
          return;
        }
        if (status.toNext !== null) expect(Number.isFinite(status.toNext)).toBe(true);
      }),
    );
  });

  it('pointsFor: finite points for capped daily totals, and none from prototype names', () => {
    const settings = { customMetrics: [], points: {} };
    expect(
      Number.isSafeInteger(
        pointsFor({ calls: DAILY_TOTAL_CAP.count, deals: DAILY_TOTAL_CAP.count }, settings),
      ),
    ).toBe(true);
    expect(pointsFor({ constructor: 5, toString: 5 }, settings)).toBe(0);
    expect(pointsFor({ calls: 1 }, settings, { manualShare: Object.create({ calls: 1 }) })).toBe(2);
  });

  it('funnelNeeds: finite whole needs whatever the shortfall and rates (property)', () => {
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
        (revenueLeft, remainingWorkdays, rate) => {
          const plan = funnelNeeds({
            revenueLeft,
            remainingWorkdays,
            funnel: {
              avgDealSize: 1,
              meetingToDeal: rate,
              visitToMeeting: rate,
              leadToVisit: rate,
            },
          });
          for (const n of [plan.deals, plan.meetings, plan.visits, plan.leads]) {
            expect(Number.isSafeInteger(n)).toBe(true);
          }
          for (const n of Object.values(plan.perWorkday)) expect(Number.isFinite(n)).toBe(true);
        },
      ),
    );
  });
});

describe('the contract refuses extreme numbers and far dates', () => {
  const target = {
    scope: 'team',
    teamId: 't',
    metric: 'calls',
    period: { kind: 'month', start: '2026-03-01' },
    value: 10,
  };

  it('bounds weights, shares, values and curves (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...EXTREMES.filter((n) => Math.abs(n) > MAX_AMOUNT || n < 0),
          ...NON_FINITE,
        ),
        (n) => {
          expect(TeamSplit.safeParse({ mode: 'weights', weights: { a: n } }).success).toBe(false);
          expect(TeamSplit.safeParse({ mode: 'explicit', shares: { a: n } }).success).toBe(false);
          expect(TargetInput.safeParse({ ...target, value: n }).success).toBe(false);
          expect(PacingCurve.safeParse([{ days: n, weight: 1 }]).success).toBe(false);
          expect(PacingCurve.safeParse([{ days: 1, weight: n }]).success).toBe(false);
          expect(
            FunnelSettings.safeParse({
              avgDealSize: n,
              meetingToDeal: 0.5,
              visitToMeeting: 0.5,
              leadToVisit: 0.5,
            }).success,
          ).toBe(false);
        },
      ),
    );
    expect(
      FunnelSettings.safeParse({
        avgDealSize: 1,
        meetingToDeal: Number.MIN_VALUE,
        visitToMeeting: 0.5,
        leadToVisit: 0.5,
      }).success,
    ).toBe(false);
  });

  it('bounds dates to the supported range', () => {
    for (const date of ['9999-12-31', '9999-01-01', '2200-01-01', '1999-12-31', '0000-01-01']) {
      expect(LocalDate.safeParse(date).success, date).toBe(false);
    }
    for (const date of ['2000-01-01', '2026-02-28', '2199-12-31']) {
      expect(LocalDate.safeParse(date).success, date).toBe(true);
    }
    expect(ContestView.shape.start.safeParse('9999-12-31').success).toBe(false);
  });

  it('keeps org settings numbers bounded', () => {
    const shape = OrgSettings.shape;
    expect(shape.points.safeParse({ calls: 1e308 }).success).toBe(false);
    expect(shape.dailyPointsGoal.safeParse(2 ** 53 + 1).success).toBe(false);
  });
});
