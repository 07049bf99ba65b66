import { type PatientOutcome, followUpLift, isAdherent } from './follow-up-lift';
import { MetricErrorCode } from './metrics.errors';

function patients(arm: PatientOutcome['arm'], success: boolean, count: number): PatientOutcome[] {
  return Array.from({ length: count }, () => ({ arm, success }));
}

describe('followUpLift', () => {
  it('reports the difference of retention rates with the Newcombe interval', () => {
    // Followed up: 56 of 70 retained = 0.8; control: 48 of 80 = 0.6; lift = 0.2 (20 points).
    // Newcombe 1998 (Stat Med 17:873) works this very example, method 10: 0.0524 to 0.3339.
    const result = followUpLift([
      ...patients('followed-up', true, 56),
      ...patients('followed-up', false, 14),
      ...patients('control', true, 48),
      ...patients('control', false, 32),
    ]);
    expect(result.followedUp).toEqual({ rate: 0.8, successes: 56, patients: 70 });
    expect(result.control).toEqual({ rate: 0.6, successes: 48, patients: 80 });
    expect(result.lift.difference).toBeCloseTo(0.2, 12);
    expect(result.lift.lower).toBeCloseTo(0.0524, 4);
    expect(result.lift.upper).toBeCloseTo(0.3339, 4);
  });

  it('applies to adherence through the PDC threshold', () => {
    // PDCs followed up: 0.95, 0.8, 0.5 -> 2 of 3 adherent; control: 0.79, 0.9 -> 1 of 2. Lift = 2/3 - 1/2 = 1/6.
    const outcomes: PatientOutcome[] = [
      ...[0.95, 0.8, 0.5].map((pdc) => ({ arm: 'followed-up' as const, success: isAdherent(pdc) })),
      ...[0.79, 0.9].map((pdc) => ({ arm: 'control' as const, success: isAdherent(pdc) })),
    ];
    const result = followUpLift(outcomes);
    expect(result.lift.difference).toBeCloseTo(1 / 6, 12);
    // Five patients cannot show an effect: the interval spans 0.
    expect(result.lift.lower).toBeLessThan(0);
    expect(result.lift.upper).toBeGreaterThan(0);
  });

  it('has no lift without a control group', () => {
    expect(followUpLift(patients('followed-up', true, 3)).lift.difference).toBeNull();
  });

  it('rejects a PDC outside [0, 1]', () => {
    expect(() => isAdherent(1.2)).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidScore }));
  });
});
