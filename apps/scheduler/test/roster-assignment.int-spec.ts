import { DomainEventCatalogue, Outbox } from '@revisit/messaging';
import { testDatabaseUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { SCHEDULER_MIGRATIONS } from '../src/database/migrations';
import { AssignDueTasks } from '../src/dispatch/assign-due-tasks';
import { DispatchDueTasks } from '../src/dispatch/dispatch-due-tasks';
import { PlanDocuments } from '../src/plan-store/plan-documents';
import { RosterRepository } from '../src/roster/roster.repository';
import { FollowUpTaskRepository } from '../src/tasks/follow-up-task.repository';
import { type Roster } from '../src/roster/roster.types';
import { createScratchDatabase, dropScratchDatabase } from './support/scheduler-instance';

jest.setTimeout(120_000);

const PLAN = {
  id: 'roster-check',
  version: 1,
  name: 'Roster check',
  timezone: 'Asia/Shanghai',
  trigger: { events: ['medication-dispensed'] },
  callSlots: ['10:30', '16:00'],
  steps: [{ id: 'first', anchor: 'event', offset: 'P7D' }],
};
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** Monday 2 March 2026, Shanghai. */
const MONDAY = '2026-03-02';

function taskId(org: number, n: number): string {
  return `00000000-0000-4000-8${org}00-${String(n).padStart(12, '0')}`;
}

describe('assignment by roster at dispatch (real PostgreSQL)', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `scheduler_roster_${process.pid}`;
  let db: DataSource;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    db = new DataSource({ type: 'postgres', url, migrations: SCHEDULER_MIGRATIONS, extra: { max: 6 } });
    await db.initialize();
    await db.query('CREATE SCHEMA IF NOT EXISTS scheduler');
    await db.runMigrations();
  });

  afterAll(async () => {
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  async function setUp(org: string, roster: Roster, plan: object = PLAN): Promise<void> {
    await db.query(
      `INSERT INTO scheduler.plan_version (org_id, plan_id, version, source_yaml, document, active)
       VALUES ($1, $2, 1, '', $3, true)`,
      [org, PLAN.id, JSON.stringify({ ...plan, org })],
    );
    await db.transaction((manager) => new RosterRepository(manager).append(org, roster, 'staff-admin'));
  }

  async function addTasks(org: string, orgNo: number, count: number, due: string, preferred?: string) {
    for (let n = 1; n <= count; n++) {
      const derived = {
        id: taskId(orgNo, n),
        planId: PLAN.id,
        planVersion: 1,
        stepId: 'first',
        occurrence: 0,
        patientId: `EP${orgNo}${n}`,
        triggerKey: `k${n}`,
        due,
        purpose: 'medication-adherence',
        channel: 'phone',
        channels: ['phone'],
        priority: 'normal',
        assignee: { queue: 'follow-up', ...(preferred === undefined ? {} : { staffId: preferred }) },
        reason: 'test',
      };
      await db.query(
        `INSERT INTO scheduler.follow_up_task (id, org_id, patient_id, plan_id, plan_version, step_id,
            trigger_event_id, due_at, due_at_local, status, purpose, reason, assignee_staff_id, assignee_queue,
            priority, channel_ladder, derived, send_until)
         VALUES ($1, $2, $3, $4, 1, 'first', gen_random_uuid(), $5::timestamptz, $5, 'pending', 'x', 'test', $6,
            'follow-up', 'normal', '["phone"]', $7, $5::timestamptz + interval '7 days')`,
        [derived.id, org, derived.patientId, PLAN.id, due, preferred ?? null, JSON.stringify(derived)],
      );
    }
  }

  function dispatcher(at: string): DispatchDueTasks {
    const outbox = new Outbox('scheduler', new DomainEventCatalogue());
    return new DispatchDueTasks(db, outbox, new AssignDueTasks(new PlanDocuments([])), () => new Date(at));
  }

  async function events(org: string, type: string): Promise<Record<string, string>[]> {
    const rows: { data: Record<string, string> }[] = await db.query(
      `SELECT payload->'data' AS data FROM scheduler.outbox
        WHERE topic = $1 AND payload->>'orgid' = $2 ORDER BY payload->'data'->>'taskId'`,
      [type, org],
    );
    return rows.map((row) => row.data);
  }

  it('assigns the preferred agent first, then the least loaded; a full slot moves to the next call slot', async () => {
    const org = 'org-roster-a';
    await setUp(org, {
      agents: [
        {
          staffId: 'staff-li',
          shifts: [{ days: WEEKDAYS as never, start: '08:00', end: '12:00', capacityPerSlot: 2 }],
        },
        {
          staffId: 'staff-wang',
          shifts: [{ days: WEEKDAYS as never, start: '08:00', end: '17:30', capacityPerSlot: 1 }],
        },
      ],
    });
    await addTasks(org, 1, 5, `${MONDAY}T10:30:00+08:00`, 'staff-wang');

    const round = await dispatcher(`${MONDAY}T10:30:05+08:00`).runOnce(10);
    expect(round).toEqual({ sent: 3, missed: 0, moved: 2 });
    expect(
      (await events(org, 'revisit.followup.task-due.v1')).map((e) => [
        e['taskId'],
        e['assigneeStaffId'],
        e['callSlot'],
      ]),
    ).toEqual([
      [taskId(1, 1), 'staff-wang', '10:30'],
      [taskId(1, 2), 'staff-li', '10:30'],
      [taskId(1, 3), 'staff-li', '10:30'],
    ]);
    expect(await events(org, 'revisit.followup.task-rescheduled.v1')).toEqual(
      [4, 5].map((n) =>
        expect.objectContaining({
          taskId: taskId(1, n),
          previousDueAt: `${MONDAY}T10:30:00+08:00`,
          dueAt: `${MONDAY}T16:00:00+08:00`,
          reason: 'staff-capacity',
        }),
      ),
    );

    // staff see the task where it stands now and with whom
    const listed = await new FollowUpTaskRepository(db.manager).listForPatient(org, 'EP14', 10);
    expect(listed.map((t) => [t.status, t.dueAt.toISOString()])).toEqual([['pending', '2026-03-02T08:00:00.000Z']]);
    const assigned = await new FollowUpTaskRepository(db.manager).listForPatient(org, 'EP11', 10);
    expect(assigned.map((t) => [t.status, t.assigneeStaffId])).toEqual([['due', 'staff-wang']]);

    // 16:00: only Wang is on shift, with room for one; the last task moves on to Tuesday's first slot.
    const later = await dispatcher(`${MONDAY}T16:00:05+08:00`).runOnce(10);
    expect(later).toEqual({ sent: 1, missed: 0, moved: 1 });
    const due = await events(org, 'revisit.followup.task-due.v1');
    expect(due.find((e) => e['taskId'] === taskId(1, 4))).toMatchObject({
      assigneeStaffId: 'staff-wang',
      dueAt: `${MONDAY}T16:00:00+08:00`,
      callSlot: '16:00',
    });
    const rows: { status: string; due_at: Date; send_until: Date }[] = await db.query(
      'SELECT status, due_at, send_until FROM scheduler.follow_up_task WHERE id = $1',
      [taskId(1, 5)],
    );
    expect(rows[0]!.status).toBe('pending');
    expect(rows[0]!.due_at.toISOString()).toBe('2026-03-03T02:30:00.000Z');
    // the catch-up grace follows the task to its new slot
    expect(rows[0]!.send_until.toISOString()).toBe('2026-03-10T02:30:00.000Z');
  });

  it('without call slots, capacity counts per hour and a full hour moves the task to the next one', async () => {
    const org = 'org-roster-c';
    const { callSlots: _none, ...exactPlan } = PLAN;
    await setUp(
      org,
      {
        agents: [
          {
            staffId: 'staff-zhou',
            shifts: [{ days: WEEKDAYS as never, start: '09:00', end: '18:00', capacityPerSlot: 1 }],
          },
        ],
      },
      exactPlan,
    );
    await addTasks(org, 3, 1, `${MONDAY}T09:10:00+08:00`);
    await addTasks(org, 4, 1, `${MONDAY}T09:40:00+08:00`);
    expect(await dispatcher(`${MONDAY}T09:45:00+08:00`).runOnce(10)).toEqual({ sent: 1, missed: 0, moved: 1 });
    expect(
      (await events(org, 'revisit.followup.task-due.v1')).map((e) => [
        e['taskId'],
        e['assigneeStaffId'],
        e['callSlot'],
      ]),
    ).toEqual([[taskId(3, 1), 'staff-zhou', undefined]]);
    expect(await events(org, 'revisit.followup.task-rescheduled.v1')).toEqual([
      expect.objectContaining({ taskId: taskId(4, 1), dueAt: `${MONDAY}T10:00:00+08:00`, reason: 'staff-capacity' }),
    ]);
  });

  it('two dispatchers assigning the same slot at once never exceed any agent capacity', async () => {
    const org = 'org-roster-b';
    const shift = [{ days: WEEKDAYS as never, start: '08:00', end: '18:00', capacityPerSlot: 5 }];
    await setUp(org, {
      agents: ['staff-a', 'staff-b', 'staff-c'].map((staffId) => ({ staffId, shifts: shift })),
    });
    await addTasks(org, 2, 60, `${MONDAY}T10:30:00+08:00`);
    const drain = async (replica: DispatchDueTasks): Promise<void> => {
      for (;;) {
        const round = await replica.runOnce(7);
        if (round.sent + round.moved === 0) return;
      }
    };
    const at = `${MONDAY}T10:31:00+08:00`;
    await Promise.all([drain(dispatcher(at)), drain(dispatcher(at)), drain(dispatcher(at))]);

    const due = await events(org, 'revisit.followup.task-due.v1');
    const perAgent = new Map<string, number>();
    for (const event of due)
      perAgent.set(event['assigneeStaffId']!, (perAgent.get(event['assigneeStaffId']!) ?? 0) + 1);
    expect(Object.fromEntries(perAgent)).toEqual({ 'staff-a': 5, 'staff-b': 5, 'staff-c': 5 });
    const moved = await events(org, 'revisit.followup.task-rescheduled.v1');
    expect(moved).toHaveLength(45);
    expect(new Set([...due, ...moved].map((e) => e['taskId'])).size).toBe(60);
    const load: { staff_id: string; assigned: number }[] = await db.query(
      'SELECT staff_id, assigned FROM scheduler.agent_slot_load WHERE org_id = $1 ORDER BY staff_id',
      [org],
    );
    expect(load).toEqual(['staff-a', 'staff-b', 'staff-c'].map((staff_id) => ({ staff_id, assigned: 5 })));
  });
});
