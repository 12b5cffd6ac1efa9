import { describe, expect, it } from 'vitest';
import { amountMetricOf, metricLines } from './lines.ts';

describe('metric lines of a log', () => {
  it('counts a won deal as one deal and its amount as revenue', () => {
    expect(metricLines({ metric: 'deals', quantity: 1, amount: 18_000_000 })).toEqual([
      { metric: 'deals', quantity: 1 },
      { metric: 'revenue', quantity: 18_000_000 },
    ]);
  });

  it('counts any other log, or a deal without an amount, for its own metric only', () => {
    expect(metricLines({ metric: 'deals', quantity: 2 })).toEqual([
      { metric: 'deals', quantity: 2 },
    ]);
    expect(metricLines({ metric: 'deals', quantity: 1, amount: 0 })).toHaveLength(1);
    expect(metricLines({ metric: 'calls', quantity: 1, amount: 500 })).toEqual([
      { metric: 'calls', quantity: 1 },
    ]);
  });

  it('names the amount metric only for metrics that carry one', () => {
    expect(amountMetricOf('deals')).toBe('revenue');
    expect(amountMetricOf('calls')).toBeNull();
    expect(amountMetricOf('constructor')).toBeNull();
    expect(amountMetricOf('__proto__')).toBeNull();
  });
});
