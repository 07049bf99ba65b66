import { v5 as uuidv5 } from 'uuid';

/** Namespace of Revisit follow-up task ids (a fixed random UUID; changing it renames every task). */
const TASK_NAMESPACE = '6f1d3c52-8a4e-5b8f-9c1a-2e7d4b9f0a63';

export interface TaskIdentity {
  readonly org: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly triggerKey: string;
  readonly stepId: string;
  readonly occurrence: number;
}

export function taskId(identity: TaskIdentity): string {
  const name = [
    identity.org,
    identity.planId,
    identity.planVersion,
    identity.triggerKey,
    identity.stepId,
    identity.occurrence,
  ].join('|');
  return uuidv5(name, TASK_NAMESPACE);
}
