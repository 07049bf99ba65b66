import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum WorklistErrorCode {
  TaskNotFound = 'worklist.task-not-found',
  PatientNotFound = 'worklist.patient-not-found',
  AlreadyClaimed = 'worklist.already-claimed',
  NotLeaseHolder = 'worklist.not-lease-holder',
  TaskClosed = 'worklist.task-closed',
  ContactDeferred = 'worklist.contact-deferred',
  ContactStopped = 'worklist.contact-stopped',
  NotAnswered = 'worklist.not-answered',
  NotDue = 'worklist.not-due',
}

const PROBLEMS: ProblemCatalogue<WorklistErrorCode> = {
  [WorklistErrorCode.TaskNotFound]: { status: 404, title: 'Task not found' },
  [WorklistErrorCode.PatientNotFound]: { status: 404, title: 'Patient not found' },
  [WorklistErrorCode.AlreadyClaimed]: { status: 409, title: 'Another agent holds this task' },
  [WorklistErrorCode.NotLeaseHolder]: { status: 409, title: 'Claim the task first' },
  [WorklistErrorCode.TaskClosed]: { status: 409, title: 'The task is closed' },
  [WorklistErrorCode.ContactDeferred]: { status: 409, title: 'The patient may not be contacted now' },
  [WorklistErrorCode.ContactStopped]: { status: 409, title: 'The patient may not be contacted for this' },
  [WorklistErrorCode.NotAnswered]: { status: 409, title: 'Record an answered call before completing' },
  [WorklistErrorCode.NotDue]: { status: 409, title: 'The next attempt is not due yet' },
};

export class WorklistError extends DomainError<WorklistErrorCode> {
  constructor(code: WorklistErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
