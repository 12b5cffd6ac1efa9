import { describe, expect, it } from 'vitest';
import { BUILTIN_METRIC_IDS, OrgSettings } from '../api/index.ts';
import {
  BUILTIN_METRICS,
  DEFAULT_TIERS,
  defaultOrgSettings,
  findMetric,
  metricCatalog,
  metricCount,
  metricLabel,
  metricUnit,
} from './index.ts';

describe('BUILTIN_METRICS', () => {
  it('are exactly the contract built-ins with their default points', () => {
    expect(BUILTIN_METRICS.map((m) => m.id).sort()).toEqual([...BUILTIN_METRIC_IDS].sort());
    const points = Object.fromEntries(BUILTIN_METRICS.map((m) => [m.id, m.points]));
    expect(points).toEqual({
      revenue: 0,
      deals: 10,
      calls: 2,
      visits: 5,
      meetings: 3,
      emails: 1,
      leads: 2,
      collections: 0,
    });
    expect(BUILTIN_METRICS.find((m) => m.id === 'revenue')?.kind).toBe('amount');
    expect(BUILTIN_METRICS.find((m) => m.id === 'collections')).toMatchObject({
      kind: 'amount',
      label: { en: 'Collections', zh: '回款' },
    });
    expect(BUILTIN_METRICS.filter((m) => m.kind === 'count')).toHaveLength(6);
    for (const m of BUILTIN_METRICS) expect(m.label.zh.length).toBeGreaterThan(0);
  });
});

describe('metricCatalog', () => {
  const settings = {
    points: { calls: 4, revenue: 7, demos: 9 },
    customMetrics: [
      { id: 'demos', label: { en: 'Demos', zh: '演示' }, kind: 'count' as const, points: 6 },
      { id: 'renewals', label: { en: 'Renewals', zh: '续约' }, kind: 'amount' as const, points: 3 },
      { id: 'calls', label: { en: 'Fake calls', zh: '假' }, kind: 'amount' as const, points: 0 },
    ],
  };

  it('merges custom metrics after the built-ins; a custom id cannot replace a built-in', () => {
    const catalog = metricCatalog(settings);
    expect(catalog.map((m) => m.id)).toEqual([
      ...BUILTIN_METRICS.map((m) => m.id),
      'demos',
      'renewals',
    ]);
    expect(findMetric('calls', settings)).toMatchObject({ kind: 'count', builtin: true });
    expect(findMetric('demos', settings)).toMatchObject({ label: { en: 'Demos' }, builtin: false });
  });

  it('takes points from settings, else the default; amount metrics earn 0; unknown ids 0', () => {
    const points = (id: string, s: Parameters<typeof findMetric>[1] = settings) =>
      findMetric(id, s)?.points;
    expect(points('calls')).toBe(4);
    expect(points('visits')).toBe(5);
    expect(points('demos')).toBe(9);
    expect(points('revenue')).toBe(0);
    expect(points('renewals')).toBe(0);
    expect(points('nothing')).toBeUndefined();
    expect(points('emails', { points: {}, customMetrics: [] })).toBe(1);
  });

  it('does not let a caller mutate the built-ins through the catalog', () => {
    const catalog = metricCatalog({ points: {}, customMetrics: [] });
    const calls = catalog.find((m) => m.id === 'calls');
    if (calls) calls.label.en = 'changed';
    expect(BUILTIN_METRICS.find((m) => m.id === 'calls')?.label.en).toBe('Calls');
  });
});

