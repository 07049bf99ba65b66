import type { OutreachChannelPort } from '../channel.port';

/** One patient in a robot call batch. */
export interface RobotCall {
  /** Our attempt id, echoed in the call's result. */
  readonly callRef: string;
  /** E.164. */
  readonly patientPhone: string;
  /** Values the script speaks (`patientTitle`: 张先生, `drugName`, `visitDate`); no identifiers. */
  readonly variables: Readonly<Record<string, string>>;
}

/** A batch of calls running one script (话术) at the provider, e.g. the post-dispensing check. */
export interface RobotCallBatch {
  readonly scriptId: string;
  /** Our batch reference (the campaign or the day's run). */
  readonly reference: string;
  readonly calls: readonly RobotCall[];
}

export interface SubmittedRobotBatch {
  readonly batchId: string;
  /** callRef -> the provider's call id, the key of each call's result. */
  readonly callIds: ReadonlyMap<string, string>;
}

/**
 * Port for AI voice-robot providers (批量外呼): submit a batch, results arrive per call on the callback
 * (`parseRobotCallResult`). `send` places a single call as a batch of one. The batch reference is the
 * idempotency key: after a crash the caller asks for it (`findBatch`) before submitting again.
 */
export interface VoiceRobotPort extends OutreachChannelPort<RobotCall & { readonly scriptId: string }> {
  /** The provider keeps one batch per `reference`: submitting the same reference again places no new calls. */
  submitBatch(batch: RobotCallBatch): Promise<SubmittedRobotBatch>;
  /** The batch the provider holds under our `reference`, or `undefined` if it never arrived. */
  findBatch(reference: string): Promise<SubmittedRobotBatch | undefined>;
}
