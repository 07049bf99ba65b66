import { averageTimeBetweenVisits } from './time-between-visits';

const PATIENTS = [
  // gaps 30 and 60 (the duplicate 2026-01-31 counts once)
  { visitDates: ['2026-01-01', '2026-01-31', '2026-01-31', '2026-04-01'], segments: ['chronic'] },
  // gap 10; listed out of order on purpose
  { visitDates: ['2026-03-11', '2026-03-01'], segments: ['dental'] },
  // one visit day: no gap
  { visitDates: ['2026-02-02'], segments: ['chronic'] },
];

describe('averageTimeBetweenVisits', () => {
  it('pools every consecutive gap across patients', () => {
    // Gaps 30 + 60 + 10 = 100 over 3 gaps -> 33.333... days; 2 patients contribute.
    const result = averageTimeBetweenVisits(PATIENTS);
    expect(result.meanDays).toBeCloseTo(100 / 3, 10);
    expect(result).toMatchObject({ gapCount: 3, patientCount: 2 });
  });

  it('restricts to a segment', () => {
    // chronic: only the first patient has gaps: (30 + 60) / 2 = 45.
    expect(averageTimeBetweenVisits(PATIENTS, 'chronic')).toEqual({ meanDays: 45, gapCount: 2, patientCount: 1 });
  });

  it('is null when no patient has two visit days', () => {
    expect(averageTimeBetweenVisits(PATIENTS, 'oncology').meanDays).toBeNull();
  });
});
