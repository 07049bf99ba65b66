import { EVENT_CATALOGUE, newEvent, type AnyEventEnvelope, type EventPayload, type EventType } from '@revisit/domain';
import { loadBuiltinTemplates } from '../plans/builtin-templates';
import { patientEventsOf } from './catalogue-adapter';
import { deriveTasks } from './derive-tasks';

/** The catalogue's own example of an event type, in an envelope (the examples share one patient). */
function exampleOf<T extends EventType>(type: T): AnyEventEnvelope {
  // Indexing the catalogue with a generic key widens the example to the union of all payloads.
  const data = EVENT_CATALOGUE[type].example as EventPayload<T>;
  return newEvent(type, {
    subject: 'EP00012345',
    data,
    source: 'revisit/ingest',
    orgid: (data as { orgId?: string }).orgId ?? 'org-demo',
    time: new Date('2026-03-02T02:00:00Z'),
  }) as AnyEventEnvelope;
}

describe('catalogue events -> patient history', () => {
  it('maps the catalogue example dispense: ATC class, pack size, structured sig, source-qualified ids', () => {
    const [event] = patientEventsOf(exampleOf('revisit.clinical.medication-dispensed.v1'));
    expect(event).toMatchObject({
      type: 'medication-dispensed',
      patientId: 'EP00012345',
      dispenseId: 'pharmacy-erp:SO-20260302-0017-1',
      drug: { atc: 'C09CA03' },
      quantity: { value: 2, unit: 'box' },
      packaging: [{ unit: 'box', contains: 28, of: 'capsule' }],
      sig: '每日1次 每次1capsule',
    });
  });

  it('a partial reversal is a return on its dispense; the example pharmacy history then derives its tasks', () => {
    const events = [
      ...patientEventsOf(exampleOf('revisit.clinical.medication-dispensed.v1')),
      ...patientEventsOf(exampleOf('revisit.clinical.medication-dispense-reversed.v1')),
    ];
    expect(events[1]).toMatchObject({ type: 'medication-returned', dispenseId: 'pharmacy-erp:SO-20260302-0017-1' });
    const pharmacy = loadBuiltinTemplates().filter((plan) => plan.id === 'pharmacy-chronic');
    const tasks = deriveTasks(pharmacy, events, { now: '2026-03-01T00:00:00+08:00' }).tasks;
    // 2 boxes x 28 capsules, 1 box returned: 28 days from 2026-03-02, run-out 03-30, call 03-27.
    expect(tasks.map((task) => `${task.stepId}@${task.due}`)).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'before-run-out@2026-03-27T10:30:00+08:00',
    ]);
  });

  it.each([
    ['revisit.clinical.procedure-performed.v1', 'procedure-performed'],
    ['revisit.clinical.encounter-discharged.v1', 'encounter-finished'],
    ['revisit.appointment.booked.v1', 'appointment-booked'],
    ['revisit.appointment.cancelled.v1', 'appointment-cancelled'],
    ['revisit.appointment.no-show.v1', 'appointment-missed'],
    ['revisit.patient.registered.v1', 'patient-registered'],
    ['revisit.patient.merged.v1', 'patients-merged'],
  ] as const)('%s -> %s', (type, expected) => {
    const events = patientEventsOf(exampleOf(type));
    expect(events[0]?.type).toBe(expected);
  });

  it('contact preferences become stops (不愿意接受回访, moved away, deceased, care consent withdrawn)', () => {
    const envelope = exampleOf('revisit.outreach.contact-preference-changed.v1');
    const flagged = {
      ...envelope,
      data: {
        ...envelope.data,
        doesNotWantFollowUp: true,
        movedAway: false,
        deceased: false,
        consent: { care: 'withdrawn', marketing: 'withdrawn' },
      },
    } as AnyEventEnvelope;
    expect(
      patientEventsOf(flagged).map((event) => (event.type === 'patient-status-changed' ? event.status : event.type)),
    ).toEqual(['declined-follow-up', 'consent-withdrawn', 'quiet-times-set']);
  });

  it('events the plans do not use map to nothing', () => {
    expect(patientEventsOf(exampleOf('revisit.followup.task-created.v1'))).toEqual([]);
  });
});
