import { type Channel, type Priority } from '../plans/plan.types';
import { type SupplyProblemCode } from '../supply/supply.errors';

export interface DerivedTask {
  /** UUIDv5 of (plan id, plan version, trigger record, step id, occurrence): equal across replays */
  readonly id: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly stepId: string;
  readonly occurrence: number;
  readonly patientId: string;
  readonly triggerKey: string;
  /** ISO-8601 with the organisation's offset */
  readonly due: string;
  readonly purpose: string;
  readonly script?: string;
  readonly channel: Channel;
  readonly channels: readonly Channel[];
  readonly priority: Priority;
  readonly assignee: { readonly staffId?: string; readonly queue: string };
  /** why this task exists and why it is due then (anchor, offset, deferrals) */
  readonly reason: string;
  /** how long after `due` the task may still be sent when the dispatcher catches up (plan `catchUp.grace`) */
  readonly graceMinutes?: number;
  /** ids of same-day tasks of the same step folded into this call (one call, several triggers) */
  readonly covers?: readonly string[];
}

export interface CancelledTask extends DerivedTask {
  readonly cancelReason: string;
}

/** A dispense whose supply could not be computed: a pharmacist must look, nothing is guessed. */
export interface SupplyFlag {
  readonly patientId: string;
  readonly planId: string;
  readonly dispenseId: string;
  readonly code: SupplyProblemCode;
  readonly message: string;
}

export interface TaskSet {
  /** live tasks, sorted by due time then id */
  readonly tasks: readonly DerivedTask[];
  /** tasks the history cancelled (stop conditions, corrections), with the reason */
  readonly cancelled: readonly CancelledTask[];
  readonly flags: readonly SupplyFlag[];
}
