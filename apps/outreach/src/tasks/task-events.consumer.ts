import { Injectable } from '@nestjs/common';
import { type EventEnvelope as DomainEventEnvelope, type EventType } from '@revisit/domain';
import { EventHandler, type HandlerContext } from '@revisit/messaging';
import { OutreachTaskRepository } from './outreach-task.repository';

export const TASK_EVENT_SUBSCRIPTIONS = [
  'revisit.followup.task-created.v1',
  'revisit.followup.task-due.v1',
  'revisit.followup.task-rescheduled.v1',
  'revisit.followup.task-cancelled.v1',
] as const satisfies readonly EventType[];

/**
 * Kafka edge of task intake. Idempotent twice over: the inbox drops a redelivered event, and every write
 * is guarded by the task's state, so events arriving out of order never reopen a closed task.
 */
@Injectable()
export class TaskEventsConsumer {
  @EventHandler('revisit.followup.task-created.v1')
  async onCreated(event: DomainEventEnvelope<'revisit.followup.task-created.v1'>, { manager }: HandlerContext) {
    const d = event.data;
    await new OutreachTaskRepository(manager).intake(
      {
        taskId: d.taskId,
        orgId: d.orgId,
        patientId: d.patientEnterpriseId,
        purpose: d.purpose,
        scriptRef: d.scriptRef,
        plan: d.plan,
        dueAt: d.dueAt,
        callSlot: d.callSlot,
        channelLadder: d.channelLadder,
        assigneeStaffId: d.assigneeStaffId,
        priority: d.priority,
      },
      'scheduled',
    );
  }

  @EventHandler('revisit.followup.task-due.v1')
  async onDue(event: DomainEventEnvelope<'revisit.followup.task-due.v1'>, { manager }: HandlerContext) {
    const d = event.data;
    await new OutreachTaskRepository(manager).intake(
      {
        taskId: d.taskId,
        orgId: d.orgId,
        patientId: d.patientEnterpriseId,
        purpose: d.purpose,
        scriptRef: d.scriptRef,
        plan: undefined,
        dueAt: d.dueAt,
        callSlot: d.callSlot,
        channelLadder: d.channelLadder,
        assigneeStaffId: d.assigneeStaffId,
        priority: d.priority,
      },
      'open',
    );
  }

  @EventHandler('revisit.followup.task-rescheduled.v1')
  async onRescheduled(event: DomainEventEnvelope<'revisit.followup.task-rescheduled.v1'>, { manager }: HandlerContext) {
    await new OutreachTaskRepository(manager).moveDue(event.data.taskId, event.data.dueAt);
  }

  @EventHandler('revisit.followup.task-cancelled.v1')
  async onCancelled(event: DomainEventEnvelope<'revisit.followup.task-cancelled.v1'>, { manager }: HandlerContext) {
    await new OutreachTaskRepository(manager).cancel(event.data.taskId, event.data.reason);
  }
}
