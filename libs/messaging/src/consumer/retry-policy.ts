import { NON_RETRYABLE_CODES, isMessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { exponentialBackoff } from '../core/wake-signal';

export interface RetryPolicy {
  /** Tries inside the consumer before the message leaves the partition (1 = no in-process retry). */
  inProcessAttempts: number;
  inProcessInitialDelayMs: number;
  inProcessMaxDelayMs: number;
  /** Hops through `<topic>.retry` before the DLQ. */
  retryTopicAttempts: number;
  retryTopicInitialDelayMs: number;
  retryTopicMaxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  inProcessAttempts: 3,
  inProcessInitialDelayMs: 100,
  inProcessMaxDelayMs: 2000,
  retryTopicAttempts: 3,
  retryTopicInitialDelayMs: 5000,
  retryTopicMaxDelayMs: 5 * 60_000,
};

export type FailureRoute = { to: 'retry'; hop: number; notBefore: Date } | { to: 'dlq' };

export function errorCodeOf(error: unknown): MessagingErrorCode {
  return isMessagingError(error) ? error.code : MessagingErrorCode.HandlerFailed;
}

export function isRetryable(error: unknown): boolean {
  return !NON_RETRYABLE_CODES.has(errorCodeOf(error));
}

export function inProcessDelay(policy: RetryPolicy, attempt: number): number {
  return exponentialBackoff(attempt, policy.inProcessInitialDelayMs, policy.inProcessMaxDelayMs);
}

/** Where a message goes once its in-process attempts are spent; `hopsSoFar` counts retry-topic passes. */
export function routeFailure(policy: RetryPolicy, error: unknown, hopsSoFar: number, now: Date): FailureRoute {
  if (!isRetryable(error) || hopsSoFar >= policy.retryTopicAttempts) return { to: 'dlq' };
  const hop = hopsSoFar + 1;
  const delay = exponentialBackoff(hop, policy.retryTopicInitialDelayMs, policy.retryTopicMaxDelayMs);
  return { to: 'retry', hop, notBefore: new Date(now.getTime() + delay) };
}
