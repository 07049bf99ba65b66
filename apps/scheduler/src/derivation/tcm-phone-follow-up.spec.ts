import { type VisitKind } from '../plans/plan.types';
import { derive, HistoryBuilder, schedule } from './test/history-builder';

/** A TCM prescription of `days` days written at a visit on Monday 2026-03-02 10:00, starting that day. */
function tcmPlan(visitKind: VisitKind, days: number): string[] {
  const history = new HistoryBuilder();
  history.procedure('2026-03-02T10:00:00+08:00', 'tcm-prescription', {
    visitKind,
    prescriptionDays: days,
    prescriptionStart: '2026-03-02',
  });
  return schedule(derive('tcm-phone-follow-up', history.events));
}

describe('tcm-phone-follow-up template (seed 003)', () => {
  describe('first visit, days counted from the visit', () => {
    it.each([
      [7, ['first-visit-day-3@2026-03-05T10:30:00+08:00', 'first-visit-before-end@2026-03-06T10:30:00+08:00']],
      [14, ['first-visit-day-3@2026-03-05T10:30:00+08:00', 'first-visit-before-end@2026-03-13T10:30:00+08:00']],
      [
        21,
        [
          'first-visit-day-3@2026-03-05T10:30:00+08:00',
          'first-visit-day-10@2026-03-12T10:30:00+08:00',
          'first-visit-before-end@2026-03-20T10:30:00+08:00',
        ],
      ],
      [
        30,
        [
          'first-visit-day-3@2026-03-05T10:30:00+08:00',
          'first-visit-day-15@2026-03-17T10:30:00+08:00',
          'first-visit-before-end@2026-03-29T10:30:00+08:00',
        ],
      ],
      [
        60,
        [
          'first-visit-day-3@2026-03-05T10:30:00+08:00',
          'first-visit-day-21@2026-03-23T10:30:00+08:00',
          'first-visit-day-42@2026-04-13T10:30:00+08:00',
          'first-visit-before-end@2026-04-28T10:30:00+08:00',
        ],
      ],
    ])('%i-day prescription', (days, expected) => {
      expect(tcmPlan('first', days)).toEqual(expected);
    });
  });

  describe('return visit, days counted from the prescription start', () => {
    it.each([
      [10, ['return-visit-day-9@2026-03-11T10:30:00+08:00']],
      [14, ['return-visit-day-7@2026-03-09T10:30:00+08:00', 'return-visit-before-end@2026-03-13T10:30:00+08:00']],
      [31, ['return-visit-day-7@2026-03-09T10:30:00+08:00', 'return-visit-before-end@2026-03-30T10:30:00+08:00']],
      [
        45,
        [
          'return-visit-day-7@2026-03-09T10:30:00+08:00',
          'return-visit-one-month@2026-04-02T10:30:00+08:00',
          'return-visit-before-end@2026-04-13T10:30:00+08:00',
        ],
      ],
      [
        60,
        [
          'return-visit-day-7@2026-03-09T10:30:00+08:00',
          'return-visit-one-month@2026-04-02T10:30:00+08:00',
          'return-visit-before-end@2026-04-28T10:30:00+08:00',
        ],
      ],
    ])('%i-day prescription', (days, expected) => {
      expect(tcmPlan('return', days)).toEqual(expected);
    });
  });

  it('cured chronic patients: every 6 months up to the horizon (now + 1 year)', () => {
    const history = new HistoryBuilder();
    history.condition('2026-03-02T10:00:00+08:00', 'K29.5', 'condition-resolved', true);
    expect(schedule(derive('tcm-phone-follow-up', history.events, '2026-03-02T12:00:00+08:00'))).toEqual([
      'cured-chronic@2026-09-02T10:30:00+08:00',
      'cured-chronic@2027-03-02T10:30:00+08:00',
    ]);
  });

  it('a day-3 call on a statutory holiday is deferred to the next working day (Spring Festival 2026)', () => {
    const history = new HistoryBuilder();
    history.procedure('2026-02-13T10:00:00+08:00', 'tcm-prescription', { visitKind: 'first', prescriptionDays: 14 });
    // Day 3 (02-16) and end - 3 (02-24) both land on or after the 02-15..02-23 holiday: both on 02-24.
    expect(schedule(derive('tcm-phone-follow-up', history.events, '2026-02-01T00:00:00+08:00')).sort()).toEqual([
      'first-visit-before-end@2026-02-24T10:30:00+08:00',
      'first-visit-day-3@2026-02-24T10:30:00+08:00',
    ]);
  });

  it('return-visit calls count from the prescription start when it differs from the visit day', () => {
    const history = new HistoryBuilder();
    history.procedure('2026-03-02T10:00:00+08:00', 'tcm-prescription', {
      visitKind: 'return',
      prescriptionDays: 14,
      prescriptionStart: '2026-03-04',
    });
    expect(schedule(derive('tcm-phone-follow-up', history.events))).toEqual([
      'return-visit-day-7@2026-03-11T10:30:00+08:00',
      'return-visit-before-end@2026-03-15T10:30:00+08:00',
    ]);
  });

  it('other procedures, and prescriptions without a visit type, are not followed by this plan', () => {
    const history = new HistoryBuilder();
    history.procedure('2026-03-02T10:00:00+08:00', 'infusion', { visitKind: 'first', prescriptionDays: 14 });
    history.procedure('2026-03-02T11:00:00+08:00', 'tcm-prescription', { prescriptionDays: 14 });
    expect(derive('tcm-phone-follow-up', history.events).tasks).toEqual([]);
  });
});
