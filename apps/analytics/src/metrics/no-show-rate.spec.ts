import { type AppointmentRecord, noShowRate, reminderEffectOnNoShows } from './no-show-rate';

function appointments(outcome: AppointmentRecord['outcome'], reminded: boolean, count: number): AppointmentRecord[] {
  return Array.from({ length: count }, () => ({ outcome, reminded }));
}

// Reminded: 45 attended, 5 no-show, 4 cancelled. Not reminded: 24 attended, 6 no-show, 1 cancelled.
const HISTORY = [
  ...appointments('attended', true, 45),
  ...appointments('no-show', true, 5),
  ...appointments('cancelled', true, 4),
  ...appointments('attended', false, 24),
  ...appointments('no-show', false, 6),
  ...appointments('cancelled', false, 1),
];

describe('noShowRate', () => {
  it('divides no-shows by attended + no-shows, ignoring cancellations', () => {
    // (5 + 6) / (45 + 5 + 24 + 6) = 11 / 80 = 0.1375
    expect(noShowRate(HISTORY)).toEqual({ rate: 0.1375, noShows: 11, kept: 80 });
  });

  it('is null with only cancellations', () => {
    expect(noShowRate(appointments('cancelled', true, 3)).rate).toBeNull();
  });
});

describe('reminderEffectOnNoShows', () => {
  it('compares reminded with not-reminded appointments', () => {
    // Reminded 5/50 = 0.10; not reminded 6/30 = 0.20; difference = -0.10.
    const effect = reminderEffectOnNoShows(HISTORY);
    expect(effect.reminded).toEqual({ rate: 0.1, noShows: 5, kept: 50 });
    expect(effect.notReminded).toEqual({ rate: 0.2, noShows: 6, kept: 30 });
    expect(effect.difference.difference).toBeCloseTo(-0.1, 12);
    // Wilson 95%: 5/50 -> [0.04348, 0.21360]; 6/30 -> [0.09505, 0.37306].
    // Newcombe: lower = -0.1 - sqrt((0.1 - 0.04348)^2 + (0.37306 - 0.2)^2) = -0.1 - 0.18205 = -0.28205
    //           upper = -0.1 + sqrt((0.21360 - 0.1)^2 + (0.2 - 0.09505)^2) = -0.1 + 0.15466 = 0.05466
    // The interval spans 0: with these small groups the dashboard must not claim an effect.
    expect(effect.difference.lower).toBeCloseTo(-0.28205, 4);
    expect(effect.difference.upper).toBeCloseTo(0.05466, 4);
  });
});
