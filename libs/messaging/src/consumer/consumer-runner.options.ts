import { type RetryPolicy } from './retry-policy';

export interface ConsumerRunnerMetrics {
  handled?(topic: string, count: number): void;
  duplicatesSkipped?(topic: string, count: number): void;
  retried?(topic: string, errorCode: string): void;
  deadLettered?(topic: string, errorCode: string): void;
}

export interface ConsumerRunnerOptions {
  /** One consumer group per app, e.g. "scheduler". */
  groupId: string;
  /** The app's PostgreSQL schema holding the inbox table. */
  schema: string;
  /** Event types this app handles; each needs exactly one registered handler. */
  subscriptions: readonly string[];
  retry?: Partial<RetryPolicy>;
  metrics?: ConsumerRunnerMetrics;
}
