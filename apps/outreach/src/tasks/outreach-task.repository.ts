import type { OutreachChannel } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type OutreachTask, PRIORITY_RANK, type TaskPriority, type TaskStatus } from './outreach-task';

export const TASK_TABLE = `"${OUTREACH_SCHEMA}".task`;
const CANCELLATION_TABLE = `"${OUTREACH_SCHEMA}".task_cancellation`;

export interface TaskRow {
  readonly id: string;
  readonly org_id: string;
  readonly patient_id: string;
  readonly status: TaskStatus;
  readonly purpose: string;
  readonly script_ref: string | null;
  readonly due_at: Date;
  readonly call_slot: string | null;
  readonly channel_ladder: OutreachChannel[];
  readonly ladder_step: number;
  readonly current_channel: OutreachChannel;
  readonly assignee_staff_id: string | null;
  readonly priority: TaskPriority;
  readonly next_attempt_at: Date;
  readonly attempts: number;
  readonly consecutive_misses: number;
  readonly unreachable_streak: number;
  readonly notices_sent: number;
  readonly line_index: number;
  readonly lease_owner: string | null;
  readonly lease_expires_at: Date | null;
  readonly outcome: string | null;
}

export const TASK_COLUMNS =
  'id, org_id, patient_id, status, purpose, script_ref, due_at, call_slot, channel_ladder, ladder_step, ' +
  'current_channel, assignee_staff_id, priority, next_attempt_at, attempts, consecutive_misses, ' +
  'unreachable_streak, notices_sent, line_index, lease_owner, lease_expires_at, outcome';

export function toTask(row: TaskRow): OutreachTask {
  return {
    id: row.id,
    orgId: row.org_id,
    patientId: row.patient_id,
    status: row.status,
    purpose: row.purpose,
    scriptRef: row.script_ref,
    dueAt: row.due_at,
    callSlot: row.call_slot,
    channelLadder: row.channel_ladder,
    ladderStep: row.ladder_step,
    currentChannel: row.current_channel,
    assigneeStaffId: row.assignee_staff_id,
    priority: row.priority,
    nextAttemptAt: row.next_attempt_at,
    attempts: row.attempts,
    consecutiveMisses: row.consecutive_misses,
    unreachableStreak: row.unreachable_streak,
    noticesSent: row.notices_sent,
    lineIndex: row.line_index,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    outcome: row.outcome,
  };
}

/** What a task-created or task-due event says about a task. */
export interface TaskIntake {
  readonly taskId: string;
  readonly orgId: string;
  readonly patientId: string;
  readonly purpose: string;
  readonly scriptRef: string | undefined;
  readonly plan: unknown;
  readonly dueAt: string;
  readonly callSlot: string | undefined;
  readonly channelLadder: readonly OutreachChannel[];
  readonly assigneeStaffId: string | undefined;
  readonly priority: TaskPriority;
}

/** Reads and writes `outreach.task` through the caller's transaction. */
export class OutreachTaskRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Stores a task announced by the scheduler. A `task-due` opens it (or creates it open, when the created
   * event was missed or comes later); a late `task-created` never reopens or rewinds a task.
   */
  async intake(task: TaskIntake, announced: 'scheduled' | 'open'): Promise<void> {
    await this.serialise(task.taskId);
    const cancelled: { reason: string }[] = await this.manager.query(
      `SELECT reason FROM ${CANCELLATION_TABLE} WHERE task_id = $1`,
      [task.taskId],
    );
    const status = cancelled[0] === undefined ? announced : 'cancelled';
    const params = [
      task.taskId,
      task.orgId,
      task.patientId,
      status,
      task.purpose,
      task.scriptRef ?? null,
      task.plan === undefined ? null : JSON.stringify(task.plan),
      task.dueAt,
      task.callSlot ?? null,
      task.channelLadder,
      task.channelLadder[0],
      task.assigneeStaffId ?? null,
      task.priority,
      PRIORITY_RANK[task.priority],
      cancelled[0]?.reason ?? null,
    ];
    const insert = `INSERT INTO ${TASK_TABLE} (id, org_id, patient_id, status, purpose, script_ref, plan, due_at,
        call_slot, channel_ladder, current_channel, assignee_staff_id, priority, priority_rank, next_attempt_at,
        cancel_reason)
      VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::text[], $11, $12, $13, $14, $8, $15)`;
    if (status !== 'open') {
      await this.manager.query(`${insert} ON CONFLICT (id) DO NOTHING`, params);
      return;
    }
    await this.manager.query(
      `${insert}
       ON CONFLICT (id) DO UPDATE SET status = 'open', purpose = EXCLUDED.purpose, script_ref = EXCLUDED.script_ref,
         due_at = EXCLUDED.due_at, call_slot = EXCLUDED.call_slot, channel_ladder = EXCLUDED.channel_ladder,
         current_channel = EXCLUDED.current_channel, ladder_step = 0, assignee_staff_id = EXCLUDED.assignee_staff_id,
         priority = EXCLUDED.priority, priority_rank = EXCLUDED.priority_rank,
         next_attempt_at = EXCLUDED.next_attempt_at, updated_at = now()
       WHERE ${TASK_TABLE}.status = 'scheduled'`,
      params,
    );
  }

  /** Moves a task that is still to be worked; a closed task keeps its history. */
  async moveDue(taskId: string, dueAt: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${TASK_TABLE} SET due_at = $2, next_attempt_at = $2, updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'open')`,
      [taskId, dueAt],
    );
  }

  async cancel(taskId: string, reason: string): Promise<void> {
    await this.serialise(taskId);
    await this.manager.query(
      `INSERT INTO ${CANCELLATION_TABLE} (task_id, reason) VALUES ($1, $2) ON CONFLICT (task_id) DO NOTHING`,
      [taskId, reason],
    );
    await this.manager.query(
      `UPDATE ${TASK_TABLE} SET status = 'cancelled', cancel_reason = $2, lease_owner = NULL,
          lease_expires_at = NULL, closed_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'open')`,
      [taskId, reason],
    );
  }

  /** Intake and cancellation of one task arrive on different topics, so possibly at once: one waits. */
  private async serialise(taskId: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [taskId]);
  }

  /** The task, locked for this transaction, if it belongs to one of `orgIds`. */
  async lock(taskId: string, orgIds: readonly string[]): Promise<OutreachTask | undefined> {
    const rows: TaskRow[] = await this.manager.query(
      `SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE} WHERE id = $1 AND org_id = ANY($2::text[]) FOR UPDATE`,
      [taskId, orgIds],
    );
    return rows[0] === undefined ? undefined : toTask(rows[0]);
  }

  async find(taskId: string, orgIds: readonly string[]): Promise<OutreachTask | undefined> {
    const rows: TaskRow[] = await this.manager.query(
      `SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE} WHERE id = $1 AND org_id = ANY($2::text[])`,
      [taskId, orgIds],
    );
    return rows[0] === undefined ? undefined : toTask(rows[0]);
  }

  /** Live tasks of a patient, locked: contact rules that stop outreach close them all. */
  async lockLiveOfPatient(orgId: string, patientId: string): Promise<OutreachTask[]> {
    const rows: TaskRow[] = await this.manager.query(
      `SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE}
        WHERE org_id = $1 AND patient_id = $2 AND status IN ('scheduled', 'open') ORDER BY id FOR UPDATE`,
      [orgId, patientId],
    );
    return rows.map(toTask);
  }
}
