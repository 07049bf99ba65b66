import { patientLifetimeValue } from './patient-lifetime-value';
import { MetricErrorCode } from './metrics.errors';

describe('patientLifetimeValue', () => {
  it('multiplies APV by the average lifespan in window units', () => {
    // Window: one year, 365 days. Revenue (fen): A 120000, B 60000, C 0 (visited, paid nothing this year).
    // APV = (120000 + 60000) / 2 paying patients = 90000.
    // Lifespans: A 2024-01-01..2025-12-31 = 730 days; B 2025-06-01 only -> 0; C 2025-01-01..2025-04-11 = 100.
    // Average lifespan = (730 + 0 + 100) / 3 = 276.666... days = 0.75799 years.
    // PLTV = 90000 * (830/3) / 365 = 90000 * 830 / 1095 = 68219.178...
    const result = patientLifetimeValue({
      windowDays: 365,
      patients: [
        { visitDates: ['2024-01-01', '2025-03-15', '2025-12-31'], revenueInWindowMinor: 120000 },
        { visitDates: ['2025-06-01'], revenueInWindowMinor: 60000 },
        { visitDates: ['2025-04-11', '2025-01-01'], revenueInWindowMinor: 0 },
      ],
    });
    expect(result.averagePatientValueMinor).toBe(90000);
    expect(result.averageLifespanDays).toBeCloseTo(830 / 3, 10);
    expect(result.lifetimeValueMinor).toBeCloseTo((90000 * 830) / 1095, 6);
    expect(result.patientCount).toBe(3);
  });

  it('is null without paying patients or visits', () => {
    const result = patientLifetimeValue({ windowDays: 365, patients: [{ visitDates: [], revenueInWindowMinor: 0 }] });
    expect(result).toEqual({
      averagePatientValueMinor: null,
      averageLifespanDays: null,
      lifetimeValueMinor: null,
      patientCount: 0,
    });
  });

  it('rejects fractional money and a zero window', () => {
    expect(() =>
      patientLifetimeValue({ windowDays: 365, patients: [{ visitDates: [], revenueInWindowMinor: 1.5 }] }),
    ).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidAmount }));
    expect(() => patientLifetimeValue({ windowDays: 0, patients: [] })).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDuration }),
    );
  });
});
