import { type INestApplication } from '@nestjs/common';
import { eventually, testDatabaseUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { PATIENT_EVENT_SUBSCRIPTIONS } from '../src/consumers/patient-events.consumer';
import { patientsMerged, patientsUnmerged, type PatientRecord, valsartanDispensed } from './support/clinical-events';
import { announcedEvents } from './support/announced-events';
import { KafkaProbe } from './support/kafka-probe';
import { createScratchDatabase, dropScratchDatabase, startScheduler } from './support/scheduler-instance';

jest.setTimeout(180_000);

const ORG = 'org-demo-pharmacy';
const OUT_TOPICS = [
  'revisit.followup.task-created.v1',
  'revisit.followup.task-rescheduled.v1',
  'revisit.followup.task-cancelled.v1',
];
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

interface TaskRow {
  id: string;
  patient_id: string;
  status: string;
  step_id: string;
  due: string;
}

describe('scheduler tasks across EMPI merges and unmerges (real broker and database)', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `scheduler_merge_${process.pid}`;
  let db: DataSource;
  let scheduler: { app: INestApplication; url: string } | undefined;
  const probe = new KafkaProbe();

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(baseUrl, dbName);
    await probe.start(OUT_TOPICS, [...PATIENT_EVENT_SUBSCRIPTIONS]);
    scheduler = await startScheduler(databaseUrl);
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  });

  afterAll(async () => {
    await scheduler?.app.close();
    await probe.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  async function liveTasksOf(patient: string): Promise<TaskRow[]> {
    return db.query(
      `SELECT id, patient_id, status, step_id, derived->>'due' AS due FROM scheduler.follow_up_task
        WHERE patient_id = $1 AND status IN ('pending', 'due') ORDER BY due_at, id`,
      [patient],
    );
  }

  async function historyCount(patients: string[]): Promise<number> {
    const rows: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM scheduler.patient_history WHERE patient_id = ANY($1::text[])',
      [patients],
    );
    return rows[0]?.n ?? 0;
  }

  async function mergeLinkOpen(retired: string): Promise<boolean> {
    const rows: { open: boolean }[] = await db.query(
      'SELECT unmerged_at IS NULL AS open FROM scheduler.patient_merge WHERE retired_id = $1',
      [retired],
    );
    return rows[0]?.open ?? false;
  }

  const byStep = (tasks: TaskRow[]) => tasks.map(({ id, step_id, due }) => ({ id, step_id, due }));

  it('gives the surviving patient one set of calls after a merge and splits them back on unmerge', async () => {
    const retired: PatientRecord = { enterpriseId: `EPR${run}`, localId: `M-R-${run}` };
    const survivor: PatientRecord = { enterpriseId: `EPS${run}`, localId: `M-S-${run}` };
    // The same person bought the same drug in two branches registered under two enterprise ids.
    await probe.publish(valsartanDispensed(ORG, retired, `SO-R-${run}`, '2027-03-02T10:12:00.000+08:00'));
    await probe.publish(valsartanDispensed(ORG, survivor, `SO-S-${run}`, '2027-03-02T15:00:00.000+08:00'));
    await eventually(
      async () => {
        expect(await liveTasksOf(retired.enterpriseId)).toHaveLength(3);
        expect(await liveTasksOf(survivor.enterpriseId)).toHaveLength(3);
      },
      { timeoutMs: 60_000 },
    );
    const retiredBefore = byStep(await liveTasksOf(retired.enterpriseId));
    const survivorBefore = byStep(await liveTasksOf(survivor.enterpriseId));
    // Two calls for the same reason on the same days: exactly what the merge must end.
    expect(retiredBefore.map(({ step_id, due }) => ({ step_id, due }))).toEqual(
      survivorBefore.map(({ step_id, due }) => ({ step_id, due })),
    );

    await probe.publish(patientsMerged(ORG, survivor, retired, '2027-03-03T09:00:00.000+08:00'));
    await eventually(async () => expect(await mergeLinkOpen(retired.enterpriseId)).toBe(true), { timeoutMs: 60_000 });
    await eventually(async () => expect(await liveTasksOf(retired.enterpriseId)).toEqual([]), { timeoutMs: 60_000 });
    const merged = byStep(await liveTasksOf(survivor.enterpriseId));
    // One course of 2 x 56 days from 2027-03-02 (the second purchase starts when the first runs out,
    // so the medicine lasts until 2027-06-22):
    // one first call, monthly calls while the medicine lasts, one call 3 days before it runs out.
    expect(merged.map(({ step_id }) => step_id).filter((step) => step === 'first')).toHaveLength(1);
    expect(merged.map(({ step_id }) => step_id).filter((step) => step === 'before-run-out')).toHaveLength(1);
    const days = merged.map(({ step_id, due }) => `${step_id}@${due.slice(0, 10)}`);
    expect(new Set(days).size).toBe(days.length);
    // The earlier purchase's course carries on under the surviving id with its task ids.
    expect(merged.find((task) => task.step_id === 'first')?.id).toBe(retiredBefore[0]?.id);
    expect(merged.find((task) => task.step_id === 'before-run-out')?.due).toBe('2027-06-19T10:30:00+08:00');
    await eventually(async () => {
      const cancelled = (await announcedEvents(db, 'revisit.followup.task-cancelled.v1', survivor.enterpriseId)).map(
        (event) => event.data as { taskId: string; reason: string },
      );
      expect(cancelled.map((c) => c.taskId).sort()).toEqual(survivorBefore.map((t) => t.id).sort());
      expect(new Set(cancelled.map((c) => c.reason))).toEqual(new Set(['patient-merged']));
    });
    // Outreach learns under which id the carried-over tasks are filed now.
    const announced = await announcedEvents(db, 'revisit.followup.task-rescheduled.v1', survivor.enterpriseId);
    expect(announced.map((event) => (event.data as { taskId: string }).taskId)).toEqual(
      expect.arrayContaining(retiredBefore.map((task) => task.id)),
    );

    // A late event under the retired id lands on the surviving patient.
    const historyBefore = await historyCount([retired.enterpriseId, survivor.enterpriseId]);
    await probe.publish(valsartanDispensed(ORG, retired, `SO-R2-${run}`, '2027-03-04T10:00:00.000+08:00'));
    await eventually(
      async () => expect(await historyCount([retired.enterpriseId, survivor.enterpriseId])).toBe(historyBefore + 1),
      { timeoutMs: 60_000 },
    );
    expect(await liveTasksOf(retired.enterpriseId)).toEqual([]);
    expect((await liveTasksOf(survivor.enterpriseId)).filter((t) => t.step_id === 'first')).toHaveLength(1);

    await probe.publish(patientsUnmerged(ORG, survivor, retired, '2027-03-05T09:00:00.000+08:00'));
    await eventually(async () => expect(await mergeLinkOpen(retired.enterpriseId)).toBe(false), { timeoutMs: 60_000 });
    await eventually(
      async () => {
        expect(byStep(await liveTasksOf(survivor.enterpriseId))).toEqual(survivorBefore);
        // The retired record's own purchases (the first one and the late one) are its own again.
        const restored = byStep(await liveTasksOf(retired.enterpriseId));
        expect(restored.find((task) => task.step_id === 'first')).toEqual(retiredBefore[0]);
        expect(restored.filter((task) => task.step_id === 'before-run-out')).toHaveLength(1);
      },
      { timeoutMs: 60_000 },
    );
  });
});
