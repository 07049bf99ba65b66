import { type AnyEventEnvelope, formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { type TaskSet } from '../derivation/task-set';
import { type PlanDocument } from '../plans/plan.types';
import { type CohortArm, drawArm } from './cohort-arm';
import { type CohortEntry, PlanCohortRepository } from './plan-cohort.repository';

const SOURCE = 'revisit/scheduler';

export interface HoldOutContext {
  readonly manager: EntityManager;
  readonly orgId: string;
  readonly now: Date;
  readonly causedBy?: AnyEventEnvelope;
}

/**
 * Plans with a `controlGroup` keep a random share of the patients entering them (any task derived, live or
 * cancelled) out of follow-up: their tasks from that plan are dropped before the diff. Each patient's arm
 * is stored and announced (`cohort-assigned`) the first time they enter; the stored arm stands from then on,
 * so a replay, a later plan version or a changed share never moves anyone between arms.
 */
export class ControlGroupHoldOut {
  constructor(private readonly outbox: Pick<Outbox, 'enqueue'>) {}

  async apply(context: HoldOutContext, plans: readonly PlanDocument[], derived: TaskSet): Promise<TaskSet> {
    const controlled = new Map(plans.filter((plan) => plan.controlGroup !== undefined).map((plan) => [plan.id, plan]));
    if (controlled.size === 0) return derived;
    const entering = new Map<string, { plan: PlanDocument; patientId: string }>();
    for (const task of [...derived.tasks, ...derived.cancelled]) {
      const plan = controlled.get(task.planId);
      if (plan !== undefined) entering.set(`${plan.id}|${task.patientId}`, { plan, patientId: task.patientId });
    }
    if (entering.size === 0) return derived;

    const { manager, orgId } = context;
    const cohorts = new PlanCohortRepository(manager);
    const stored = await cohorts.armsOf(orgId, [...new Set([...entering.values()].map((e) => e.patientId))]);
    const arms = new Map<string, CohortArm>();
    const drawn: CohortEntry[] = [];
    for (const [key, { plan, patientId }] of entering) {
      const known = stored.get(key);
      const arm = known ?? drawArm(orgId, plan.id, patientId, plan.controlGroup!.share);
      arms.set(key, arm);
      if (known === undefined) drawn.push({ planId: plan.id, patientId, arm, planVersion: plan.version });
    }
    for (const entry of await cohorts.insertNew(orgId, drawn)) await this.announce(context, entry);

    const held = (task: { planId: string; patientId: string }) =>
      arms.get(`${task.planId}|${task.patientId}`) === 'control';
    return {
      ...derived,
      tasks: derived.tasks.filter((task) => !held(task)),
      cancelled: derived.cancelled.filter((task) => !held(task)),
    };
  }

  private async announce(context: HoldOutContext, entry: CohortEntry): Promise<void> {
    const { manager, orgId, now, causedBy } = context;
    await this.outbox.enqueue(
      manager,
      newEvent('revisit.followup.cohort-assigned.v1', {
        source: SOURCE,
        subject: entry.patientId,
        orgid: orgId,
        time: now,
        ...(causedBy ? { causedBy } : {}),
        data: {
          patientEnterpriseId: entry.patientId,
          orgId,
          plan: { planId: entry.planId, version: entry.planVersion },
          arm: entry.arm,
          // Entering the plan happened with the event that triggered it (a replay of old history keeps its date).
          assignedAt: causedBy?.time ?? formatOffsetDateTime(now),
        },
      }),
    );
  }
}
