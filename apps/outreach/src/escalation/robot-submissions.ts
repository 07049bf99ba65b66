import { randomUUID } from 'node:crypto';
import { PhoneNumber } from '@revisit/domain';
import { type DataSource, type EntityManager } from 'typeorm';
import { ChannelError } from '../channels/channel.errors';
import type { SubmittedRobotBatch, VoiceRobotPort } from '../channels/robot/voice-robot.port';
import { type ContactRuleSettings } from '../contact/contact-rules';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type TaskRow, TASK_COLUMNS, TASK_TABLE, toTask } from '../tasks/outreach-task.repository';
import { passContactRules } from './contact-gate';
import { purposeLabel } from './next-call-slot';
import { patientMobile } from './patient-mobile';
import { type EscalationContext, recordAttempt } from './record-attempt';

const CALLS = `"${OUTREACH_SCHEMA}".robot_call`;
const PATIENT_WAIT_MS = 10_000;

export interface RobotSubmissionSettings {
  /** Script (话术) for tasks whose plan names none. */
  readonly defaultScript: string;
  /** How long a placed call may go without a result before the robot rung is tried again. */
  readonly resultWaitMs: number;
  /** Calls per provider batch. */
  readonly batchSize: number;
  /** After a refusal that is our problem (script, credentials), try the task again this much later. */
  readonly refusalBackoffMs: number;
  readonly rules: ContactRuleSettings;
}

interface CallRow {
  readonly id: string;
  readonly task_id: string;
  readonly batch_ref: string;
  readonly script_id: string;
  readonly phone: string;
  readonly purpose: string;
}

/**
 * Places robot calls for tasks on their `phone-robot` rung, once per attempt even across crashes: the calls
 * are committed as pending (one batch reference for the lot) before the provider hears of them; the batch
 * then goes out with the calls' rows locked, and is marked submitted in that transaction. A pending batch
 * this round did not create (a crash, a lost answer) is first asked for at the provider by its reference
 * and only submitted if it never arrived; the provider also keeps one batch per reference.
 */
