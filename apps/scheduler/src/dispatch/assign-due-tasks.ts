import { DateTime } from 'luxon';
import { type EntityManager } from 'typeorm';
import { formatClockTime } from '../calendar/clock-time';
import { type Alignment, placeCall } from '../calendar/contact-calendar';
import { planContactRules } from '../derivation/contact-rules';
import { DEFAULT_TIMEZONE } from '../derivation/derive-tasks';
import { type PlanDocuments } from '../plan-store/plan-documents';
import { type PlanDocument } from '../plans/plan.types';
import { agentsOnShift, servesQueue } from '../roster/agents-on-shift';
import { RosterRepository } from '../roster/roster.repository';
import { DEFAULT_ROSTER_ZONE, type Roster } from '../roster/roster.types';
import { assignSlot } from '../roster/slot-assignment';
import { type SlotKey, SlotLoadRepository } from '../roster/slot-load.repository';
import { type ClaimedTask } from '../tasks/follow-up-task';
import { FollowUpTaskRepository } from '../tasks/follow-up-task.repository';

export interface DueTask {
  readonly task: ClaimedTask;
  /** the due time as it stands (later than the derived one after a capacity move), with the plan's offset */
  readonly dueAt: string;
  readonly staffId?: string;
  readonly callSlot?: string;
}

export interface SlotMove {
  readonly task: ClaimedTask;
  readonly previousDueAt: string;
  readonly dueAt: string;
}

export interface AssignmentOutcome {
  readonly due: readonly DueTask[];
  readonly moved: readonly SlotMove[];
}

/** Without a plan to ask, a full slot moves by this much. */
const FALLBACK_STEP_MINUTES = 60;

interface TaskContext {
  readonly task: ClaimedTask;
  readonly plan: PlanDocument | undefined;
  readonly zone: string;
}

/**
 * Assigns claimed tasks to agents by the organisation's roster, inside the dispatch transaction: per call
 * slot, the plan's preferred agent if on shift with room, else the least loaded agent on shift; a task no
 * one can take moves to the plan's next call slot. Organisations without a roster keep the plan's assignee.
 */
export class AssignDueTasks {
  constructor(private readonly plans: PlanDocuments) {}

  async assign(manager: EntityManager, claimed: readonly ClaimedTask[]): Promise<AssignmentOutcome> {
    if (claimed.length === 0) return { due: [], moved: [] };
    // One at a time: the transaction has a single connection (plan versions are cached after the first)
    const contexts: TaskContext[] = [];
    for (const task of claimed) contexts.push(await this.contextOf(manager, task));
    const rosters = await new RosterRepository(manager).currentFor([...new Set(claimed.map((t) => t.orgId))]);
    const due: DueTask[] = [];
    const moved: SlotMove[] = [];
    const bySlot = new Map<string, { key: SlotKey; roster: Roster; tasks: TaskContext[] }>();
    for (const context of contexts) {
      const roster = rosters.get(context.task.orgId);
      if (roster === undefined) {
        due.push(dueTask(context, context.task.derived.assignee.staffId));
        continue;
      }
      const slotAt = slotOf(context);
      const id = `${context.task.orgId}|${slotAt.toISOString()}`;
      const group = bySlot.get(id) ?? {
        key: { orgId: context.task.orgId, slotAt },
        roster,
        tasks: [],
      };
      group.tasks.push(context);
      bySlot.set(id, group);
    }
    const loads = new SlotLoadRepository(manager);
    await loads.lockSlots([...bySlot.values()].map((group) => group.key));
    for (const { key, roster, tasks } of bySlot.values()) {
      const slot = DateTime.fromJSDate(key.slotAt, { zone: roster.timezone ?? DEFAULT_ROSTER_ZONE });
      const result = assignSlot(
        tasks.map(({ task }) => ({
          taskId: task.id,
          queue: task.derived.assignee.queue,
          ...(task.derived.assignee.staffId === undefined ? {} : { preferredStaffId: task.derived.assignee.staffId }),
        })),
        agentsOnShift(roster, slot),
        (queue) => roster.agents.some((agent) => servesQueue(agent, queue)),
        await loads.loadOf(key),
      );
      await loads.save(key, result.load);
      for (const context of tasks) {
        const id = context.task.id;
        if (result.assigned.has(id)) due.push(dueTask(context, result.assigned.get(id)));
        else if (result.unrostered.includes(id)) due.push(dueTask(context, context.task.derived.assignee.staffId));
        else moved.push(nextSlot(context, key.slotAt));
      }
    }
    const tasks = new FollowUpTaskRepository(manager);
    const withStaff = due.filter((d) => d.staffId !== undefined);
    await tasks.assign(
      withStaff.map((d) => d.task.id),
      withStaff.map((d) => d.staffId!),
    );
    for (const move of moved) await tasks.moveToSlot(move.task.id, move.dueAt);
    return { due, moved };
  }

  private async contextOf(manager: EntityManager, task: ClaimedTask): Promise<TaskContext> {
    const plan = await this.plans.find(manager, task.orgId, task.derived.planId, task.derived.planVersion);
    return { task, plan, zone: plan?.timezone ?? DEFAULT_TIMEZONE };
  }
}

function localTime(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

function iso(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true }) as string;
}

function dueTask(context: TaskContext, staffId: string | undefined): DueTask {
  const { task, plan, zone } = context;
  const local = localTime(task.dueAt, zone);
  const derivedDue = DateTime.fromISO(task.derived.due, { setZone: true });
  const clock = formatClockTime(local.hour * 60 + local.minute);
  return {
    task,
    // Unmoved tasks keep the derived text exactly; moved ones are written in the plan's zone.
    dueAt: derivedDue.toMillis() === task.dueAt.getTime() ? task.derived.due : iso(local),
    ...(staffId === undefined ? {} : { staffId }),
    ...(plan?.callSlots?.includes(clock) ? { callSlot: clock } : {}),
  };
}

/** The next call slot the plan allows after this one (its quiet hours and holidays still apply). */
/**
 * The slot whose capacity a task counts against: its call slot when it sits on one of the plan's, else the
 * hour it falls in (plans without call slots, `exact` steps), so capacity holds for those too.
 */
function slotOf(context: TaskContext): Date {
  const local = localTime(context.task.dueAt, context.zone);
  if (context.plan?.callSlots?.includes(formatClockTime(local.hour * 60 + local.minute))) return context.task.dueAt;
  return local.startOf('hour').toJSDate();
}

function nextSlot(context: TaskContext, slotAt: Date): SlotMove {
  const { task, plan, zone } = context;
  const slot = localTime(slotAt, zone);
  const previousDueAt = dueTask(context, undefined).dueAt;
  if (plan === undefined) return { task, previousDueAt, dueAt: iso(slot.plus({ minutes: FALLBACK_STEP_MINUTES })) };
  const rules = planContactRules(plan);
  const step = plan.steps.find((s) => s.id === task.derived.stepId);
  const alignment: Alignment = step?.align ?? (rules.callSlots.length > 0 ? 'slot' : 'exact');
  const from = slot.plus({ minutes: alignment === 'slot' ? 1 : FALLBACK_STEP_MINUTES });
  const placed = placeCall(from, alignment, rules);
  return { task, previousDueAt, dueAt: iso(placed?.due ?? from) };
}
