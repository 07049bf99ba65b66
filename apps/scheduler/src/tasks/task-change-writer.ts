import { type AnyEventEnvelope, formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { type TaskChange } from '../derivation/task-diff';
import { type DerivedTask } from '../derivation/task-set';
import { type FollowUpTask } from './follow-up-task';
import { FollowUpTaskRepository } from './follow-up-task.repository';
import { taskCancelledData, taskCreatedData, taskRescheduledData } from './task-event-data';

const SOURCE = 'revisit/scheduler';

export interface TaskChangeOutcome {
  created: number;
  rescheduled: number;
  cancelled: number;
  /** live tasks that now belong to another enterprise id (merge or unmerge), due time unchanged */
  rekeyed: number;
}

export interface TaskChangeContext {
  readonly manager: EntityManager;
  readonly orgId: string;
  readonly now: Date;
  /** the event that caused the change, for correlation; absent for administrative re-derivations */
  readonly causedBy?: AnyEventEnvelope;
  /** which catalogue event started the trigger a task key names */
  readonly triggerEventOf: (task: DerivedTask) => string;
}

/**
 * Applies a task-set difference to the stored tasks and announces each change through the outbox, in the
 * caller's transaction. Every task-event carries the task's current enterprise id, so a task that moved to
 * another id (merge, unmerge) is announced under its new owner.
 */
export class TaskChangeWriter {
  constructor(private readonly outbox: Pick<Outbox, 'enqueue'>) {}

  async apply(
    context: TaskChangeContext,
    changes: readonly TaskChange[],
    stored: ReadonlyMap<string, FollowUpTask>,
    unchanged: readonly DerivedTask[],
  ): Promise<TaskChangeOutcome> {
    const { manager, orgId, now } = context;
    const tasks = new FollowUpTaskRepository(manager);
    const outcome: TaskChangeOutcome = { created: 0, rescheduled: 0, cancelled: 0, rekeyed: 0 };
    const emit = {
      source: SOURCE,
      orgid: orgId,
      time: now,
      ...(context.causedBy ? { causedBy: context.causedBy } : {}),
    };
    const asStored = (task: DerivedTask): FollowUpTask => ({
      id: task.id,
      orgId,
      patientId: task.patientId,
      triggerEventId: context.triggerEventOf(task),
      status: 'pending',
      cancelReason: null,
      derived: task,
    });

    for (const change of changes) {
      switch (change.kind) {
        case 'created': {
          const task = asStored(change.task);
          await tasks.savePending(task);
          const data = taskCreatedData(task);
          await this.outbox.enqueue(
            manager,
            newEvent('revisit.followup.task-created.v1', { ...emit, subject: task.patientId, data }),
          );
          outcome.created++;
          break;
        }
        case 'moved': {
          const task = asStored(change.task);
          await tasks.savePending(task);
          const data = taskRescheduledData(task, change.previousDue, stored.get(task.id)?.derived.reason);
          await this.outbox.enqueue(
            manager,
            newEvent('revisit.followup.task-rescheduled.v1', { ...emit, subject: task.patientId, data }),
          );
          outcome.rescheduled++;
          break;
        }
        case 'changed':
          // Same time, new wording (e.g. a second drug joined the call): no contract event describes it.
          await tasks.refresh(change.task.id, change.task);
          if (await this.rekeyIfMoved(context, stored.get(change.task.id), change.task)) outcome.rekeyed++;
          break;
        case 'cancelled': {
          const old = stored.get(change.taskId);
          if (!old) break;
          await tasks.cancel(change.taskId, change.why);
          const data = taskCancelledData(old, change.why, formatOffsetDateTime(now));
          await this.outbox.enqueue(
            manager,
            newEvent('revisit.followup.task-cancelled.v1', { ...emit, subject: old.patientId, data }),
          );
          outcome.cancelled++;
          break;
        }
      }
    }
    for (const task of unchanged) {
      if (await this.rekeyIfMoved(context, stored.get(task.id), task)) outcome.rekeyed++;
    }
    return outcome;
  }

  /**
   * A live task whose patient is now known under another enterprise id keeps its id, time and status;
   * a task-rescheduled event (same time, reason `other`) tells outreach the id it is filed under now.
   */
  private async rekeyIfMoved(
    context: TaskChangeContext,
    old: FollowUpTask | undefined,
    task: DerivedTask,
  ): Promise<boolean> {
    if (!old || old.patientId === task.patientId) return false;
    const { manager, orgId, now, causedBy } = context;
    await new FollowUpTaskRepository(manager).rekey(task.id, task.patientId, task);
    const moved: FollowUpTask = { ...old, patientId: task.patientId, derived: task };
    const data = { ...taskRescheduledData(moved, task.due), reason: 'other' as const };
    await this.outbox.enqueue(
      manager,
      newEvent('revisit.followup.task-rescheduled.v1', {
        source: SOURCE,
        orgid: orgId,
        time: now,
        subject: task.patientId,
        data,
        ...(causedBy ? { causedBy } : {}),
      }),
    );
    return true;
  }
}