export class RobotSubmissions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly robot: VoiceRobotPort,
    private readonly escalation: EscalationContext,
    private readonly settings: RobotSubmissionSettings,
  ) {}

  async runOnce(): Promise<number> {
    const { created, batchRef } = await this.claimDueTasks();
    const sent = await this.submitPending(batchRef);
    return created + sent;
  }

  /** Locks due robot tasks, applies the contact rules and commits their calls as pending. */
  private claimDueTasks(): Promise<{ created: number; batchRef: string }> {
    const batchRef = `robot-${randomUUID()}`;
    return this.dataSource.transaction(async (manager) => {
      const rows: TaskRow[] = await manager.query(
        `SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE}
          WHERE status = 'open' AND current_channel = 'phone-robot' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      for (const task of rows.map(toTask)) {
        // A call still outstanding past the wait lost its result: give up on it and call again.
        await manager.query(
          `UPDATE ${CALLS} SET status = 'expired', finished_at = now()
            WHERE task_id = $1 AND status IN ('pending', 'submitted')`,
          [task.id],
        );
        if (!(await passContactRules(manager, this.escalation.outbox, task, this.settings.rules))) continue;
        if (!(await patientKnown(manager, task.orgId, task.patientId))) {
          // The task's and the patient's events travel on different topics: the patient is usually a moment away.
          await this.dueNow(manager, task.id, PATIENT_WAIT_MS);
          continue;
        }
        const phone = await patientMobile(manager, task.orgId, task.patientId);
        if (phone === undefined || !phone.startsWith('+') || !PhoneNumber.parse(phone).ok) {
          await recordAttempt(manager, task, this.attempt('wrong-number'), this.escalation);
          continue;
        }
        await manager.query(
          `INSERT INTO ${CALLS} (id, task_id, batch_ref, script_id, status) VALUES ($1, $2, $3, $4, 'pending')`,
          [randomUUID(), task.id, batchRef, task.scriptRef ?? this.settings.defaultScript],
        );
        await manager.query(
          `UPDATE ${TASK_TABLE} SET next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
            WHERE id = $1`,
          [task.id, this.settings.resultWaitMs / 1000],
        );
      }
      return { created: rows.length, batchRef };
    });
  }

  /** Submits (or reconciles) pending batches, one transaction per batch reference and script. */
  private async submitPending(fresh: string): Promise<number> {
    let handled = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const calls = await this.lockPendingBatch(manager);
        if (calls.length === 0) return false;
        await this.submitBatch(manager, calls, calls[0]!.batch_ref === fresh);
        handled += calls.length;
        return true;
      });
      if (!done) return handled;
    }
  }

  private async lockPendingBatch(manager: EntityManager): Promise<CallRow[]> {
    return manager
      .query(
        `WITH first AS (
         SELECT batch_ref, script_id FROM ${CALLS} WHERE status = 'pending'
          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       SELECT c.id, c.task_id, c.batch_ref, c.script_id, t.purpose,
              (SELECT p.demographics->'phones' FROM "${OUTREACH_SCHEMA}".patient p
                WHERE p.org_id = t.org_id AND p.patient_id = t.patient_id) AS phones
         FROM ${CALLS} c JOIN first f USING (batch_ref, script_id) JOIN ${TASK_TABLE} t ON t.id = c.task_id
        WHERE c.status = 'pending'
        ORDER BY c.created_at, c.id
        LIMIT $1 FOR UPDATE OF c SKIP LOCKED`,
        [this.settings.batchSize],
      )
      .then((rows: (Omit<CallRow, 'phone'> & { phones: { number: string; kind: string }[] | null })[]) =>
        rows.map(({ phones, ...row }) => ({
          ...row,
          phone: phones?.find((p) => p.kind === 'mobile')?.number ?? '',
        })),
      );
  }

  private async submitBatch(manager: EntityManager, calls: CallRow[], fresh: boolean): Promise<void> {
    const reference = calls[0]!.batch_ref;
    let submitted: SubmittedRobotBatch | undefined;
    try {
      // Never submitted by this round: it may have reached the provider before a crash or a lost answer.
      if (!fresh) submitted = await this.robot.findBatch(reference);
      submitted ??= await this.robot.submitBatch({
        scriptId: calls[0]!.script_id,
        reference,
        calls: calls.map((call) => ({
          callRef: call.id,
          patientPhone: call.phone,
          variables: { purpose: purposeLabel(call.purpose) },
        })),
      });
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      // Retryable: the calls stay pending and the next round asks the provider before trying again.
      if (error.retryable) throw error;
      await this.refused(manager, calls);
      return;
    }
    for (const call of calls) {
      const callId = submitted.callIds.get(call.id);
      await manager.query(
        `UPDATE ${CALLS} SET status = $2, provider_call_id = $3, submitted_at = now(),
            finished_at = CASE WHEN $2 = 'expired' THEN now() END
          WHERE id = $1`,
        // Missing from the provider's batch: it was never placed; the task comes due again now.
        [call.id, callId === undefined ? 'expired' : 'submitted', callId ?? null],
      );
      if (callId === undefined) await this.dueNow(manager, call.task_id, 0);
    }
  }

  /** A refusal about our script or credentials, not the patient: the calls fail, the tasks wait and retry. */
  private async refused(manager: EntityManager, calls: CallRow[]): Promise<void> {
    for (const call of calls) {
      await manager.query(`UPDATE ${CALLS} SET status = 'failed', finished_at = now() WHERE id = $1`, [call.id]);
      await this.dueNow(manager, call.task_id, this.settings.refusalBackoffMs);
    }
  }

  private async dueNow(manager: EntityManager, taskId: string, afterMs: number): Promise<void> {
    await manager.query(
      `UPDATE ${TASK_TABLE} SET next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
        WHERE id = $1 AND status = 'open'`,
      [taskId, afterMs / 1000],
    );
  }

  private attempt(disposition: 'wrong-number') {
    const now = new Date();
    return { channel: 'phone-robot' as const, disposition, startedAt: now, endedAt: now, talkSeconds: 0 };
  }
}

async function patientKnown(manager: EntityManager, orgId: string, patientId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM "${OUTREACH_SCHEMA}".patient WHERE org_id = $1 AND patient_id = $2`,
    [orgId, patientId],
  );
  return rows.length > 0;
}
