import { DateTime } from 'luxon';
import { parseOffset, substituteParameters } from '../calendar/offset';
import { type PlanDocument, type PlanStep } from '../plans/plan.types';
import { SUPPLY_PROBLEM_TEXT } from '../supply/supply.errors';
import { computationZone } from '../calendar/zones';
import { contactRulesFor } from './contact-rules';
import { matchesFilter } from './event-filter';
import { historiesByPatient } from './event-order';
import { type PatientEvent } from './patient-event';
import { buildPatientHistory, type PatientHistory, withParsedTimes } from './patient-history';
import { planTriggers } from './plan-triggers';
import { stepOccurrences } from './step-occurrences';
import { stepTask } from './step-task';
import { type CancelledTask, type DerivedTask, type SupplyFlag, type TaskSet } from './task-set';
import { type TriggerInstance } from './trigger-instance';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface DeriveOptions {
  /** ISO-8601; bounds open-ended recurrences (now + plan horizon) */
  readonly now: string;
  /** overrides every plan's zone, e.g. from `--tz` */
  readonly timezone?: string;
}

function parametersFor(plan: PlanDocument, trigger: TriggerInstance, history: PatientHistory): Record<string, number> {
  const context = { plan, patientConditionCodes: history.conditionCodes };
  const variant = plan.variants?.find((candidate) => matchesFilter(candidate.when, trigger.event, context));
  return { ...(plan.parameters ?? {}), ...(variant?.parameters ?? {}) };
}

function resolvedOffset(text: string | undefined, parameters: Record<string, number>): ReturnType<typeof parseOffset> {
  const substituted = substituteParameters(text ?? 'P0D', parameters);
  return substituted === undefined ? undefined : parseOffset(substituted);
}

function horizonEndOf(plan: PlanDocument, now: DateTime): DateTime {
  const horizon = parseOffset(plan.horizon ?? 'P1Y');
  return horizon ? now.plus(horizon.duration) : now.plus({ years: 1 });
}

function deriveForPatient(plan: PlanDocument, history: PatientHistory, horizonEnd: DateTime, sink: TaskSink): void {
  const rules = contactRulesFor(plan, history);
  const context = { plan, patientConditionCodes: history.conditionCodes };
  for (const trigger of planTriggers(plan, history)) {
    for (const problem of trigger.course?.timeline?.problems ?? []) {
      sink.flag({
        patientId: history.patientId,
        planId: plan.id,
        dispenseId: problem.dispenseId,
        code: problem.code,
        message: SUPPLY_PROBLEM_TEXT[problem.code],
      });
    }
    const parameters = parametersFor(plan, trigger, history);
    const steps = plan.steps.filter((step: PlanStep) => matchesFilter(step.when, trigger.event, context));
    for (const step of steps) {
      const offset = resolvedOffset(step.offset, parameters);
      const every = step.recurrence ? resolvedOffset(step.recurrence.every, parameters) : undefined;
      // parsePlan rejects unresolvable offsets; a plan object built in code without it skips the step.
      if (!offset || (step.recurrence && !every)) continue;
      const occurrences = stepOccurrences({
        step,
        trigger,
        history,
        offset,
        ...(every ? { every } : {}),
        horizonEnd,
      });
      if ('unavailable' in occurrences) continue;
      for (const candidate of occurrences.candidates) {
        const outcome = stepTask({
          plan,
          step,
          trigger,
          history,
          rules,
          candidate,
          negativeOffset: offset.negative,
          offsetText: offset.text,
          ...(every ? { everyText: every.text } : {}),
        });
        if (outcome.kind === 'task') sink.task(outcome.task, trigger.at.toMillis());
        else sink.cancelled(outcome.task);
      }
    }
  }
}

class TaskSink {
  private readonly tasks = new Map<string, DerivedTask>();
  private readonly triggerTimes = new Map<string, number>();
  private readonly cancelledTasks = new Map<string, CancelledTask>();
  private readonly flags = new Map<string, SupplyFlag>();

  task(task: DerivedTask, triggerMillis: number): void {
    this.tasks.set(task.id, task);
    this.triggerTimes.set(task.id, triggerMillis);
  }

  cancelled(task: CancelledTask): void {
    this.cancelledTasks.set(task.id, task);
  }

  flag(flag: SupplyFlag): void {
    this.flags.set(`${flag.planId}|${flag.dispenseId}|${flag.code}`, flag);
  }

  /**
   * One call per patient, plan, step and day: two triggers asking the same question on the same day
   * (two drugs bought together, two merged records) become one task whose reason lists both.
   */
  private consolidated(): DerivedTask[] {
    const groups = new Map<string, DerivedTask[]>();
    for (const task of this.tasks.values()) {
      const key = `${task.patientId}|${task.planId}|${task.stepId}|${task.due.slice(0, 10)}`;
      groups.set(key, [...(groups.get(key) ?? []), task]);
    }
    return [...groups.values()].map((group) => {
      const [kept, ...others] = [...group].sort(
        // The oldest trigger keeps its task (and id), so a later purchase joins the existing call.
        (a, b) =>
          Date.parse(a.due) - Date.parse(b.due) ||
          (this.triggerTimes.get(a.id) ?? 0) - (this.triggerTimes.get(b.id) ?? 0) ||
          (a.id < b.id ? -1 : 1),
      ) as [DerivedTask, ...DerivedTask[]];
      if (others.length === 0) return kept;
      return {
        ...kept,
        reason: `${kept.reason}; also covers ${others.map((task) => task.triggerKey).join(', ')}`,
        covers: others.map((task) => task.id),
      };
    });
  }

  result(): TaskSet {
    const byDue = (a: DerivedTask, b: DerivedTask): number =>
      Date.parse(a.due) - Date.parse(b.due) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      tasks: this.consolidated().sort(byDue),
      cancelled: [...this.cancelledTasks.values()].sort(byDue),
      flags: [...this.flags.values()].sort((a, b) =>
        `${a.patientId}|${a.dispenseId}|${a.code}` < `${b.patientId}|${b.dispenseId}|${b.code}` ? -1 : 1,
      ),
    };
  }
}

/**
 * The tasks a set of plans derives from patient histories. Pure and deterministic: the result
 * depends only on the set of events (not their order or duplication), the plans and `now`, so a
 * replayed, duplicated or reordered stream yields the same task set with the same task ids.
 */
export function deriveTasks(
  plans: readonly PlanDocument[],
  events: readonly PatientEvent[],
  options: DeriveOptions,
): TaskSet {
  const sink = new TaskSink();
  const histories = historiesByPatient(events);
  const nowInstant = DateTime.fromISO(options.now, { setZone: true });
  // Plans mostly share one zone: each patient's history is built once per zone, not once per plan.
  const built = new Map<string, Map<string, PatientHistory>>();
  return withParsedTimes(() => {
    for (const plan of plans) {
      const zoneName = options.timezone ?? plan.timezone ?? DEFAULT_TIMEZONE;
      const zone = computationZone(zoneName, nowInstant);
      const horizonEnd = horizonEndOf(plan, nowInstant.setZone(zone));
      let inZone = built.get(zoneName);
      if (!inZone) {
        inZone = new Map();
        built.set(zoneName, inZone);
      }
      for (const [patientId, ordered] of histories) {
        let history = inZone.get(patientId);
        if (!history) {
          history = buildPatientHistory(patientId, ordered, zone);
          inZone.set(patientId, history);
        }
        deriveForPatient(plan, history, horizonEnd, sink);
      }
    }
    return sink.result();
  });
}
