import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';
import { type DerivedTask } from '../derivation/task-set';
import { type ClaimedTask, type FollowUpTask, type ListedTask, type TaskStatus } from './follow-up-task';
import { TaskStoreError, TaskStoreErrorCode } from './task-store.errors';

const TABLE = `"${SCHEDULER_SCHEMA}".follow_up_task`;

interface TaskRow {
  readonly id: string;
  readonly org_id: string;
  readonly patient_id: string;
  readonly trigger_event_id: string;
  readonly status: TaskStatus;
  readonly cancel_reason: string | null;
  readonly derived: DerivedTask;
}

/** Tasks derived before plans carried a catch-up grace get the default (P7D). */
const DEFAULT_GRACE_MINUTES = 7 * 24 * 60;

const COLUMNS = 'id, org_id, patient_id, trigger_event_id, status, cancel_reason, derived';

function toTask(row: TaskRow): FollowUpTask {
  return {
    id: row.id,
    orgId: row.org_id,
    patientId: row.patient_id,
    triggerEventId: row.trigger_event_id,
    status: row.status,
    cancelReason: row.cancel_reason,
    derived: row.derived,
  };
}

/** Reads and writes `follow_up_task` through the caller's transaction (never a connection of its own). */
export class FollowUpTaskRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Every task of these patients in the org, locked so concurrent re-derivations of one patient queue up. */
  async lockForPatients(orgId: string, patientIds: readonly string[]): Promise<FollowUpTask[]> {
    const rows: TaskRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM ${TABLE} WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
      [orgId, patientIds],
    );
    return rows.map(toTask);
  }

  /** With the due time and assignee as they stand (a capacity move or roster assignment changes both). */
  async listForPatient(orgId: string, patientId: string, limit: number): Promise<ListedTask[]> {
    const rows: (TaskRow & { due_at: Date; assignee_staff_id: string | null })[] = await this.manager.query(
      `SELECT ${COLUMNS}, due_at, assignee_staff_id FROM ${TABLE}
        WHERE patient_id = $1 AND org_id = $2
        ORDER BY due_at, id LIMIT $3`,
      [patientId, orgId, limit],
    );
    return rows.map((row) => ({
      ...toTask(row),
      dueAt: row.due_at,
      assigneeStaffId: row.assignee_staff_id,
    }));
  }

  /** Inserts or replaces a live task (status back to pending: a re-derived task waits for its new time). */
  async savePending(task: Omit<FollowUpTask, 'status' | 'cancelReason'>): Promise<void> {
    const d = task.derived;
    const written: unknown[] = await this.manager.query(
      `INSERT INTO ${TABLE} (id, org_id, patient_id, plan_id, plan_version, step_id, trigger_event_id, due_at,
          due_at_local, status, purpose, reason, cancel_reason, assignee_staff_id, assignee_queue, priority,
          channel_ladder, derived, send_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::text, 'pending', $9, $10, NULL, $11, $12, $13, $14, $15,
          $8::timestamptz + make_interval(mins => $16::int))
       ON CONFLICT (id) DO UPDATE SET
          patient_id = EXCLUDED.patient_id, trigger_event_id = EXCLUDED.trigger_event_id, due_at = EXCLUDED.due_at, due_at_local = EXCLUDED.due_at_local,
          status = 'pending', purpose = EXCLUDED.purpose, reason = EXCLUDED.reason, cancel_reason = NULL,
          assignee_staff_id = EXCLUDED.assignee_staff_id, assignee_queue = EXCLUDED.assignee_queue,
          priority = EXCLUDED.priority, channel_ladder = EXCLUDED.channel_ladder, derived = EXCLUDED.derived,
          send_until = EXCLUDED.send_until, updated_at = now()
        WHERE ${TABLE}.org_id = EXCLUDED.org_id
       RETURNING id`,
      [
        task.id,
        task.orgId,
        task.patientId,
        d.planId,
        d.planVersion,
        d.stepId,
        task.triggerEventId,
        d.due,
        d.purpose,
        d.reason,
        d.assignee.staffId ?? null,
        d.assignee.queue,
        d.priority,
        JSON.stringify(d.channels),
        JSON.stringify(d),
        d.graceMinutes ?? DEFAULT_GRACE_MINUTES,
      ],
    );
    // Task ids include the org: a hit on another org's row means two organisations share a task id, which
    // only a hash collision or a corrupted row could cause; never overwrite it. Within the org a task may
    // change patient (an EMPI merge or unmerge re-files the record that triggered it).
    if (written.length === 0) throw new TaskStoreError(TaskStoreErrorCode.TaskOwnedByAnotherOrg, task.id);
  }

  /** Files a task under another enterprise id of the same person, keeping its status and due time. */
  async rekey(id: string, patientId: string, derived: DerivedTask): Promise<void> {
    await this.manager.query(`UPDATE ${TABLE} SET patient_id = $2, derived = $3, updated_at = now() WHERE id = $1`, [
      id,
      patientId,
      JSON.stringify(derived),
    ]);
  }

  /** Keeps the status (a task already handed to outreach stays due) but refreshes its description. */
  async refresh(id: string, derived: DerivedTask): Promise<void> {
    await this.manager.query(
      `UPDATE ${TABLE} SET purpose = $2, reason = $3, channel_ladder = $4, derived = $5, updated_at = now()
        WHERE id = $1`,
      [id, derived.purpose, derived.reason, JSON.stringify(derived.channels), JSON.stringify(derived)],
    );
  }

  /** Outreach closed the task: it is history, whatever re-derivation says later. */
  async complete(orgId: string, id: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${TABLE} SET status = 'completed', updated_at = now()
        WHERE id = $1 AND org_id = $2 AND status IN ('pending', 'due')`,
      [id, orgId],
    );
  }

  async cancel(id: string, reason: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${TABLE} SET status = 'cancelled', cancel_reason = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  /**
   * Claims up to `limit` pending tasks whose time has come and marks them due. SKIP LOCKED lets several
   * dispatchers (replicas) claim disjoint batches; the caller's transaction holds the locks until it commits
   * together with the task-due events.
   */
  async claimDue(now: Date, limit: number): Promise<ClaimedTask[]> {
    const rows: (TaskRow & { due_at: Date })[] = await this.manager.query(
      // A CTE so the driver returns the rows themselves (a bare UPDATE yields [rows, count] in TypeORM).
      `WITH claimed AS (
         UPDATE ${TABLE} t SET status = 'due', updated_at = now()
           FROM (SELECT id FROM ${TABLE} WHERE status = 'pending' AND due_at <= $1
                    AND (send_until IS NULL OR send_until >= $1)
                  ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) batch
          WHERE t.id = batch.id
          RETURNING t.id, t.org_id, t.patient_id, t.trigger_event_id, t.status, t.cancel_reason, t.derived, t.due_at)
       SELECT ${COLUMNS}, due_at FROM claimed ORDER BY due_at, id`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => ({ ...toTask(row), dueAt: row.due_at }));
  }

  /** Records whom a task went to when it became due. */
  async assign(ids: readonly string[], staffIds: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.manager.query(
      `UPDATE ${TABLE} t SET assignee_staff_id = a.staff_id, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS a(id, staff_id) WHERE t.id = a.id`,
      [ids, staffIds],
    );
  }

  /**
   * Puts a claimed task back to pending at a later call slot (every agent was full), keeping its catch-up
   * grace relative to the new time. The derived task is left as is: re-derivation compares against it, so
   * a capacity move is not mistaken for a plan change.
   */
  async moveToSlot(id: string, dueAt: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${TABLE} SET status = 'pending', send_until = $2::timestamptz + (send_until - due_at),
          due_at = $2::timestamptz, due_at_local = $2::text, updated_at = now()
        WHERE id = $1`,
      [id, dueAt],
    );
  }

  /**
   * Marks up to `limit` pending tasks whose send window has closed as missed (catch-up policy: a call
   * days late is not the call the plan meant). Same locking as `claimDue`.
   */
  async markMissed(now: Date, limit: number): Promise<FollowUpTask[]> {
    const rows: TaskRow[] = await this.manager.query(
      `WITH missed AS (
         UPDATE ${TABLE} t SET status = 'missed', cancel_reason = $3, updated_at = now()
           FROM (SELECT id FROM ${TABLE} WHERE status = 'pending' AND send_until < $1
                  ORDER BY send_until, id LIMIT $2 FOR UPDATE SKIP LOCKED) batch
          WHERE t.id = batch.id
          RETURNING t.id, t.org_id, t.patient_id, t.trigger_event_id, t.status, t.cancel_reason, t.derived)
       SELECT ${COLUMNS} FROM missed ORDER BY id`,
      [now.toISOString(), limit, MISSED_REASON],
    );
    return rows.map(toTask);
  }
}

export const MISSED_REASON =
  "missed: the scheduler caught up later than the plan's catch-up grace after the due time (restart, outage or a plan activated over old history)";
