import { redactErrorMessage, stackHash } from '../core/error-redaction';
import { FAILURE_HEADERS, type HeaderMap } from '../core/message-headers';
import { dlqTopicOf, retryTopicOf, baseTopicOf } from '../core/topics';
import { type ConsumedMessage, type OutgoingMessage } from '../kafka/message-transport.port';
import { errorCodeOf } from './retry-policy';

/** Where the message first arrived: kept across retry hops so the DLQ points at the source. */
function originOf(message: ConsumedMessage): HeaderMap {
  const h = message.headers;
  return {
    [FAILURE_HEADERS.originalTopic]: h[FAILURE_HEADERS.originalTopic] ?? message.topic,
    [FAILURE_HEADERS.originalPartition]: h[FAILURE_HEADERS.originalPartition] ?? String(message.partition),
    [FAILURE_HEADERS.originalOffset]: h[FAILURE_HEADERS.originalOffset] ?? message.offset,
  };
}

function errorHeaders(error: unknown): HeaderMap {
  const text = error instanceof Error ? error.message : String(error);
  return {
    [FAILURE_HEADERS.errorCode]: errorCodeOf(error),
    [FAILURE_HEADERS.errorMessage]: redactErrorMessage(text),
    [FAILURE_HEADERS.errorStackHash]: stackHash(error),
  };
}

export interface FailureInfo {
  error: unknown;
  groupId: string;
  /** Total handler attempts so far, over every hop. */
  attempts: number;
  failedAt: Date;
}

export function toRetryMessage(
  message: ConsumedMessage,
  info: FailureInfo,
  hop: number,
  notBefore: Date,
): OutgoingMessage {
  return {
    topic: retryTopicOf(baseTopicOf(message.topic)),
    key: message.key,
    value: message.value ?? '',
    headers: {
      ...message.headers,
      ...originOf(message),
      ...errorHeaders(info.error),
      [FAILURE_HEADERS.consumerGroup]: info.groupId,
      [FAILURE_HEADERS.attempts]: String(info.attempts),
      [FAILURE_HEADERS.retryHop]: String(hop),
      [FAILURE_HEADERS.retryNotBefore]: notBefore.toISOString(),
      [FAILURE_HEADERS.failedAt]: info.failedAt.toISOString(),
    },
  };
}

export function toDeadLetter(message: ConsumedMessage, info: FailureInfo): OutgoingMessage {
  const headers: HeaderMap = {
    ...message.headers,
    ...originOf(message),
    ...errorHeaders(info.error),
    [FAILURE_HEADERS.consumerGroup]: info.groupId,
    [FAILURE_HEADERS.attempts]: String(info.attempts),
    [FAILURE_HEADERS.failedAt]: info.failedAt.toISOString(),
  };
  delete headers[FAILURE_HEADERS.retryNotBefore];
  return { topic: dlqTopicOf(baseTopicOf(message.topic)), key: message.key, value: message.value ?? '', headers };
}

export function hopsOf(message: ConsumedMessage): number {
  const hop = Number(message.headers[FAILURE_HEADERS.retryHop] ?? '0');
  return Number.isInteger(hop) && hop >= 0 ? hop : 0;
}

export function attemptsOf(message: ConsumedMessage): number {
  const attempts = Number(message.headers[FAILURE_HEADERS.attempts] ?? '0');
  return Number.isInteger(attempts) && attempts >= 0 ? attempts : 0;
}

export function notBeforeOf(message: ConsumedMessage): number {
  const value = message.headers[FAILURE_HEADERS.retryNotBefore];
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? 0 : time;
}
