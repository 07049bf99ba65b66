import { type DerivedTask } from '../derivation/task-set';

export const TASK_STATUSES = ['pending', 'due', 'cancelled', 'completed', 'missed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A stored follow-up task: the engine's derived task plus where it stands and whose it is. */
export interface FollowUpTask {
  readonly id: string;
  readonly orgId: string;
  readonly patientId: string;
  readonly triggerEventId: string;
  readonly status: TaskStatus;
  readonly cancelReason: string | null;
  /** the engine's task as last derived: plan, step, due time with the org's offset, reason, ladder */
  readonly derived: DerivedTask;
}

/** A task a dispatcher just claimed, with the time it is due now (a capacity move may have put it later). */
export interface ClaimedTask extends FollowUpTask {
  readonly dueAt: Date;
}

/** A task as listed to staff: its current due time and whom it is assigned to. */
export interface ListedTask extends ClaimedTask {
  readonly assigneeStaffId: string | null;
}
