import { type OutreachChannel } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { type OutreachTask } from '../tasks/outreach-task';
import { TASK_TABLE } from '../tasks/outreach-task.repository';
import { offsetTime, publish } from './outreach-events';
import { type TaskOutcome } from './tcm-phone-policy';

export interface Closing {
  readonly outcome: TaskOutcome;
  readonly channel: OutreachChannel | undefined;
  readonly completedByStaffId: string | undefined;
  readonly needsDoctorCallback: boolean;
  readonly returnVisitBooked: boolean;
  readonly at: Date;
}

/** Closes a live task and tells the scheduler how it ended (`task-completed`), in one transaction. */
export async function closeTask(
  manager: EntityManager,
  outbox: Outbox,
  task: OutreachTask,
  closing: Closing,
): Promise<boolean> {
  const closed: unknown[] = await manager.query(
    `WITH closed AS (
       UPDATE ${TASK_TABLE} SET status = 'completed', outcome = $2, closed_at = $3, lease_owner = NULL,
          lease_expires_at = NULL, completed_by_staff_id = $4, updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'open') RETURNING id)
     SELECT id FROM closed`,
    [task.id, closing.outcome, closing.at, closing.completedByStaffId ?? null],
  );
  if (closed.length === 0) return false;
  await publish(outbox, manager, 'revisit.followup.task-completed.v1', task.orgId, task.patientId, {
    taskId: task.id,
    patientEnterpriseId: task.patientId,
    orgId: task.orgId,
    outcome: closing.outcome,
    ...(closing.channel === undefined ? {} : { channel: closing.channel }),
    attempts: task.attempts,
    needsDoctorCallback: closing.needsDoctorCallback,
    returnVisitBooked: closing.returnVisitBooked,
    ...(closing.completedByStaffId === undefined ? {} : { completedByStaffId: closing.completedByStaffId }),
    completedAt: offsetTime(closing.at),
  });
  return true;
}
