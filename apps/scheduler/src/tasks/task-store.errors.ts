export enum TaskStoreErrorCode {
  TaskOwnedByAnotherOrg = 'task-store.task-owned-by-another-org',
}

const MESSAGES: Record<TaskStoreErrorCode, string> = {
  [TaskStoreErrorCode.TaskOwnedByAnotherOrg]: 'a derived task id is already stored for another organisation',
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
