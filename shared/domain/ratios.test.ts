import { describe, expect, it } from 'vitest';
import { BUILTIN_METRIC_IDS } from '../api/index.ts';
import {
  addParts,
  findRatio,
  formatRatio,
  isRatio,
  RATIO_IDS,
  RATIO_KPIS,
  ratioAttainment,
  ratioLabel,
  ratioTargetFor,
  ratioValue,
} from './index.ts';

const aov = findRatio('avg_order_value');
const collectionRate = findRatio('collection_rate');

describe('RATIO_KPIS', () => {
  it('defines average order value and collection rate from built-in metrics, in en and zh', () => {
    expect(aov).toMatchObject({ numerator: 'revenue', denominator: 'deals', format: 'money' });
    expect(collectionRate).toMatchObject({
      numerator: 'collections',
      denominator: 'revenue',
      format: 'percent',
    });
    expect(ratioLabel('avg_order_value', 'zh-CN')).toBe('客单价');
    expect(ratioLabel('collection_rate', 'en')).toBe('Collection rate');
    expect(ratioLabel('calls', 'en')).toBe('calls');
  });

  it('never reuses a metric id or a ranking, so a board knows what it ranks by', () => {
    for (const id of RATIO_IDS) {
      expect(BUILTIN_METRIC_IDS as readonly string[]).not.toContain(id);
      expect(['attainment', 'points', 'streak']).not.toContain(id);
    }
    expect(RATIO_IDS.size).toBe(RATIO_KPIS.length);
    expect(isRatio('avg_order_value')).toBe(true);
    expect(isRatio('revenue')).toBe(false);
  });
});

describe('ratioValue', () => {
  it('divides the period totals once: ¥10,000.00 over 3 deals is 333,333.33… fen per deal', () => {
    expect(
      ratioValue(
        { format: 'money', denominator: 'deals' },
        { numerator: 1_000_000, denominator: 3 },
      ),
    ).toBeCloseTo(333_333.333, 3);
    // 25 collected of 40 billed: 62.5 %.
    expect(
      ratioValue({ format: 'percent', denominator: 'revenue' }, { numerator: 25, denominator: 40 }),
    ).toBe(62.5);
  });

  it('has no value without a denominator (no deals: no average, not 0)', () => {
    expect(
      ratioValue({ format: 'money', denominator: 'deals' }, { numerator: 0, denominator: 0 }),
    ).toBeNull();
    expect(
      ratioValue({ format: 'percent', denominator: 'revenue' }, { numerator: 5, denominator: 0 }),
    ).toBeNull();
  });

  it('is not the average of daily ratios', () => {
    // Monday 1 deal, ¥100; Tuesday 3 deals, ¥300; Wednesday 1 deal, ¥600. The days' averages
    // are ¥100, ¥100, ¥600 (their mean ¥266.67); the period's is ¥1,000 / 5 deals = ¥200.
    const days = [
      { numerator: 10_000, denominator: 1 },
      { numerator: 30_000, denominator: 3 },
      { numerator: 60_000, denominator: 1 },
    ];
    expect(ratioValue({ format: 'money', denominator: 'deals' }, addParts(days))).toBe(20_000);
  });
});

describe('ratioAttainment', () => {
  it('compares the ratio with the target as a ratio', () => {
    // AOV ¥4,000 against a ¥5,000 target: 80 %.
    expect(ratioAttainment(400_000, 500_000)).toBe(80);
    expect(ratioAttainment(null, 500_000)).toBeNull();
    expect(ratioAttainment(400_000, null)).toBeNull();
    expect(ratioAttainment(400_000, 0)).toBeNull();
  });
});

describe('ratioTargetFor', () => {
  const march = { start: '2026-03-01', end: '2026-03-31' };
  const q1 = { start: '2026-01-01', end: '2026-03-31' };
  it('takes the shortest period containing the shown one, own before team, deeper team first', () => {
    expect(
      ratioTargetFor(
        [
          { period: q1, value: 500, source: 'member' },
          { period: march, value: 300, source: 'team', depth: 0 },
          { period: march, value: 400, source: 'team', depth: 1 },
        ],
        march,
      ),
    ).toBe(400);
    expect(
      ratioTargetFor(
        [
          { period: march, value: 400, source: 'team', depth: 1 },
          { period: march, value: 350, source: 'member' },
        ],
        march,
      ),
    ).toBe(350);
    // A quarter shown with only a month's target: none applies to the whole quarter.
    expect(ratioTargetFor([{ period: march, value: 400, source: 'member' }], q1)).toBeNull();
    expect(ratioTargetFor([{ period: q1, value: 500, source: 'team', depth: 0 }], march)).toBe(500);
  });
});

describe('formatRatio', () => {
  it('writes money per unit in whole major units and percent to one decimal', () => {
    expect(formatRatio({ format: 'money' }, 333_333.33, 'CNY', 'en')).toBe('CN¥3,333');
    expect(formatRatio({ format: 'money' }, 333_333.33, 'CNY', 'zh-CN')).toBe('¥3,333');
    expect(formatRatio({ format: 'percent' }, 62.5, 'CNY', 'en')).toBe('62.5%');
    expect(formatRatio({ format: 'percent' }, 100 / 3, 'CNY', 'zh-CN')).toBe('33.3%');
    expect(formatRatio({ format: 'money' }, null, 'CNY', 'en')).toBe('\u2014');
  });
});
