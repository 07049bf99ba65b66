import { type DerivedTask, type TaskSet } from './task-set';

export type TaskChange =
  | { readonly kind: 'created'; readonly task: DerivedTask }
  | { readonly kind: 'moved'; readonly task: DerivedTask; readonly previousDue: string; readonly why: string }
  | { readonly kind: 'changed'; readonly task: DerivedTask; readonly why: string }
  | { readonly kind: 'cancelled'; readonly taskId: string; readonly previousDue: string; readonly why: string };

/**
 * What a new event did to a patient's tasks: the scheduler derives before and after and applies the
 * difference to its stored tasks and timers. Every move and cancellation carries its reason.
 */
export function diffTaskSets(before: TaskSet, after: TaskSet, vanishedBecause?: string): TaskChange[] {
  const previous = new Map(before.tasks.map((task) => [task.id, task]));
  const cancelledNow = new Map(after.cancelled.map((task) => [task.id, task]));
  const changes: TaskChange[] = [];
  for (const task of after.tasks) {
    const old = previous.get(task.id);
    if (!old) {
      changes.push({ kind: 'created', task });
    } else if (old.due !== task.due) {
      changes.push({ kind: 'moved', task, previousDue: old.due, why: task.reason });
    } else if (old.reason !== task.reason || old.purpose !== task.purpose || old.channel !== task.channel) {
      changes.push({ kind: 'changed', task, why: task.reason });
    }
    previous.delete(task.id);
  }
  const coveredBy = new Map(after.tasks.flatMap((task) => (task.covers ?? []).map((id) => [id, task.id] as const)));
  for (const old of previous.values()) {
    const keeper = coveredBy.get(old.id);
    if (keeper !== undefined) {
      changes.push({
        kind: 'cancelled',
        taskId: old.id,
        previousDue: old.due,
        why: `merged into task ${keeper} (same step, same day)`,
      });
      continue;
    }
    const cancelled = cancelledNow.get(old.id);
    // Gone without a cancellation record: the event that caused it was reversed or corrected away, unless
    // the caller knows better (records merged: another trigger of the same person now carries the call).
    const why =
      cancelled?.cancelReason ??
      vanishedBecause ??
      `its trigger ${old.triggerKey} no longer applies (corrected or reversed)`;
    changes.push({ kind: 'cancelled', taskId: old.id, previousDue: old.due, why });
  }
  return changes;
}
