import { derive, HistoryBuilder, schedule } from './test/history-builder';

describe('appointment-reminder template (seed 004: SMS 1-2 days before)', () => {
  it('reminds one day before the appointment at the first slot, by SMS', () => {
    const history = new HistoryBuilder();
    history.booked('2026-03-01T09:00:00+08:00', '2026-03-12T09:30:00+08:00');
    const result = derive('appointment-reminder', history.events);
    expect(schedule(result)).toEqual(['day-before@2026-03-11T10:30:00+08:00']);
    expect(result.tasks[0]?.channel).toBe('sms');
  });

  it('a rescheduled appointment moves the reminder (same task id); a cancellation cancels it', () => {
    const history = new HistoryBuilder();
    history.booked('2026-03-01T09:00:00+08:00', '2026-03-12T09:30:00+08:00', 'A1');
    const first = derive('appointment-reminder', history.events).tasks[0];
    history.booked('2026-03-05T09:00:00+08:00', '2026-03-20T15:00:00+08:00', 'A1');
    const moved = derive('appointment-reminder', history.events).tasks[0];
    expect(moved?.due).toBe('2026-03-19T10:30:00+08:00');
    expect(moved?.id).toBe(first?.id);
    history.cancelled('2026-03-06T09:00:00+08:00', 'A1');
    expect(derive('appointment-reminder', history.events).tasks).toEqual([]);
  });

  it("the patient's quiet times (latest preferences win) move the reminder to the next allowed slot", () => {
    const history = new HistoryBuilder();
    history.booked('2026-03-01T09:00:00+08:00', '2026-03-12T09:30:00+08:00');
    history.add({
      id: 'prefs-1',
      type: 'quiet-times-set',
      patientId: 'P1',
      occurredAt: '2026-03-01T10:00:00+08:00',
      windows: [{ from: '08:00', to: '20:00' }],
    });
    history.add({
      id: 'prefs-2',
      type: 'quiet-times-set',
      patientId: 'P1',
      occurredAt: '2026-03-02T10:00:00+08:00',
      windows: [{ from: '10:00', to: '12:00', daysOfWeek: [3] }],
    });
    const result = derive('appointment-reminder', history.events);
    // 2026-03-11 is a Wednesday: 10:30 is inside the patient's 10:00-12:00, so 16:00.
    expect(schedule(result)).toEqual(['day-before@2026-03-11T16:00:00+08:00']);
    expect(result.tasks[0]?.reason).toContain("patient's quiet time 10:00-12:00");
  });

  it('booked the evening before: the reminder goes at the next slot if that is still before the appointment', () => {
    const history = new HistoryBuilder();
    history.booked('2026-03-11T12:00:00+08:00', '2026-03-12T09:30:00+08:00');
    expect(schedule(derive('appointment-reminder', history.events))).toEqual(['day-before@2026-03-11T16:00:00+08:00']);
  });

  it('booked too late for any slot before the appointment: no reminder, with the reason', () => {
    const history = new HistoryBuilder();
    history.booked('2026-03-11T17:00:00+08:00', '2026-03-12T09:30:00+08:00');
    const result = derive('appointment-reminder', history.events);
    expect(result.tasks).toEqual([]);
    expect(result.cancelled[0]?.cancelReason).toMatch(/^no allowed time before appointment starts/);
  });
});

describe('hospital-discharge template', () => {
  it('surveys the next day and calls at 7 days, one month and three months after an in-patient discharge', () => {
    const history = new HistoryBuilder();
    history.encounter('2026-03-10T15:00:00+08:00', { encounterClass: 'inpatient', practitionerId: 'DR-7' });
    history.encounter('2026-03-11T10:00:00+08:00', { encounterClass: 'outpatient' });
    const result = derive('hospital-discharge', history.events);
    expect(schedule(result)).toEqual([
      'satisfaction-survey@2026-03-11T10:30:00+08:00',
      'day-7@2026-03-17T10:30:00+08:00',
      'one-month@2026-04-10T10:30:00+08:00',
      'three-months@2026-06-10T10:30:00+08:00',
    ]);
    expect(result.tasks[1]?.assignee).toEqual({ staffId: 'DR-7', queue: 'discharge-follow-up' });
  });
});

describe('birthday-greeting template', () => {
  it('greets on the birthday every year up to the horizon', () => {
    const history = new HistoryBuilder();
    history.registered('2026-01-05T10:00:00+08:00', '1960-03-18');
    expect(schedule(derive('birthday-greeting', history.events))).toEqual(['greeting@2026-03-18T10:30:00+08:00']);
    expect(schedule(derive('birthday-greeting', history.events, '2026-12-01T00:00:00+08:00'))).toEqual([
      'greeting@2026-03-18T10:30:00+08:00',
      'greeting@2027-03-18T10:30:00+08:00',
    ]);
  });

  it('29 February birthdays are greeted on 28 February in common years', () => {
    const history = new HistoryBuilder();
    history.registered('2026-01-05T10:00:00+08:00', '1964-02-29');
    expect(schedule(derive('birthday-greeting', history.events))).toEqual([
      'greeting@2026-02-28T10:30:00+08:00',
      'greeting@2027-02-28T10:30:00+08:00',
    ]);
  });
});

describe('spring-festival-campaign template (seed 000)', () => {
  it('calls hypertension, diabetes or gout patients two weeks before the lunar new year, once per patient', () => {
    const history = new HistoryBuilder();
    history.condition('2026-03-05T10:00:00+08:00', 'I10');
    history.condition('2026-04-05T10:00:00+08:00', 'E11.9');
    const result = derive('spring-festival-campaign', history.events, '2026-06-01T00:00:00+08:00');
    // Lunar new year 2027 is 2027-02-06; two weeks before is 2027-01-23.
    expect(schedule(result)).toEqual(['before-lunar-new-year@2027-01-23T10:30:00+08:00']);
  });

  it('also triggers on an encounter diagnosis (gout, ICD-10 M10)', () => {
    const history = new HistoryBuilder();
    history.encounter('2026-03-05T10:00:00+08:00', { diagnoses: ['M10.07'] });
    expect(schedule(derive('spring-festival-campaign', history.events, '2026-06-01T00:00:00+08:00'))).toEqual([
      'before-lunar-new-year@2027-01-23T10:30:00+08:00',
    ]);
  });

  it('ignores patients without those conditions', () => {
    const history = new HistoryBuilder();
    history.condition('2026-03-05T10:00:00+08:00', 'J45');
    expect(derive('spring-festival-campaign', history.events, '2026-06-01T00:00:00+08:00').tasks).toEqual([]);
  });
});
