import { type INestApplication } from '@nestjs/common';
import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';
import { eventually, testDatabaseUrl, TestIssuer } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { PATIENT_EVENT_SUBSCRIPTIONS } from '../src/consumers/patient-events.consumer';
import { KafkaProbe } from './support/kafka-probe';
import { createScratchDatabase, dropScratchDatabase, startScheduler } from './support/scheduler-instance';

jest.setTimeout(120_000);

const ORG = 'org-demo-pharmacy';
const OUT_TOPICS = [
  'revisit.followup.task-created.v1',
  'revisit.followup.task-rescheduled.v1',
  'revisit.followup.task-cancelled.v1',
  'revisit.followup.task-due.v1',
];
const DISPENSE_EXAMPLE = EVENT_CATALOGUE['revisit.clinical.medication-dispensed.v1'].example;
const REVERSAL_EXAMPLE = EVENT_CATALOGUE['revisit.clinical.medication-dispense-reversed.v1'].example;
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

/** A valsartan dispense of 2 boxes x 28 capsules, one a day: 56 days of supply from `at`. */
function dispensed(patient: string, dispenseId: string, at: string): AnyEventEnvelope {
  return newEvent('revisit.clinical.medication-dispensed.v1', {
    source: 'revisit/ingest',
    subject: patient,
    orgid: ORG,
    data: {
      ...DISPENSE_EXAMPLE,
      dispenseId,
      orgId: ORG,
      patient: { ...DISPENSE_EXAMPLE.patient, enterpriseId: patient },
      dispensedAt: at,
      prescription: { prescriptionId: `RX-${dispenseId}`, startDate: at.slice(0, 10) },
    },
  });
}

function reversed(patient: string, dispenseId: string, at: string): AnyEventEnvelope {
  return newEvent('revisit.clinical.medication-dispense-reversed.v1', {
    source: 'revisit/ingest',
    subject: patient,
    orgid: ORG,
    data: {
      ...REVERSAL_EXAMPLE,
      dispenseId,
      reversalId: `RT-${dispenseId}`,
      orgId: ORG,
      patient: { ...REVERSAL_EXAMPLE.patient, enterpriseId: patient },
      fullReversal: true,
      reversedAt: at,
    },
  });
}

interface TaskRow {
  id: string;
  status: string;
  step_id: string;
  due: string;
}

