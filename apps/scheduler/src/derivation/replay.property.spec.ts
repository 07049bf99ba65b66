import fc from 'fast-check';
import { DateTime } from 'luxon';
import { loadBuiltinTemplates } from '../plans/builtin-templates';
import { deriveTasks } from './derive-tasks';
import { type PatientEvent } from './patient-event';
import { AMLODIPINE, METFORMIN, NIFEDIPINE } from './test/history-builder';

const PLANS = loadBuiltinTemplates();
const NOW = '2026-03-01T00:00:00+08:00';
const BASE = DateTime.fromISO('2026-03-01T08:00:00+08:00', { setZone: true });
const at = (minutes: number): string => BASE.plus({ minutes }).toISO() as string;

const DRUGS = [AMLODIPINE, NIFEDIPINE, METFORMIN];
const SIGS = ['每日1次，每次1片', 'bid 1 tab', '1-0-1', '一日三次 一次半片', '遵医嘱'];
const CATEGORIES = [
  'dental-extraction',
  'dental-root-canal-treatment',
  'dental-implant',
  'dental-scaling',
  'dental-restoration',
];
const STATUSES = ['moved-away', 'declined-follow-up', 'consent-withdrawn', 'deceased'] as const;

/** One random clinical fact; `n` makes record ids unique within a history. */
const factArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant('dispense' as const),
    drug: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 10, max: 90 }),
    sig: fc.integer({ min: 0, max: SIGS.length - 1 }),
    minute: fc.integer({ min: 0, max: 60 * 24 * 120 }),
  }),
  fc.record({
    kind: fc.constant('return' as const),
    target: fc.nat(),
    quantity: fc.integer({ min: 1, max: 20 }),
    minute: fc.nat(60 * 24 * 120),
  }),
  fc.record({ kind: fc.constant('reverse' as const), target: fc.nat(), minute: fc.nat(60 * 24 * 120) }),
  fc.record({
    kind: fc.constant('procedure' as const),
    category: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
    minute: fc.nat(60 * 24 * 120),
  }),
  fc.record({
    kind: fc.constant('booking' as const),
    slot: fc.integer({ min: 0, max: 3 }),
    lead: fc.integer({ min: 60, max: 60 * 24 * 20 }),
    minute: fc.nat(60 * 24 * 120),
  }),
  fc.record({
    kind: fc.constant('cancel' as const),
    slot: fc.integer({ min: 0, max: 3 }),
    minute: fc.nat(60 * 24 * 120),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.integer({ min: 0, max: 3 }),
    minute: fc.nat(60 * 24 * 120),
  }),
  fc.record({
    kind: fc.constant('condition' as const),
    code: fc.constantFrom('I10', 'E11', 'M10', 'J45'),
    minute: fc.nat(60 * 24 * 120),
  }),
);

type Fact = typeof factArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toEvents(facts: readonly Fact[], patientId: string): PatientEvent[] {
  const dispenseIds: string[] = [];
  return facts.map((fact, n): PatientEvent => {
    const base = { id: `${patientId}-e${n}`, patientId, occurredAt: at(fact.minute) };
    switch (fact.kind) {
      case 'dispense': {
        const dispenseId = `${patientId}-D${n}`;
        dispenseIds.push(dispenseId);
        const drug = DRUGS[fact.drug] ?? AMLODIPINE;
        return {
          ...base,
          type: 'medication-dispensed',
          dispenseId,
          drug,
          quantity: { value: fact.quantity, unit: '片' },
          sig: SIGS[fact.sig] ?? '',
        };
      }
      case 'return':
        return {
          ...base,
          type: 'medication-returned',
          returnId: `${patientId}-R${n}`,
          drugCode: DRUGS[fact.target % 3]?.code ?? AMLODIPINE.code,
          quantity: { value: fact.quantity, unit: '片' },
        };
      case 'reverse':
        return {
          ...base,
          type: 'medication-dispense-reversed',
          dispenseId: dispenseIds[fact.target % Math.max(1, dispenseIds.length)] ?? 'none',
        };
      case 'procedure':
        return {
          ...base,
          type: 'procedure-performed',
          procedureId: `${patientId}-PR${n}`,
          category: CATEGORIES[fact.category] ?? 'scaling',
        };
      case 'booking':
        return {
          ...base,
          type: 'appointment-booked',
          appointmentId: `${patientId}-A${fact.slot}`,
          start: at(fact.minute + fact.lead),
        };
      case 'cancel':
        return { ...base, type: 'appointment-cancelled', appointmentId: `${patientId}-A${fact.slot}` };
      case 'status':
        return { ...base, type: 'patient-status-changed', status: STATUSES[fact.status] ?? 'moved-away' };
      case 'condition':
        return { ...base, type: 'condition-recorded', conditionId: `${patientId}-C${n}`, code: fact.code };
    }
  });
}

const historyArbitrary = fc
  .tuple(fc.array(factArbitrary, { maxLength: 12 }), fc.array(factArbitrary, { maxLength: 8 }))
  .map(([first, second]) => [...toEvents(first, 'P1'), ...toEvents(second, 'P2')]);

/** A delivery of the same history: shuffled, with some events delivered two or three times. */
const deliveryArbitrary = historyArbitrary.chain((events) =>
  fc
    .tuple(
      fc.shuffledSubarray(events, { minLength: 0, maxLength: events.length }),
      fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
    )
    .map(([duplicates, noise]) => {
      const delivered = [...events, ...duplicates, ...duplicates.slice(0, 2)];
      const keys = delivered.map(() => noise.next().value as number);
      return {
        events,
        delivered: delivered
          .map((event, index) => ({ event, key: keys[index] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ event }) => event),
      };
    }),
);

describe('derivation under replay (property-based)', () => {
  it('any duplication or reordering of a history gives the same task set, ids included', () => {
    fc.assert(
      fc.property(deliveryArbitrary, ({ events, delivered }) => {
        const original = deriveTasks(PLANS, events, { now: NOW });
        const replayed = deriveTasks(PLANS, delivered, { now: NOW });
        expect(replayed).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });

  it('after a merge the surviving patient has one set of tasks: the same as if all events had been theirs', () => {
    fc.assert(
      fc.property(historyArbitrary, (events) => {
        const merge: PatientEvent = {
          id: 'merge-1',
          type: 'patients-merged',
          patientId: 'P1',
          occurredAt: at(60 * 24 * 200),
          mergedId: 'P2',
        };
        const merged = deriveTasks(PLANS, [...events, merge], { now: NOW });
        const rewritten = events.map((event) => ({ ...event, patientId: 'P1' }));
        const single = deriveTasks(PLANS, [...rewritten, { ...merge }], { now: NOW });
        expect(merged).toEqual(single);
        const reasons = merged.tasks.map(
          (task) => `${task.planId}|${task.triggerKey}|${task.stepId}|${task.occurrence}`,
        );
        expect(new Set(reasons).size).toBe(reasons.length);
        expect(new Set(merged.tasks.map((task) => task.patientId))).toEqual(
          new Set(merged.tasks.length > 0 ? ['P1'] : []),
        );
      }),
      { numRuns: 100 },
    );
  });
});