describe('metricLabel and metricUnit: the one table of metric names', () => {
  const demos = { en: 'Demos', zh: '演示' };

  it('names built-ins from the table in either language tag convention', () => {
    expect(metricLabel('leads', 'en')).toBe('Leads');
    expect(metricLabel('leads', 'zh-CN')).toBe('线索');
    expect(metricLabel('leads', 'zh_CN')).toBe('线索');
    expect(metricLabel('calls', 'fr')).toBe('Calls');
    expect(metricUnit('calls', 'en')).toBe('call');
    expect(metricUnit('visits', 'zh_CN')).toBe('拜访');
  });

  it('names a custom metric by its own label (its unit too), an unknown one by its id', () => {
    expect(metricLabel('demos', 'zh-CN', demos)).toBe('演示');
    expect(metricUnit('demos', 'en', demos)).toBe('Demos');
    expect(metricLabel('renewals', 'en')).toBe('renewals');
    expect(metricUnit('renewals', 'zh-CN', null)).toBe('renewals');
  });

  it('never lets a custom label rename a built-in (as the catalog)', () => {
    expect(metricLabel('calls', 'en', { en: 'Fake calls', zh: '假' })).toBe('Calls');
  });

  it('gives every built-in a name and a unit in every language', () => {
    for (const m of BUILTIN_METRICS)
      for (const text of [m.label.en, m.label.zh, m.unit.en, m.unit.zh])
        expect(text.trim().length).toBeGreaterThan(0);
  });

  it('a catalog entry names its metric as metricLabel does', () => {
    const catalog = metricCatalog({
      points: {},
      customMetrics: [{ id: 'demos', label: demos, kind: 'count', points: 0 }],
    });
    for (const m of catalog) {
      expect(metricLabel(m.id, 'zh', m.label)).toBe(m.label.zh);
      expect(metricUnit(m.id, 'en', m.label)).toBe(m.unit.en);
    }
  });
});

describe('defaultOrgSettings', () => {
  it('is complete and valid against the zod OrgSettings schema', () => {
    const settings = defaultOrgSettings({ timezone: 'Asia/Shanghai', currency: 'CNY' });
    expect(OrgSettings.parse(settings)).toEqual(settings);
  });

  it('holds the defaults', () => {
    const settings = defaultOrgSettings({ timezone: 'Europe/Berlin', currency: 'EUR' });
    expect(settings.calendar).toMatchObject({
      timezone: 'Europe/Berlin',
      weekStart: 1,
      workweeks: [[1, 2, 3, 4, 5]],
      fiscalYearStartMonth: 1,
      workingHours: { start: '09:00', end: '18:00' },
    });
    expect(settings).toMatchObject({
      currency: 'EUR',
      primaryMetric: 'revenue',
      dailyPointsGoal: 20,
      privacy: 'open',
    });
    expect(settings.tiers.period).toBe('month');
    expect(settings.tiers.ladder.map((t) => [t.id, t.threshold, t.name.en, t.name.zh])).toEqual([
      ['base', 80, 'Base', '基础'],
      ['sprint', 100, 'Sprint', '进阶'],
      ['breakthrough', 120, 'Breakthrough', '突破'],
    ]);
  });

  it('sets the average deal to 5,000 of the team currency, in its minor units', () => {
    const deal = (currency: string) =>
      defaultOrgSettings({ timezone: 'UTC', currency }).funnel.avgDealSize;
    expect([deal('CNY'), deal('USD'), deal('JPY'), deal('BHD')]).toEqual([
      500_000, 500_000, 5000, 5_000_000,
    ]);
  });

  it('gives each org its own copy of the tiers', () => {
    const settings = defaultOrgSettings({ timezone: 'UTC', currency: 'USD' });
    const first = settings.tiers.ladder[0];
    if (first) first.name.en = 'changed';
    expect(DEFAULT_TIERS[0]?.name.en).toBe('Base');
  });
});

describe('metricCount', () => {
  it('is singular for one and plural otherwise, by Intl.PluralRules', () => {
    expect(metricCount('calls', 1, '1', 'en')).toBe('1 call');
    expect(metricCount('calls', 2, '2', 'en')).toBe('2 calls');
    expect(metricCount('calls', 0, '0', 'en')).toBe('0 calls');
    expect(metricCount('calls', 1, '1', 'zh')).toBe('1 电话');
  });
});
