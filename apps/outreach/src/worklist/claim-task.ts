import { type Outbox } from '@revisit/messaging';
import { type DataSource } from 'typeorm';
import { ContactPreferenceRepository } from '../contact/contact-preference.repository';
import { type ContactRuleSettings, judgeContact } from '../contact/contact-rules';
import { closeTask } from '../escalation/close-task';
import { TASK_TABLE } from '../tasks/outreach-task.repository';
import { OutreachTaskRepository } from '../tasks/outreach-task.repository';
import { WorklistError, WorklistErrorCode } from './worklist.errors';

export interface ClaimRequest {
  readonly taskId: string;
  readonly orgIds: readonly string[];
  readonly leaseOwner: string;
  readonly staffId: string;
  readonly leaseMs: number;
  readonly now: Date;
}

/**
 * Takes a task for one agent. The lease is taken by one conditional UPDATE (only when no live lease of
 * someone else exists), so of two agents racing, exactly one row update succeeds. Contact rules are checked
 * first: a task the patient may not receive now is moved (quiet time) or closed (stop), never handed out.
 */
export async function claimTask(
  dataSource: DataSource,
  outbox: Outbox,
  rules: ContactRuleSettings,
  request: ClaimRequest,
): Promise<{ leaseExpiresAt: Date }> {
  return dataSource.transaction(async (manager) => {
    const task = await new OutreachTaskRepository(manager).find(request.taskId, request.orgIds);
    if (!task) throw new WorklistError(WorklistErrorCode.TaskNotFound, 'no such task');
    if (task.status !== 'open') throw new WorklistError(WorklistErrorCode.TaskClosed, 'the task is not open');
    if (task.nextAttemptAt.getTime() > request.now.getTime()) {
      throw new WorklistError(WorklistErrorCode.NotDue, `not before ${task.nextAttemptAt.toISOString()}`);
    }
    const preferences = new ContactPreferenceRepository(manager);
    const verdict = judgeContact(
      await preferences.get(task.orgId, task.patientId),
      task.purpose,
      request.now,
      await preferences.recentContacts(
        task.orgId,
        task.patientId,
        new Date(request.now.getTime() - rules.frequencyWindowMs),
      ),
      rules,
    );
    if (verdict.kind === 'defer') {
      await manager.query(`UPDATE ${TASK_TABLE} SET next_attempt_at = $2, updated_at = now() WHERE id = $1`, [
        task.id,
        verdict.until,
      ]);
      throw new WorklistError(
        WorklistErrorCode.ContactDeferred,
        `not before ${verdict.until.toISOString()} (${verdict.reason})`,
      );
    }
    if (verdict.kind === 'stop') {
      await closeTask(manager, outbox, task, {
        outcome: verdict.outcome,
        channel: undefined,
        completedByStaffId: undefined,
        needsDoctorCallback: false,
        returnVisitBooked: false,
        at: request.now,
      });
      throw new WorklistError(WorklistErrorCode.ContactStopped, `follow-up stopped (${verdict.outcome})`);
    }
    const leaseExpiresAt = new Date(request.now.getTime() + request.leaseMs);
    const taken: unknown[] = await manager.query(
      // A CTE so the driver returns the updated rows (a bare UPDATE answers [rows, count]).
      `WITH taken AS (
         UPDATE ${TASK_TABLE} SET lease_owner = $3, lease_expires_at = $4, updated_at = now()
          WHERE id = $1 AND status = 'open' AND org_id = ANY($5::text[])
            AND (assignee_staff_id IS NULL OR assignee_staff_id = $6)
            AND (lease_expires_at IS NULL OR lease_expires_at < $2 OR lease_owner = $3)
          RETURNING id)
       SELECT id FROM taken`,
      [task.id, request.now, request.leaseOwner, leaseExpiresAt, request.orgIds, request.staffId],
    );
    if (taken.length === 0) throw new WorklistError(WorklistErrorCode.AlreadyClaimed, 'another agent holds this task');
    return { leaseExpiresAt };
  });
}
