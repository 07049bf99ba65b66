import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { DEFAULT_RETRY_POLICY, inProcessDelay, isRetryable, routeFailure, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = {
  inProcessAttempts: 3,
  inProcessInitialDelayMs: 100,
  inProcessMaxDelayMs: 300,
  retryTopicAttempts: 2,
  retryTopicInitialDelayMs: 1000,
  retryTopicMaxDelayMs: 60_000,
};
const now = new Date('2026-03-01T00:00:00.000Z');

describe('retry policy', () => {
  it('backs off exponentially in process, capped', () => {
    expect([1, 2, 3, 4].map((attempt) => inProcessDelay(policy, attempt))).toEqual([100, 200, 300, 300]);
  });

  it('sends a handler failure to the retry topic with a growing delay, then to the DLQ', () => {
    const error = new Error('database is down');
    expect(routeFailure(policy, error, 0, now)).toEqual({
      to: 'retry',
      hop: 1,
      notBefore: new Date('2026-03-01T00:00:01.000Z'),
    });
    expect(routeFailure(policy, error, 1, now)).toEqual({
      to: 'retry',
      hop: 2,
      notBefore: new Date('2026-03-01T00:00:02.000Z'),
    });
    expect(routeFailure(policy, error, 2, now)).toEqual({ to: 'dlq' });
  });

  it.each([
    MessagingErrorCode.SchemaViolation,
    MessagingErrorCode.UnknownEventType,
    MessagingErrorCode.MalformedMessage,
    MessagingErrorCode.MissingHandler,
  ])('dead-letters %s at once', (code) => {
    const error = new MessagingError(code, 'bad message');
    expect(isRetryable(error)).toBe(false);
    expect(routeFailure(policy, error, 0, now)).toEqual({ to: 'dlq' });
  });

  it('has sane defaults', () => {
    expect(DEFAULT_RETRY_POLICY.inProcessAttempts).toBeGreaterThanOrEqual(1);
    expect(isRetryable(new MessagingError(MessagingErrorCode.PublishFailed, 'x'))).toBe(true);
  });
});
