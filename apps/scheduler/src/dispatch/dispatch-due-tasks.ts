import { newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type DataSource } from 'typeorm';
import { FollowUpTaskRepository } from '../tasks/follow-up-task.repository';
import { taskDueData } from '../tasks/task-event-data';

/**
 * One dispatch round: claims a batch of pending tasks whose time has come, marks them due and enqueues one
 * `task-due` event each, all in one transaction. A task is claimed by exactly one replica (SKIP LOCKED), and
 * a crash before the commit leaves it pending for the next round. Returns how many tasks were dispatched.
 */
export class DispatchDueTasks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Pick<Outbox, 'enqueueAll'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async runOnce(batchSize: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await new FollowUpTaskRepository(manager).claimDue(this.clock(), batchSize);
      const events = claimed.map((task) =>
        newEvent('revisit.followup.task-due.v1', {
          source: 'revisit/scheduler',
          subject: task.patientId,
          orgid: task.orgId,
          data: taskDueData(task),
        }),
      );
      await this.outbox.enqueueAll(manager, events);
      return claimed.length;
    });
  }
}
