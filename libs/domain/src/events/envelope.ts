import { v7 as uuidv7 } from 'uuid';
import { formatOffsetDateTime } from '../time/offset-date-time';
import { dataschemaFor } from './catalogue-entry';
import { EVENT_CATALOGUE, type EventPayloadMap, type EventType } from './catalogue';
import { EventContractError, EventErrorCode } from './event.errors';
import { valueAtPointer } from './json-pointer';

/**
 * CloudEvents 1.0 structured-mode envelope. `orgid`, `correlationid`, `causationid` and `traceparent`
 * are CloudEvents extension attributes (lower-case alphanumerics, as the spec requires).
 */
export interface EventEnvelope<T extends EventType = EventType> {
  readonly specversion: '1.0';
  /** UUIDv7: unique per event, time-ordered; consumers de-duplicate on it (inbox). */
  readonly id: string;
  /** Producing service as a URI reference, e.g. `revisit/ingest`. */
  readonly source: string;
  readonly type: T;
  /** Aggregate id and Kafka message key; the enterprise patient id for patient-scoped events. */
  readonly subject: string;
  /** ISO-8601 with offset, e.g. `2026-03-01T10:30:00.000+08:00`. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** `urn:revisit:schema:<type>`. */
  readonly dataschema: string;
  /** Organisation (tenant) id. */
  readonly orgid: string;
  /** W3C trace context of the operation that produced the event. */
  readonly traceparent?: string;
  /** Id shared by every event of one business flow: the id of the flow's first event. */
  readonly correlationid?: string;
  /** Id of the event that directly caused this one. */
  readonly causationid?: string;
  readonly data: EventPayloadMap[T];
}

/** An envelope of any known type, with `type` and `data` kept in step (a discriminated union). */
export type AnyEventEnvelope = { [K in EventType]: EventEnvelope<K> }[EventType];

export interface NewEventInput<T extends EventType> {
  readonly subject: string;
  readonly data: EventPayloadMap[T];
  /** e.g. `revisit/scheduler`. */
  readonly source: string;
  readonly orgid: string;
  readonly traceparent?: string;
  readonly correlationid?: string;
  readonly causationid?: string;
  /**
   * The event being handled when this one is emitted: supplies causation id, correlation id and trace
   * parent unless given explicitly.
   */
  readonly causedBy?: Pick<EventEnvelope, 'id' | 'correlationid' | 'traceparent'>;
  /** Defaults to now; injectable for deterministic tests. */
  readonly time?: Date;
  /** Minutes east of UTC used to render `time`; defaults to Asia/Shanghai (+08:00). */
  readonly utcOffsetMinutes?: number;
}

const SOURCE_PATTERN = /^revisit\/[a-z][a-z0-9-]*$/;

/**
 * Builds an envelope for a catalogued event type. Checks that `subject` and `orgid` agree with `data`
 * (cheap, and the mistake is easy to make); the full schema check is `validateEvent`.
 */
export function newEvent<T extends EventType>(type: T, input: NewEventInput<T>): EventEnvelope<T> {
  requireText(input.subject, 'subject');
  requireText(input.orgid, 'orgid');
  if (!SOURCE_PATTERN.test(input.source)) {
    throw new EventContractError(EventErrorCode.InvalidEnvelope, 'source must look like "revisit/<service>"');
  }
  requireConsistentWithData(type, input);
  const causedBy = input.causedBy;
  const correlationid = input.correlationid ?? causedBy?.correlationid ?? causedBy?.id;
  const causationid = input.causationid ?? causedBy?.id;
  const traceparent = input.traceparent ?? causedBy?.traceparent;
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: input.source,
    type,
    subject: input.subject,
    time: formatOffsetDateTime(input.time ?? new Date(), input.utcOffsetMinutes),
    datacontenttype: 'application/json',
    dataschema: dataschemaFor(type),
    orgid: input.orgid,
    ...(traceparent === undefined ? {} : { traceparent }),
    ...(correlationid === undefined ? {} : { correlationid }),
    ...(causationid === undefined ? {} : { causationid }),
    data: input.data,
  };
}

function requireText(value: string, attribute: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new EventContractError(EventErrorCode.InvalidEnvelope, `${attribute} must be a non-empty string`);
  }
}

function requireConsistentWithData<T extends EventType>(type: T, input: NewEventInput<T>): void {
  const entry = EVENT_CATALOGUE[type];
  if (valueAtPointer(input.data, entry.subjectPointer) !== input.subject) {
    throw new EventContractError(
      EventErrorCode.SubjectMismatch,
      `subject must equal data${entry.subjectPointer} for ${type}`,
    );
  }
  const dataOrg = valueAtPointer(input.data, '/orgId');
  if (dataOrg !== undefined && dataOrg !== input.orgid) {
    throw new EventContractError(EventErrorCode.OrganisationMismatch, `orgid must equal data/orgId for ${type}`);
  }
}
