import { type EventEnvelope } from './envelope';

/**
 * Kafka header names. The value stays a structured CloudEvent (the whole envelope is the message value);
 * the `ce_` headers duplicate routing attributes so brokers, DLQ tools and consumers can filter and
 * restore trace context without parsing the body.
 */
export const KAFKA_HEADERS = {
  contentType: 'content-type',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  specversion: 'ce_specversion',
  subject: 'ce_subject',
  time: 'ce_time',
  orgid: 'ce_orgid',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
} as const;

/** Content type of a structured-mode CloudEvent (CloudEvents Kafka protocol binding). */
export const CLOUDEVENTS_STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/** Kafka message key: the envelope subject, so all events of one aggregate share a partition. */
export function kafkaKeyOf(envelope: Pick<EventEnvelope, 'subject'>): string {
  return envelope.subject;
}

/** Headers to send with an envelope. Only ids and routing attributes: nothing here is patient data. */
export function kafkaHeadersOf(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [KAFKA_HEADERS.contentType]: CLOUDEVENTS_STRUCTURED_CONTENT_TYPE,
    [KAFKA_HEADERS.id]: envelope.id,
    [KAFKA_HEADERS.type]: envelope.type,
    [KAFKA_HEADERS.source]: envelope.source,
    [KAFKA_HEADERS.specversion]: envelope.specversion,
    [KAFKA_HEADERS.subject]: envelope.subject,
    [KAFKA_HEADERS.time]: envelope.time,
    [KAFKA_HEADERS.orgid]: envelope.orgid,
  };
  if (envelope.traceparent !== undefined) headers[KAFKA_HEADERS.traceparent] = envelope.traceparent;
  if (envelope.correlationid !== undefined) headers[KAFKA_HEADERS.correlationId] = envelope.correlationid;
  if (envelope.causationid !== undefined) headers[KAFKA_HEADERS.causationId] = envelope.causationid;
  return headers;
}
