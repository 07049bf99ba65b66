import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';
import { eventually, testDatabaseUrl } from '@revisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TASK_EVENT_SUBSCRIPTIONS } from '../src/tasks/task-events.consumer';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';

jest.setTimeout(120_000);

const ORG = 'org-demo-dental';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
const CREATED = EVENT_CATALOGUE['revisit.followup.task-created.v1'].example;
const DUE = EVENT_CATALOGUE['revisit.followup.task-due.v1'].example;

function created(taskId: string, patient: string): AnyEventEnvelope {
  return newEvent('revisit.followup.task-created.v1', {
    source: 'revisit/scheduler',
    subject: patient,
    orgid: ORG,
    data: { ...CREATED, taskId, patientEnterpriseId: patient, orgId: ORG, dueAt: '2027-03-02T12:00:00.000+08:00' },
  });
}

function due(taskId: string, patient: string): AnyEventEnvelope {
  return newEvent('revisit.followup.task-due.v1', {
    source: 'revisit/scheduler',
    subject: patient,
    orgid: ORG,
    data: { ...DUE, taskId, patientEnterpriseId: patient, orgId: ORG, dueAt: '2027-03-02T12:00:00.000+08:00' },
  });
}

function cancelled(taskId: string, patient: string): AnyEventEnvelope {
  return newEvent('revisit.followup.task-cancelled.v1', {
    source: 'revisit/scheduler',
    subject: patient,
    orgid: ORG,
    data: {
      taskId,
      patientEnterpriseId: patient,
      orgId: ORG,
      reason: 'trigger-reversed',
      cancelledAt: '2027-03-02T11:00:00.000+08:00',
    },
  });
}

describe('outreach task intake from the scheduler on the real broker', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_intake_${process.pid}`;
  const probe = new KafkaProbe();
  let instance: OutreachInstance;
  let db: DataSource;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    await probe.start([], TASK_EVENT_SUBSCRIPTIONS);
    instance = await startOutreach(url);
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    await instance?.app.close();
    await probe.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const statusOf = async (taskId: string): Promise<{ status: string; channel: string } | undefined> => {
    const rows: { status: string; channel: string }[] = await db.query(
      'SELECT status, current_channel AS channel FROM outreach.task WHERE id = $1',
      [taskId],
    );
    return rows[0];
  };

  it('keeps a created task waiting, opens it when due, and ignores the redelivered due event', async () => {
    const taskId = randomUUID();
    const patient = `EPI${run}A`;
    await probe.publish(created(taskId, patient));
    await eventually(
      async () => expect(await statusOf(taskId)).toEqual({ status: 'scheduled', channel: 'phone-agent' }),
      {
        timeoutMs: 60_000,
      },
    );
    const dueEvent = due(taskId, patient);
    await probe.publish(dueEvent, dueEvent);
    await eventually(async () => expect((await statusOf(taskId))?.status).toBe('open'), { timeoutMs: 60_000 });
    const inbox: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM outreach.inbox WHERE event_id = $1', [
      dueEvent.id,
    ]);
    expect(inbox[0]?.n).toBe(1);
  });

  it('opens a task whose due event overtook its created event, and a late created event does not rewind it', async () => {
    const taskId = randomUUID();
    const patient = `EPI${run}B`;
    await probe.publish(due(taskId, patient), created(taskId, patient));
    await eventually(async () => expect((await statusOf(taskId))?.status).toBe('open'), { timeoutMs: 60_000 });
  });

  it('cancels a task, and a due event after the cancellation does not reopen it', async () => {
    const taskId = randomUUID();
    const patient = `EPI${run}C`;
    const late = due(taskId, patient);
    await probe.publish(created(taskId, patient), cancelled(taskId, patient), late);
    await eventually(
      async () => {
        const seen: { n: number }[] = await db.query(
          'SELECT count(*)::int AS n FROM outreach.inbox WHERE event_id = $1',
          [late.id],
        );
        expect(seen[0]?.n).toBe(1);
      },
      { timeoutMs: 60_000 },
    );
    expect((await statusOf(taskId))?.status).toBe('cancelled');
  });
});
