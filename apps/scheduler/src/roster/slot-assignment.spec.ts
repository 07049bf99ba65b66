import { DateTime } from 'luxon';
import { agentsOnShift } from './agents-on-shift';
import { type Roster } from './roster.types';
import { assignSlot, type SlotDemand } from './slot-assignment';

const ZONE = 'Asia/Shanghai';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

const roster: Roster = {
  agents: [
    { staffId: 'staff-li', shifts: [{ days: [...WEEKDAYS], start: '08:00', end: '12:00', capacityPerSlot: 2 }] },
    { staffId: 'staff-wang', shifts: [{ days: [...WEEKDAYS], start: '08:00', end: '17:30', capacityPerSlot: 1 }] },
    {
      staffId: 'staff-zhao',
      queues: ['pharmacy'],
      shifts: [{ days: ['sat'], start: '09:00', end: '18:00', capacityPerSlot: 3 }],
    },
    { staffId: 'staff-night', shifts: [{ days: ['fri'], start: '22:00', end: '06:00', capacityPerSlot: 1 }] },
  ],
};

/** Monday 2026-03-02 in Shanghai at the given wall-clock time. */
function monday(time: string): DateTime {
  return DateTime.fromISO(`2026-03-02T${time}`, { zone: ZONE });
}

function demands(count: number, extra: Partial<SlotDemand> = {}): SlotDemand[] {
  return Array.from({ length: count }, (_, i) => ({ taskId: `t${i + 1}`, queue: 'follow-up', ...extra }));
}

const servedByRoster = (queue: string) => queue === 'follow-up' || queue === 'pharmacy';

describe('agents on shift at a call slot', () => {
  it('takes the weekday and the time range in the roster zone', () => {
    expect(agentsOnShift(roster, monday('10:30')).map((a) => [a.staffId, a.capacity])).toEqual([
      ['staff-li', 2],
      ['staff-wang', 1],
    ]);
    expect(agentsOnShift(roster, monday('16:00')).map((a) => a.staffId)).toEqual(['staff-wang']);
    // the end of a shift is exclusive
    expect(agentsOnShift(roster, monday('17:30')).map((a) => a.staffId)).toEqual([]);
    expect(agentsOnShift(roster, monday('10:30').plus({ days: 5 })).map((a) => a.staffId)).toEqual(['staff-zhao']);
  });

  it('counts a shift past midnight on the day it starts', () => {
    const friday = monday('23:00').plus({ days: 4 });
    expect(agentsOnShift(roster, friday).map((a) => a.staffId)).toEqual(['staff-night']);
    expect(agentsOnShift(roster, friday.plus({ hours: 6 })).map((a) => a.staffId)).toEqual(['staff-night']);
    // Friday 05:00 belongs to Thursday night's shift, which does not exist
    expect(agentsOnShift(roster, friday.minus({ hours: 18 })).map((a) => a.staffId)).toEqual([]);
  });
});

describe('assigning one call slot', () => {
  const at1030 = agentsOnShift(roster, monday('10:30'));

  it('gives the plan-preferred agent the task while they have room', () => {
    const result = assignSlot(demands(3, { preferredStaffId: 'staff-wang' }), at1030, servedByRoster, new Map());
    expect([...result.assigned]).toEqual([
      ['t1', 'staff-wang'],
      ['t2', 'staff-li'],
      ['t3', 'staff-li'],
    ]);
    expect(result.overflow).toEqual([]);
  });

  it('spreads the rest to the least loaded agent and overflows once everyone is full', () => {
    const result = assignSlot(demands(5), at1030, servedByRoster, new Map([['staff-li', 1]]));
    // li holds 1 already: wang (0) first, then li (1 vs wang 1: by staff id), then nobody has room
    expect([...result.assigned]).toEqual([
      ['t1', 'staff-wang'],
      ['t2', 'staff-li'],
    ]);
    expect(result.overflow).toEqual(['t3', 't4', 't5']);
    expect([...result.load]).toEqual([
      ['staff-li', 2],
      ['staff-wang', 1],
    ]);
  });

  it('moves everything when nobody serving the queue is on shift, and leaves unrostered queues unassigned', () => {
    const saturday = agentsOnShift(roster, monday('10:30').plus({ days: 5 }));
    const result = assignSlot(
      [
        { taskId: 'p1', queue: 'pharmacy' },
        { taskId: 'f1', queue: 'follow-up' },
        { taskId: 'x1', queue: 'dental-nurses' },
      ],
      saturday,
      servedByRoster,
      new Map(),
    );
    expect([...result.assigned]).toEqual([['p1', 'staff-zhao']]);
    expect(result.overflow).toEqual(['f1']);
    expect(result.unrostered).toEqual(['x1']);
  });

  it('skips a preferred agent who is off shift', () => {
    const result = assignSlot(demands(1, { preferredStaffId: 'staff-zhao' }), at1030, servedByRoster, new Map());
    expect([...result.assigned]).toEqual([['t1', 'staff-li']]);
  });
});
