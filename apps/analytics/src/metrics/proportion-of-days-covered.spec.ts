import { proportionOfDaysCovered, shiftedCoverage } from './proportion-of-days-covered';
import { dayNumber } from './calendar-day';
import { MetricErrorCode } from './metrics.errors';

const Q1 = { start: '2026-01-01', end: '2026-03-31' }; // 90 days

describe('proportionOfDaysCovered', () => {
  it('shifts an early refill forward and measures from the first fill to the period end', () => {
    // Window: 2026-01-11 .. 2026-03-31 = 21 (Jan 11-31) + 28 + 31 = 80 days.
    // Fill 1: 2026-01-11, 30 days -> covers Jan 11 .. Feb 9.
    // Fill 2: 2026-02-05 (5 days early), 30 days -> shifted to Feb 10 .. Mar 11.
    // Gap: Mar 12 .. Mar 14 uncovered. Fill 3: 2026-03-15, 30 days -> Mar 15 .. Apr 13, clipped at Mar 31 = 17 days.
    // Covered = 30 + 30 + 17 = 77; PDC = 77 / 80 = 0.9625.
    const result = proportionOfDaysCovered(Q1, [
      { dispensedOn: '2026-02-05', daysSupply: 30 },
      { dispensedOn: '2026-01-11', daysSupply: 30 },
      { dispensedOn: '2026-03-15', daysSupply: 30 },
    ]);
    expect(result).toEqual({ pdc: 0.9625, coveredDays: 77, windowDays: 80 });
  });

  it('ignores fills outside the period and is capped at 1', () => {
    // The 2025-12-20 fill is before the period. 2026-03-02 + 90 days covers Mar 2 .. May 30, clipped to
    // Mar 2 .. Mar 31: window 30 days, covered 30 -> 1.
    const result = proportionOfDaysCovered(Q1, [
      { dispensedOn: '2025-12-20', daysSupply: 90 },
      { dispensedOn: '2026-03-02', daysSupply: 90 },
    ]);
    expect(result).toEqual({ pdc: 1, coveredDays: 30, windowDays: 30 });
  });

  it('counts a half-covered window as 0.5', () => {
    // 2026-03-02 with 15 days: Mar 2..16 = 15 of Mar 2..31 = 30 -> 0.5.
    expect(proportionOfDaysCovered(Q1, [{ dispensedOn: '2026-03-02', daysSupply: 15 }]).pdc).toBe(0.5);
  });

  it('is null without a fill in the period', () => {
    expect(proportionOfDaysCovered(Q1, [])).toEqual({ pdc: null, coveredDays: 0, windowDays: 0 });
  });

  it('rejects a zero days supply', () => {
    expect(() => proportionOfDaysCovered(Q1, [{ dispensedOn: '2026-01-05', daysSupply: 0 }])).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDuration }),
    );
  });
});

describe('shiftedCoverage', () => {
  it('stacks three same-day fills end to end', () => {
    const day = dayNumber('2026-01-01', 'day');
    expect(
      shiftedCoverage([
        { dispensedOn: '2026-01-01', daysSupply: 10 },
        { dispensedOn: '2026-01-01', daysSupply: 10 },
        { dispensedOn: '2026-01-01', daysSupply: 5 },
      ]),
    ).toEqual([
      { start: day, end: day + 9 },
      { start: day + 10, end: day + 19 },
      { start: day + 20, end: day + 24 },
    ]);
  });
});
