import { DEMO_BEHAVIOUR_RATES, PatientBehaviour } from './patient-behaviour';
import { pickWeighted, seededDraw } from './seeded-draw';

const CALLS = Array.from({ length: 20_000 }, (_, index) => ({
  callee: `+86139${String(10_000_000 + index).padStart(8, '0')}`,
  callRef: `task-${index}`,
}));

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

describe('PatientBehaviour', () => {
  const behaviour = new PatientBehaviour(42);
  const scenarios = CALLS.map((call) => behaviour.robotCall(call.callee, call.callRef));

  it('answers robot calls at the configured rates (each outcome within 1.5 points)', () => {
    for (const [outcome, rate] of Object.entries(DEMO_BEHAVIOUR_RATES.robotOutcomes)) {
      expect(Math.abs(share(scenarios, (s) => s.outcome === outcome) - rate)).toBeLessThan(0.015);
    }
  });

  it('gives CSAT 1-5 with the configured spread, and NPS 0-10 only on completed calls', () => {
    const rated = scenarios.filter((s) => typeof s.answers?.['satisfaction'] === 'number');
    DEMO_BEHAVIOUR_RATES.satisfaction.forEach((rate, index) => {
      expect(Math.abs(share(rated, (s) => s.answers?.['satisfaction'] === index + 1) - rate)).toBeLessThan(0.015);
    });
    const withNps = scenarios.filter((s) => s.answers?.['nps'] !== undefined);
    expect(withNps.every((s) => s.outcome === 'completed')).toBe(true);
    expect(withNps.every((s) => Number.isInteger(s.answers?.['nps']) && Number(s.answers?.['nps']) <= 10)).toBe(true);
    const completed = scenarios.filter((s) => s.outcome === 'completed' && s.intents === undefined);
    expect(Math.abs(withNps.length / completed.length - DEMO_BEHAVIOUR_RATES.npsAnswered)).toBeLessThan(0.02);
  });

  it('has unhappy patients detract and happy ones promote', () => {
    const nps = (csat: number) =>
      scenarios.filter((s) => s.answers?.['satisfaction'] === csat && s.answers['nps'] !== undefined);
    expect(nps(1).every((s) => Number(s.answers?.['nps']) <= 6)).toBe(true);
    expect(nps(5).every((s) => Number(s.answers?.['nps']) >= 8)).toBe(true);
  });

  it('has no answers on calls nobody picked up', () => {
    const missed = scenarios.filter((s) => s.outcome !== 'completed' && s.outcome !== 'partial');
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.every((s) => s.answers === undefined && s.freeText === undefined)).toBe(true);
  });

  it('has a few dissatisfied patients complain, and only dissatisfied ones', () => {
    const complaining = CALLS.filter((call, index) => {
      const csat = scenarios[index]?.answers?.['satisfaction'];
      return typeof csat === 'number' && behaviour.complaint(csat, 'robot', call.callee, call.callRef) !== undefined;
    });
    const rate = complaining.length / CALLS.length;
    expect(rate).toBeGreaterThan(0.005);
    expect(rate).toBeLessThan(0.05);
    expect(behaviour.complaint(3, 'anyone')).toBeUndefined();
  });

  it('delivers SMS and returns questionnaires at the configured rates', () => {
    const delivered = share(CALLS, (call) => behaviour.smsDelivered(call.callee, call.callRef));
    expect(Math.abs(delivered - DEMO_BEHAVIOUR_RATES.smsDelivered)).toBeLessThan(0.01);
    const replies = CALLS.map((call) => behaviour.questionnaireReply(call.callRef));
    expect(Math.abs(share(replies, (r) => r !== undefined) - DEMO_BEHAVIOUR_RATES.questionnaireReplied)).toBeLessThan(
      0.015,
    );
    expect(replies.every((r) => r === undefined || (r.csat >= 1 && r.csat <= 5))).toBe(true);
  });

  it('is the same for the same seed whatever the order of asking, and differs for another seed', () => {
    const again = new PatientBehaviour(42);
    const reversed = [...CALLS].reverse().map((call) => again.robotCall(call.callee, call.callRef));
    expect(reversed.reverse()).toEqual(scenarios);
    const other = new PatientBehaviour(43);
    const changed = CALLS.filter(
      (call, index) => other.robotCall(call.callee, call.callRef).outcome !== scenarios[index]?.outcome,
    );
    expect(changed.length / CALLS.length).toBeGreaterThan(0.3);
  });

  it('lets a call be placed again with a different outcome (a retry is a new callRef)', () => {
    const outcomes = new Set(
      Array.from({ length: 50 }, (_, attempt) => behaviour.robotCall(CALLS[0]!.callee, `retry-${attempt}`).outcome),
    );
    expect(outcomes.size).toBeGreaterThan(1);
  });
});

describe('seededDraw and pickWeighted', () => {
  it('draws in [0, 1) and picks by weight', () => {
    const draws = Array.from({ length: 1000 }, (_, index) => seededDraw(7, String(index)));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    expect(
      pickWeighted(0, [
        ['a', 1],
        ['b', 3],
      ]),
    ).toBe('a');
    expect(
      pickWeighted(0.3, [
        ['a', 1],
        ['b', 3],
      ]),
    ).toBe('b');
    expect(
      pickWeighted(0.999_999, [
        ['a', 1],
        ['b', 3],
      ]),
    ).toBe('b');
  });
});
