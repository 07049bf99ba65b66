import { deriveTasks } from '../derivation/derive-tasks';
import { type PatientEvent } from '../derivation/patient-event';
import { type TaskSet } from '../derivation/task-set';
import { type PlanDocument } from './plan.types';

/** The preview's public output shape (CLI and `POST /v1/plans/preview`): exactly these fields, by due time. */
export interface PreviewRow {
  readonly due: string;
  readonly plan: string;
  readonly step: string;
  readonly purpose: string;
  readonly channel: string;
  readonly reason: string;
}

export function previewTasks(
  plan: PlanDocument,
  events: readonly PatientEvent[],
  options: { readonly now: string; readonly timezone?: string },
): { rows: PreviewRow[]; result: TaskSet } {
  const result = deriveTasks([plan], events, options);
  const rows = result.tasks.map((task) => ({
    due: task.due,
    plan: task.planId,
    step: task.stepId,
    purpose: task.purpose,
    channel: task.channel,
    reason: task.reason,
  }));
  return { rows, result };
}
