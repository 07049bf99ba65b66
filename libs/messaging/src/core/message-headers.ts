import { KAFKA_HEADERS } from '@revisit/domain';

/** Kafka header names carried by every event: the catalogue's names (CloudEvents `ce_*` + trace). */
export const EVENT_HEADERS = KAFKA_HEADERS;

/** Headers the consumer runner adds when a message leaves its original topic. */
export const FAILURE_HEADERS = {
  retryNotBefore: 'x-retry-not-before',
  attempts: 'x-attempts',
  retryHop: 'x-retry-hop',
  errorCode: 'x-error-code',
  errorMessage: 'x-error-message',
  errorStackHash: 'x-error-stack-hash',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  consumerGroup: 'x-consumer-group',
  failedAt: 'x-failed-at',
  redrivenAt: 'x-redriven-at',
  redriveOf: 'x-redrive-of',
} as const;

export type HeaderMap = Record<string, string>;

type RawHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** Normalises kafkajs' loosely typed headers into plain strings (first value wins). */
export function decodeHeaders(raw: Record<string, RawHeaderValue> | undefined): HeaderMap {
  const out: HeaderMap = {};
  if (!raw) return out;
  for (const [name, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
