import { newcombeDifference, wilsonInterval } from './proportion-interval';
import { MetricErrorCode } from './metrics.errors';

describe('wilsonInterval', () => {
  it('matches the published example 81/263 (Newcombe 1998, Stat Med 17:857, table II): 0.2553 to 0.3662', () => {
    const interval = wilsonInterval(81, 263);
    expect(interval.lower).toBeCloseTo(0.2553, 4);
    expect(interval.upper).toBeCloseTo(0.3662, 4);
  });

  it('stays inside [0, 1] and has width at 0 successes (0/10: 0 to 0.2775)', () => {
    // z = 1.96, z2 = 3.8415; centre = (0 + 0.19207) / 1.38415 = 0.13876; half = (1.96/1.38415) * 0.09800 = 0.13876
    const interval = wilsonInterval(0, 10);
    expect(interval.lower).toBe(0);
    expect(interval.upper).toBeCloseTo(0.2775, 4);
  });

  it('widens with a higher confidence level', () => {
    const narrow = wilsonInterval(5, 20, 0.9);
    const wide = wilsonInterval(5, 20, 0.99);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it('rejects successes above trials', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(expect.objectContaining({ code: MetricErrorCode.CountExceedsTotal }));
  });
});

describe('newcombeDifference', () => {
  it('matches the published example 56/70 - 48/80 (Newcombe 1998, Stat Med 17:873, method 10): 0.0524 to 0.3339', () => {
    const result = newcombeDifference(56, 70, 48, 80);
    expect(result.difference).toBeCloseTo(0.2, 10);
    expect(result.lower).toBeCloseTo(0.0524, 4);
    expect(result.upper).toBeCloseTo(0.3339, 4);
  });

  it('returns no difference when a group is empty', () => {
    expect(newcombeDifference(0, 0, 3, 4)).toEqual({ difference: null, lower: -1, upper: 1, level: 0.95 });
  });
});
