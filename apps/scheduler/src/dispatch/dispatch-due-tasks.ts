import { formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type DataSource } from 'typeorm';
import { FollowUpTaskRepository } from '../tasks/follow-up-task.repository';
import { capacityMoveData, taskCancelledData, taskDueData } from '../tasks/task-event-data';
import { type AssignDueTasks } from './assign-due-tasks';

const SOURCE = 'revisit/scheduler';

export interface DispatchRound {
  /** task-due events enqueued */
  readonly sent: number;
  /** tasks past their catch-up window, marked missed and announced as cancelled */
  readonly missed: number;
  /** tasks no agent on shift had room for, moved to the next call slot */
  readonly moved: number;
}

/**
 * One dispatch round: marks tasks whose catch-up window has closed as missed, then claims up to `limit`
 * pending tasks whose time has come, assigns them by the roster (a task nobody can take moves to the next
 * call slot) and enqueues one `task-due` event per assigned task, all in one transaction. A task is claimed
 * by exactly one replica (SKIP LOCKED), and a crash before the commit leaves it pending for the next round.
 */
export class DispatchDueTasks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Pick<Outbox, 'enqueueAll'>,
    private readonly assignment: Pick<AssignDueTasks, 'assign'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async runOnce(limit: number, missedLimit = limit): Promise<DispatchRound> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const tasks = new FollowUpTaskRepository(manager);
      const missed = await tasks.markMissed(now, missedLimit);
      const claimed = limit > 0 ? await tasks.claimDue(now, limit) : [];
      const { due, moved } = await this.assignment.assign(manager, claimed);
      const cancelledAt = formatOffsetDateTime(now);
      const events = [
        ...missed.map((task) =>
          newEvent('revisit.followup.task-cancelled.v1', {
            source: SOURCE,
            subject: task.patientId,
            orgid: task.orgId,
            time: now,
            data: taskCancelledData(task, task.cancelReason ?? 'missed', cancelledAt),
          }),
        ),
        ...due.map(({ task, ...decision }) =>
          newEvent('revisit.followup.task-due.v1', {
            source: SOURCE,
            subject: task.patientId,
            orgid: task.orgId,
            data: taskDueData(task, decision),
          }),
        ),
        ...moved.map((move) =>
          newEvent('revisit.followup.task-rescheduled.v1', {
            source: SOURCE,
            subject: move.task.patientId,
            orgid: move.task.orgId,
            time: now,
            data: capacityMoveData(move.task, move.previousDueAt, move.dueAt),
          }),
        ),
      ];
      await this.outbox.enqueueAll(manager, events);
      return { sent: due.length, missed: missed.length, moved: moved.length };
    });
  }
}
