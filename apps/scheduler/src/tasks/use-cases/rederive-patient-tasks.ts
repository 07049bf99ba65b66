import { type AnyEventEnvelope } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { ControlGroupHoldOut } from '../../cohorts/control-group-hold-out';
import { patientEventsOf } from '../../derivation/catalogue-adapter';
import { deriveTasks } from '../../derivation/derive-tasks';
import { diffTaskSets } from '../../derivation/task-diff';
import { type DerivedTask, type TaskSet } from '../../derivation/task-set';
import { type PlanDocument } from '../../plans/plan.types';
import { FollowUpTaskRepository } from '../follow-up-task.repository';
import { PatientHistoryRepository } from '../patient-history.repository';
import { PatientMergeRepository } from '../patient-merge.repository';
import { type TaskChangeOutcome, TaskChangeWriter } from '../task-change-writer';
import { therapyChangeReports, withReportedTherapyChanges } from '../reported-therapy-changes';
import { triggerEventIdFor, triggerEventIds } from '../trigger-event-ids';

/** The plans in force for an organisation, read in the caller's transaction. */
export type PlansOfOrg = (manager: EntityManager, orgId: string) => Promise<readonly PlanDocument[]>;

export type RederiveOutcome = TaskChangeOutcome;

/** Identity changes are applied to the merge links, not derived from history, so they never reach the engine. */
const IDENTITY_EVENTS = new Set<string>(['revisit.patient.merged.v1', 'revisit.patient.unmerged.v1']);

export const MERGED_AWAY =
  'its patient record was merged into another record of the same person; that record now carries the calls';

/**
 * Applies one clinical, appointment, patient or outreach event: records it in the patient's history,
 * derives the person's tasks again from the whole history and stores the difference, with one follow-up
 * event per created, moved or cancelled task. Everything runs in the caller's transaction (the inbox's),
 * so history, task and outbox rows commit together or not at all.
 *
 * A person is the set of enterprise ids joined by standing EMPI merges; tasks are filed under the
 * surviving id. Task ids never contain an enterprise id, so a merge re-files the retired id's tasks (the
 * same trigger keeps the same id) and folds same-reason calls into one; an unmerge splits them back.
 */
export class RederivePatientTasks {
  private readonly writer: TaskChangeWriter;
  private readonly holdOut: ControlGroupHoldOut;

  constructor(
    private readonly plans: PlansOfOrg,
    outbox: Pick<Outbox, 'enqueue'>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.writer = new TaskChangeWriter(outbox);
    this.holdOut = new ControlGroupHoldOut(outbox);
  }

  async apply(manager: EntityManager, envelope: AnyEventEnvelope): Promise<RederiveOutcome> {
    const orgId = envelope.orgid;
    const merges = new PatientMergeRepository(manager);
    await new PatientHistoryRepository(manager).append(envelope);
    if (envelope.type === 'revisit.followup.task-completed.v1') {
      await new FollowUpTaskRepository(manager).complete(orgId, envelope.data.taskId);
    }
    const people = await this.recordIdentityChange(manager, envelope);
    const canonical = [...new Set(await Promise.all(people.map((id) => merges.canonicalOf(orgId, id))))];
    return this.rederive(manager, orgId, canonical, envelope);
  }

