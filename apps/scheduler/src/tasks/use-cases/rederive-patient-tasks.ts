import { type AnyEventEnvelope, formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { patientEventsOf } from '../../derivation/catalogue-adapter';
import { deriveTasks } from '../../derivation/derive-tasks';
import { diffTaskSets } from '../../derivation/task-diff';
import { type DerivedTask, type TaskSet } from '../../derivation/task-set';
import { type PlanDocument } from '../../plans/plan.types';
import { type FollowUpTask } from '../follow-up-task';
import { FollowUpTaskRepository } from '../follow-up-task.repository';
import { PatientHistoryRepository } from '../patient-history.repository';
import { triggerEventIdFor, triggerEventIds } from '../trigger-event-ids';
import { taskCancelledData, taskCreatedData, taskRescheduledData } from '../task-event-data';

const SOURCE = 'revisit/scheduler';

export interface RederiveOutcome {
  readonly created: number;
  readonly rescheduled: number;
  readonly cancelled: number;
}

/**
 * Applies one clinical, appointment or patient event: records it in the patient's history, derives the
 * patient's tasks again from the whole history and stores the difference, with one follow-up event per
 * created, moved or cancelled task. Everything runs in the caller's transaction (the inbox's), so the
 * history row, the task rows and the outbox rows commit together or not at all.
 */
export class RederivePatientTasks {
  constructor(
    private readonly plans: () => readonly PlanDocument[],
    private readonly outbox: Pick<Outbox, 'enqueue'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(manager: EntityManager, envelope: AnyEventEnvelope): Promise<RederiveOutcome> {
    const history = new PatientHistoryRepository(manager);
    const tasks = new FollowUpTaskRepository(manager);
    const orgId = envelope.orgid;
    // Handlers of one patient are serialised by the Kafka key already; the lock also covers redelivery
    // racing a rebalance and any future non-Kafka caller.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `scheduler-patient|${orgId}|${envelope.subject}`,
    ]);
    await history.append(envelope);

    const patientIds = await this.patientsOf(history, orgId, envelope.subject);
    const envelopes = await history.eventsOf(orgId, patientIds);
    const events = envelopes.flatMap(patientEventsOf);
    const now = this.clock();
    const derived = deriveTasks(this.plans(), events, { now: now.toISOString() });

    const stored = await tasks.lockForPatients(orgId, patientIds);
    const finished = new Set(stored.filter((task) => task.status === 'completed').map((task) => task.id));
    const live = stored.filter((task) => task.status === 'pending' || task.status === 'due');
    const before: TaskSet = { tasks: live.map((task) => task.derived), cancelled: [], flags: [] };
    // A completed call is history: re-deriving it must not schedule it again.
    const after: TaskSet = { ...derived, tasks: derived.tasks.filter((task) => !finished.has(task.id)) };

    const triggers = triggerEventIds(events);
    const asStored = (task: DerivedTask): Omit<FollowUpTask, 'status' | 'cancelReason'> => ({
      id: task.id,
      orgId,
      patientId: task.patientId,
      triggerEventId: triggerEventIdFor(triggers, task.triggerKey, envelope.id),
      derived: task,
    });
    const emit = { source: SOURCE, orgid: orgId, causedBy: envelope, time: now };
    const storedById = new Map(stored.map((task) => [task.id, task]));
    const outcome = { created: 0, rescheduled: 0, cancelled: 0 };

    for (const change of diffTaskSets(before, after)) {
      switch (change.kind) {
        case 'created': {
          const task = asStored(change.task);
          await tasks.savePending(task);
          const data = taskCreatedData({ ...task, status: 'pending', cancelReason: null });
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
          const data = taskRescheduledData({ ...task, status: 'pending', cancelReason: null }, change.previousDue);
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
          break;
        case 'cancelled': {
          const old = storedById.get(change.taskId);
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
    return outcome;
  }

  /** The patient and every record merged into it: a merge makes their histories one. */
  private async patientsOf(history: PatientHistoryRepository, orgId: string, patientId: string): Promise<string[]> {
    const own = await history.eventsOf(orgId, [patientId]);
    const retired = own.flatMap((event) =>
      event.type === 'revisit.patient.merged.v1' && event.data.survivingEnterpriseId === patientId
        ? [event.data.retiredEnterpriseId]
        : [],
    );
    return [...new Set([patientId, ...retired])];
  }
}
