import { PerNumberRateLimiter } from './per-number-rate-limiter';

describe('PerNumberRateLimiter', () => {
  const windows = [
    { name: 'minute', limit: 1, spanMs: 60_000 },
    { name: 'hour', limit: 5, spanMs: 3_600_000 },
    { name: 'day', limit: 10, spanMs: 'shanghai-day' as const },
  ];

  it('applies 1/min, 5/hour and 10/natural day per key', () => {
    // 2026-11-23T00:00:00+08:00, so the Shanghai day ends 24 h later.
    let now = Date.parse('2026-11-22T16:00:00Z');
    const limiter = new PerNumberRateLimiter(windows, () => now);
    expect(limiter.tryAcquire('a')).toBeUndefined();
    expect(limiter.tryAcquire('a')?.name).toBe('minute');
    expect(limiter.tryAcquire('b')).toBeUndefined();
    for (let i = 0; i < 4; i += 1) {
      now += 61_000;
      expect(limiter.tryAcquire('a')).toBeUndefined();
    }
    now += 61_000;
    expect(limiter.tryAcquire('a')?.name).toBe('hour');
    for (let i = 0; i < 5; i += 1) {
      now += 3_600_000;
      expect(limiter.tryAcquire('a')).toBeUndefined();
    }
    now += 3_600_000;
    expect(limiter.tryAcquire('a')?.name).toBe('day');
    now = Date.parse('2026-11-23T16:00:01Z');
    expect(limiter.tryAcquire('a')).toBeUndefined();
  });
});