  /**
   * Derives the tasks of these people (canonical enterprise ids) again and stores the difference. Used for
   * each incoming event and when an organisation switches a plan version on.
   */
  async rederive(
    manager: EntityManager,
    orgId: string,
    people: readonly string[],
    causedBy?: AnyEventEnvelope,
    vanishedBecause?: string,
  ): Promise<RederiveOutcome> {
    // Handlers of one patient are serialised by the Kafka key already; the lock also covers a merge
    // joining two keys, redelivery racing a rebalance, and plan activation. Sorted: no lock-order cycles.
    for (const person of [...people].sort()) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduler-patient|${orgId}|${person}`]);
    }
    const merges = new PatientMergeRepository(manager);
    const canonicalOf = new Map<string, string>();
    for (const person of people) {
      for (const id of await merges.idsOf(orgId, person)) canonicalOf.set(id, person);
    }
    const ids = [...canonicalOf.keys()];
    const stored = await new FollowUpTaskRepository(manager).lockForPatients(orgId, ids);
    const history = await new PatientHistoryRepository(manager).eventsOf(orgId, ids);
    const events = history
      .filter((row) => !IDENTITY_EVENTS.has(row.envelope.type))
      .flatMap((row) => patientEventsOf({ ...row.envelope, subject: canonicalOf.get(row.patientId) ?? row.patientId }));
    const now = this.clock();
    const storedById = new Map(stored.map((task) => [task.id, task]));
    const plans = await this.plans(manager, orgId);
    const derived = await this.holdOut.apply(
      { manager, orgId, now, ...(causedBy ? { causedBy } : {}) },
      plans,
      withReportedTherapyChanges(
        deriveTasks(plans, events, { now: now.toISOString() }),
        therapyChangeReports(history.map((row) => row.envelope)),
        storedById,
      ),
    );

    const finished = new Set(stored.filter((task) => task.status === 'completed').map((task) => task.id));
    const live = stored.filter((task) => task.status === 'pending' || task.status === 'due');
    const before: TaskSet = { tasks: live.map((task) => task.derived), cancelled: [], flags: [] };
    // A completed call is history: re-deriving it must not schedule it again.
    const after: TaskSet = { ...derived, tasks: derived.tasks.filter((task) => !finished.has(task.id)) };
    const merging = causedBy?.type === 'revisit.patient.merged.v1';
    const changes = diffTaskSets(before, after, merging ? MERGED_AWAY : vanishedBecause);
    const touched = new Set(changes.map((change) => ('task' in change ? change.task.id : change.taskId)));
    const unchanged = after.tasks.filter((task: DerivedTask) => !touched.has(task.id));
    const triggers = triggerEventIds(events);
    const fallback = causedBy?.id ?? '00000000-0000-0000-0000-000000000000';
    return this.writer.apply(
      {
        manager,
        orgId,
        now,
        ...(causedBy ? { causedBy } : {}),
        triggerEventOf: (task) => triggerEventIdFor(triggers, task.triggerKey, fallback),
      },
      changes,
      storedById,
      unchanged,
    );
  }

  /** Merges and unmerges change who is who before anything is derived; returns the ids to re-derive. */
  private async recordIdentityChange(manager: EntityManager, envelope: AnyEventEnvelope): Promise<string[]> {
    const merges = new PatientMergeRepository(manager);
    switch (envelope.type) {
      case 'revisit.patient.merged.v1': {
        const { retiredEnterpriseId, survivingEnterpriseId, mergedAt } = envelope.data;
        await merges.recordMerge(envelope.orgid, retiredEnterpriseId, survivingEnterpriseId, envelope.id, mergedAt);
        return [survivingEnterpriseId, retiredEnterpriseId];
      }
      case 'revisit.patient.unmerged.v1': {
        const { survivingEnterpriseId, restoredEnterpriseId, movedSourceRecords, unmergedAt } = envelope.data;
        const survivor = await merges.canonicalOf(envelope.orgid, survivingEnterpriseId);
        const formerIds = await merges.idsOf(envelope.orgid, survivor);
        await merges.recordUnmerge(envelope.orgid, survivingEnterpriseId, restoredEnterpriseId, unmergedAt);
        // Events that arrived under the survivor while the merge stood go back with their patient records.
        await new PatientHistoryRepository(manager).refileSourceRecords(
          envelope.orgid,
          formerIds.filter((id) => id !== restoredEnterpriseId),
          restoredEnterpriseId,
          movedSourceRecords,
        );
        return [survivingEnterpriseId, restoredEnterpriseId];
      }
      default:
        return [envelope.subject];
    }
  }
}
