import { dayNumber, instantMillis, periodDays } from './calendar-day';
import { MetricErrorCode } from './metrics.errors';

describe('calendar days and instants', () => {
  it('numbers days from the epoch, across a month end and a leap day', () => {
    expect(dayNumber('1970-01-02', 'd')).toBe(1);
    // 2028 is a leap year: Feb 28 -> Mar 1 is 2 days.
    expect(dayNumber('2028-03-01', 'd') - dayNumber('2028-02-28', 'd')).toBe(2);
  });

  it('rejects impossible dates without echoing them', () => {
    expect(() => dayNumber('2026-02-29', 'visitDates[0]')).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDate, message: 'visitDates[0] is not a calendar date' }),
    );
    expect(() => dayNumber('20260101', 'd')).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidDate }));
  });

  it('accepts Z and +hh:mm offsets and rejects local times and text', () => {
    expect(instantMillis('2026-03-02T02:00:00Z', 't')).toBe(instantMillis('2026-03-02T10:00:00+08:00', 't'));
    for (const bad of ['2026-03-02T10:00:00', 'not a time z']) {
      expect(() => instantMillis(bad, 't')).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidInstant }));
    }
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => periodDays({ start: '2026-02-01', end: '2026-01-31' })).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidPeriod }),
    );
  });
});
