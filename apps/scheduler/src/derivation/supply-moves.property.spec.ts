import fc from 'fast-check';
import { DateTime } from 'luxon';
import { loadBuiltinTemplate } from '../plans/builtin-templates';
import { deriveTasks } from './derive-tasks';
import { type PatientEvent } from './patient-event';
import { AMLODIPINE } from './test/history-builder';

// Holidays off and one slot, so the expected due time follows from the supply arithmetic alone.
const PLAN = {
  ...loadBuiltinTemplate('pharmacy-chronic'),
  holidays: { calendar: 'none' as const },
  callSlots: ['10:30'],
};
const DAY0 = DateTime.fromISO('2026-03-02T00:00:00', { zone: 'Asia/Shanghai' });

const courseArbitrary = fc.record({
  dispenses: fc.uniqueArray(
    fc.record({ day: fc.integer({ min: 0, max: 120 }), quantity: fc.integer({ min: 1, max: 60 }) }),
    {
      minLength: 1,
      maxLength: 5,
      selector: (dispense) => dispense.day,
    },
  ),
  returns: fc.array(
    fc.record({ target: fc.nat(), fraction: fc.double({ min: 0, max: 1, noNaN: true }), lag: fc.nat(10) }),
    {
      maxLength: 3,
    },
  ),
});

type Course = typeof courseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(course: Course): PatientEvent[] {
  const dispenses = [...course.dispenses].sort((a, b) => a.day - b.day);
  const events: PatientEvent[] = dispenses.map((dispense, index) => ({
    id: `d${index}`,
    type: 'medication-dispensed',
    patientId: 'P1',
    occurredAt: DAY0.plus({ days: dispense.day, hours: 9 }).toISO() as string,
    dispenseId: `D${index}`,
    drug: AMLODIPINE,
    quantity: { value: dispense.quantity, unit: '片' },
    sig: '每日1次 每次1片',
  }));
  course.returns.forEach((item, index) => {
    const targetIndex = item.target % dispenses.length;
    const target = dispenses[targetIndex];
    if (!target) return;
    events.push({
      id: `r${index}`,
      type: 'medication-returned',
      patientId: 'P1',
      occurredAt: DAY0.plus({ days: target.day + item.lag, hours: 11 }).toISO() as string,
      returnId: `R${index}`,
      drugCode: AMLODIPINE.code,
      dispenseId: `D${targetIndex}`,
      quantity: { value: Math.floor(target.quantity * item.fraction), unit: '片' },
    });
  });
  return events;
}

/** Independent model: leftover tablets carry over; a return takes tablets off its dispense. */
function expectedRunOutDay(course: Course): number | undefined {
  const dispenses = [...course.dispenses].sort((a, b) => a.day - b.day);
  const returned = dispenses.map(() => 0);
  course.returns.forEach((item) => {
    const index = item.target % dispenses.length;
    const target = dispenses[index];
    if (target) returned[index] = (returned[index] ?? 0) + Math.floor(target.quantity * item.fraction);
  });
  let end: number | undefined;
  dispenses.forEach((dispense, index) => {
    const days = Math.max(0, dispense.quantity - (returned[index] ?? 0));
    if (days === 0) return;
    end = Math.max(end ?? dispense.day, dispense.day) + days;
  });
  return end;
}

function beforeRunOut(events: PatientEvent[]): { id: string; due: string } | undefined {
  const task = deriveTasks([PLAN], events, { now: '2026-03-01T00:00:00+08:00' }).tasks.find(
    (candidate) => candidate.stepId === 'before-run-out',
  );
  return task ? { id: task.id, due: task.due } : undefined;
}

describe('refills and returns move the before-run-out task (property-based)', () => {
  it('lands 3 days before the modelled run-out, on the first slot, never before the first dispense', () => {
    fc.assert(
      fc.property(courseArbitrary, (course) => {
        const runOutDay = expectedRunOutDay(course);
        const task = beforeRunOut(eventsOf(course));
        if (runOutDay === undefined) {
          expect(task).toBeUndefined();
          return;
        }
        const firstDay = Math.min(...course.dispenses.map((dispense) => dispense.day));
        const dueDay = Math.max(runOutDay - 3, firstDay);
        expect(task?.due).toBe(
          DAY0.plus({ days: dueDay, hours: 10, minutes: 30 }).toISO({ suppressMilliseconds: true }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a refill never brings the task forward, a return never pushes it back, and its id never changes', () => {
    fc.assert(
      fc.property(
        courseArbitrary,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (course, quantity, lag) => {
          const base = eventsOf(course);
          const before = beforeRunOut(base);
          fc.pre(before !== undefined);
          const lastDay = Math.max(...course.dispenses.map((dispense) => dispense.day));
          const refill: PatientEvent = {
            id: 'refill',
            type: 'medication-dispensed',
            patientId: 'P1',
            occurredAt: DAY0.plus({ days: lastDay + lag, hours: 15 }).toISO() as string,
            dispenseId: 'D-refill',
            drug: AMLODIPINE,
            quantity: { value: quantity, unit: '片' },
            sig: 'qd 1片',
          };
          const afterRefill = beforeRunOut([...base, refill]);
          expect(afterRefill?.id).toBe(before?.id);
          expect(Date.parse(afterRefill?.due ?? '')).toBeGreaterThanOrEqual(Date.parse(before?.due ?? ''));
          const giveBack: PatientEvent = {
            id: 'give-back',
            type: 'medication-returned',
            patientId: 'P1',
            occurredAt: DAY0.plus({ days: lastDay, hours: 16 }).toISO() as string,
            returnId: 'R-extra',
            drugCode: AMLODIPINE.code,
            dispenseId: 'D0',
            quantity: { value: 1, unit: '片' },
          };
          const afterReturn = beforeRunOut([...base, giveBack]);
          if (afterReturn) {
            expect(afterReturn.id).toBe(before?.id);
            expect(Date.parse(afterReturn.due)).toBeLessThanOrEqual(Date.parse(before?.due ?? ''));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
