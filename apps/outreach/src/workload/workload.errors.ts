import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum WorkloadErrorCode {
  OtherAgentsHidden = 'workload.other-agents-hidden',
  InvalidPeriod = 'workload.invalid-period',
}

const PROBLEMS: ProblemCatalogue<WorkloadErrorCode> = {
  [WorkloadErrorCode.OtherAgentsHidden]: { status: 403, title: 'Agents see only their own workload' },
  [WorkloadErrorCode.InvalidPeriod]: { status: 422, title: 'The period must run forwards and last at most 366 days' },
};

export class WorkloadError extends DomainError<WorkloadErrorCode> {
  constructor(code: WorkloadErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
