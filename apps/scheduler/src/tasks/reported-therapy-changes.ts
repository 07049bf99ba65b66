import { type AnyEventEnvelope } from '@revisit/domain';
import { type CancelledTask, type TaskSet } from '../derivation/task-set';
import { type FollowUpTask } from './follow-up-task';

interface TherapyChangeReport {
  readonly taskId: string;
  readonly at: number;
  readonly date: string;
}

/** Calls where the patient told outreach they changed therapy (task-completed, outcome `changed-therapy`). */
export function therapyChangeReports(history: readonly AnyEventEnvelope[]): TherapyChangeReport[] {
  return history.flatMap((envelope) =>
    envelope.type === 'revisit.followup.task-completed.v1' && envelope.data.outcome === 'changed-therapy'
      ? [
          {
            taskId: envelope.data.taskId,
            at: Date.parse(envelope.data.completedAt),
            date: envelope.data.completedAt.slice(0, 10),
          },
        ]
      : [],
  );
}

/**
 * A reported therapy change ends the rest of that call's course: later tasks of the same plan and trigger
 * are cancelled (the pharmacy learns it on the phone before any dispense record shows it). Other plans and
 * triggers of the patient go on.
 */
export function withReportedTherapyChanges(
  set: TaskSet,
  reports: readonly TherapyChangeReport[],
  stored: ReadonlyMap<string, FollowUpTask>,
): TaskSet {
  if (reports.length === 0) return set;
  const ended = new Map<string, TherapyChangeReport>();
  for (const report of reports) {
    const task = stored.get(report.taskId);
    if (task) ended.set(`${task.derived.planId}|${task.derived.triggerKey}`, report);
  }
  const cancelled: CancelledTask[] = [];
  const tasks = set.tasks.filter((task) => {
    const report = ended.get(`${task.planId}|${task.triggerKey}`);
    if (!report || Date.parse(task.due) <= report.at) return true;
    cancelled.push({ ...task, cancelReason: `patient reported changed therapy on ${report.date}` });
    return false;
  });
  return { ...set, tasks, cancelled: [...set.cancelled, ...cancelled] };
}
