import { FAILURE_HEADERS } from '../core/message-headers';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { type ConsumedMessage } from '../kafka/message-transport.port';
import { attemptsOf, hopsOf, notBeforeOf, toDeadLetter, toRetryMessage } from './failure-messages';

const original: ConsumedMessage = {
  topic: 'revisit.followup.task-due.v1',
  partition: 2,
  offset: '41',
  key: 'P-1',
  value: '{"id":"e1"}',
  headers: { ce_id: 'e1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
};
const failedAt = new Date('2026-03-01T00:00:00.000Z');

describe('failure messages', () => {
  it('moves a failed message to the retry topic keeping key, value and trace headers', () => {
    const retry = toRetryMessage(
      original,
      { error: new Error('timeout calling 13812345678'), groupId: 'scheduler', attempts: 3, failedAt },
      1,
      new Date('2026-03-01T00:00:05.000Z'),
    );
    expect(retry.topic).toBe('revisit.followup.task-due.v1.retry');
    expect(retry.key).toBe('P-1');
    expect(retry.value).toBe(original.value);
    expect(retry.headers).toMatchObject({
      ce_id: 'e1',
      traceparent: original.headers.traceparent,
      [FAILURE_HEADERS.originalTopic]: original.topic,
      [FAILURE_HEADERS.originalPartition]: '2',
      [FAILURE_HEADERS.originalOffset]: '41',
      [FAILURE_HEADERS.retryNotBefore]: '2026-03-01T00:00:05.000Z',
      [FAILURE_HEADERS.errorCode]: MessagingErrorCode.HandlerFailed,
      [FAILURE_HEADERS.attempts]: '3',
    });
    expect(retry.headers[FAILURE_HEADERS.errorMessage]).not.toContain('13812345678');
  });

  it('dead-letters from a retry topic to the base DLQ, keeping the first origin', () => {
    const hop = toRetryMessage(
      original,
      { error: new Error('x'), groupId: 'scheduler', attempts: 3, failedAt },
      1,
      failedAt,
    );
    const fromRetry: ConsumedMessage = {
      ...original,
      topic: hop.topic,
      partition: 0,
      offset: '7',
      headers: hop.headers,
    };
    expect(hopsOf(fromRetry)).toBe(1);
    expect(attemptsOf(fromRetry)).toBe(3);
    expect(notBeforeOf(fromRetry)).toBe(failedAt.getTime());
    const error = new MessagingError(MessagingErrorCode.SchemaViolation, 'data/seq must be integer');
    const dead = toDeadLetter(fromRetry, { error, groupId: 'scheduler', attempts: 4, failedAt });
    expect(dead.topic).toBe('revisit.followup.task-due.v1.dlq');
    expect(dead.headers).toMatchObject({
      [FAILURE_HEADERS.originalTopic]: original.topic,
      [FAILURE_HEADERS.originalPartition]: '2',
      [FAILURE_HEADERS.originalOffset]: '41',
      [FAILURE_HEADERS.errorCode]: MessagingErrorCode.SchemaViolation,
      [FAILURE_HEADERS.errorMessage]: 'data/seq must be integer',
      [FAILURE_HEADERS.consumerGroup]: 'scheduler',
      [FAILURE_HEADERS.attempts]: '4',
      [FAILURE_HEADERS.failedAt]: '2026-03-01T00:00:00.000Z',
    });
    expect(dead.headers[FAILURE_HEADERS.errorStackHash]).toMatch(/^[0-9a-f]{16}$/);
    expect(dead.headers[FAILURE_HEADERS.retryNotBefore]).toBeUndefined();
  });
});
