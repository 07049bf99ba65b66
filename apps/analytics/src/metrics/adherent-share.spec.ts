import { adherentShare } from './adherent-share';

const Q1 = { start: '2026-01-01', end: '2026-03-31' };

describe('adherentShare', () => {
  it('counts lists with two or more fills and PDC of at least 0.8', () => {
    // A: Jan 11 + Feb 5 + Mar 15, 30 days each -> PDC 77/80 = 0.9625 (see the PDC spec) -> adherent.
    // B: Jan 1 (30 days: Jan 1..30) + Mar 2 (30 days: Mar 2..31): 60 of 90 days -> 0.667 -> not adherent.
    // C: one fill only -> not eligible. D: two fills, one before the period -> one in it -> not eligible.
    const result = adherentShare(Q1, [
      [
        { dispensedOn: '2026-01-11', daysSupply: 30 },
        { dispensedOn: '2026-02-05', daysSupply: 30 },
        { dispensedOn: '2026-03-15', daysSupply: 30 },
      ],
      [
        { dispensedOn: '2026-01-01', daysSupply: 30 },
        { dispensedOn: '2026-03-02', daysSupply: 30 },
      ],
      [{ dispensedOn: '2026-01-05', daysSupply: 90 }],
      [
        { dispensedOn: '2025-12-01', daysSupply: 30 },
        { dispensedOn: '2026-01-03', daysSupply: 90 },
      ],
    ]);
    // Eligible A, B; adherent A -> 1/2.
    expect(result).toEqual({ rate: 0.5, adherent: 1, eligible: 2 });
  });

  it('honours a custom threshold', () => {
    // B's PDC 60/90 = 0.667 reaches a 0.6 threshold.
    const b = [
      { dispensedOn: '2026-01-01', daysSupply: 30 },
      { dispensedOn: '2026-03-02', daysSupply: 30 },
    ];
    expect(adherentShare(Q1, [b], 0.6).rate).toBe(1);
    expect(adherentShare(Q1, []).rate).toBeNull();
  });
});
