import { derive, HistoryBuilder, schedule } from './test/history-builder';

/** Tuesday 2026-03-10 09:00 in the clinic's zone (Asia/Shanghai). */
const TREATED = '2026-03-10T09:00:00+08:00';

function planFor(
  category: string,
  at = TREATED,
  flags: { prosthesisPlanned?: boolean; restored?: boolean } = {},
): string[] {
  const history = new HistoryBuilder();
  history.procedure(at, category, flags);
  return schedule(derive('dental-aftercare', history.events));
}

describe('dental-aftercare template (seed 001 table; call slots 10:30 and 16:00)', () => {
  it.each([
    'dental-extraction',
    'dental-root-canal-filling',
    'dental-orthodontic-fitting',
    'dental-orthodontic-adjustment',
  ])('%s: 2-3 hours after (earliest, 2 h) and one week after', (category) => {
    expect(planFor(category)).toEqual(['after-2h@2026-03-10T11:00:00+08:00', 'after-1w@2026-03-17T10:30:00+08:00']);
  });

  it.each(['dental-denture-fitting', 'dental-scaling'])('%s: the next day at the first slot', (category) => {
    expect(planFor(category)).toEqual(['next-day@2026-03-11T10:30:00+08:00']);
  });

  it('root-canal treatment: same day, and again after one week while the tooth is not restored', () => {
    expect(planFor('dental-root-canal-treatment')).toEqual([
      'rct-same-day@2026-03-10T11:00:00+08:00',
      'rct-unrestored@2026-03-17T10:30:00+08:00',
    ]);
  });

  it('root-canal treatment: the restoration within the week cancels the "not restored" call, saying why', () => {
    const history = new HistoryBuilder();
    history.procedure(TREATED, 'dental-root-canal-treatment');
    history.procedure('2026-03-14T10:00:00+08:00', 'dental-restoration');
    const result = derive('dental-aftercare', history.events);
    expect(schedule(result)).toEqual(['rct-same-day@2026-03-10T11:00:00+08:00']);
    expect(result.cancelled.map((task) => `${task.stepId}: ${task.cancelReason}`)).toEqual([
      'rct-unrestored: tooth restored (procedure-performed at 2026-03-14T10:00:00+08:00)',
    ]);
  });

  it('root-canal treatment restored at the same visit: no "not restored" call', () => {
    expect(planFor('dental-root-canal-treatment', TREATED, { restored: true })).toEqual([
      'rct-same-day@2026-03-10T11:00:00+08:00',
    ]);
  });

  it('extraction needing a denture or implant: the extraction calls plus about two months after', () => {
    expect(planFor('dental-extraction', TREATED, { prosthesisPlanned: true })).toEqual([
      'after-2h@2026-03-10T11:00:00+08:00',
      'after-1w@2026-03-17T10:30:00+08:00',
      'prosthesis-2m@2026-05-10T10:30:00+08:00',
    ]);
  });

  it('retainer fitted: one week, one month, 6 months (earliest of 6-12)', () => {
    expect(planFor('dental-orthodontic-retainer')).toEqual([
      'retainer-1w@2026-03-17T10:30:00+08:00',
      'retainer-1m@2026-04-10T10:30:00+08:00',
      'retainer-6m@2026-09-10T10:30:00+08:00',
    ]);
  });

  it('implant surgery: within 24 hours (next slot), 3 months, 6 months, one year', () => {
    expect(planFor('dental-implant')).toEqual([
      'implant-24h@2026-03-10T10:30:00+08:00',
      'implant-3m@2026-06-10T10:30:00+08:00',
      'implant-6m@2026-09-10T10:30:00+08:00',
      'implant-1y@2027-03-10T10:30:00+08:00',
    ]);
  });

  it('implant surgery late in the afternoon: the 24-hour call is the next morning slot', () => {
    expect(planFor('dental-implant', '2026-03-10T17:00:00+08:00')[0]).toBe('implant-24h@2026-03-11T10:30:00+08:00');
  });

  it.each(['dental-pulp-opening', 'dental-canal-enlargement', 'infusion'])('%s: within 24 hours', (category) => {
    expect(planFor(category, '2026-03-10T11:00:00+08:00')).toEqual(['within-24h@2026-03-10T16:00:00+08:00']);
  });

  it('other treatments: the general cadence day 1, 3, 7, one month, three months', () => {
    expect(planFor('dental-other')).toEqual([
      'general-1d@2026-03-11T10:30:00+08:00',
      'general-3d@2026-03-13T10:30:00+08:00',
      'general-7d@2026-03-17T10:30:00+08:00',
      'general-1m@2026-04-10T10:30:00+08:00',
      'general-3m@2026-06-10T10:30:00+08:00',
    ]);
  });

  it('missed return visit: called at once (within 1 hour)', () => {
    const history = new HistoryBuilder();
    history.missed('2026-03-10T14:20:00+08:00', '2026-03-10T14:00:00+08:00');
    expect(schedule(derive('dental-aftercare', history.events))).toEqual(['missed-visit@2026-03-10T14:20:00+08:00']);
  });

  it('missed visit recorded during quiet hours: deferred to 08:00, never dropped', () => {
    const history = new HistoryBuilder();
    history.missed('2026-03-10T21:30:00+08:00', '2026-03-10T19:00:00+08:00');
    const result = derive('dental-aftercare', history.events);
    expect(schedule(result)).toEqual(['missed-visit@2026-03-11T08:00:00+08:00']);
    expect(result.tasks[0]?.reason).toContain('quiet hours 21:00-08:00');
  });

  it('an extraction at 19:30: the 2-hour call falls in quiet hours and moves to 08:00 the next day', () => {
    expect(planFor('dental-extraction', '2026-03-10T19:30:00+08:00')[0]).toBe('after-2h@2026-03-11T08:00:00+08:00');
  });

  it('a procedure reported in UTC is scheduled in the clinic zone', () => {
    expect(planFor('dental-scaling', '2026-03-10T01:00:00Z')).toEqual(['next-day@2026-03-11T10:30:00+08:00']);
  });

  it('a reversed procedure cancels its calls', () => {
    const history = new HistoryBuilder();
    const procedure = history.procedure(TREATED, 'dental-extraction');
    history.add({
      id: 'evt-undo',
      type: 'procedure-reversed',
      patientId: 'P1',
      occurredAt: '2026-03-10T09:30:00+08:00',
      procedureId: procedure.procedureId,
    });
    expect(derive('dental-aftercare', history.events).tasks).toEqual([]);
  });
});
