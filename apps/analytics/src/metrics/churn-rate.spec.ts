import { churnRate } from './churn-rate';
import { MetricErrorCode } from './metrics.errors';

const JANUARY_TO_MARCH = { start: '2026-01-01', end: '2026-03-31' }; // 31 + 28 + 31 = 90 days

describe('churnRate', () => {
  it('counts missed expected visits over expected visits', () => {
    // A: plan all quarter, every 30 days: 90 / 30 = 3 expected; 2 visits in the quarter -> 1 missed.
    //    (the 2025-12-20 visit is outside the period and does not count)
    // B: plan starts 2026-02-15, every 14 days: 15 Feb..31 Mar = 14 + 31 = 45 days, floor(45/14) = 3 expected;
    //    4 visits -> 0 missed (the extra visit does not offset A).
    // C: plan stopped 2026-01-20, every 30 days: 1..20 Jan = 20 days, floor(20/30) = 0 expected.
    // Churn = (1 + 0 + 0) / (3 + 3 + 0) = 1/6.
    const result = churnRate(JANUARY_TO_MARCH, [
      { planStart: '2025-06-01', cadenceDays: 30, visitDates: ['2025-12-20', '2026-01-10', '2026-03-02'] },
      {
        planStart: '2026-02-15',
        cadenceDays: 14,
        visitDates: ['2026-02-16', '2026-03-01', '2026-03-15', '2026-03-29'],
      },
      { planStart: '2025-01-01', planEnd: '2026-01-20', cadenceDays: 30, visitDates: [] },
    ]);
    expect(result).toEqual({ rate: 1 / 6, expectedVisits: 6, missedVisits: 1 });
  });

  it('ignores visits after the plan ended', () => {
    // Plan 1 Jan..28 Feb 2026 = 31 + 28 = 59 days, every 20 days -> floor(59/20) = 2 expected.
    // Visits 2026-01-15 (counted) and 2026-03-10 (after the plan) -> 1 attended, 1 missed -> 0.5.
    const result = churnRate(JANUARY_TO_MARCH, [
      { planStart: '2026-01-01', planEnd: '2026-02-28', cadenceDays: 20, visitDates: ['2026-01-15', '2026-03-10'] },
    ]);
    expect(result).toEqual({ rate: 0.5, expectedVisits: 2, missedVisits: 1 });
  });

  it('is null when no visit was expected', () => {
    expect(churnRate(JANUARY_TO_MARCH, []).rate).toBeNull();
  });

  it('rejects a non-positive cadence and a malformed date', () => {
    expect(() => churnRate(JANUARY_TO_MARCH, [{ planStart: '2026-01-01', cadenceDays: 0, visitDates: [] }])).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDuration }),
    );
    expect(() => churnRate(JANUARY_TO_MARCH, [{ planStart: '2026-02-30', cadenceDays: 7, visitDates: [] }])).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDate }),
    );
  });
});
