export enum TaskStoreErrorCode {
  TaskOwnedByAnotherPatient = 'task-store.task-owned-by-another-patient',
}

const MESSAGES: Record<TaskStoreErrorCode, string> = {
  [TaskStoreErrorCode.TaskOwnedByAnotherPatient]:
    'a derived task id is already stored for another patient or organisation',
};

/** A task write the store refused; the message names the task id only, never patient data. */
export class TaskStoreError extends Error {
  constructor(
    readonly code: TaskStoreErrorCode,
    readonly taskId: string,
  ) {
    super(`${MESSAGES[code]} (task ${taskId})`);
    this.name = 'TaskStoreError';
  }
}
