import { formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type DataSource } from 'typeorm';
import { FollowUpTaskRepository } from '../tasks/follow-up-task.repository';
import { taskCancelledData, taskDueData } from '../tasks/task-event-data';

const SOURCE = 'revisit/scheduler';

export interface DispatchRound {
  /** task-due events enqueued */
  readonly sent: number;
  /** tasks past their catch-up window, marked missed and announced as cancelled */
  readonly missed: number;
}

/**
 * One dispatch round: marks tasks whose catch-up window has closed as missed, then claims up to `limit`
 * pending tasks whose time has come, marks them due and enqueues one `task-due` event each, all in one
 * transaction. A task is claimed by exactly one replica (SKIP LOCKED), and a crash before the commit
 * leaves it pending for the next round.
 */
export class DispatchDueTasks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Pick<Outbox, 'enqueueAll'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async runOnce(limit: number, missedLimit = limit): Promise<DispatchRound> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock();
      const tasks = new FollowUpTaskRepository(manager);
      const missed = await tasks.markMissed(now, missedLimit);
      const claimed = limit > 0 ? await tasks.claimDue(now, limit) : [];
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
        ...claimed.map((task) =>
          newEvent('revisit.followup.task-due.v1', {
            source: SOURCE,
            subject: task.patientId,
            orgid: task.orgId,
            data: taskDueData(task),
          }),
        ),
      ];
      await this.outbox.enqueueAll(manager, events);
      return { sent: claimed.length, missed: missed.length };
    });
  }
}
