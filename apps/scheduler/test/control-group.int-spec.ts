import { type AnyEventEnvelope } from '@revisit/domain';
import { DomainEventCatalogue, Outbox } from '@revisit/messaging';
import { testDatabaseUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { drawArm } from '../src/cohorts/cohort-arm';
import { SCHEDULER_MIGRATIONS } from '../src/database/migrations';
import { loadBuiltinTemplate } from '../src/plans/builtin-templates';
import { type PlanDocument } from '../src/plans/plan.types';
import { RederivePatientTasks } from '../src/tasks/use-cases/rederive-patient-tasks';
import { patientsMerged, valsartanDispensed } from './support/clinical-events';
import { createScratchDatabase, dropScratchDatabase } from './support/scheduler-instance';

jest.setTimeout(180_000);

const ORG = 'org-demo-pharmacy';
const SHARE = 0.3;
const PATIENTS = 120;
const NOW = new Date('2027-03-01T00:00:00+08:00');

describe('control group of a plan (real PostgreSQL, outbox)', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `scheduler_cohort_${process.pid}`;
  let db: DataSource;
  let plan: PlanDocument;
  let rederive: RederivePatientTasks;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    db = new DataSource({ type: 'postgres', url, migrations: SCHEDULER_MIGRATIONS, extra: { max: 4 } });
    await db.initialize();
    await db.query('CREATE SCHEMA IF NOT EXISTS scheduler');
    await db.runMigrations();
    plan = { ...loadBuiltinTemplate('pharmacy-chronic'), controlGroup: { share: SHARE } };
    rederive = new RederivePatientTasks(
      () => Promise.resolve([plan]),
      new Outbox('scheduler', new DomainEventCatalogue()),
      () => NOW,
    );
  });

  afterAll(async () => {
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const patient = (i: number) => ({ enterpriseId: `EPC${String(i).padStart(8, '0')}`, localId: `M-C-${i}` });
  const dispenses: AnyEventEnvelope[] = Array.from({ length: PATIENTS }, (_, i) =>
    valsartanDispensed(ORG, patient(i), `SO-C-${i}`, '2027-03-02T10:12:00.000+08:00'),
  );

  async function deliver(events: readonly AnyEventEnvelope[]): Promise<void> {
    for (const event of events) await db.transaction((manager) => rederive.apply(manager, event));
  }

  async function snapshot(): Promise<{ tasks: string[]; cohorts: { patient: string; arm: string }[] }> {
    const tasks: { id: string }[] = await db.query(
      `SELECT id FROM scheduler.follow_up_task WHERE status = 'pending' ORDER BY id`,
    );
    const cohorts: { payload: { data: { patientEnterpriseId: string; arm: string } } }[] = await db.query(
      `SELECT payload FROM scheduler.outbox WHERE topic = 'revisit.followup.cohort-assigned.v1' ORDER BY key`,
    );
    return {
      tasks: tasks.map((t) => t.id),
      cohorts: cohorts.map(({ payload }) => ({ patient: payload.data.patientEnterpriseId, arm: payload.data.arm })),
    };
  }

  it('holds out the drawn patients from the plan and announces every arm once', async () => {
    await deliver(dispenses);
    const { cohorts } = await snapshot();
    expect(cohorts).toEqual(
      Array.from({ length: PATIENTS }, (_, i) => ({
        patient: patient(i).enterpriseId,
        arm: drawArm(ORG, 'pharmacy-chronic', patient(i).enterpriseId, SHARE),
      })),
    );
    const control = cohorts.filter((c) => c.arm === 'control').map((c) => c.patient);
    expect(control.length).toBeGreaterThan(PATIENTS * 0.15);
    expect(control.length).toBeLessThan(PATIENTS * 0.45);
    const withTasks: { patient_id: string }[] = await db.query(
      `SELECT DISTINCT patient_id FROM scheduler.follow_up_task WHERE plan_id = 'pharmacy-chronic' ORDER BY 1`,
    );
    expect(withTasks.map((r) => r.patient_id)).toEqual(
      cohorts.filter((c) => c.arm === 'followed-up').map((c) => c.patient),
    );
    const sample: { payload: { data: object } }[] = await db.query(
      `SELECT payload FROM scheduler.outbox WHERE topic = 'revisit.followup.cohort-assigned.v1' AND key = $1`,
      [control[0]],
    );
    expect(sample[0]!.payload.data).toEqual({
      patientEnterpriseId: control[0],
      orgId: ORG,
      plan: { planId: 'pharmacy-chronic', version: 1 },
      arm: 'control',
      // entering the plan is dated by the event that triggered it
      assignedAt: dispenses[Number(control[0]!.slice(3))]!.time,
    });
  });

  it('a replay, in another order, changes no arm, no task and announces nothing twice', async () => {
    const before = await snapshot();
    await deliver([...dispenses].reverse());
    expect(await snapshot()).toEqual(before);
    // a later purchase re-derives too, with a new event id
    await deliver(
      dispenses
        .slice(0, 20)
        .map((_, i) => valsartanDispensed(ORG, patient(i), `SO-C2-${i}`, '2027-04-20T09:00:00.000+08:00')),
    );
    const after = await snapshot();
    expect(after.cohorts).toEqual(before.cohorts);
    expect(after.tasks.length).toBeGreaterThan(0);
    const stillControl = before.cohorts.filter((c) => c.arm === 'control').map((c) => c.patient);
    const controlTasks: unknown[] = await db.query(
      `SELECT 1 FROM scheduler.follow_up_task WHERE status = 'pending' AND patient_id = ANY($1::text[])`,
      [stillControl],
    );
    expect(controlTasks).toEqual([]);
  });

  it('after a merge the person keeps the arm already drawn for the surviving record', async () => {
    const { cohorts } = await snapshot();
    const arm = new Map(cohorts.map((c) => [c.patient, c.arm]));
    const followed = [...arm].find(([, a]) => a === 'followed-up')![0];
    const held = [...arm].find(([, a]) => a === 'control')![0];
    const index = (id: string) => Number(id.slice(3));
    // the control patient's record merges into a followed-up one: one person, followed up, one set of tasks
    await deliver([
      patientsMerged(ORG, patient(index(followed)), patient(index(held)), '2027-03-05T09:00:00.000+08:00'),
    ]);
    const after = await snapshot();
    expect(after.cohorts).toEqual(cohorts);
    const tasks: { patient_id: string; step_id: string }[] = await db.query(
      `SELECT patient_id, step_id FROM scheduler.follow_up_task WHERE status = 'pending' AND patient_id = ANY($1::text[])`,
      [[followed, held]],
    );
    expect(new Set(tasks.map((t) => t.patient_id))).toEqual(new Set([followed]));
  });
});
