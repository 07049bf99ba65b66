import { AMLODIPINE, derive, HistoryBuilder, METFORMIN, NIFEDIPINE, schedule } from './test/history-builder';

const TABLETS_30 = { quantity: { value: 30, unit: '片' }, sig: '每日1次，每次1片' };

describe('pharmacy-chronic template (seed 000: N days after purchase, every M days, K days before run-out)', () => {
  it('calls 7 days after the first purchase and 3 days before a 30-day supply runs out, at the first call slot', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    expect(schedule(derive('pharmacy-chronic', history.events))).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'before-run-out@2026-03-29T10:30:00+08:00',
    ]);
  });

  it('calls every 30 days while a 90-day supply lasts (boxes converted to tablets; Labour Day defers one)', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 3, unit: '盒' },
      sig: '1 tab qd',
      packaging: [
        { unit: '盒', contains: 3, of: '板' },
        { unit: '板', contains: 10, of: '片' },
      ],
    });
    expect(schedule(derive('pharmacy-chronic', history.events))).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'while-taking@2026-04-01T10:30:00+08:00',
      'while-taking@2026-05-06T10:30:00+08:00',
      'before-run-out@2026-05-28T10:30:00+08:00',
    ]);
  });

  it('uses the per-class parameters: antidiabetics first after 3 days and 5 days before run-out', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: METFORMIN,
      quantity: { value: 60, unit: '片' },
      sig: '一日两次 一次1片',
    });
    expect(schedule(derive('pharmacy-chronic', history.events))).toEqual([
      'first@2026-03-05T10:30:00+08:00',
      'before-run-out@2026-03-27T10:30:00+08:00',
    ]);
  });

  it('a refill of the same drug extends the supply and moves the before-run-out task (same id)', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    const before = derive('pharmacy-chronic', history.events);
    history.dispense('2026-03-28T15:00:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    const after = derive('pharmacy-chronic', history.events);
    expect(schedule(after)).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'while-taking@2026-04-01T10:30:00+08:00',
      'before-run-out@2026-04-28T10:30:00+08:00',
    ]);
    const moved = after.tasks.find((task) => task.stepId === 'before-run-out');
    expect(moved?.id).toBe(before.tasks.find((task) => task.stepId === 'before-run-out')?.id);
    expect(moved?.reason).toContain('supply until 2026-05-01');
  });

  it('a return (退药) shortens the supply and brings the before-run-out task forward', () => {
    const history = new HistoryBuilder();
    const dispense = history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    history.returned('2026-03-03T10:00:00+08:00', AMLODIPINE.code, 10, '片', dispense.dispenseId);
    expect(schedule(derive('pharmacy-chronic', history.events))).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'before-run-out@2026-03-19T10:30:00+08:00',
    ]);
  });

  it('a reversed dispense (entered in error) cancels everything it caused', () => {
    const history = new HistoryBuilder();
    const dispense = history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    history.reverseDispense('2026-03-02T11:00:00+08:00', dispense.dispenseId);
    expect(derive('pharmacy-chronic', history.events).tasks).toEqual([]);
  });

  it('a change of drug within the class ends the old course and says why; the new drug starts its own', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 60, unit: '片' },
      sig: 'qd 1片',
    });
    history.dispense('2026-03-20T09:00:00+08:00', { drug: NIFEDIPINE, ...TABLETS_30 });
    const result = derive('pharmacy-chronic', history.events);
    expect(schedule(result)).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'first@2026-03-27T10:30:00+08:00',
      'before-run-out@2026-04-16T10:30:00+08:00',
    ]);
    const cancelled = result.cancelled.map((task) => `${task.stepId}@${task.due}: ${task.cancelReason}`);
    expect(cancelled).toEqual([
      'while-taking@2026-04-01T10:30:00+08:00: therapy changed within ATC C08CA (dispense D2 of another drug) on 2026-03-20',
      'before-run-out@2026-04-28T10:30:00+08:00: therapy changed within ATC C08CA (dispense D2 of another drug) on 2026-03-20',
    ]);
  });

  it('an add-on drug of another subgroup (a diuretic next to amlodipine) does not end the first course', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    history.dispense('2026-03-05T09:15:00+08:00', {
      drug: { code: 'X-HCT-25', atc: 'C03AA03', name: '氢氯噻嗪片 25mg' },
      quantity: { value: 14, unit: '片' },
      sig: 'qd 1片',
    });
    const result = derive('pharmacy-chronic', history.events);
    expect(result.cancelled).toEqual([]);
    expect(schedule(result)).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'first@2026-03-12T10:30:00+08:00',
      'before-run-out@2026-03-16T10:30:00+08:00',
      'before-run-out@2026-03-29T10:30:00+08:00',
    ]);
  });

  it('two courses due the same day for the same step become one call that covers both', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    history.dispense('2026-03-02T09:16:00+08:00', {
      drug: { code: 'X-HCT-25', atc: 'C03AA03' },
      quantity: { value: 14, unit: '片' },
      sig: 'qd 1片',
    });
    const result = derive('pharmacy-chronic', history.events);
    expect(schedule(result)).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'before-run-out@2026-03-13T10:30:00+08:00',
      'before-run-out@2026-03-29T10:30:00+08:00',
    ]);
    expect(result.tasks[0]?.reason).toMatch(/also covers MedicationDispense\/D\d/);
  });

  it.each([
    ['moved-away', 'patient moved out of the area'],
    ['declined-follow-up', '不愿意接受回访'],
    ['consent-withdrawn', 'patient withdrew consent'],
    ['deceased', 'patient deceased'],
  ] as const)('status %s stops every later task and says why', (status, text) => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    history.status('2026-03-15T12:00:00+08:00', status);
    const result = derive('pharmacy-chronic', history.events);
    expect(schedule(result)).toEqual(['first@2026-03-09T10:30:00+08:00']);
    expect(result.cancelled.map((task) => task.cancelReason)).toEqual([expect.stringContaining(text)]);
  });

  it('an unreadable sig is flagged for a pharmacist and no supply-based task is guessed', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 30, unit: '片' },
      sig: '遵医嘱',
    });
    const result = derive('pharmacy-chronic', history.events);
    expect(schedule(result)).toEqual(['first@2026-03-09T10:30:00+08:00']);
    expect(result.flags).toEqual([
      expect.objectContaining({
        dispenseId: 'D1',
        code: 'supply.sig-frequency-unreadable',
        planId: 'pharmacy-chronic',
      }),
    ]);
  });

  it('defers a call that falls on a statutory holiday to the next working day', () => {
    const history = new HistoryBuilder();
    // 30 tablets from 2026-09-04: runs out 2026-10-04, "3 days before" is 10-01, National Day (10-01..10-07).
    history.dispense('2026-09-04T09:00:00+08:00', { drug: AMLODIPINE, ...TABLETS_30 });
    const result = derive('pharmacy-chronic', history.events, '2026-09-01T00:00:00+08:00');
    expect(schedule(result)).toEqual(['first@2026-09-11T10:30:00+08:00', 'before-run-out@2026-10-08T10:30:00+08:00']);
    expect(result.tasks[1]?.reason).toContain('deferred from 2026-10-01: holiday (国庆节)');
  });

  it('ignores drugs outside the configured classes', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', { drug: { code: 'X-AMOX', atc: 'J01CA04' }, ...TABLETS_30 });
    expect(derive('pharmacy-chronic', history.events).tasks).toEqual([]);
  });
});
