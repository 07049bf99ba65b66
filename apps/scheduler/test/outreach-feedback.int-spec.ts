import { type INestApplication } from '@nestjs/common';
import { eventually, testDatabaseUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { PATIENT_EVENT_SUBSCRIPTIONS } from '../src/consumers/patient-events.consumer';
import { announcedEvents } from './support/announced-events';
import {
  contactPreferencesChanged,
  type PatientRecord,
  taskCompleted,
  valsartanDispensed,
} from './support/clinical-events';
import { KafkaProbe } from './support/kafka-probe';
import { createScratchDatabase, dropScratchDatabase, startScheduler } from './support/scheduler-instance';

jest.setTimeout(180_000);

const ORG = 'org-demo-pharmacy';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
const DISPENSED_AT = '2027-03-02T10:12:00.000+08:00';
// Valsartan, 56 days from 2027-03-02: day 7, day 30 and 3 days before run-out, each at the 10:30 slot.
const PLANNED = [
  { step_id: 'first', due: '2027-03-09T10:30:00+08:00' },
  { step_id: 'while-taking', due: '2027-04-01T10:30:00+08:00' },
  { step_id: 'before-run-out', due: '2027-04-24T10:30:00+08:00' },
];

interface TaskRow {
  id: string;
  status: string;
  step_id: string;
  due: string;
  cancel_reason: string | null;
}

describe("outreach feedback stops or defers a patient's tasks (real broker and database)", () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `scheduler_feedback_${process.pid}`;
  let db: DataSource;
  let scheduler: { app: INestApplication; url: string } | undefined;
  const probe = new KafkaProbe();

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(baseUrl, dbName);
    await probe.start(['revisit.followup.task-cancelled.v1'], [...PATIENT_EVENT_SUBSCRIPTIONS]);
    scheduler = await startScheduler(databaseUrl);
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  });

  afterAll(async () => {
    await scheduler?.app.close();
    await probe.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  async function tasksOf(patient: PatientRecord): Promise<TaskRow[]> {
    return db.query(
      `SELECT id, status, step_id, derived->>'due' AS due, cancel_reason FROM scheduler.follow_up_task
        WHERE patient_id = $1 ORDER BY step_id = 'first' DESC, due_at, id`,
      [patient.enterpriseId],
    );
  }

  async function withPlannedTasks(letter: string): Promise<{ patient: PatientRecord; tasks: TaskRow[] }> {
    const patient: PatientRecord = { enterpriseId: `EP${letter}${run}`, localId: `M-${letter}-${run}` };
    await probe.publish(valsartanDispensed(ORG, patient, `SO-${letter}-${run}`, DISPENSED_AT));
    await eventually(
      async () => expect((await tasksOf(patient)).map(({ step_id, due }) => ({ step_id, due }))).toEqual(PLANNED),
      { timeoutMs: 60_000 },
    );
    return { patient, tasks: await tasksOf(patient) };
  }

  async function cancelReasonsAnnounced(patient: PatientRecord): Promise<Record<string, string>> {
    const events = await announcedEvents(db, 'revisit.followup.task-cancelled.v1', patient.enterpriseId);
    return Object.fromEntries(
      events.map((event) => {
        const data = event.data as { taskId: string; reason: string };
        return [data.taskId, data.reason];
      }),
    );
  }

  it("moves the calls out of the patient's do-not-disturb times, then 不愿意接受回访 cancels them", async () => {
    const { patient, tasks } = await withPlannedTasks('Q');
    // Weekday mornings are off limits from now on: the 10:30 calls go to the 16:00 slot the same day.
    const quiet = [{ from: '09:00', to: '12:00', daysOfWeek: [1, 2, 3, 4, 5] }];
    await probe.publish(
      contactPreferencesChanged(ORG, patient, '2027-03-03T12:00:00.000+08:00', { doNotDisturb: quiet }),
    );
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map(({ step_id, due }) => ({ step_id, due }))).toEqual([
          // 2027-03-09 is a Tuesday and 2027-04-01 a Thursday; 2027-04-24 is a Saturday, so it stays.
          { step_id: 'first', due: '2027-03-09T16:00:00+08:00' },
          { step_id: 'while-taking', due: '2027-04-01T16:00:00+08:00' },
          { step_id: 'before-run-out', due: '2027-04-24T10:30:00+08:00' },
        ]),
      { timeoutMs: 60_000 },
    );
    const moved = await announcedEvents(db, 'revisit.followup.task-rescheduled.v1', patient.enterpriseId);
    expect(moved.map((event) => event.data as { taskId: string; dueAt: string; reason: string })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskId: tasks[0]!.id, reason: 'do-not-disturb-period' }),
        expect.objectContaining({ taskId: tasks[1]!.id, reason: 'do-not-disturb-period' }),
      ]),
    );

    await probe.publish(
      contactPreferencesChanged(ORG, patient, '2027-03-20T12:00:00.000+08:00', {
        doNotDisturb: quiet,
        doesNotWantFollowUp: true,
      }),
    );
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map(({ step_id, status }) => ({ step_id, status }))).toEqual([
          // The first call was due before the refusal: it stays (outreach already worked it or will).
          { step_id: 'first', status: 'pending' },
          { step_id: 'while-taking', status: 'cancelled' },
          { step_id: 'before-run-out', status: 'cancelled' },
        ]),
      { timeoutMs: 60_000 },
    );
    expect(await cancelReasonsAnnounced(patient)).toEqual({
      [tasks[1]!.id]: 'does-not-want-follow-up',
      [tasks[2]!.id]: 'does-not-want-follow-up',
    });
  });

  it.each([
    ['M', { movedAway: true }, 'moved-away'],
    ['D', { deceased: true }, 'deceased'],
    ['W', { consent: { care: 'withdrawn' as const, marketing: 'withdrawn' as const } }, 'do-not-contact'],
  ])('preferences %s: %j cancel every later call with reason %s', async (letter, change, reason) => {
    const { patient, tasks } = await withPlannedTasks(letter);
    await probe.publish(contactPreferencesChanged(ORG, patient, '2027-03-05T12:00:00.000+08:00', change));
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map(({ status }) => status)).toEqual(['cancelled', 'cancelled', 'cancelled']),
      { timeoutMs: 60_000 },
    );
    expect(await cancelReasonsAnnounced(patient)).toEqual(Object.fromEntries(tasks.map((task) => [task.id, reason])));
  });

  it('a call outcome "deceased" closes that call and cancels the rest', async () => {
    const { patient, tasks } = await withPlannedTasks('X');
    await probe.publish(taskCompleted(ORG, patient, tasks[0]!.id, 'deceased', '2027-03-09T10:45:00.000+08:00'));
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map(({ status }) => status)).toEqual(['completed', 'cancelled', 'cancelled']),
      { timeoutMs: 60_000 },
    );
    expect(await cancelReasonsAnnounced(patient)).toEqual({
      [tasks[1]!.id]: 'deceased',
      [tasks[2]!.id]: 'deceased',
    });
  });

  it('a call outcome "changed-therapy" ends that course only; "reached" just closes the call', async () => {
    const { patient, tasks } = await withPlannedTasks('T');
    await probe.publish(taskCompleted(ORG, patient, tasks[0]!.id, 'reached', '2027-03-09T10:40:00.000+08:00'));
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map(({ status }) => status)).toEqual(['completed', 'pending', 'pending']),
      { timeoutMs: 60_000 },
    );
    await probe.publish(taskCompleted(ORG, patient, tasks[1]!.id, 'changed-therapy', '2027-04-01T16:10:00.000+08:00'));
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map(({ status, cancel_reason }) => ({ status, cancel_reason }))).toEqual([
          { status: 'completed', cancel_reason: null },
          { status: 'completed', cancel_reason: null },
          { status: 'cancelled', cancel_reason: 'patient reported changed therapy on 2027-04-01' },
        ]),
      { timeoutMs: 60_000 },
    );
    expect(await cancelReasonsAnnounced(patient)).toEqual({ [tasks[2]!.id]: 'changed-therapy' });
  });
});
