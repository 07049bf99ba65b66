import { periodBuckets } from './metric-query';

describe('periodBuckets', () => {
  it('cuts weeks at Mondays and months at the first, clipped to the period', () => {
    // 2026-03-04 is a Wednesday.
    expect(periodBuckets('2026-03-04', '2026-03-17', 'week')).toEqual([
      { start: '2026-03-04', end: '2026-03-08' },
      { start: '2026-03-09', end: '2026-03-15' },
      { start: '2026-03-16', end: '2026-03-17' },
    ]);
    expect(periodBuckets('2026-01-30', '2026-03-02', 'month')).toEqual([
      { start: '2026-01-30', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-02' },
    ]);
    expect(periodBuckets('2026-03-01', '2026-03-02', 'day')).toHaveLength(2);
  });
});