describe('scheduler tasks on the real broker and database', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `scheduler_tasks_${process.pid}`;
  let databaseUrl: string;
  let db: DataSource;
  const probe = new KafkaProbe();
  const instances: { app: INestApplication; url: string }[] = [];
  const issuer = new TestIssuer();

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(baseUrl, dbName);
    await issuer.start();
    await probe.start(OUT_TOPICS, [...PATIENT_EVENT_SUBSCRIPTIONS]);
    instances.push(await startScheduler(databaseUrl, issuer.issuer));
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  });

  afterAll(async () => {
    for (const instance of instances.splice(0)) await instance.app.close();
    await probe.stop();
    await issuer.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  async function tasksOf(patient: string): Promise<TaskRow[]> {
    return db.query(
      `SELECT id, status, step_id, derived->>'due' AS due FROM scheduler.follow_up_task
        WHERE patient_id = $1 ORDER BY due_at, id`,
      [patient],
    );
  }

  async function historyCount(patient: string): Promise<number> {
    const rows: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM scheduler.patient_history WHERE patient_id = $1',
      [patient],
    );
    return rows[0]?.n ?? 0;
  }

  const shape = (tasks: TaskRow[]) => tasks.map(({ step_id, due, status }) => ({ step_id, due, status }));

  it('stores the tasks of a dispense with their due times, announces each on Kafka and serves them', async () => {
    const patient = `EPA${run}`;
    const event = dispensed(patient, `SO-A-${run}`, '2027-03-02T10:12:00.000+08:00');
    await probe.publish(event);
    await eventually(async () => expect(await historyCount(patient)).toBe(1), { timeoutMs: 60_000 });
    const tasks = await tasksOf(patient);
    // prescription start 2027-03-02, 56 days of supply: day 7, day 30, and 3 days before day 56, at 10:30.
    expect(shape(tasks)).toEqual([
      { step_id: 'first', due: '2027-03-09T10:30:00+08:00', status: 'pending' },
      { step_id: 'while-taking', due: '2027-04-01T10:30:00+08:00', status: 'pending' },
      { step_id: 'before-run-out', due: '2027-04-24T10:30:00+08:00', status: 'pending' },
    ]);
    await eventually(() =>
      expect(
        probe
          .ofPatient(patient, 'revisit.followup.task-created.v1')
          .map((e) => e.data as { taskId: string; dueAt: string; triggerEventId: string })
          .map(({ taskId, dueAt, triggerEventId }) => ({ taskId, dueAt, triggerEventId }))
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
      ).toEqual(tasks.map((task) => ({ taskId: task.id, dueAt: task.due, triggerEventId: event.id }))),
    );

    const headers = { authorization: `Bearer ${await issuer.token([ORG], ['agent'])}` };
    const response = await fetch(`${instances[0]!.url}/v1/tasks?patient=${patient}`, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tasks: { id: string; dueAt: string; status: string }[] };
    expect(body.tasks.map(({ id, dueAt, status }) => ({ id, dueAt, status }))).toEqual(
      tasks.map((task) => ({ id: task.id, dueAt: task.due, status: 'pending' })),
    );

    const otherOrg = { authorization: `Bearer ${await issuer.token(['org-elsewhere'], ['agent'])}` };
    const elsewhere = await fetch(`${instances[0]!.url}/v1/tasks?patient=${patient}`, { headers: otherOrg });
    expect(((await elsewhere.json()) as { tasks: unknown[] }).tasks).toEqual([]);
    const bad = await fetch(`${instances[0]!.url}/v1/tasks?patient=&limit=zero`, { headers });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('derives the same task set from a duplicated stream and from a reordered one', async () => {
    const inOrder = `EPB${run}`;
    const reordered = `EPC${run}`;
    const first = (patient: string) => dispensed(patient, `SO-B1-${patient}`, '2027-05-03T09:00:00.000+08:00');
    const refill = (patient: string) => dispensed(patient, `SO-B2-${patient}`, '2027-06-20T09:00:00.000+08:00');
    const firstOfInOrder = first(inOrder);
    await probe.publish(firstOfInOrder, firstOfInOrder, refill(inOrder));
    await probe.publish(refill(reordered), first(reordered));
    await eventually(
      async () => {
        expect(await historyCount(inOrder)).toBe(2);
        expect(await historyCount(reordered)).toBe(2);
      },
      { timeoutMs: 60_000 },
    );
    const a = shape(await tasksOf(inOrder)).filter((task) => task.status === 'pending');
    const b = shape(await tasksOf(reordered)).filter((task) => task.status === 'pending');
    expect(a.length).toBeGreaterThan(2);
    expect(a).toEqual(b);
  });

  it('cancels the tasks of a dispense that is reversed', async () => {
    const patient = `EPD${run}`;
    await probe.publish(dispensed(patient, `SO-D-${run}`, '2027-08-02T10:00:00.000+08:00'));
    await eventually(async () => expect(await historyCount(patient)).toBe(1), { timeoutMs: 60_000 });
    const before = await tasksOf(patient);
    expect(before.length).toBe(3);
    await probe.publish(reversed(patient, `SO-D-${run}`, '2027-08-02T15:00:00.000+08:00'));
    await eventually(
      async () =>
        expect((await tasksOf(patient)).map((t) => t.status)).toEqual(['cancelled', 'cancelled', 'cancelled']),
      {
        timeoutMs: 60_000,
      },
    );
    await eventually(() =>
      expect(
        probe
          .ofPatient(patient, 'revisit.followup.task-cancelled.v1')
          .map((e) => e.data as { taskId: string; reason: string })
          .map(({ taskId, reason }) => ({ taskId, reason }))
          .sort((x, y) => x.taskId.localeCompare(y.taskId)),
      ).toEqual(
        before
          .map((t) => ({ taskId: t.id, reason: 'trigger-reversed' }))
          .sort((x, y) => x.taskId.localeCompare(y.taskId)),
      ),
    );
  });

  it('publishes exactly one task-due event per due task with two dispatchers running', async () => {
    instances.push(await startScheduler(databaseUrl));
    const patient = `EPE${run}`;
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
    await probe.publish(dispensed(patient, `SO-E-${run}`, tenDaysAgo));
    // The first call (day 7) is already past: it must go out at once; the later ones stay pending.
    await eventually(
      async () => expect((await tasksOf(patient)).map((t) => t.status)).toEqual(['due', 'pending', 'pending']),
      { timeoutMs: 60_000 },
    );
    const [due] = await tasksOf(patient);
    await eventually(async () => {
      const pending: { n: number }[] = await db.query(
        'SELECT count(*)::int AS n FROM scheduler.outbox WHERE published_at IS NULL',
      );
      expect(pending[0]?.n).toBe(0);
      expect(probe.ofPatient(patient, 'revisit.followup.task-due.v1')).toHaveLength(1);
    });
    // Several more rounds of both dispatchers: still one event.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const events = probe.ofPatient(patient, 'revisit.followup.task-due.v1');
    expect(events.map((e) => (e.data as { taskId: string }).taskId)).toEqual([due!.id]);
  });

  it('catching up, calls later than the catch-up grace (P7D) are marked missed, never sent in a burst', async () => {
    const patient = `EPF${run}`;
    const longAgo = new Date(Date.now() - 100 * 24 * 3600_000).toISOString();
    await probe.publish(dispensed(patient, `SO-F-${run}`, longAgo));
    // Day 7, day 30 and day 53 of a dispense 100 days ago: all weeks late.
    await eventually(
      async () => expect((await tasksOf(patient)).map((t) => t.status)).toEqual(['missed', 'missed', 'missed']),
      { timeoutMs: 60_000 },
    );
    const cancelled: { payload: { data: { taskId: string; reason: string } } }[] = await db.query(
      `SELECT payload FROM scheduler.outbox WHERE topic = 'revisit.followup.task-cancelled.v1' AND key = $1`,
      [patient],
    );
    expect(cancelled.map((row) => row.payload.data.reason)).toEqual(['other', 'other', 'other']);
    const due: unknown[] = await db.query(
      `SELECT 1 FROM scheduler.outbox WHERE topic = 'revisit.followup.task-due.v1' AND key = $1`,
      [patient],
    );
    expect(due).toEqual([]);
  });
});
